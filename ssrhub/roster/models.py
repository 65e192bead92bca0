"""The SSR expert roster and the support requests it answers.

The Inter-Agency SSR Task Force keeps a roster of SSR experts for rapid deployment (launched 2010; book ch. 16,
L3637, L3643; ch. 1, L491), trained on the ITGNs in English, French, Arabic and Spanish (L3680); a country or a
mission asks the task force or a Global Focal Point partner for support, and an expert from the roster may be
deployed (Guinea, L4085). Profiles hold personal data (``access_kind = 'personal'``): roster managers and the
person themself only (the owner rule of ``core/access.py``). Support requests are country workspace records;
their status steps are the roster's work (``'roster'``), their candidates personal data.
"""

from django.conf import global_settings, settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.models import ChangeLoggedModel

from . import workflow

__all__ = [
    'Availability',
    'Candidate',
    'Clearance',
    'Deployment',
    'ExpertProfile',
    'Expertise',
    'LanguageSkill',
    'Level',
    'Proficiency',
    'Region',
    'RegionExperience',
    'RequestStep',
    'RosterExport',
    'Status',
    'SupportRequest',
    'language_choices',
]

EXPERTISE_GROUPS = ('component', 'itgn', 'area')
# Languages that matter most in UN missions first (the six official languages and Portuguese), then Django's list.
MISSION_LANGUAGES = ('en', 'fr', 'ar', 'es', 'pt', 'ru', 'zh')
# Languages of host countries that Django's list lacks.
MORE_LANGUAGES = {
    'am': _('Amharic'),
    'bm': _('Bambara'),
    'ff': _('Fula'),
    'ha': _('Hausa'),
    'ln': _('Lingala'),
    'ps': _('Pashto'),
    'rw': _('Kinyarwanda'),
    'sg': _('Sango'),
    'so': _('Somali'),
    'wo': _('Wolof'),
}


def language_choices() -> list[tuple[str, str]]:
    """ISO 639-1 codes with their names (translated by Django): mission languages first."""
    names = {code: _(name) for code, name in global_settings.LANGUAGES if len(code) == 2}
    names['zh'] = _('Chinese')
    names.update(MORE_LANGUAGES)
    first = [(code, names[code]) for code in MISSION_LANGUAGES]
    return first + sorted((c, n) for c, n in names.items() if c not in MISSION_LANGUAGES)


def expertise_items(queryset):
    """Framework items an expert may hold or a request ask for: components, ITGNs and areas."""
    groups = Q()
    for group in EXPERTISE_GROUPS:
        groups |= Q(code__startswith=f'{group}.')
    return queryset.filter(groups)


class PersonalModel(ChangeLoggedModel):
    """Personal data of the roster: roster managers and administrators; the person themself through ``owner_scope``."""

    access_kind = 'personal'

    class Meta:
        abstract = True


# Section: profiles


class Clearance(models.TextChoices):
    NONE = 'none', _('None')
    UN_CONFIDENTIAL = 'un-confidential', _('UN confidential')
    UN_STRICTLY_CONFIDENTIAL = 'un-strictly-confidential', _('UN strictly confidential')
    NATIONAL = 'national', _('National clearance')


class Level(models.IntegerChoices):
    BASIC = 1, _('Basic')
    WORKING = 2, _('Working')
    EXPERT = 3, _('Expert')


class Proficiency(models.IntegerChoices):
    BASIC = 1, _('Basic')
    WORKING = 2, _('Working')
    FLUENT = 3, _('Fluent')
    NATIVE = 4, _('Mother tongue')


class Region(models.TextChoices):
    """UN geoscheme (M49) regions, with Africa and Asia split as peace operations are."""

    NORTHERN_AFRICA = 'northern-africa', _('Northern Africa')
    SUB_SAHARAN_AFRICA = 'sub-saharan-africa', _('Sub-Saharan Africa')
    LATIN_AMERICA = 'latin-america-caribbean', _('Latin America and the Caribbean')
    NORTHERN_AMERICA = 'northern-america', _('Northern America')
    CENTRAL_ASIA = 'central-asia', _('Central Asia')
    EASTERN_ASIA = 'eastern-asia', _('Eastern Asia')
    SOUTH_EASTERN_ASIA = 'south-eastern-asia', _('South-eastern Asia')
    SOUTHERN_ASIA = 'southern-asia', _('Southern Asia')
    WESTERN_ASIA = 'western-asia', _('Western Asia')
    EUROPE = 'europe', _('Europe')
    OCEANIA = 'oceania', _('Oceania')


class ExpertProfile(PersonalModel):
    """An SSR expert on the roster: contact details, nationality, clearance, and (below) expertise, languages,
    regions, availability and past deployments. ``user`` links the person's own account, if any."""

    name = models.CharField(verbose_name=_('name'), max_length=200)
    email = models.EmailField(verbose_name=_('e-mail'), blank=True)
    phone = models.CharField(verbose_name=_('phone'), max_length=40, blank=True)
    nationality = models.ForeignKey(
        to='core.Country',
        on_delete=models.PROTECT,
        related_name='roster_nationals',
        null=True,
        blank=True,
        verbose_name=_('nationality'),
    )
    user = models.OneToOneField(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        related_name='expert_profile',
        null=True,
        blank=True,
        verbose_name=_('user account'),
        help_text=_('The account of the person themself: they may then see and edit this profile.'),
    )
    clearance = models.CharField(
        verbose_name=_('security clearance'), max_length=30, choices=Clearance, default=Clearance.NONE
    )
    summary = models.TextField(verbose_name=_('summary'), blank=True)
    demo = models.BooleanField(
        verbose_name=_('fictitious demo profile'), default=False, help_text=_('A made-up person of the demo data.')
    )

    owner_scope = 'user'
    owner_actions = frozenset({'view', 'change'})

    class Meta:
        ordering = ['name', 'pk']
        verbose_name = _('expert profile')
        verbose_name_plural = _('expert profiles')

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse('roster:profile', args=[self.pk])


class ProfilePart(PersonalModel):
    """A part of a profile: seen and changed by whoever sees and changes the profile."""

    owner_scope = 'profile__user'
    owner_actions = frozenset({'view', 'add', 'change', 'delete'})

    class Meta:
        abstract = True


class Expertise(ProfilePart):
    """An expert's expertise in a framework component, ITGN or area, at a level."""

    profile = models.ForeignKey(
        to='roster.ExpertProfile', on_delete=models.CASCADE, related_name='expertise', verbose_name=_('profile')
    )
    item = models.ForeignKey(
        to='framework.FrameworkItem',
        on_delete=models.PROTECT,
        related_name='roster_expertise',
        verbose_name=_('framework item'),
    )
    level = models.PositiveSmallIntegerField(verbose_name=_('level'), choices=Level, default=Level.WORKING)

    class Meta:
        ordering = ['profile', 'item__code']
        verbose_name = _('expertise')
        verbose_name_plural = _('expertise')
        constraints = [
            models.UniqueConstraint(
                fields=['profile', 'item'],
                name='%(app_label)s_%(class)s_unique_profile_item',
                violation_error_message=_('This expertise is already on the profile.'),
            )
        ]

    def __str__(self):
        return f'{self.item.code} ({self.get_level_display()})'


class LanguageSkill(ProfilePart):
    """A language an expert works in (ISO 639-1), with the proficiency."""

    profile = models.ForeignKey(
        to='roster.ExpertProfile', on_delete=models.CASCADE, related_name='languages', verbose_name=_('profile')
    )
    language = models.CharField(verbose_name=_('language'), max_length=2, choices=language_choices)
    proficiency = models.PositiveSmallIntegerField(
        verbose_name=_('proficiency'), choices=Proficiency, default=Proficiency.WORKING
    )

    class Meta:
        ordering = ['profile', '-proficiency', 'language']
        verbose_name = _('language skill')
        verbose_name_plural = _('language skills')
        constraints = [
            models.UniqueConstraint(
                fields=['profile', 'language'],
                name='%(app_label)s_%(class)s_unique_profile_language',
                violation_error_message=_('This language is already on the profile.'),
            )
        ]

    def __str__(self):
        return f'{self.get_language_display()} ({self.get_proficiency_display()})'


class RegionExperience(ProfilePart):
    """A region or a country an expert knows."""

    profile = models.ForeignKey(
        to='roster.ExpertProfile', on_delete=models.CASCADE, related_name='regions', verbose_name=_('profile')
    )
    region = models.CharField(verbose_name=_('region'), max_length=30, choices=Region, blank=True)
    country = models.ForeignKey(
        to='core.Country',
        on_delete=models.PROTECT,
        related_name='roster_experience',
        null=True,
        blank=True,
        verbose_name=_('country'),
    )

    class Meta:
        ordering = ['profile', 'region', 'country__name_en']
        verbose_name = _('region or country')
        verbose_name_plural = _('regions and countries')
        constraints = [
            models.CheckConstraint(
                condition=(Q(region='') & Q(country__isnull=False)) | (~Q(region='') & Q(country__isnull=True)),
                name='%(app_label)s_%(class)s_region_or_country',
                violation_error_message=_('Give a region or a country, not both.'),
            )
        ]

    def __str__(self):
        return str(self.country) if self.country_id else self.get_region_display()


class Availability(ProfilePart):
    """A period an expert is available for deployment (no end: available until further notice)."""

    profile = models.ForeignKey(
        to='roster.ExpertProfile', on_delete=models.CASCADE, related_name='availability', verbose_name=_('profile')
    )
    start = models.DateField(verbose_name=_('from'))
    end = models.DateField(verbose_name=_('to'), null=True, blank=True)
    note = models.CharField(verbose_name=_('note'), max_length=200, blank=True)

    class Meta:
        ordering = ['profile', 'start']
        verbose_name = _('availability period')
        verbose_name_plural = _('availability periods')
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F('start')),
                name='%(app_label)s_%(class)s_end_after_start',
                violation_error_message=_('The end of a period cannot come before its start.'),
            )
        ]

    def __str__(self):
        return f'{self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}' if self.end else f'{self.start:%Y-%m-%d} –'


class Deployment(ProfilePart):
    """A past or current deployment: where (a country or a mission), the role, the period and the requesting
    office's rating (1-5) with its comment."""

    profile = models.ForeignKey(
        to='roster.ExpertProfile', on_delete=models.CASCADE, related_name='deployments', verbose_name=_('profile')
    )
    request = models.ForeignKey(
        to='roster.SupportRequest',
        on_delete=models.SET_NULL,
        related_name='deployments',
        null=True,
        blank=True,
        verbose_name=_('support request'),
    )
    country = models.ForeignKey(
        to='core.Country',
        on_delete=models.PROTECT,
        related_name='roster_deployments',
        null=True,
        blank=True,
        verbose_name=_('country'),
    )
    mission = models.ForeignKey(
        to='framework.Mission',
        on_delete=models.PROTECT,
        related_name='roster_deployments',
        null=True,
        blank=True,
        verbose_name=_('mission'),
    )
    role = models.CharField(verbose_name=_('role'), max_length=200)
    start = models.DateField(verbose_name=_('from'))
    end = models.DateField(verbose_name=_('to'), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(
        verbose_name=_('rating'),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_('1 (poor) to 5 (excellent), given by the requesting office.'),
    )
    rating_comment = models.TextField(verbose_name=_('comment on the rating'), blank=True)

    # The owner reads their deployments and ratings but does not rate themself.
    owner_actions = frozenset({'view'})

    class Meta:
        ordering = ['profile', '-start']
        verbose_name = _('deployment')
        verbose_name_plural = _('deployments')
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=False) | Q(mission__isnull=False),
                name='%(app_label)s_%(class)s_country_or_mission',
                violation_error_message=_('Give the country or the mission of the deployment.'),
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F('start')),
                name='%(app_label)s_%(class)s_end_after_start',
                violation_error_message=_('The end of a period cannot come before its start.'),
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name='%(app_label)s_%(class)s_rating_range',
                violation_error_message=_('A rating is from 1 to 5.'),
            ),
        ]

    def __str__(self):
        return f'{self.role}, {self.mission or self.country}'


# Section: support requests


class Status(models.TextChoices):
    REQUESTED = workflow.REQUESTED, _('Requested')
    ACKNOWLEDGED = workflow.ACKNOWLEDGED, _('Acknowledged')
    PROPOSED = workflow.PROPOSED, _('Candidates proposed')
    SELECTED = workflow.SELECTED, _('Expert selected')
    DEPLOYED = workflow.DEPLOYED, _('Deployed')
    COMPLETED = workflow.COMPLETED, _('Completed')
    CANCELLED = workflow.CANCELLED, _('Cancelled')


class SupportRequest(ChangeLoggedModel):
    """A country's or a mission's request for SSR expertise to the Inter-Agency SSR Task Force or a Global Focal
    Point partner: the skills, languages and period asked for and the terms of reference. ``status`` and
    ``status_date`` repeat the latest of its steps (``RequestStep``)."""

    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='support_requests', verbose_name=_('country')
    )
    mission = models.ForeignKey(
        to='framework.Mission',
        on_delete=models.PROTECT,
        related_name='support_requests',
        null=True,
        blank=True,
        verbose_name=_('requesting mission'),
        help_text=_('Empty when the government or the UN country team asks.'),
    )
    requested_by = models.CharField(verbose_name=_('requesting office'), max_length=200)
    addressees = models.ManyToManyField(
        to='framework.UNEntity',
        related_name='support_requests',
        verbose_name=_('addressed to'),
        help_text=_('The Inter-Agency SSR Task Force, a Global Focal Point partner, or another partner.'),
    )
    title = models.CharField(verbose_name=_('title'), max_length=200)
    terms_of_reference = models.TextField(verbose_name=_('terms of reference'), blank=True)
    skills = models.ManyToManyField(
        to='framework.FrameworkItem',
        related_name='support_requests',
        blank=True,
        verbose_name=_('skills asked for'),
    )
    languages = models.JSONField(verbose_name=_('languages asked for'), default=list, blank=True)
    proficiency = models.PositiveSmallIntegerField(
        verbose_name=_('minimum proficiency'), choices=Proficiency, default=Proficiency.WORKING
    )
    start = models.DateField(verbose_name=_('from'), null=True, blank=True)
    end = models.DateField(verbose_name=_('to'), null=True, blank=True)
    status = models.CharField(
        verbose_name=_('status'), max_length=30, choices=Status, default=Status.REQUESTED, editable=False
    )
    status_date = models.DateField(verbose_name=_('status date'), null=True, editable=False)
    source = models.CharField(verbose_name=_('source'), max_length=300, blank=True)
    citations = GenericRelation(to='core.SourceCitation')

    access_kind = 'workspace'
    country_scope = 'country'

    class Meta:
        ordering = ['-status_date', 'title']
        verbose_name = _('support request')
        verbose_name_plural = _('support requests')
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F('start')),
                name='%(app_label)s_%(class)s_end_after_start',
                violation_error_message=_('The end of a period cannot come before its start.'),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse('roster:request', args=[self.pk])

    def clean(self):
        codes = {code for code, _name in language_choices()}
        unknown = [code for code in self.languages or [] if code not in codes]
        if unknown:
            raise ValidationError(
                {'languages': _('Unknown language codes: %(codes)s.') % {'codes': ', '.join(unknown)}}
            )


class RequestStep(ChangeLoggedModel):
    """A dated step of a support request (requested, acknowledged ... deployed, completed or cancelled)."""

    request = models.ForeignKey(
        to='roster.SupportRequest', on_delete=models.CASCADE, related_name='steps', verbose_name=_('support request')
    )
    status = models.CharField(verbose_name=_('status'), max_length=30, choices=Status)
    date = models.DateField(verbose_name=_('date'))
    note = models.CharField(verbose_name=_('note'), max_length=300, blank=True)

    access_kind = 'roster'
    country_scope = 'request__country'
    # Roster managers serve every country: no action is limited to assigned countries.
    scoped_actions = frozenset()

    class Meta:
        ordering = ['request', 'date', 'pk']
        verbose_name = _('request step')
        verbose_name_plural = _('request steps')

    def __str__(self):
        return f'{self.get_status_display()} ({self.date:%Y-%m-%d})'


class Candidate(PersonalModel):
    """An expert proposed for a support request; ``selected`` marks the one chosen."""

    request = models.ForeignKey(
        to='roster.SupportRequest',
        on_delete=models.CASCADE,
        related_name='candidates',
        verbose_name=_('support request'),
    )
    profile = models.ForeignKey(
        to='roster.ExpertProfile', on_delete=models.CASCADE, related_name='candidacies', verbose_name=_('expert')
    )
    proposed = models.DateField(verbose_name=_('proposed on'))
    score = models.DecimalField(
        verbose_name=_('score when proposed'), max_digits=5, decimal_places=2, null=True, blank=True
    )
    selected = models.BooleanField(verbose_name=_('selected'), default=False)
    note = models.CharField(verbose_name=_('note'), max_length=300, blank=True)

    owner_scope = 'profile__user'
    owner_actions = frozenset({'view'})

    class Meta:
        ordering = ['request', '-selected', 'proposed', 'pk']
        verbose_name = _('candidate')
        verbose_name_plural = _('candidates')
        constraints = [
            models.UniqueConstraint(
                fields=['request', 'profile'],
                name='%(app_label)s_%(class)s_unique_request_profile',
                violation_error_message=_('This expert is already proposed for this request.'),
            ),
            models.UniqueConstraint(
                fields=['request'],
                condition=Q(selected=True),
                name='%(app_label)s_%(class)s_one_selected',
                violation_error_message=_('Only one expert is selected for a request.'),
            ),
        ]

    def __str__(self):
        return f'{self.profile} – {self.request}'


class RosterExport(ChangeLoggedModel):
    """The audit of a roster export with contact details: who, when, which filter, how many rows."""

    user = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name='roster_exports',
        verbose_name=_('user'),
    )
    query = models.CharField(verbose_name=_('filter'), max_length=1000, blank=True)
    format = models.CharField(verbose_name=_('format'), max_length=10)
    rows = models.PositiveIntegerField(verbose_name=_('rows'))
    contacts = models.BooleanField(verbose_name=_('with contact details'), default=False)

    access_kind = 'audit'

    class Meta:
        ordering = ['-created']
        verbose_name = _('roster export')
        verbose_name_plural = _('roster exports')

    def __str__(self):
        return f'{self.user} {self.created:%Y-%m-%d %H:%M}'
