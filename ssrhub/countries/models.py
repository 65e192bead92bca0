"""Country workspaces: the engagement and its lifecycle, the security-sector map, assessments, the national
security policy -> strategy -> plan chain with its actions, and a timeline of events whose sources may disagree.

Every record is country-scoped workspace data: country editors change the countries they are assigned to,
everyone with a role reads them (``core/roles.py``, ``core/access.py``). Facts keep their source: a free-text
``source`` (a person, a file, a meeting) and/or structured citations (``core.SourceCitation``: a UN document
symbol and paragraph, the source book's chapter and lines, or a URL).
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ssrhub.core.dates import truncate
from ssrhub.core.fields import (
    CurrencyField,
    DatePrecision,
    UNSymbolField,
    precision_field,
    validate_not_in_future,
)
from ssrhub.core.i18n import translated
from ssrhub.core.models import ChangeLoggedModel
from ssrhub.framework.models import MissionTypeChoices

from .women_share import women_share

__all__ = [
    'Action',
    'ActionStatusUpdate',
    'Actor',
    'ActorRelation',
    'Assessment',
    'AssessmentRating',
    'Engagement',
    'EngagementStage',
    'EventDate',
    'Headcount',
    'NationalDocument',
    'Objective',
    'Pillar',
    'Threat',
    'TimelineEvent',
    'WomenShareTarget',
    'status_label',
]


def citations():
    return GenericRelation(to='core.SourceCitation')


def truncate_partial_dates(record, **precisions) -> None:
    """Store each partial date (``date_field=precision_field``) as the first day of its month or year, so that equal
    claims compare equal."""
    for name, precision in precisions.items():
        if getattr(record, name):
            setattr(record, name, truncate(getattr(record, name), getattr(record, precision)))


class WorkspaceModel(ChangeLoggedModel):
    """A country workspace record, changed by the country editors of its country; ``source`` says where it
    comes from when no citation fits (a person, a file, a meeting)."""

    source = models.CharField(verbose_name=_('source'), max_length=300, blank=True)

    access_kind = 'workspace'

    class Meta:
        abstract = True


# Section: engagement


class Stage(models.TextChoices):
    REQUEST = 'request', _('Request or mandate')
    ASSESSMENT = 'assessment', _('Assessment')
    MAPPING = 'mapping', _('Security-sector mapping')
    DIALOGUE = 'dialogue', _('National dialogue and consultation')
    MECHANISM = 'mechanism', _('Institutional mechanism')
    POLICY = 'policy', _('National security policy')
    STRATEGY = 'strategy', _('Strategy')
    PLANS = 'plans', _('Plans and roadmaps')
    PROGRAMMING = 'programming', _('Programming and partner mobilisation')
    COORDINATION = 'coordination', _('Coordination')
    MONITORING = 'monitoring', _('Monitoring and evaluation')
    TRANSITION = 'transition', _('Transition and handover')


class StageStatus(models.TextChoices):
    PLANNED = 'planned', _('Planned')
    UNDER_WAY = 'under-way', _('Under way')
    DONE = 'done', _('Done')
    SKIPPED = 'skipped', _('Skipped')


class Lead(models.TextChoices):
    NATIONAL = 'national', _('National')
    INTERNATIONAL = 'international', _('International')
    JOINT = 'joint', _('Joint')


class Engagement(WorkspaceModel):
    """UN support to SSR in one country: its setting and legal basis (principle (b): a national request and/or a
    mandate), its lead national entity and international counterpart (principle (i))."""

    country = models.OneToOneField(
        to='core.Country', on_delete=models.PROTECT, related_name='engagement', verbose_name=_('country')
    )
    setting = models.CharField(verbose_name=_('setting'), max_length=20, choices=MissionTypeChoices)
    mission = models.ForeignKey(
        to='framework.Mission',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='engagements',
        verbose_name=_('mission'),
    )
    request_date = models.DateField(verbose_name=_('date of the national request'), null=True, blank=True)
    request_by = models.CharField(verbose_name=_('requested by'), max_length=200, blank=True)
    mandate_symbol = UNSymbolField(verbose_name=_('mandating resolution'), blank=True)
    mandate_paragraph = models.CharField(verbose_name=_('paragraph'), max_length=40, blank=True)
    national_lead = models.CharField(verbose_name=_('lead national entity'), max_length=200, blank=True)
    national_lead_fr = models.CharField(
        verbose_name=_('lead national entity in French'),
        max_length=200,
        blank=True,
        help_text=_('Its official French name, shown on French pages; leave empty when unsure.'),
    )
    international_counterpart = models.CharField(
        verbose_name=_('international counterpart'), max_length=200, blank=True
    )
    summary = models.TextField(verbose_name=_('summary'), blank=True)
    citations = citations()

    country_scope = 'country'

    class Meta:
        ordering = ['country__name_en']
        verbose_name = _('engagement')
        verbose_name_plural = _('engagements')

    def __str__(self):
        return str(self.country)

    def get_absolute_url(self):
        return reverse('countries:dashboard', args=[self.country.iso3])

    @property
    def display_national_lead(self) -> str:
        """The lead national entity in the UI language (its official French name in French, when recorded)."""
        return translated(self, 'national_lead')

    def clean(self):
        errors = {}
        if not (self.request_date or self.mandate_symbol):
            errors[NON_FIELD_ERRORS] = _(
                'Give the legal basis: the date of the national request, a mandating resolution, or both.'
            )
        if self.mandate_paragraph and not self.mandate_symbol:
            errors['mandate_paragraph'] = _('A paragraph needs the symbol of its resolution.')
        if errors:
            raise ValidationError(errors)


class EngagementStage(WorkspaceModel):
    """One stage of the lifecycle: its dates, who led it, the evidence; a skipped stage says why."""

    engagement = models.ForeignKey(
        to=Engagement, on_delete=models.CASCADE, related_name='stages', verbose_name=_('engagement')
    )
    stage = models.CharField(verbose_name=_('stage'), max_length=20, choices=Stage)
    status = models.CharField(verbose_name=_('status'), max_length=12, choices=StageStatus, default=StageStatus.PLANNED)
    start = models.DateField(verbose_name=_('start'), null=True, blank=True)
    start_precision = precision_field()
    end = models.DateField(verbose_name=_('end'), null=True, blank=True)
    end_precision = precision_field()
    led_by = models.CharField(verbose_name=_('led by'), max_length=15, choices=Lead, blank=True)
    evidence = models.TextField(verbose_name=_('evidence'), blank=True)
    skip_reason = models.CharField(verbose_name=_('reason for skipping'), max_length=300, blank=True)
    citations = citations()

    country_scope = 'engagement__country'

    class Meta:
        ordering = ['engagement', 'stage']
        verbose_name = _('engagement stage')
        verbose_name_plural = _('engagement stages')
        constraints = [models.UniqueConstraint(fields=['engagement', 'stage'], name='countries_one_row_per_stage')]

    def __str__(self):
        return f'{self.engagement}: {self.get_stage_display()}'

    @property
    def order(self) -> int:
        return list(Stage.values).index(self.stage)

    def clean(self):
        errors = {}
        if self.status == StageStatus.SKIPPED and not self.skip_reason:
            errors['skip_reason'] = _('Say why the stage was skipped.')
        if self.status != StageStatus.SKIPPED and self.skip_reason:
            errors['skip_reason'] = _('Only a skipped stage has a reason for skipping.')
        truncate_partial_dates(self, start='start_precision', end='end_precision')
        if self.start and self.end and self.end < self.start:
            errors['end'] = _('A stage cannot end before it starts.')
        if errors:
            raise ValidationError(errors)


# Section: security-sector map


class Area(models.TextChoices):
    """The four areas of the security sector (2008 report of the Secretary-General)."""

    CORE = 'core-security-actors', _('Core security actors')
    JUSTICE = 'justice', _('Justice')
    OVERSIGHT = 'management-oversight', _('Management and oversight')
    NON_STATE = 'non-state-actors', _('Non-state actors')


class ActorType(models.TextChoices):
    DEFENCE = 'defence', _('Armed forces')
    POLICE = 'police', _('Police')
    GENDARMERIE = 'gendarmerie', _('Gendarmerie')
    INTELLIGENCE = 'intelligence', _('Intelligence')
    BORDER = 'border-management', _('Border management')
    CUSTOMS = 'customs', _('Customs')
    CIVIL_EMERGENCIES = 'civil-emergencies', _('Civil emergencies')
    COURTS = 'courts', _('Courts and prosecution')
    CORRECTIONS = 'corrections', _('Corrections')
    EXECUTIVE = 'executive', _('Executive and ministries')
    COUNCIL = 'security-council', _('National security council or committee')
    LEGISLATURE = 'legislature', _('Legislature')
    OVERSIGHT_BODY = 'oversight-body', _('Independent oversight body')
    CIVIL_SOCIETY = 'civil-society', _('Civil society')
    CUSTOMARY = 'customary', _('Customary and informal authorities')
    ARMED_GROUP = 'armed-group', _('Non-state armed group')
    PRIVATE_SECURITY = 'private-security', _('Private security')
    INTERNATIONAL = 'international', _('International partner')
    OTHER = 'other', _('Other')


class Actor(WorkspaceModel):
    """An actor of a country's security sector (or a partner acting on it)."""

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='security_actors', verbose_name=_('country')
    )
    name = models.CharField(verbose_name=_('name'), max_length=200)
    name_fr = models.CharField(
        verbose_name=_('French name'),
        max_length=200,
        blank=True,
        help_text=_('The official French name, shown on French pages; leave empty when unsure.'),
    )
    acronym = models.CharField(verbose_name=_('acronym'), max_length=40, blank=True)
    area = models.CharField(verbose_name=_('area'), max_length=25, choices=Area)
    type = models.CharField(verbose_name=_('type'), max_length=20, choices=ActorType)
    statutory = models.BooleanField(verbose_name=_('statutory'), default=True)
    note = models.TextField(verbose_name=_('note'), blank=True)
    citations = citations()

    country_scope = 'country'

    class Meta:
        ordering = ['country', 'area', 'name']
        verbose_name = _('security actor')
        verbose_name_plural = _('security actors')
        constraints = [models.UniqueConstraint(fields=['country', 'name'], name='countries_actor_name_per_country')]

    def __str__(self):
        return self.acronym or self.display_name

    @property
    def display_name(self) -> str:
        """The name in the UI language (the official French name in French, when recorded)."""
        return translated(self, 'name')

    def get_absolute_url(self):
        return f'{reverse("countries:actors", args=[self.country.iso3])}#actor-{self.pk}'

    def clean(self):
        if self.area == Area.NON_STATE and self.statutory:
            raise ValidationError({'statutory': _('A non-state actor is not statutory.')})


class RelationKind(models.TextChoices):
    OVERSEES = 'oversees', _('oversees')
    REPORTS_TO = 'reports-to', _('reports to')
    FUNDS = 'funds', _('funds')
    TRAINS = 'trains', _('trains')
    INTEGRATES_INTO = 'integrates-into', _('integrates into')


class ActorRelation(WorkspaceModel):
    """``from_actor`` oversees / reports to / funds / trains / integrates into ``to_actor``."""

    from_actor = models.ForeignKey(
        to=Actor, on_delete=models.CASCADE, related_name='relations_out', verbose_name=_('actor')
    )
    kind = models.CharField(verbose_name=_('relation'), max_length=20, choices=RelationKind)
    to_actor = models.ForeignKey(
        to=Actor, on_delete=models.CASCADE, related_name='relations_in', verbose_name=_('other actor')
    )
    note = models.CharField(verbose_name=_('note'), max_length=300, blank=True)
    citations = citations()

    country_scope = 'from_actor__country'

    class Meta:
        ordering = ['from_actor', 'kind', 'to_actor']
        verbose_name = _('actor relation')
        verbose_name_plural = _('actor relations')
        constraints = [
            models.UniqueConstraint(fields=['from_actor', 'kind', 'to_actor'], name='countries_one_relation_of_a_kind')
        ]

    def __str__(self):
        return f'{self.from_actor} {self.get_kind_display()} {self.to_actor}'

    def clean(self):
        if self.from_actor_id and self.from_actor_id == self.to_actor_id:
            raise ValidationError({'to_actor': _('An actor cannot be related to itself.')})
        if self.from_actor_id and self.to_actor_id and self.from_actor.country_id != self.to_actor.country_id:
            raise ValidationError({'to_actor': _('Both actors must belong to the same country.')})


class Headcount(WorkspaceModel):
    """A count of an actor's personnel on a date, as one source gives it. Sources that disagree are kept side by
    side (the Central African ministry database against the payroll)."""

    actor = models.ForeignKey(to=Actor, on_delete=models.CASCADE, related_name='headcounts', verbose_name=_('actor'))
    date = models.DateField(verbose_name=_('date'), validators=[validate_not_in_future])
    count = models.PositiveIntegerField(verbose_name=_('personnel'))
    women = models.PositiveIntegerField(
        verbose_name=_('women'),
        null=True,
        blank=True,
        help_text=_('How many of the personnel are women; leave empty when the source gives only the total.'),
    )
    basis = models.CharField(
        verbose_name=_('basis'),
        max_length=100,
        blank=True,
        help_text=_('What was counted: payroll, personnel database, authorised strength, registered combatants...'),
    )
    citations = citations()

    country_scope = 'actor__country'

    class Meta:
        ordering = ['actor', '-date']
        verbose_name = _('headcount')
        verbose_name_plural = _('headcounts')
        constraints = [
            models.CheckConstraint(
                condition=models.Q(women__isnull=True) | models.Q(women__lte=models.F('count')),
                name='countries_headcount_women_within_count',
                violation_error_message=_('The number of women cannot be larger than the personnel.'),
            )
        ]

    def __str__(self):
        return f'{self.actor}: {self.count} ({self.date})'

    @property
    def women_share(self) -> Decimal | None:
        """The share of women (per cent, one decimal), ``None`` when the source gives no split."""
        return women_share(self.women, self.count)

    def clean(self):
        if self.women is not None and self.count is not None and self.women > self.count:
            raise ValidationError(
                {
                    'women': _('The number of women (%(women)s) cannot be larger than the personnel (%(count)s).')
                    % {'women': self.women, 'count': self.count}
                }
            )


class WomenShareTarget(WorkspaceModel):
    """The share of women a country sets itself for one institution of its security sector, or for the whole sector
    (no actor), to reach by a date; the gender page draws it against the shares the headcounts give."""

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='women_share_targets', verbose_name=_('country')
    )
    actor = models.ForeignKey(
        to=Actor,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name='women_share_targets',
        verbose_name=_('institution'),
        help_text=_('Leave empty for a target of the whole security sector.'),
    )
    share = models.DecimalField(
        verbose_name=_('target share of women (%)'),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    target_date = models.DateField(verbose_name=_('target date'))
    note = models.TextField(verbose_name=_('note'), blank=True)
    citations = citations()

    country_scope = 'country'

    class Meta:
        ordering = ['country', 'actor', 'target_date']
        verbose_name = _('target share of women')
        verbose_name_plural = _('targets for the share of women')

    def __str__(self):
        scope = self.actor if self.actor_id else _('security sector')
        return f'{scope}: {self.share} % ({self.target_date:%Y-%m-%d})'

    def get_absolute_url(self):
        return f'{reverse("countries:women_target_list", args=[self.country.iso3])}#target-{self.pk}'

    def clean(self):
        if self.actor_id and self.country_id and self.actor.country_id != self.country_id:
            raise ValidationError({'actor': _('The institution must belong to the same country.')})


# Section: assessments


class Assessment(WorkspaceModel):
    """An assessment of the sector against the five features and seven governance standards (scorecard) and of
    UN support against the ten principles (checklist)."""

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='ssr_assessments', verbose_name=_('country')
    )
    title = models.CharField(verbose_name=_('title'), max_length=200)
    date = models.DateField(verbose_name=_('date'), validators=[validate_not_in_future])
    assessed_by = models.CharField(verbose_name=_('assessed by'), max_length=200, blank=True)
    framework_version = models.ForeignKey(
        to='framework.FrameworkVersion', on_delete=models.PROTECT, related_name='+', verbose_name=_('framework version')
    )
    note = models.TextField(verbose_name=_('note'), blank=True)
    citations = citations()

    country_scope = 'country'

    class Meta:
        ordering = ['country', '-date']
        verbose_name = _('assessment')
        verbose_name_plural = _('assessments')

    def __str__(self):
        return f'{self.title} ({self.date})'

    def get_absolute_url(self):
        return reverse('countries:assessment', args=[self.country.iso3, self.pk])


class Score(models.IntegerChoices):
    ABSENT = 0, _('0 - absent')
    WEAK = 1, _('1 - weak')
    PARTIAL = 2, _('2 - partial')
    ADEQUATE = 3, _('3 - adequate')
    STRONG = 4, _('4 - strong')


class Compliance(models.TextChoices):
    MET = 'met', _('Met')
    PARTLY = 'partly', _('Partly met')
    NOT_MET = 'not-met', _('Not met')
    NOT_APPLICABLE = 'n/a', _('Not applicable')


class AssessmentRating(WorkspaceModel):
    """One item of the reference framework rated with evidence: a feature or standard gets a score, a principle
    a compliance value."""

    assessment = models.ForeignKey(
        to=Assessment, on_delete=models.CASCADE, related_name='ratings', verbose_name=_('assessment')
    )
    item = models.ForeignKey(
        to='framework.FrameworkItem', on_delete=models.PROTECT, related_name='+', verbose_name=_('item')
    )
    score = models.PositiveSmallIntegerField(verbose_name=_('score'), choices=Score, null=True, blank=True)
    compliance = models.CharField(verbose_name=_('compliance'), max_length=10, choices=Compliance, blank=True)
    evidence = models.TextField(verbose_name=_('evidence'), blank=True)
    citations = citations()

    country_scope = 'assessment__country'

    class Meta:
        ordering = ['assessment', 'item__order']
        verbose_name = _('rating')
        verbose_name_plural = _('ratings')
        constraints = [
            models.UniqueConstraint(fields=['assessment', 'item'], name='countries_one_rating_per_item'),
            models.CheckConstraint(
                condition=(models.Q(score__isnull=False) & models.Q(compliance=''))
                | (models.Q(score__isnull=True) & ~models.Q(compliance='')),
                name='countries_rating_has_a_score_or_a_compliance',
                violation_error_message=_('A rating has either a score or a compliance value.'),
            ),
        ]

    def __str__(self):
        return f'{self.item.code}: {self.score if self.score is not None else self.compliance}'

    def clean(self):
        if not self.item_id:
            return
        is_principle = self.item.code.startswith('principle.')
        if is_principle and (self.score is not None or not self.compliance):
            raise ValidationError({'compliance': _('A principle is rated met, partly met, not met or not applicable.')})
        if not is_principle and (self.compliance or self.score is None):
            raise ValidationError({'score': _('A feature or a governance standard is scored from 0 to 4.')})
        if self.assessment_id and self.item.version_id != self.assessment.framework_version_id:
            raise ValidationError({'item': _('The item must come from the framework version of the assessment.')})


# Section: policy, strategy, plan


class DocumentKind(models.TextChoices):
    POLICY = 'policy', _('National security policy')
    STRATEGY = 'strategy', _('Strategy')
    PLAN = 'plan', _('Plan')
    LAW = 'law', _('Law or decree')
    OTHER = 'other', _('Other framework document')


class DocumentStatus(models.TextChoices):
    NOT_DRAFTED = 'not-drafted', _('Not yet drafted')
    DRAFTING = 'drafting', _('Being drafted')
    ENDORSED = 'endorsed', _('Endorsed or validated')
    ADOPTED = 'adopted', _('Adopted')
    IMPLEMENTING = 'implementing', _('Under implementation')
    COMPLETED = 'completed', _('Completed')
    SUPERSEDED = 'superseded', _('Superseded')
    ABANDONED = 'abandoned', _('Abandoned')


# A status shown next to a feminine kind of document takes the feminine in French (une politique adoptée, une
# stratégie achevée); "Law or decree" agrees with its nearest noun, décret.
FEMININE_KINDS = frozenset({DocumentKind.POLICY, DocumentKind.STRATEGY})
FEMININE_STATUS_LABELS = {
    DocumentStatus.NOT_DRAFTED: pgettext_lazy('feminine: a policy or a strategy', 'Not yet drafted'),
    DocumentStatus.DRAFTING: pgettext_lazy('feminine: a policy or a strategy', 'Being drafted'),
    DocumentStatus.ENDORSED: pgettext_lazy('feminine: a policy or a strategy', 'Endorsed or validated'),
    DocumentStatus.ADOPTED: pgettext_lazy('feminine: a policy or a strategy', 'Adopted'),
    DocumentStatus.IMPLEMENTING: pgettext_lazy('feminine: a policy or a strategy', 'Under implementation'),
    DocumentStatus.COMPLETED: pgettext_lazy('feminine: a policy or a strategy', 'Completed'),
    DocumentStatus.SUPERSEDED: pgettext_lazy('feminine: a policy or a strategy', 'Superseded'),
    DocumentStatus.ABANDONED: pgettext_lazy('feminine: a policy or a strategy', 'Abandoned'),
}


def status_label(kind: str, status: str) -> str:
    """The label of a national document's status, agreeing in French with the document's kind."""
    if kind in FEMININE_KINDS:
        return str(FEMININE_STATUS_LABELS[status])
    return str(DocumentStatus(status).label)


class NationalDocument(WorkspaceModel):
    """A national framework document; policies, strategies and plans chain through ``parent``
    (policy -> strategy -> plan), and a plan's actions answer the threats and objectives up the chain."""

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='national_documents', verbose_name=_('country')
    )
    kind = models.CharField(verbose_name=_('kind'), max_length=10, choices=DocumentKind)
    title = models.CharField(verbose_name=_('title'), max_length=300)
    title_fr = models.CharField(
        verbose_name=_('French title'),
        max_length=300,
        blank=True,
        help_text=_('The official French title, shown on French pages; leave empty when unsure.'),
    )
    parent = models.ForeignKey(
        to='self',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='children',
        verbose_name=_('implements'),
        help_text=_('The policy a strategy implements, or the strategy or policy a plan implements.'),
    )
    status = models.CharField(verbose_name=_('status'), max_length=15, choices=DocumentStatus)
    adopted = models.DateField(verbose_name=_('adopted or endorsed'), null=True, blank=True)
    adopted_precision = precision_field()
    adopted_by = models.CharField(verbose_name=_('adopted by'), max_length=200, blank=True)
    due = models.DateField(
        verbose_name=_('due'), null=True, blank=True, help_text=_('When the document was due to be adopted.')
    )
    due_precision = precision_field()
    vision = models.TextField(verbose_name=_('needs and vision'), blank=True)
    note = models.TextField(verbose_name=_('note'), blank=True)
    citations = citations()

    country_scope = 'country'

    class Meta:
        ordering = ['country', 'adopted', 'title']
        verbose_name = _('national framework document')
        verbose_name_plural = _('national framework documents')

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        """The title in the UI language (the official French title in French, when recorded)."""
        return translated(self, 'title')

    def get_status_display(self) -> str:
        """The status agreeing with the kind of document (in French, a policy or a strategy is "adoptée")."""
        return status_label(self.kind, self.status)

    def get_absolute_url(self):
        return reverse('countries:document', args=[self.country.iso3, self.pk])

    def clean(self):
        errors = {}
        if self.parent_id:
            if self.parent.country_id != self.country_id:
                errors['parent'] = _('The document it implements must be of the same country.')
            elif self.pk and any(document.pk == self.pk for document in self.parent.chain()):
                errors['parent'] = _('A document cannot implement itself, directly or through others.')
        adopted_statuses = {
            DocumentStatus.ENDORSED,
            DocumentStatus.ADOPTED,
            DocumentStatus.IMPLEMENTING,
            DocumentStatus.COMPLETED,
        }
        if self.status in adopted_statuses and not self.adopted:
            errors['adopted'] = _('Give the date of adoption or endorsement.')
        truncate_partial_dates(self, adopted='adopted_precision', due='due_precision')
        if errors:
            raise ValidationError(errors)

    def chain(self) -> list['NationalDocument']:
        """This document and the ones it implements, up to the policy (a cycle stops the walk)."""
        found, current = [], self
        while current is not None and current not in found:
            found.append(current)
            current = current.parent
        return found


class Threat(WorkspaceModel):
    document = models.ForeignKey(
        to=NationalDocument, on_delete=models.CASCADE, related_name='threats', verbose_name=_('document')
    )
    ref = models.CharField(verbose_name=_('reference'), max_length=20, blank=True)
    title = models.CharField(verbose_name=_('threat'), max_length=300)
    description = models.TextField(verbose_name=_('description'), blank=True)
    citations = citations()

    country_scope = 'document__country'

    class Meta:
        ordering = ['document', 'pk']
        verbose_name = _('threat')
        verbose_name_plural = _('threats')

    def __str__(self):
        return self.title


class Objective(WorkspaceModel):
    document = models.ForeignKey(
        to=NationalDocument, on_delete=models.CASCADE, related_name='objectives', verbose_name=_('document')
    )
    ref = models.CharField(verbose_name=_('reference'), max_length=20, blank=True)
    title = models.CharField(verbose_name=_('objective'), max_length=300)
    indicator = models.CharField(verbose_name=_('indicator'), max_length=300, blank=True)
    threats = models.ManyToManyField(to=Threat, related_name='objectives', blank=True, verbose_name=_('threats'))
    citations = citations()

    country_scope = 'document__country'

    class Meta:
        ordering = ['document', 'pk']
        verbose_name = _('objective')
        verbose_name_plural = _('objectives')

    def __str__(self):
        return self.title


class Pillar(WorkspaceModel):
    document = models.ForeignKey(
        to=NationalDocument, on_delete=models.CASCADE, related_name='pillars', verbose_name=_('document')
    )
    ref = models.CharField(verbose_name=_('reference'), max_length=20, blank=True)
    title = models.CharField(verbose_name=_('pillar'), max_length=300)
    citations = citations()

    country_scope = 'document__country'

    class Meta:
        ordering = ['document', 'pk']
        verbose_name = _('pillar')
        verbose_name_plural = _('pillars')

    def __str__(self):
        return f'{self.ref} {self.title}'.strip()


class Timeframe(models.TextChoices):
    """The bands of the Ivorian 2012 strategy, from its start."""

    URGENT = 'urgent', _('Urgent (0-6 months)')
    SHORT = 'short', _('Short term (0-1 year)')
    MEDIUM = 'medium', _('Medium term (0-5 years)')
    LONG = 'long', _('Long term (0-10 years)')


class ActionKind(models.TextChoices):
    SSR = 'ssr', _('SSR activity')
    OPERATION = 'operation', _('Security operation')
    CROSS_CUTTING = 'cross-cutting', _('Cross-cutting issue')


class ActionStatus(models.TextChoices):
    NOT_STARTED = 'not-started', _('Not started')
    ON_TRACK = 'on-track', _('On track')
    BEHIND = 'behind', _('Behind')
    DONE = 'done', _('Done')
    DROPPED = 'dropped', _('Dropped')


class Action(WorkspaceModel):
    """An action of a plan (or of a strategy that lists its reforms): who, when, at what cost, answering which
    threats and objectives, after which other actions."""

    document = models.ForeignKey(
        to=NationalDocument, on_delete=models.CASCADE, related_name='actions', verbose_name=_('document')
    )
    pillar = models.ForeignKey(
        to=Pillar, on_delete=models.SET_NULL, null=True, blank=True, related_name='actions', verbose_name=_('pillar')
    )
    ref = models.CharField(verbose_name=_('reference'), max_length=20, blank=True)
    title = models.CharField(verbose_name=_('action'), max_length=300)
    kind = models.CharField(verbose_name=_('kind'), max_length=15, choices=ActionKind, default=ActionKind.SSR)
    owner = models.ForeignKey(
        to=Actor, on_delete=models.SET_NULL, null=True, blank=True, related_name='actions', verbose_name=_('owner')
    )
    owner_name = models.CharField(
        verbose_name=_('owner (as written)'), max_length=200, blank=True, help_text=_('When no actor record fits.')
    )
    start = models.DateField(verbose_name=_('start'), null=True, blank=True)
    start_precision = precision_field()
    end = models.DateField(verbose_name=_('end'), null=True, blank=True)
    end_precision = precision_field()
    timeframe = models.CharField(verbose_name=_('timeframe'), max_length=10, choices=Timeframe, blank=True)
    cost = models.DecimalField(verbose_name=_('cost'), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = CurrencyField(verbose_name=_('currency'), default='USD')
    status = models.CharField(
        verbose_name=_('status'), max_length=12, choices=ActionStatus, default=ActionStatus.NOT_STARTED
    )
    depends_on = models.ManyToManyField(
        to='self', symmetrical=False, related_name='dependants', blank=True, verbose_name=_('depends on')
    )
    threats = models.ManyToManyField(to=Threat, related_name='actions', blank=True, verbose_name=_('threats'))
    objectives = models.ManyToManyField(to=Objective, related_name='actions', blank=True, verbose_name=_('objectives'))
    indicators = models.TextField(verbose_name=_('indicators'), blank=True)
    risks = models.TextField(verbose_name=_('risks and mitigation'), blank=True)
    citations = citations()

    country_scope = 'document__country'

    class Meta:
        ordering = ['document', 'pk']
        verbose_name = _('action')
        verbose_name_plural = _('actions')

    def __str__(self):
        return f'{self.ref} {self.title}'.strip()

    def get_absolute_url(self):
        return f'{self.document.get_absolute_url()}#action-{self.pk}'

    def clean(self):
        errors = {}
        truncate_partial_dates(self, start='start_precision', end='end_precision')
        if self.start and self.end and self.end < self.start:
            errors['end'] = _('An action cannot end before it starts.')
        if self.cost is not None and self.cost < 0:
            errors['cost'] = _('A cost cannot be negative.')
        if self.pillar_id and self.document_id and self.pillar.document_id != self.document_id:
            errors['pillar'] = _('The pillar must belong to the same document.')
        if errors:
            raise ValidationError(errors)


class ActionStatusUpdate(ChangeLoggedModel):
    """The status of an action as of a date; the action's own status is the latest update's."""

    action = models.ForeignKey(
        to=Action, on_delete=models.CASCADE, related_name='status_updates', verbose_name=_('action')
    )
    date = models.DateField(verbose_name=_('as of'), validators=[validate_not_in_future])
    status = models.CharField(verbose_name=_('status'), max_length=12, choices=ActionStatus)
    note = models.CharField(verbose_name=_('note'), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='+',
        verbose_name=_('recorded by'),
    )

    access_kind = 'workspace'
    country_scope = 'action__document__country'

    class Meta:
        ordering = ['action', 'date', 'pk']
        verbose_name = _('status update')
        verbose_name_plural = _('status updates')

    def __str__(self):
        return f'{self.action}: {self.get_status_display()} ({self.date})'


# Section: timeline


class EventKind(models.TextChoices):
    COUP = 'coup', _('Coup or attempted coup')
    MUTINY = 'mutiny', _('Mutiny')
    CONFLICT = 'conflict', _('Crisis or armed conflict')
    AGREEMENT = 'agreement', _('Agreement')
    LAW = 'law', _('Law, decree or policy')
    DEPLOYMENT = 'deployment', _('Mission deployment or withdrawal')
    ELECTION = 'election', _('Election')
    MEETING = 'meeting', _('Meeting or forum')
    OTHER = 'other', _('Other')


class TimelineEvent(WorkspaceModel):
    """An event of a country's history. Its date comes from one or more sources (``dates``); when they disagree
    every value is kept and shown."""

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='timeline_events', verbose_name=_('country')
    )
    kind = models.CharField(verbose_name=_('kind'), max_length=12, choices=EventKind)
    title = models.CharField(verbose_name=_('event'), max_length=300)
    title_fr = models.CharField(
        verbose_name=_('event in French'),
        max_length=300,
        blank=True,
        help_text=_('Shown on French pages.'),
    )
    description = models.TextField(verbose_name=_('description'), blank=True)
    citations = citations()

    country_scope = 'country'

    class Meta:
        ordering = ['country', 'title']
        verbose_name = _('timeline event')
        verbose_name_plural = _('timeline events')

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        """The event in the UI language (its French wording in French, when recorded)."""
        return translated(self, 'title')

    def get_absolute_url(self):
        return f'{reverse("countries:timeline", args=[self.country.iso3])}#event-{self.pk}'


class EventDate(WorkspaceModel):
    """The date one source gives for an event (a source that gives no date is a citation of the event)."""

    event = models.ForeignKey(to=TimelineEvent, on_delete=models.CASCADE, related_name='dates', verbose_name=_('event'))
    date = models.DateField(verbose_name=_('date'))
    precision = models.CharField(
        verbose_name=_('precision'), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    citations = citations()

    country_scope = 'event__country'

    class Meta:
        ordering = ['event', 'date', 'pk']
        verbose_name = _('event date')
        verbose_name_plural = _('event dates')

    def __str__(self):
        return f'{self.event}: {self.date}'

    def clean(self):
        truncate_partial_dates(self, date='precision')
