"""Indicators of a framework's results and their periods with targets.

An indicator says what is measured (definition, unit, direction of change), where it starts (a baseline with its
date, or why there is none), how often and from what it is measured, who answers for it, and which SDG indicators
and which ITGN it follows. A period carries the target; the actual values reported for a period hang on
``IndicatorPeriod`` (the actuals part of the app).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ssrhub.core.i18n import translated
from ssrhub.core.models import ChangeLoggedModel

from .. import values
from ..value_messages import problem_errors

__all__ = ['Direction', 'Frequency', 'Indicator', 'IndicatorPeriod', 'Unit', 'VALUE_DIGITS', 'VALUE_PLACES']

# Values, targets and baselines: counts in the millions (a budget in local currency) to four decimals (a score).
VALUE_DIGITS = 20
VALUE_PLACES = 4


class Unit(models.TextChoices):
    NUMBER = values.NUMBER, pgettext_lazy('unit of an indicator', 'Number')
    PERCENTAGE = values.PERCENTAGE, _('Percentage')
    YES_NO = values.YES_NO, _('Yes/no')
    SCALE = values.SCALE, _('Scale')


class Direction(models.TextChoices):
    INCREASE = 'increase', _('Increase')
    DECREASE = 'decrease', _('Decrease')
    MAINTAIN = 'maintain', _('Maintain')


class Frequency(models.TextChoices):
    MONTHLY = 'monthly', _('Monthly')
    QUARTERLY = 'quarterly', _('Quarterly')
    HALF_YEARLY = 'half-yearly', _('Half-yearly')
    ANNUAL = 'annual', _('Annual')
    OTHER = 'other', _('Other')


def value_field(verbose_name, help_text=''):
    return models.DecimalField(
        verbose_name=verbose_name,
        max_digits=VALUE_DIGITS,
        decimal_places=VALUE_PLACES,
        null=True,
        blank=True,
        help_text=help_text,
    )


class Indicator(ChangeLoggedModel):
    """How a result is measured.

    The unit decides what a value may be (``monitoring/values.py``): a number, a percentage (with what its numerator
    and denominator count), yes (1) or no (0), or a point on a scale between two labelled ends. The baseline is a
    value with its date, or "not available" with the reason (a named constraint). ``copied_from`` keeps the library
    indicator it was copied from.
    """

    result = models.ForeignKey(
        to='monitoring.FrameworkResult', on_delete=models.CASCADE, related_name='indicators', verbose_name=_('result')
    )
    code = models.CharField(verbose_name=_('code'), max_length=20, help_text=_('For example 1.2.a.'))
    title = models.CharField(verbose_name=_('title'), max_length=300)
    title_fr = models.CharField(verbose_name=_('French title'), max_length=300, blank=True)
    definition = models.TextField(
        verbose_name=_('definition'), blank=True, help_text=_('What is counted, how, and what is left out.')
    )
    unit = models.CharField(verbose_name=_('unit'), max_length=12, choices=Unit, default=Unit.NUMBER)
    numerator_label = models.CharField(
        verbose_name=_('numerator'), max_length=200, blank=True, help_text=_('For a percentage: what is counted.')
    )
    denominator_label = models.CharField(
        verbose_name=_('denominator'), max_length=200, blank=True, help_text=_('For a percentage: out of what.')
    )
    scale_min = value_field(_('lowest point of the scale'))
    scale_max = value_field(_('highest point of the scale'))
    scale_min_label = models.CharField(verbose_name=_('label of the lowest point'), max_length=100, blank=True)
    scale_max_label = models.CharField(verbose_name=_('label of the highest point'), max_length=100, blank=True)
    direction = models.CharField(
        verbose_name=_('desired direction'), max_length=10, choices=Direction, default=Direction.INCREASE
    )
    cumulative = models.BooleanField(
        verbose_name=_('cumulative'),
        default=False,
        help_text=_(
            "Each period's value adds to the previous ones (trainees since the start), rather than standing "
            'alone (the share of women this year).'
        ),
    )
    decimal_places = models.PositiveSmallIntegerField(
        verbose_name=_('decimal places'), default=0, validators=[MaxValueValidator(VALUE_PLACES)]
    )
    baseline_value = value_field(_('baseline value'))
    baseline_numerator = value_field(_('baseline numerator'))
    baseline_denominator = value_field(_('baseline denominator'))
    baseline_date = models.DateField(verbose_name=_('baseline date'), null=True, blank=True)
    baseline_not_available = models.BooleanField(verbose_name=_('no baseline available'), default=False)
    baseline_reason = models.TextField(
        verbose_name=_('why there is no baseline'),
        blank=True,
        help_text=_('For example: the first perception survey is planned for 2025.'),
    )
    frequency = models.CharField(
        verbose_name=_('frequency'), max_length=12, choices=Frequency, default=Frequency.ANNUAL
    )
    data_source = models.TextField(verbose_name=_('data source'), blank=True)
    means_of_verification = models.TextField(verbose_name=_('means of verification'), blank=True)
    responsible_organisation = models.ForeignKey(
        to='coordination.Organisation',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='monitoring_indicators',
        verbose_name=_('responsible organisation'),
    )
    sdg_indicators = models.ManyToManyField(
        to='monitoring.SdgIndicator', related_name='indicators', blank=True, verbose_name=_('SDG indicators')
    )
    itgn = models.ForeignKey(
        to='framework.FrameworkItem',
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name='monitoring_indicators',
        limit_choices_to={'code__startswith': 'itgn.'},
        verbose_name=_('guiding ITGN'),
        help_text=_('The Integrated Technical Guidance Note that guides this indicator.'),
    )
    copied_from = models.ForeignKey(
        to='monitoring.LibraryIndicator',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='copies',
        verbose_name=_('copied from the library'),
    )
    citations = GenericRelation(to='core.SourceCitation')

    access_kind = 'workspace'
    country_scope = 'result__framework__country'

    class Meta:
        ordering = ['result', 'code']
        verbose_name = _('indicator')
        verbose_name_plural = _('indicators')
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        baseline_value__isnull=False,
                        baseline_date__isnull=False,
                        baseline_not_available=False,
                        baseline_reason='',
                    )
                    | (
                        models.Q(
                            baseline_value__isnull=True,
                            baseline_numerator__isnull=True,
                            baseline_denominator__isnull=True,
                            baseline_date__isnull=True,
                            baseline_not_available=True,
                        )
                        & ~models.Q(baseline_reason='')
                    )
                ),
                name='monitoring_indicator_baseline',
                violation_error_message=_(
                    'Give the baseline value and its date, or say that no baseline is available and why.'
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(unit='scale')
                | models.Q(scale_min__isnull=False, scale_max__isnull=False, scale_max__gt=models.F('scale_min')),
                name='monitoring_indicator_scale',
                violation_error_message=_('A scale needs its lowest and highest points, the highest above the lowest.'),
            ),
            models.UniqueConstraint(
                fields=['result', 'code'],
                name='monitoring_indicator_unique_code',
                violation_error_message=_('This result already has an indicator with this code.'),
            ),
        ]

    def __str__(self):
        return f'{self.code} {self.display_title}'

    @property
    def display_title(self) -> str:
        """The title in the UI language."""
        return translated(self, 'title')

    @property
    def framework(self):
        return self.result.framework

    def get_absolute_url(self):
        return reverse('monitoring:indicator', args=[self.result.framework.country.iso3, self.pk])

    def check_value(self, value=None, numerator=None, denominator=None) -> list:
        """The problems of a value for this indicator (``values.check_value`` with its unit, scale and decimals)."""
        return values.check_value(
            self.unit,
            value,
            numerator,
            denominator,
            scale_min=self.scale_min,
            scale_max=self.scale_max,
            decimal_places=self.decimal_places,
        )

    def clean(self):
        errors = {}
        if self.unit != Unit.PERCENTAGE:
            for name in ('numerator_label', 'denominator_label', 'baseline_numerator', 'baseline_denominator'):
                if getattr(self, name) not in (None, ''):
                    errors[name] = _('Only a percentage has a numerator and a denominator.')
        if self.unit != Unit.SCALE:
            for name in ('scale_min', 'scale_max', 'scale_min_label', 'scale_max_label'):
                if getattr(self, name) not in (None, ''):
                    errors[name] = _('Only a scale has lowest and highest points.')
        ratio_checked = not self.check_value(None, self.baseline_numerator, self.baseline_denominator)
        if self.unit == Unit.PERCENTAGE and self.baseline_value is None and ratio_checked:
            self.baseline_value = _rounded(values.percent(self.baseline_numerator, self.baseline_denominator), self)
        if not errors and not self.baseline_not_available:
            errors.update(
                problem_errors(
                    self.check_value(self.baseline_value, self.baseline_numerator, self.baseline_denominator),
                    {
                        'value': 'baseline_value',
                        'numerator': 'baseline_numerator',
                        'denominator': 'baseline_denominator',
                    },
                )
            )
        if self.result_id and self.code:
            clash = Indicator.objects.filter(result__framework=self.result.framework_id, code=self.code).exclude(
                pk=self.pk
            )
            if clash.exists():
                errors['code'] = _('This framework already has an indicator with this code.')
        if self.itgn_id and not self.itgn.code.startswith('itgn.'):
            errors['itgn'] = _('Choose one of the Integrated Technical Guidance Notes.')
        if errors:
            raise ValidationError(errors)

    def next_period(self, today):
        """The first period that has not ended by ``today`` (else ``None``)."""
        return next((period for period in self.periods.all() if period.end >= today), None)


def _rounded(number, indicator):
    if number is None:
        return None
    return round(number, indicator.decimal_places)


class IndicatorPeriod(ChangeLoggedModel):
    """A reporting period of an indicator with its target: inside the framework's period, never overlapping another
    period of the same indicator. A percentage's target may be given as numerator and denominator."""

    indicator = models.ForeignKey(
        to=Indicator, on_delete=models.CASCADE, related_name='periods', verbose_name=_('indicator')
    )
    start = models.DateField(verbose_name=_('start'))
    end = models.DateField(verbose_name=_('end'))
    label = models.CharField(
        verbose_name=_('label'), max_length=60, blank=True, help_text=_('For example 2025 or Q1 2025.')
    )
    target = value_field(_('target'))
    target_numerator = value_field(_('target numerator'))
    target_denominator = value_field(_('target denominator'))
    target_note = models.TextField(verbose_name=_('note on the target'), blank=True)

    access_kind = 'workspace'
    country_scope = 'indicator__result__framework__country'

    class Meta:
        ordering = ['indicator', 'start']
        verbose_name = _('indicator period')
        verbose_name_plural = _('indicator periods')
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F('start')),
                name='monitoring_indicatorperiod_dates',
                violation_error_message=_('A period cannot end before it starts.'),
            ),
            models.UniqueConstraint(
                fields=['indicator', 'start'],
                name='monitoring_indicatorperiod_unique_start',
                violation_error_message=_('This indicator already has a period starting on this date.'),
            ),
        ]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self) -> str:
        """The label, or the dates when there is none."""
        if self.label:
            return self.label
        return f'{date_format(self.start, "SHORT_DATE_FORMAT")} – {date_format(self.end, "SHORT_DATE_FORMAT")}'

    def get_absolute_url(self):
        return f'{self.indicator.get_absolute_url()}#period-{self.pk}'

    def clean(self):
        errors = {}
        if not (self.indicator_id and self.start and self.end) or self.end < self.start:
            return
        framework = self.indicator.result.framework
        if (framework.start and self.start < framework.start) or (framework.end and self.end > framework.end):
            errors['start' if framework.start and self.start < framework.start else 'end'] = _(
                "The period must fall within the framework's period (%(start)s – %(end)s)."
            ) % {
                'start': date_format(framework.start, 'SHORT_DATE_FORMAT') if framework.start else '…',
                'end': date_format(framework.end, 'SHORT_DATE_FORMAT') if framework.end else '…',
            }
        overlap = (
            IndicatorPeriod.objects.filter(indicator=self.indicator_id, start__lte=self.end, end__gte=self.start)
            .exclude(pk=self.pk)
            .first()
        )
        if overlap:
            errors['start'] = _('The period overlaps the period %(period)s of this indicator.') % {'period': overlap}
        ratio_checked = not self.indicator.check_value(None, self.target_numerator, self.target_denominator)
        if self.indicator.unit == Unit.PERCENTAGE and self.target is None and ratio_checked:
            self.target = _rounded(values.percent(self.target_numerator, self.target_denominator), self.indicator)
        for name, message in problem_errors(
            self.indicator.check_value(self.target, self.target_numerator, self.target_denominator),
            {'value': 'target', 'numerator': 'target_numerator', 'denominator': 'target_denominator'},
        ).items():
            errors.setdefault(name, message)
        if errors:
            raise ValidationError(errors)
