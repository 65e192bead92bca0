"""Human rights due diligence (the HRDDP, 2011): support requests to non-UN security forces, their risk assessments,
the forum's review and the decision, mitigatory measures, alleged violations, interventions, and the vetting of
individuals.

Every record here is sensitive (``access_kind``): only the due-diligence officers and the HRDDP forum members and
decision-makers assigned to its country read it, and their reads are logged. Names of individuals, victims and
sources and free-text narratives are encrypted at rest (``core/crypto.py``). What other users may see of a case is
its ``SharedDecision``, written only when the forum chose to share the decision.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField

from ssrhub.core.crypto import EncryptedCharField, EncryptedTextField
from ssrhub.core.dates import PartialDate
from ssrhub.core.fields import CurrencyField, UNSymbolField, format_partial_date, precision_field
from ssrhub.core.models import ChangeLoggedModel

from . import risk
from .allegation_rules import OPEN_STEPS, FollowUpState, follow_up_problems

__all__ = [
    'AgeGroup',
    'Allegation',
    'AllegationSource',
    'CaseStatus',
    'Credibility',
    'Decision',
    'FactorKind',
    'FollowUp',
    'ForumReview',
    'Individual',
    'IndividualCategory',
    'Intervention',
    'InterventionKind',
    'Level',
    'ListedPerson',
    'MatchDecision',
    'Mitigation',
    'MitigationKind',
    'MitigationStatus',
    'NamedExport',
    'Outcome',
    'Reliability',
    'ReopenReason',
    'Reopening',
    'RiskAssessment',
    'RiskFactor',
    'SafeguardsModel',
    'Screening',
    'ScreeningMatch',
    'ScreeningResult',
    'SharedDecision',
    'SupportKind',
    'SupportRequest',
    'ViolationType',
    'WatchList',
]


class SafeguardsModel(ChangeLoggedModel):
    """A due-diligence record: sensitive, read and written only within its country."""

    access_kind = 'sensitive'

    class Meta:
        abstract = True


# Section: support requests and their workflow


class SupportKind(models.TextChoices):
    TRAINING = 'training', _('Training')
    RATIONS = 'rations', _('Rations')
    FUEL = 'fuel', _('Fuel')
    LOGISTICS = 'logistics', _('Logistics')
    JOINT_OPERATIONS = 'joint-operations', _('Joint operations')
    FINANCIAL = 'financial', _('Financial support')
    TECHNICAL = 'technical', _('Technical advice')


class CaseStatus(models.TextChoices):
    DRAFT = 'draft', _('Draft')
    SUBMITTED = 'submitted', _('Submitted to the forum')
    REVIEWED = 'reviewed', _('Reviewed by the forum')
    DECIDED = 'decided', _('Decided')
    SUSPENDED = 'suspended', _('Suspended')
    WITHDRAWN = 'withdrawn', _('Withdrawn')


class Outcome(models.TextChoices):
    SUPPORT = 'support', _('Support')
    SUPPORT_WITH_MEASURES = 'support-with-measures', _('Support with mitigatory measures')
    NO_SUPPORT = 'no-support', _('No support')


class ReopenReason(models.TextChoices):
    NEW_ALLEGATION = 'new-allegation', _('A new allegation against the recipient')
    COMMANDER_CHANGED = 'commander-changed', _('A change of commander')
    EXPIRED = 'expired', _('The decision expired')
    OTHER = 'other', _('Another material change')
    RETURNED = 'returned', _('Returned by the forum for more work')


class SupportRequest(ConcurrentTransitionMixin, SafeguardsModel):
    """A proposed support by a UN entity to a non-UN security force, and the state of its due-diligence case.

    The status moves only through the transitions of ``workflow.py``; the concurrent-transition mixin refuses a
    second transition made from a stale copy (a decision submitted twice at once).
    """

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='due_diligence_requests', verbose_name=_('country')
    )
    title = models.CharField(verbose_name=_('title'), max_length=200)
    un_entity = models.ForeignKey(
        to='framework.UNEntity',
        on_delete=models.PROTECT,
        related_name='due_diligence_requests',
        verbose_name=_('UN entity'),
    )
    recipient = models.ForeignKey(
        to='countries.Actor',
        on_delete=models.PROTECT,
        related_name='due_diligence_requests',
        verbose_name=_('recipient'),
    )
    kind = models.CharField(verbose_name=_('kind of support'), max_length=20, choices=SupportKind)
    description = EncryptedTextField(verbose_name=_('description'), blank=True)
    start = models.DateField(verbose_name=_('start'))
    end = models.DateField(verbose_name=_('end'), null=True, blank=True)
    value = models.DecimalField(verbose_name=_('value'), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = CurrencyField(verbose_name=_('currency'), blank=True)
    basis = models.CharField(
        verbose_name=_('mandate or agreement'),
        max_length=300,
        help_text=_('The mandate or agreement the support rests on.'),
    )
    basis_symbol = UNSymbolField(verbose_name=_('document symbol of the mandate'), blank=True)
    status = FSMField(
        verbose_name=_('status'), max_length=20, choices=CaseStatus, default=CaseStatus.DRAFT, protected=True
    )

    country_scope = 'country'

    class Meta:
        ordering = ['country', '-start', 'title']
        verbose_name = _('support request')
        verbose_name_plural = _('support requests')

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse('safeguards:supportrequest', args=[self.country.iso3, self.pk])

    def clean_fields(self, exclude=None):
        # The protected status is set by the workflow only: cleaning would assign it again, which the field refuses.
        super().clean_fields(exclude={*(exclude or ()), 'status'})

    def clean(self):
        if self.end and self.start and self.end < self.start:
            raise ValidationError({'end': _('The support cannot end before it starts.')})
        if self.value is not None and not self.currency:
            raise ValidationError({'currency': _('A value needs its currency.')})

    @property
    def current_assessment(self):
        return self.assessments.order_by('-version').first()

    @property
    def current_decision(self):
        return self.decisions.order_by('-decided_on', '-pk').first()


class Level(models.IntegerChoices):
    LOW = 1, _('Low')
    MEDIUM = 2, _('Medium')
    HIGH = 3, _('High')
    VERY_HIGH = 4, _('Very high')


class RiskAssessment(SafeguardsModel):
    """One version of the risk assessment of a support request, on the inter-agency guidance note's template: the
    recipient's record, the risk factors, likelihood and impact, and the overall risk. A version is frozen once
    submitted; reopening the case starts the next version from a copy of it."""

    request = models.ForeignKey(
        to=SupportRequest, on_delete=models.CASCADE, related_name='assessments', verbose_name=_('support request')
    )
    version = models.PositiveSmallIntegerField(verbose_name=_('version'), default=1)
    assessors = models.ManyToManyField(
        to=settings.AUTH_USER_MODEL, related_name='risk_assessments', verbose_name=_('assessors'), blank=True
    )
    record = EncryptedTextField(
        verbose_name=_("the recipient's record"),
        blank=True,
        help_text=_('Known grave violations: by whom, when, on which sources and how reliable they are.'),
    )
    allegations = models.ManyToManyField(
        to='safeguards.Allegation',
        related_name='assessments',
        verbose_name=_('allegations considered'),
        blank=True,
    )
    likelihood = models.PositiveSmallIntegerField(verbose_name=_('likelihood'), choices=Level, null=True, blank=True)
    impact = models.PositiveSmallIntegerField(verbose_name=_('impact'), choices=Level, null=True, blank=True)
    overall_risk = models.PositiveSmallIntegerField(
        verbose_name=_('overall risk'), choices=Level, null=True, blank=True
    )
    risk_reason = EncryptedTextField(
        verbose_name=_('why another overall risk'),
        blank=True,
        help_text=_('Needed when the overall risk is not the one the likelihood and impact suggest.'),
    )
    conclusion = EncryptedTextField(verbose_name=_('conclusion'), blank=True)
    frozen = models.BooleanField(verbose_name=_('frozen'), default=False)

    country_scope = 'request__country'

    class Meta:
        ordering = ['request', '-version']
        verbose_name = _('risk assessment')
        verbose_name_plural = _('risk assessments')
        constraints = [
            models.UniqueConstraint(fields=['request', 'version'], name='safeguards_assessment_version_per_request')
        ]

    def __str__(self):
        return _('%(request)s, assessment v%(version)s') % {'request': self.request, 'version': self.version}

    def get_absolute_url(self):
        return reverse('safeguards:riskassessment', args=[self.request.country.iso3, self.pk])

    @property
    def suggested_risk(self) -> int | None:
        return risk.suggested_risk(self.likelihood, self.impact)

    @property
    def suggested_risk_label(self) -> str:
        suggested = self.suggested_risk
        return Level(suggested).label if suggested else ''

    def clean(self):
        if risk.needs_reason(self.likelihood, self.impact, self.overall_risk) and not self.risk_reason.strip():
            raise ValidationError(
                {'risk_reason': _('Say why the overall risk is not the one the likelihood and impact suggest.')}
            )


class FactorKind(models.TextChoices):
    COMMAND_AND_CONTROL = 'command-and-control', _('Command and control')
    ACCOUNTABILITY = 'accountability', _('Accountability')
    TRAINING = 'training', _('Training')
    PAST_CONDUCT = 'past-conduct', _('Past conduct')
    OPERATIONAL_CONTEXT = 'operational-context', _('Operational context')


class RiskFactor(SafeguardsModel):
    """One risk factor of an assessment, rated, with what the assessors found."""

    assessment = models.ForeignKey(
        to=RiskAssessment, on_delete=models.CASCADE, related_name='factors', verbose_name=_('risk assessment')
    )
    factor = models.CharField(verbose_name=_('factor'), max_length=30, choices=FactorKind)
    rating = models.PositiveSmallIntegerField(verbose_name=_('rating'), choices=Level)
    finding = EncryptedTextField(verbose_name=_('finding'), blank=True)

    country_scope = 'assessment__request__country'

    class Meta:
        ordering = ['assessment', 'factor']
        verbose_name = _('risk factor')
        verbose_name_plural = _('risk factors')
        constraints = [
            models.UniqueConstraint(fields=['assessment', 'factor'], name='safeguards_factor_once_per_assessment')
        ]

    def __str__(self):
        return f'{self.get_factor_display()}: {self.get_rating_display()}'


class ForumReview(SafeguardsModel):
    """The HRDDP task force's or forum's review of an assessment version, with its recommendation."""

    request = models.ForeignKey(
        to=SupportRequest, on_delete=models.CASCADE, related_name='reviews', verbose_name=_('support request')
    )
    assessment = models.ForeignKey(
        to=RiskAssessment, on_delete=models.PROTECT, related_name='reviews', verbose_name=_('risk assessment')
    )
    reviewed_on = models.DateField(verbose_name=_('reviewed on'), default=timezone.localdate)
    recommendation = models.CharField(verbose_name=_('recommendation'), max_length=25, choices=Outcome)
    comment = EncryptedTextField(verbose_name=_('comment'), blank=True)
    reviewer = models.ForeignKey(
        to=settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name='+', verbose_name=_('recorded by')
    )

    country_scope = 'request__country'

    class Meta:
        ordering = ['request', '-reviewed_on', '-pk']
        verbose_name = _('forum review')
        verbose_name_plural = _('forum reviews')

    def __str__(self):
        return _('Review of %(assessment)s') % {'assessment': self.assessment}


class Decision(SafeguardsModel):
    """The decision of the head of mission or resident coordinator on a support request."""

    request = models.ForeignKey(
        to=SupportRequest, on_delete=models.CASCADE, related_name='decisions', verbose_name=_('support request')
    )
    assessment = models.ForeignKey(
        to=RiskAssessment, on_delete=models.PROTECT, related_name='decisions', verbose_name=_('risk assessment')
    )
    outcome = models.CharField(verbose_name=_('decision'), max_length=25, choices=Outcome)
    approver = models.ForeignKey(
        to=settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name='+', verbose_name=_('approver')
    )
    decided_on = models.DateField(verbose_name=_('decided on'), default=timezone.localdate)
    justification = EncryptedTextField(verbose_name=_('justification'))
    expires_on = models.DateField(verbose_name=_('expires on'))
    shared = models.BooleanField(
        verbose_name=_('shared'),
        default=False,
        help_text=_('The forum chose to let other users of the platform see that the request was decided, and how.'),
    )

    country_scope = 'request__country'

    class Meta:
        ordering = ['request', '-decided_on', '-pk']
        verbose_name = _('decision')
        verbose_name_plural = _('decisions')

    def __str__(self):
        return f'{self.get_outcome_display()} ({self.decided_on:%Y-%m-%d})'

    def clean(self):
        if self.expires_on and self.decided_on and self.expires_on <= self.decided_on:
            raise ValidationError({'expires_on': _('A decision expires after the day it is made.')})


class Reopening(SafeguardsModel):
    """Why a decided case was opened again for a new assessment."""

    request = models.ForeignKey(
        to=SupportRequest, on_delete=models.CASCADE, related_name='reopenings', verbose_name=_('support request')
    )
    reason = models.CharField(verbose_name=_('reason'), max_length=20, choices=ReopenReason)
    note = EncryptedTextField(verbose_name=_('note'), blank=True)
    allegation = models.ForeignKey(
        to='safeguards.Allegation',
        on_delete=models.PROTECT,
        related_name='reopenings',
        verbose_name=_('allegation'),
        null=True,
        blank=True,
    )
    reopened_on = models.DateField(verbose_name=_('reopened on'), default=timezone.localdate)

    country_scope = 'request__country'

    class Meta:
        ordering = ['request', '-reopened_on', '-pk']
        verbose_name = _('reopening')
        verbose_name_plural = _('reopenings')

    def __str__(self):
        return f'{self.get_reason_display()} ({self.reopened_on:%Y-%m-%d})'


class SharedDecision(ChangeLoggedModel):
    """What users outside the due-diligence circle may know of a case: that a support to a recipient was decided,
    and how. Written by the workflow when the forum shares a decision; nothing else of the case is copied."""

    request = models.OneToOneField(
        to=SupportRequest, on_delete=models.CASCADE, related_name='shared_decision', verbose_name=_('support request')
    )
    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='shared_decisions', verbose_name=_('country')
    )
    recipient = models.ForeignKey(
        to='countries.Actor', on_delete=models.PROTECT, related_name='shared_decisions', verbose_name=_('recipient')
    )
    kind = models.CharField(verbose_name=_('kind of support'), max_length=20, choices=SupportKind)
    outcome = models.CharField(verbose_name=_('decision'), max_length=25, choices=Outcome)
    decided_on = models.DateField(verbose_name=_('decided on'))
    expires_on = models.DateField(verbose_name=_('expires on'))

    access_kind = 'workspace'
    country_scope = 'country'
    scoped_actions = frozenset()  # written by the workflow only: no role adds, changes or deletes it

    class Meta:
        ordering = ['country', '-decided_on']
        verbose_name = _('shared decision')
        verbose_name_plural = _('shared decisions')

    def __str__(self):
        return f'{self.recipient}: {self.get_outcome_display()}'


# Section: mitigation and intervention


class MitigationKind(models.TextChoices):
    MEASURE = 'measure', _('Mitigatory measure')
    CONDITION = 'condition', _('Condition attached to the support')


class MitigationStatus(models.TextChoices):
    PLANNED = 'planned', _('Planned')
    IN_PROGRESS = 'in-progress', _('In progress')
    MET = 'met', _('Met')
    NOT_MET = 'not-met', _('Not met')
    CANCELLED = 'cancelled', _('Cancelled')


class Mitigation(SafeguardsModel):
    """A mitigatory measure, or a condition attached to the support, with its owner, due date and evidence."""

    request = models.ForeignKey(
        to=SupportRequest, on_delete=models.CASCADE, related_name='mitigations', verbose_name=_('support request')
    )
    kind = models.CharField(
        verbose_name=_('kind'), max_length=20, choices=MitigationKind, default=MitigationKind.MEASURE
    )
    description = EncryptedTextField(verbose_name=_('description'))
    owner = models.CharField(verbose_name=_('owner'), max_length=200)
    due_on = models.DateField(verbose_name=_('due on'))
    status = models.CharField(
        verbose_name=_('status'), max_length=20, choices=MitigationStatus, default=MitigationStatus.PLANNED
    )
    met_on = models.DateField(verbose_name=_('met on'), null=True, blank=True)
    evidence = EncryptedTextField(verbose_name=_('evidence'), blank=True)

    country_scope = 'request__country'

    class Meta:
        ordering = ['request', 'due_on', 'pk']
        verbose_name = _('mitigatory measure')
        verbose_name_plural = _('mitigatory measures')

    def __str__(self):
        return _('%(kind)s due %(due)s') % {'kind': self.get_kind_display(), 'due': f'{self.due_on:%Y-%m-%d}'}

    def clean(self):
        if self.status == MitigationStatus.MET and not self.met_on:
            raise ValidationError({'met_on': _('A measure that is met needs the date it was met.')})
        if self.met_on and self.status != MitigationStatus.MET:
            raise ValidationError({'met_on': _('Only a measure that is met has the date it was met.')})

    @property
    def overdue(self) -> bool:
        open_ = self.status in (MitigationStatus.PLANNED, MitigationStatus.IN_PROGRESS)
        return open_ and self.due_on < timezone.localdate()


class InterventionKind(models.TextChoices):
    SUSPENSION = 'suspension', _('Suspension of support')
    WITHDRAWAL = 'withdrawal', _('Withdrawal of support')


class Intervention(SafeguardsModel):
    """The UN's intervention on a supported recipient: support suspended or withdrawn, from when to when, and why."""

    request = models.ForeignKey(
        to=SupportRequest, on_delete=models.CASCADE, related_name='interventions', verbose_name=_('support request')
    )
    kind = models.CharField(verbose_name=_('kind'), max_length=20, choices=InterventionKind)
    started_on = models.DateField(verbose_name=_('from'))
    ended_on = models.DateField(verbose_name=_('until'), null=True, blank=True)
    reason = EncryptedTextField(verbose_name=_('reason'))
    allegation = models.ForeignKey(
        to='safeguards.Allegation',
        on_delete=models.PROTECT,
        related_name='interventions',
        verbose_name=_('allegation'),
        null=True,
        blank=True,
    )

    country_scope = 'request__country'

    class Meta:
        ordering = ['request', '-started_on']
        verbose_name = _('intervention')
        verbose_name_plural = _('interventions')

    def __str__(self):
        return f'{self.get_kind_display()} ({self.started_on:%Y-%m-%d})'

    @property
    def suspends_now(self) -> bool:
        """A suspension not yet lifted."""
        return self.kind == InterventionKind.SUSPENSION and self.ended_on is None

    def clean(self):
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({'ended_on': _('An intervention cannot end before it starts.')})


# Section: alleged violations


class ViolationType(models.TextChoices):
    KILLING = 'killing', _('Unlawful killing')
    SEXUAL_VIOLENCE = 'sexual-violence', _('Sexual violence')
    TORTURE = 'torture', _('Torture or ill-treatment')
    ARBITRARY_DETENTION = 'arbitrary-detention', _('Arbitrary detention')
    ENFORCED_DISAPPEARANCE = 'enforced-disappearance', _('Enforced disappearance')
    CHILD_RECRUITMENT = 'child-recruitment', _('Recruitment or use of children')
    ATTACK_ON_CIVILIANS = 'attack-on-civilians', _('Attack on civilians or civilian objects')
    FORCED_DISPLACEMENT = 'forced-displacement', _('Forced displacement')
    REFOULEMENT = 'refoulement', _('Refoulement')
    OTHER = 'other', _('Other grave violation')


class FollowUp(models.TextChoices):
    REPORTED = 'reported', _('Reported')
    VERIFIED = 'verified', _('Verified')
    COMMUNICATED = 'communicated', _('Communicated to the authorities')
    ACCOUNTABILITY = 'accountability', _('Accountability action taken')
    NOT_VERIFIED = 'not-verified', _('Could not be verified')


class AgeGroup(models.TextChoices):
    ADULT = 'adult', _('Adult')
    CHILD = 'child', _('Child')


class Allegation(SafeguardsModel):
    """An alleged grave violation by a security force (a recipient of the security-sector map), and its follow-up."""

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='allegations', verbose_name=_('country')
    )
    recipient = models.ForeignKey(
        to='countries.Actor',
        on_delete=models.PROTECT,
        related_name='allegations',
        verbose_name=_('alleged perpetrator'),
    )
    occurred_on = models.DateField(verbose_name=_('date'))
    occurred_precision = precision_field()
    place = models.CharField(verbose_name=_('place'), max_length=200)
    violation = models.CharField(verbose_name=_('type of violation'), max_length=30, choices=ViolationType)
    narrative = EncryptedTextField(verbose_name=_('narrative'))
    perpetrators = EncryptedTextField(
        verbose_name=_('alleged individual perpetrators'),
        blank=True,
        help_text=_('One name per line; aliases after a vertical bar: Jean Dupont | J. Dupont | Dupont Jean.'),
    )
    victim_names = EncryptedTextField(verbose_name=_('names of victims'), blank=True)
    victims_women = models.PositiveIntegerField(verbose_name=_('women'), null=True, blank=True)
    victims_men = models.PositiveIntegerField(verbose_name=_('men'), null=True, blank=True)
    victims_girls = models.PositiveIntegerField(verbose_name=_('girls'), null=True, blank=True)
    victims_boys = models.PositiveIntegerField(verbose_name=_('boys'), null=True, blank=True)
    victims_unknown = models.PositiveIntegerField(
        verbose_name=_('victims of unknown sex or age'), null=True, blank=True
    )
    follow_up = models.CharField(
        verbose_name=_('follow-up'), max_length=20, choices=FollowUp, default=FollowUp.REPORTED
    )
    reported_on = models.DateField(verbose_name=_('reported on'))
    verified_on = models.DateField(verbose_name=_('verified on'), null=True, blank=True)
    communicated_on = models.DateField(verbose_name=_('communicated to the authorities on'), null=True, blank=True)
    accountability = EncryptedTextField(verbose_name=_('accountability action'), blank=True)

    country_scope = 'country'

    class Meta:
        ordering = ['country', '-occurred_on', '-pk']
        verbose_name = _('alleged violation')
        verbose_name_plural = _('alleged violations')

    def __str__(self):
        return _('%(violation)s, %(date)s') % {
            'violation': self.get_violation_display(),
            'date': format_partial_date(PartialDate(self.occurred_on, self.occurred_precision)),
        }

    def get_absolute_url(self):
        return reverse('safeguards:allegation', args=[self.country.iso3, self.pk])

    @property
    def is_open(self) -> bool:
        return self.follow_up in OPEN_STEPS

    def clean(self):
        state = FollowUpState(
            follow_up=self.follow_up,
            occurred_on=self.occurred_on,
            reported_on=self.reported_on,
            verified_on=self.verified_on,
            communicated_on=self.communicated_on,
            accountability=self.accountability or '',
        )
        step = FollowUp(self.follow_up).label if self.follow_up in FollowUp.values else self.follow_up
        messages = {
            'required': _('The step “%(step)s” needs this date.'),
            'not-reached': _('At the step “%(step)s” this date stays empty.'),
            'before-facts': _('This date is before the date of the facts.'),
            'accountability-required': _('Say which accountability action was taken.'),
        }
        errors = {}
        if self.recipient_id and self.country_id and self.recipient.country_id != self.country_id:
            errors['recipient'] = [
                ValidationError(_('The alleged perpetrator is a security actor of another country.'))
            ]
        for name, code in follow_up_problems(state):
            errors.setdefault(name, []).append(ValidationError(messages[code], code=code, params={'step': step}))
        if errors:
            raise ValidationError(errors)


class Reliability(models.TextChoices):
    """The reliability of a source, on the scale human rights investigators share with intelligence analysts."""

    A = 'A', _('A: reliable')
    B = 'B', _('B: usually reliable')
    C = 'C', _('C: fairly reliable')
    D = 'D', _('D: not usually reliable')
    E = 'E', _('E: unreliable')
    F = 'F', _('F: reliability cannot be judged')


class Credibility(models.TextChoices):
    """The credibility of one piece of information, whatever its source."""

    CONFIRMED = '1', _('1: confirmed by other sources')
    PROBABLY_TRUE = '2', _('2: probably true')
    POSSIBLY_TRUE = '3', _('3: possibly true')
    DOUBTFUL = '4', _('4: doubtful')
    IMPROBABLE = '5', _('5: improbable')
    UNKNOWN = '6', _('6: truth cannot be judged')


class AllegationSource(SafeguardsModel):
    """A source of an allegation, graded for its reliability and for the credibility of what it said."""

    allegation = models.ForeignKey(
        to=Allegation, on_delete=models.CASCADE, related_name='sources', verbose_name=_('alleged violation')
    )
    name = EncryptedCharField(verbose_name=_('source'), max_length=200)
    information = EncryptedTextField(verbose_name=_('information'), blank=True)
    reliability = models.CharField(verbose_name=_('reliability of the source'), max_length=1, choices=Reliability)
    credibility = models.CharField(verbose_name=_('credibility of the information'), max_length=1, choices=Credibility)

    country_scope = 'allegation__country'

    class Meta:
        ordering = ['allegation', 'reliability', 'credibility', 'pk']
        verbose_name = _('source of an allegation')
        verbose_name_plural = _('sources of allegations')

    def __str__(self):
        return f'{self.reliability}{self.credibility}'


# Section: vetting and screening


class IndividualCategory(models.TextChoices):
    COMMANDER = 'commander', _('Commander')
    INTEGRATION = 'integration', _('Candidate for integration')
    PROMOTION = 'promotion', _('Candidate for promotion')
    OTHER = 'other', _('Other')


class Individual(SafeguardsModel):
    """A person screened before support or appointment: a commander, a candidate for integration or promotion."""

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='screened_individuals', verbose_name=_('country')
    )
    name = EncryptedCharField(verbose_name=_('name'), max_length=200)
    aliases = EncryptedTextField(verbose_name=_('aliases'), blank=True, help_text=_('One per line.'))
    position = EncryptedCharField(verbose_name=_('position'), max_length=200, blank=True)
    category = models.CharField(verbose_name=_('category'), max_length=20, choices=IndividualCategory)
    unit = models.ForeignKey(
        to='countries.Actor',
        on_delete=models.PROTECT,
        related_name='screened_individuals',
        verbose_name=_('unit or force'),
        null=True,
        blank=True,
    )
    fictitious = models.BooleanField(
        verbose_name=_('fictitious'), default=False, help_text=_('A made-up person of the demonstration data.')
    )

    country_scope = 'country'

    class Meta:
        ordering = ['country', 'pk']
        verbose_name = _('individual')
        verbose_name_plural = _('individuals')

    def __str__(self):
        return f'{self.name} ({_("fictitious")})' if self.fictitious else self.name

    def clean(self):
        if self.unit_id and self.country_id and self.unit.country_id != self.country_id:
            raise ValidationError({'unit': _('The unit or force must be an actor of the individual’s country.')})

    def get_absolute_url(self):
        return reverse('safeguards:individual', args=[self.country.iso3, self.pk])


class WatchList(SafeguardsModel):
    """A list of names an organisation shares for screening (sanctions, a commission of inquiry, a panel of
    experts), imported from a file."""

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='watch_lists', verbose_name=_('country')
    )
    title = models.CharField(verbose_name=_('title'), max_length=200)
    organisation = models.CharField(verbose_name=_('organisation'), max_length=200)
    imported_from = models.CharField(verbose_name=_('file'), max_length=255, blank=True)

    country_scope = 'country'

    class Meta:
        ordering = ['country', 'title']
        verbose_name = _('watch list')
        verbose_name_plural = _('watch lists')

    def __str__(self):
        return self.title


class ListedPerson(SafeguardsModel):
    """A name on a watch list, with its aliases."""

    watch_list = models.ForeignKey(
        to=WatchList, on_delete=models.CASCADE, related_name='people', verbose_name=_('watch list')
    )
    name = EncryptedCharField(verbose_name=_('name'), max_length=200)
    aliases = EncryptedTextField(verbose_name=_('aliases'), blank=True)
    note = EncryptedTextField(verbose_name=_('note'), blank=True)
    row = models.PositiveIntegerField(verbose_name=_('row in the file'), null=True, blank=True)

    country_scope = 'watch_list__country'

    class Meta:
        ordering = ['watch_list', 'row', 'pk']
        verbose_name = _('listed person')
        verbose_name_plural = _('listed people')

    def __str__(self):
        return self.name


class ScreeningResult(models.TextChoices):
    PENDING = 'pending', _('Matches to review')
    CLEAR = 'clear', _('No match')
    MATCH = 'match', _('Confirmed match')


class Screening(SafeguardsModel):
    """One screening of an individual against the allegations and the watch lists of their country."""

    individual = models.ForeignKey(
        to=Individual, on_delete=models.CASCADE, related_name='screenings', verbose_name=_('individual')
    )
    screened_at = models.DateTimeField(verbose_name=_('screened at'), default=timezone.now)
    screened_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name='+', verbose_name=_('screened by')
    )
    threshold = models.PositiveSmallIntegerField(verbose_name=_('threshold'), default=85)
    result = models.CharField(
        verbose_name=_('result'), max_length=10, choices=ScreeningResult, default=ScreeningResult.PENDING
    )

    country_scope = 'individual__country'

    class Meta:
        ordering = ['individual', '-screened_at']
        verbose_name = _('screening')
        verbose_name_plural = _('screenings')

    def __str__(self):
        return f'{self.individual} {self.screened_at:%Y-%m-%d}'


class MatchDecision(models.TextChoices):
    PENDING = 'pending', _('To review')
    CONFIRMED = 'confirmed', _('Confirmed')
    REJECTED = 'rejected', _('Rejected')


class ScreeningMatch(SafeguardsModel):
    """A name that resembles the individual's, in an allegation or on a watch list, and a person's verdict on it."""

    screening = models.ForeignKey(
        to=Screening, on_delete=models.CASCADE, related_name='matches', verbose_name=_('screening')
    )
    allegation = models.ForeignKey(
        to=Allegation, on_delete=models.PROTECT, related_name='+', verbose_name=_('allegation'), null=True, blank=True
    )
    listed_person = models.ForeignKey(
        to=ListedPerson,
        on_delete=models.PROTECT,
        related_name='+',
        verbose_name=_('listed person'),
        null=True,
        blank=True,
    )
    matched_name = EncryptedCharField(verbose_name=_('matched name'), max_length=200)
    screened_name = EncryptedCharField(
        verbose_name=_('name screened'),
        max_length=200,
        blank=True,
        help_text=_('The name or alias of the individual that resembles the matched name.'),
    )
    score = models.PositiveSmallIntegerField(verbose_name=_('score'))
    decision = models.CharField(
        verbose_name=_('decision'), max_length=10, choices=MatchDecision, default=MatchDecision.PENDING
    )
    reason = EncryptedTextField(verbose_name=_('reason'), blank=True)
    decided_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name='+',
        verbose_name=_('decided by'),
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(verbose_name=_('decided at'), null=True, blank=True)

    country_scope = 'screening__individual__country'

    class Meta:
        ordering = ['screening', '-score', 'pk']
        verbose_name = _('screening match')
        verbose_name_plural = _('screening matches')
        constraints = [
            models.CheckConstraint(
                condition=models.Q(allegation__isnull=False) ^ models.Q(listed_person__isnull=False),
                name='safeguards_match_has_one_target',
            )
        ]

    def __str__(self):
        return f'{self.matched_name} ({self.score})'

    def clean(self):
        if self.decision != MatchDecision.PENDING and not self.reason.strip():
            raise ValidationError({'reason': _('Say why the match is confirmed or rejected.')})


# Section: reports and exports


class NamedExport(ChangeLoggedModel):
    """The audit of an export of due-diligence records with their names: who, when, which records (model and
    filter), how many rows, and the reason the person gave. Aggregate exports carry no name and are not logged."""

    user = models.ForeignKey(
        to=settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name='named_exports', verbose_name=_('user')
    )
    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='named_exports', verbose_name=_('country')
    )
    model = models.CharField(verbose_name=_('records'), max_length=100)
    query = models.CharField(verbose_name=_('filter'), max_length=1000, blank=True)
    format = models.CharField(verbose_name=_('format'), max_length=10)
    rows = models.PositiveIntegerField(verbose_name=_('rows'))
    reason = models.TextField(verbose_name=_('reason'))

    access_kind = 'audit'

    class Meta:
        ordering = ['-created']
        verbose_name = _('named export')
        verbose_name_plural = _('named exports')

    def __str__(self):
        return f'{self.user} {self.model} {self.created:%Y-%m-%d %H:%M}'
