"""The plan's context: country statistics (Gapminder's country-year series) and UCDP conflict events, written only
by loading (``ssrhub statistics load``, ``ssrhub ucdp load``) and read by everyone with a role. A value or event a
later load revises is kept, closed with ``valid_until`` and pointing to its successor: never overwritten."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.i18n import localized
from ssrhub.core.models import ChangeLoggedModel

__all__ = [
    'ConflictEvent',
    'DatePrecision',
    'EventClarity',
    'LoadedDataset',
    'StatisticLoad',
    'StatisticSeries',
    'StatisticValue',
    'ViolenceType',
    'WherePrecision',
]


class _ContextData(ChangeLoggedModel):
    """Reference-like data for people with a role (not public): administrators may correct it, loaders write it."""

    access_kind = 'reference'
    public = False

    class Meta:
        abstract = True


class LoadedDataset(models.TextChoices):
    STATISTICS = 'statistics', _('Country statistics (Gapminder)')
    UCDP = 'ucdp', _('Conflict events (UCDP GED)')


class StatisticLoad(_ContextData):
    """One file loaded: which, its SHA-256, when and by whom (none from the command line), and what it changed. A
    file that changes nothing (the same file again) leaves no load."""

    dataset = models.CharField(verbose_name=_('dataset'), max_length=12, choices=LoadedDataset)
    file_name = models.CharField(verbose_name=_('file'), max_length=255)
    file_hash = models.CharField(verbose_name=_('SHA-256 of the file'), max_length=64)
    release = models.CharField(verbose_name=_('release'), max_length=30, blank=True)
    loaded_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='statistic_loads',
        verbose_name=_('loaded by'),
    )
    added = models.PositiveIntegerField(verbose_name=_('added'), default=0)
    revised = models.PositiveIntegerField(verbose_name=_('revised'), default=0)
    unchanged = models.PositiveIntegerField(verbose_name=_('unchanged'), default=0)

    class Meta:
        ordering = ['-created']
        verbose_name = _('statistics load')
        verbose_name_plural = _('statistics loads')

    def __str__(self):
        return f'{self.file_name} ({self.created:%Y-%m-%d %H:%M})' if self.created else self.file_name


class StatisticSeries(_ContextData):
    """A country-year series (armed forces personnel, military expenditure...), where it comes from and its
    licence."""

    code = models.SlugField(verbose_name=_('code'), max_length=80, unique=True)
    name_en = models.CharField(verbose_name=_('name (English)'), max_length=200)
    name_fr = models.CharField(verbose_name=_('name (French)'), max_length=200)
    unit_en = models.CharField(verbose_name=_('unit (English)'), max_length=60)
    unit_fr = models.CharField(verbose_name=_('unit (French)'), max_length=60)
    source = models.CharField(verbose_name=_('source'), max_length=200)
    licence = models.CharField(verbose_name=_('licence'), max_length=40)
    underlying_source = models.CharField(verbose_name=_('underlying source'), max_length=300)
    wdi_code = models.CharField(verbose_name=_('World Bank WDI code'), max_length=30, blank=True)

    class Meta:
        ordering = ['code']
        verbose_name = _('statistic series')
        verbose_name_plural = _('statistic series')

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return localized(self, 'name')

    @property
    def unit(self) -> str:
        return localized(self, 'unit')


class StatisticValue(_ContextData):
    """A series' value for a country and year as one load gave it. The current value has no ``valid_until``; a value
    a later load revised points to its successor."""

    series = models.ForeignKey(
        to=StatisticSeries, on_delete=models.CASCADE, related_name='values', verbose_name=_('series')
    )
    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='statistic_values', verbose_name=_('country')
    )
    year = models.PositiveSmallIntegerField(verbose_name=_('year'))
    value = models.DecimalField(verbose_name=_('value'), max_digits=20, decimal_places=6)
    load = models.ForeignKey(
        to=StatisticLoad, on_delete=models.PROTECT, related_name='values', verbose_name=_('loaded from')
    )
    valid_until = models.DateTimeField(verbose_name=_('valid until'), null=True, blank=True)
    superseded_by = models.ForeignKey(
        to='self',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='supersedes',
        verbose_name=_('superseded by'),
    )

    country_scope = 'country'

    class Meta:
        ordering = ['series', 'country', 'year', 'created']
        verbose_name = _('statistic value')
        verbose_name_plural = _('statistic values')
        indexes = [models.Index(fields=['country', 'series', 'year'], name='monitoring_statvalue_country')]
        constraints = [
            models.UniqueConstraint(
                fields=['series', 'country', 'year'],
                condition=models.Q(valid_until__isnull=True),
                name='monitoring_statisticvalue_one_current',
                violation_error_message=_('This series already has a current value for this country and year.'),
            ),
            models.CheckConstraint(
                condition=models.Q(superseded_by__isnull=True) | models.Q(valid_until__isnull=False),
                name='monitoring_statisticvalue_superseded_closed',
                violation_error_message=_('A superseded value must say until when it was valid.'),
            ),
        ]

    def __str__(self):
        return f'{self.series} {self.country.iso3} {self.year}: {self.value.normalize():f}'

    def get_absolute_url(self):
        return reverse('monitoring:statistic_value', args=[self.country.iso3, self.pk])

    @property
    def current(self) -> bool:
        return self.valid_until is None


class ViolenceType(models.IntegerChoices):
    STATE_BASED = 1, _('State-based conflict')
    NON_STATE = 2, _('Non-state conflict')
    ONE_SIDED = 3, _('One-sided violence')


class DatePrecision(models.IntegerChoices):
    DAY = 1, _('Exact day')
    DAYS = 2, _('Within 2 to 6 days')
    WEEK = 3, _('Week known')
    MONTH = 4, _('Month known (8 to 30 days)')
    YEAR = 5, _('Year known only (31 to 365 days)')


class WherePrecision(models.IntegerChoices):
    EXACT = 1, _('Exact place')
    NEAR = 2, _('Within about 25 km of a place')
    ADM2 = 3, _('Second-order administrative area')
    ADM1 = 4, _('First-order administrative area')
    REGION = 5, _('Part of the country (a region, a road, a border)')
    COUNTRY = 6, _('Country only')
    WATERS = 7, _('International waters or airspace')


class EventClarity(models.IntegerChoices):
    CLEAR = 1, _('A single, clearly reported event')
    AGGREGATE = 2, _('An aggregate of events reported together')


class ConflictEvent(_ContextData):
    """An event of organised violence from the UCDP Georeferenced Event Dataset, as one release gives it. The current
    version of an event has no ``valid_until``; a version a later release revised points to its successor."""

    ucdp_id = models.PositiveBigIntegerField(verbose_name=_('UCDP event id'))
    relid = models.CharField(verbose_name=_('UCDP release id'), max_length=40)
    release = models.CharField(verbose_name=_('release'), max_length=30)
    country = models.ForeignKey(
        to='core.Country', on_delete=models.PROTECT, related_name='conflict_events', verbose_name=_('country')
    )
    year = models.PositiveSmallIntegerField(verbose_name=_('year'))
    date_start = models.DateField(verbose_name=_('start date'))
    date_end = models.DateField(verbose_name=_('end date'))
    date_precision = models.PositiveSmallIntegerField(verbose_name=_('date precision'), choices=DatePrecision)
    type_of_violence = models.PositiveSmallIntegerField(verbose_name=_('type of violence'), choices=ViolenceType)
    conflict_id = models.PositiveIntegerField(verbose_name=_('UCDP conflict id'))
    conflict_name = models.CharField(verbose_name=_('conflict'), max_length=300)
    dyad_id = models.PositiveIntegerField(verbose_name=_('UCDP dyad id'))
    dyad_name = models.CharField(verbose_name=_('dyad'), max_length=300)
    side_a = models.CharField(verbose_name=_('side A'), max_length=300)
    side_b = models.CharField(verbose_name=_('side B'), max_length=300)
    where_description = models.CharField(verbose_name=_('where'), max_length=500, blank=True)
    adm_1 = models.CharField(verbose_name=_('first-order administrative area'), max_length=200, blank=True)
    adm_2 = models.CharField(verbose_name=_('second-order administrative area'), max_length=200, blank=True)
    where_precision = models.PositiveSmallIntegerField(verbose_name=_('place precision'), choices=WherePrecision)
    latitude = models.DecimalField(verbose_name=_('latitude'), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(verbose_name=_('longitude'), max_digits=9, decimal_places=6, null=True, blank=True)
    deaths_a = models.PositiveIntegerField(verbose_name=_('deaths of side A'))
    deaths_b = models.PositiveIntegerField(verbose_name=_('deaths of side B'))
    deaths_civilians = models.PositiveIntegerField(verbose_name=_('civilian deaths'))
    deaths_unknown = models.PositiveIntegerField(verbose_name=_('deaths of unknown status'))
    best = models.PositiveIntegerField(verbose_name=_('deaths (best estimate)'))
    low = models.PositiveIntegerField(verbose_name=_('deaths (low estimate)'))
    high = models.PositiveIntegerField(verbose_name=_('deaths (high estimate)'))
    number_of_sources = models.PositiveIntegerField(verbose_name=_('number of sources'), null=True, blank=True)
    source_article = models.TextField(verbose_name=_('source articles'), blank=True)
    source_office = models.TextField(verbose_name=_('source offices'), blank=True)
    source_date = models.TextField(verbose_name=_('source dates'), blank=True)
    source_headline = models.TextField(verbose_name=_('source headlines'), blank=True)
    source_original = models.TextField(verbose_name=_('original sources'), blank=True)
    event_clarity = models.PositiveSmallIntegerField(verbose_name=_('event clarity'), choices=EventClarity)
    code_status = models.CharField(verbose_name=_('code status'), max_length=30, blank=True)
    fingerprint = models.CharField(verbose_name=_('fingerprint'), max_length=64)
    load = models.ForeignKey(
        to=StatisticLoad, on_delete=models.PROTECT, related_name='events', verbose_name=_('loaded from')
    )
    valid_until = models.DateTimeField(verbose_name=_('valid until'), null=True, blank=True)
    superseded_by = models.ForeignKey(
        to='self',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='supersedes',
        verbose_name=_('superseded by'),
    )

    country_scope = 'country'

    class Meta:
        ordering = ['-date_start', 'ucdp_id', 'created']
        verbose_name = _('conflict event')
        verbose_name_plural = _('conflict events')
        indexes = [models.Index(fields=['country', 'year'], name='monitoring_event_country_year')]
        constraints = [
            models.UniqueConstraint(
                fields=['ucdp_id'],
                condition=models.Q(valid_until__isnull=True),
                name='monitoring_conflictevent_one_current',
                violation_error_message=_('This UCDP event already has a current version.'),
            ),
            models.CheckConstraint(
                condition=models.Q(date_end__gte=models.F('date_start')),
                name='monitoring_conflictevent_dates_ordered',
                violation_error_message=_('An event cannot end before it starts.'),
            ),
            models.CheckConstraint(
                condition=models.Q(superseded_by__isnull=True) | models.Q(valid_until__isnull=False),
                name='monitoring_conflictevent_superseded_closed',
                violation_error_message=_('A superseded version must say until when it was valid.'),
            ),
        ]

    def __str__(self):
        return f'UCDP {self.ucdp_id} ({self.date_start:%Y-%m-%d}, {self.release})'

    def get_absolute_url(self):
        return reverse('monitoring:conflict_event', args=[self.country.iso3, self.pk])

    @property
    def current(self) -> bool:
        return self.valid_until is None

    @property
    def sources(self) -> list[str]:
        """The offices UCDP names (``;``-separated in the file), else its original sources."""
        text = self.source_office or self.source_original
        return [part.strip() for part in text.split(';') if part.strip()]
