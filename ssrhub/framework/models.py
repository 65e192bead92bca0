"""The reference framework (versioned, citable items) and UN institutions and missions."""

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.fields import UNSymbolField
from ssrhub.core.i18n import localized, translated
from ssrhub.core.models import ReferenceModel

__all__ = [
    'EntityKindChoices',
    'Framework',
    'FrameworkItem',
    'FrameworkVersion',
    'Mission',
    'MissionTypeChoices',
    'MembershipRoleChoices',
    'UNEntity',
    'UNEntityMembership',
    'UNEntityName',
]


# Section: reference framework


class Framework(ReferenceModel):
    """A body of guidance encoded as data, e.g. the UN approach to SSR."""

    code = models.SlugField(verbose_name=_('code'), max_length=50, unique=True)
    name_en = models.CharField(verbose_name=_('name (English)'), max_length=200)
    name_fr = models.CharField(verbose_name=_('name (French)'), max_length=200)
    description_en = models.TextField(verbose_name=_('description (English)'), blank=True)
    description_fr = models.TextField(verbose_name=_('description (French)'), blank=True)

    class Meta:
        ordering = ['code']
        verbose_name = _('framework')
        verbose_name_plural = _('frameworks')

    def __str__(self):
        return self.name

    @property
    def name(self):
        return localized(self, 'name')

    @property
    def description(self):
        return localized(self, 'description')

    @property
    def current_version(self) -> 'FrameworkVersion | None':
        return self.versions.order_by('-released', '-version').first()


class FrameworkVersion(ReferenceModel):
    """One published version of a framework; older versions stay readable after a new one loads."""

    framework = models.ForeignKey(
        to='framework.Framework', on_delete=models.CASCADE, related_name='versions', verbose_name=_('framework')
    )
    version = models.CharField(verbose_name=_('version'), max_length=20)
    released = models.DateField(verbose_name=_('released'))
    notes_en = models.TextField(verbose_name=_('notes (English)'), blank=True)
    notes_fr = models.TextField(verbose_name=_('notes (French)'), blank=True)
    content_hash = models.CharField(verbose_name=_('content hash'), max_length=64, editable=False)

    class Meta:
        ordering = ['framework', '-released', '-version']
        verbose_name = _('framework version')
        verbose_name_plural = _('framework versions')
        constraints = [
            models.UniqueConstraint(
                fields=['framework', 'version'],
                name='%(app_label)s_%(class)s_unique_framework_version',
                violation_error_message=_('This framework already has a version with this number.'),
            )
        ]

    def __str__(self):
        return f'{self.framework.code} {self.version}'

    @property
    def notes(self):
        return localized(self, 'notes')

    @property
    def is_current(self):
        return self.framework.current_version == self

    def get_absolute_url(self):
        return reverse('framework:version', args=[self.framework.code, self.version])


class FrameworkItem(ReferenceModel):
    """One item of a framework version (a principle, a feature, an area...), in a tree."""

    version = models.ForeignKey(
        to='framework.FrameworkVersion', on_delete=models.CASCADE, related_name='items', verbose_name=_('version')
    )
    parent = models.ForeignKey(
        to='self',
        on_delete=models.CASCADE,
        related_name='children',
        null=True,
        blank=True,
        verbose_name=_('parent'),
    )
    code = models.CharField(verbose_name=_('code'), max_length=120)
    ref = models.CharField(verbose_name=_('reference as printed'), max_length=20, blank=True)
    order = models.PositiveIntegerField(verbose_name=_('order'))
    depth = models.PositiveSmallIntegerField(verbose_name=_('depth'), default=0)
    label_en = models.CharField(verbose_name=_('label (English)'), max_length=300)
    label_fr = models.CharField(verbose_name=_('label (French)'), max_length=300)
    definition_en = models.TextField(verbose_name=_('definition (English)'))
    definition_fr = models.TextField(verbose_name=_('definition (French)'))
    citations = GenericRelation(to='core.SourceCitation', related_query_name='framework_item')

    class Meta:
        ordering = ['version', 'order']
        verbose_name = _('framework item')
        verbose_name_plural = _('framework items')
        constraints = [
            models.UniqueConstraint(
                fields=['version', 'code'],
                name='%(app_label)s_%(class)s_unique_version_code',
                violation_error_message=_('This version already has an item with this code.'),
            )
        ]

    def __str__(self):
        return f'{self.code} – {self.label}'

    @property
    def label(self):
        return localized(self, 'label')

    @property
    def definition(self):
        return localized(self, 'definition')

    @property
    def group(self):
        return self.code.split('.')[0]

    def get_absolute_url(self):
        return reverse('framework:item', args=[self.version.framework.code, self.version.version, self.code])


# Section: institutions


class EntityKindChoices(models.TextChoices):
    DEPARTMENT = 'department', _('Department')
    OFFICE = 'office', _('Office')
    AGENCY_FUND_PROGRAMME = 'agency-fund-programme', _('Agency, fund or programme')
    MECHANISM = 'mechanism', _('Inter-agency mechanism')
    REGIONAL_ORGANISATION = 'regional-organisation', _('Regional organisation')
    OTHER = 'other', _('Other')


class UNEntity(ReferenceModel):
    """A UN entity or partner organisation; its names change over time (``UNEntityName``)."""

    code = models.CharField(verbose_name=_('code'), max_length=30, unique=True)
    kind = models.CharField(verbose_name=_('kind'), max_length=30, choices=EntityKindChoices)
    note = models.TextField(verbose_name=_('note'), blank=True)
    citations = GenericRelation(to='core.SourceCitation', related_query_name='entity')

    class Meta:
        ordering = ['code']
        verbose_name = _('entity')
        verbose_name_plural = _('entities')

    def __str__(self):
        return self.code

    def name_on(self, date: datetime.date):
        """The name in use on ``date`` (``None`` before the entity existed)."""
        for name in self.names.all():
            if name.valid_from <= date and (name.valid_to is None or date <= name.valid_to):
                return name
        return None

    @property
    def current_name(self):
        names = list(self.names.all())  # uses a prefetch; .last() would query again
        return names[-1] if names else None

    def get_absolute_url(self):
        return reverse('framework:entity', args=[self.code])


class UNEntityName(ReferenceModel):
    """A name an entity carried over a period (DPKO until 2018-12-31, DPO from 2019-01-01)."""

    entity = models.ForeignKey(
        to='framework.UNEntity', on_delete=models.CASCADE, related_name='names', verbose_name=_('entity')
    )
    acronym = models.CharField(verbose_name=_('acronym'), max_length=30)
    name_en = models.CharField(verbose_name=_('name (English)'), max_length=250)
    name_fr = models.CharField(verbose_name=_('name (French)'), max_length=250)
    valid_from = models.DateField(verbose_name=_('valid from'))
    valid_to = models.DateField(verbose_name=_('valid to'), null=True, blank=True)

    class Meta:
        ordering = ['entity', 'valid_from']
        verbose_name = _('entity name')
        verbose_name_plural = _('entity names')
        constraints = [
            models.UniqueConstraint(
                fields=['entity', 'valid_from'],
                name='%(app_label)s_%(class)s_unique_entity_valid_from',
                violation_error_message=_('This entity already has a name starting on this date.'),
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F('valid_from')),
                name='%(app_label)s_%(class)s_valid_period',
                violation_error_message=_('A name cannot end before it starts.'),
            ),
        ]

    def __str__(self):
        return f'{self.acronym} ({self.valid_from:%Y}–{self.valid_to:%Y})' if self.valid_to else self.acronym

    @property
    def name(self):
        return localized(self, 'name')


class MembershipRoleChoices(models.TextChoices):
    MEMBER = 'member', _('Member')
    CHAIR = 'chair', _('Chair')
    CO_CHAIR = 'co-chair', _('Co-chair')
    SECRETARIAT = 'secretariat', _('Secretariat')


class UNEntityMembership(ReferenceModel):
    """A dated membership of an entity in a mechanism (e.g. UNDP co-chairs the IASSRTF)."""

    group = models.ForeignKey(
        to='framework.UNEntity', on_delete=models.CASCADE, related_name='memberships', verbose_name=_('mechanism')
    )
    member = models.ForeignKey(
        to='framework.UNEntity', on_delete=models.CASCADE, related_name='member_of', verbose_name=_('member')
    )
    role = models.CharField(verbose_name=_('role'), max_length=20, choices=MembershipRoleChoices)
    valid_from = models.DateField(verbose_name=_('from'), null=True, blank=True)
    valid_to = models.DateField(verbose_name=_('to'), null=True, blank=True)
    note = models.TextField(verbose_name=_('note'), blank=True)
    citations = GenericRelation(to='core.SourceCitation', related_query_name='membership')

    class Meta:
        ordering = ['group', 'member']
        verbose_name = _('membership')
        verbose_name_plural = _('memberships')
        constraints = [
            models.UniqueConstraint(
                fields=['group', 'member', 'role'],
                name='%(app_label)s_%(class)s_unique_group_member_role',
                violation_error_message=_('This entity already has this role in this mechanism.'),
            )
        ]

    def __str__(self):
        return f'{self.member} in {self.group} ({self.get_role_display()})'


class MissionTypeChoices(models.TextChoices):
    PEACEKEEPING = 'pko', _('Peacekeeping operation')
    POLITICAL = 'spm', _('Special political mission')
    NON_MISSION = 'non-mission', _('Non-mission setting')


class Mission(ReferenceModel):
    """A UN peace operation or non-mission setting, with its dates and predecessors."""

    acronym = models.CharField(verbose_name=_('acronym'), max_length=30, unique=True)
    acronym_fr = models.CharField(
        verbose_name=_('French acronym'),
        max_length=30,
        blank=True,
        help_text=_('When the French acronym differs (ONUCI for UNOCI); shown on French pages.'),
    )
    name_en = models.CharField(verbose_name=_('name (English)'), max_length=250)
    name_fr = models.CharField(verbose_name=_('name (French)'), max_length=250)
    type = models.CharField(verbose_name=_('type'), max_length=20, choices=MissionTypeChoices)
    countries = models.ManyToManyField(to='core.Country', related_name='missions', verbose_name=_('countries'))
    start = models.DateField(verbose_name=_('start'))
    end = models.DateField(verbose_name=_('end'), null=True, blank=True)
    established_by = UNSymbolField(verbose_name=_('established by'), blank=True)
    predecessors = models.ManyToManyField(
        to='self', symmetrical=False, related_name='successors', blank=True, verbose_name=_('predecessors')
    )
    note = models.TextField(verbose_name=_('note'), blank=True)
    citations = GenericRelation(to='core.SourceCitation', related_query_name='mission')

    # Missions are public reference data, but a mission's record is kept by the country editors
    # of its countries (and administrators), so it is a country-scoped workspace record.
    access_kind = 'workspace'
    country_scope = 'countries'

    class Meta:
        ordering = ['acronym']
        verbose_name = _('mission')
        verbose_name_plural = _('missions')
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F('start')),
                name='%(app_label)s_%(class)s_valid_period',
                violation_error_message=_('A mission cannot end before it starts.'),
            )
        ]

    def __str__(self):
        return self.display_acronym

    @property
    def display_acronym(self) -> str:
        """The acronym in the UI language (ONUCI in French for UNOCI)."""
        return translated(self, 'acronym')

    @property
    def name(self):
        return localized(self, 'name')

    @property
    def is_active(self):
        return self.end is None

    def get_absolute_url(self):
        return reverse('framework:mission', args=[self.acronym])
