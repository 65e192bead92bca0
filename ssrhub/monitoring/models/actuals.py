"""Actual values of indicators, reported per period by an organisation and reviewed, and the disaggregations they
are broken down by.

A ``DisaggregationType`` (sex, age group, administrative area, force or institution; built-in ones have no country,
a country adds its own) has ordered ``DisaggregationCategory``s. An indicator chooses its types through
``IndicatorDisaggregation``: removing a type only marks it as no longer collected (``active``), so values entered
for it stay stored and shown. An ``ActualReport`` is one organisation's report of one indicator for one period,
going through the review workflow of ``monitoring/review.py``; each step is an ``ActualStep``; its values are
``ActualValue``s (the total, and one per category).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ssrhub.core.i18n import translated
from ssrhub.core.models import ChangeLoggedModel

from .. import review
from ..value_messages import problem_errors
from .indicators import Indicator, value_field
from .reference import Disaggregation

__all__ = [
    'ActualReport',
    'ActualStep',
    'ActualValue',
    'DisaggregationCategory',
    'DisaggregationType',
    'IndicatorDisaggregation',
    'ReportStatus',
    'StepAction',
]


class DisaggregationType(ChangeLoggedModel):
    """A way to break a value down (sex, age group, county...): built in when it has no country (seeded, in English
    and French), else a country's own. Its categories come in order."""

    country = models.ForeignKey(
        to='core.Country',
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name='disaggregation_types',
        verbose_name=_('country'),
        help_text=_('Empty for the built-in types that every country uses.'),
    )
    kind = models.CharField(verbose_name=_('kind'), max_length=12, choices=Disaggregation)
    name = models.CharField(verbose_name=_('name'), max_length=100)
    name_fr = models.CharField(verbose_name=_('French name'), max_length=100, blank=True)
    indicators = models.ManyToManyField(
        to=Indicator,
        through='monitoring.IndicatorDisaggregation',
        related_name='disaggregation_types',
        blank=True,
        verbose_name=_('indicators'),
    )

    access_kind = 'workspace'
    country_scope = 'country'

    class Meta:
        ordering = ['country', 'kind', 'name']
        verbose_name = _('disaggregation type')
        verbose_name_plural = _('disaggregation types')
        constraints = [
            models.UniqueConstraint(
                fields=['country', 'name'],
                name='monitoring_disaggregationtype_unique_name',
                violation_error_message=_('This country already has a disaggregation with this name.'),
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the UI language."""
        return translated(self, 'name')

    @property
    def built_in(self) -> bool:
        return self.country_id is None

    def get_absolute_url(self):
        if self.country_id is None:
            return reverse('monitoring:actual_review_queue')
        return reverse('monitoring:disaggregation_list', args=[self.country.iso3])


class DisaggregationCategory(ChangeLoggedModel):
    """A category of a disaggregation type (female, 18-35, Montserrado county, Liberia National Police), in order;
    an administrative area or an actor of the country when the category stands for one."""

    type = models.ForeignKey(
        to=DisaggregationType, on_delete=models.CASCADE, related_name='categories', verbose_name=_('disaggregation')
    )
    order = models.PositiveSmallIntegerField(verbose_name=_('order'), default=0)
    code = models.SlugField(verbose_name=_('code'), max_length=60)
    name = models.CharField(verbose_name=_('name'), max_length=200)
    name_fr = models.CharField(verbose_name=_('French name'), max_length=200, blank=True)
    admin_area = models.ForeignKey(
        to='coordination.AdminArea',
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name='disaggregation_categories',
        verbose_name=_('administrative area'),
    )
    actor = models.ForeignKey(
        to='countries.Actor',
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name='disaggregation_categories',
        verbose_name=_('force or institution'),
    )

    access_kind = 'workspace'
    country_scope = 'type__country'

    class Meta:
        ordering = ['type', 'order', 'pk']
        verbose_name = _('disaggregation category')
        verbose_name_plural = _('disaggregation categories')
        constraints = [
            models.UniqueConstraint(
                fields=['type', 'code'],
                name='monitoring_disaggregationcategory_unique_code',
                violation_error_message=_('This disaggregation already has a category with this code.'),
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the UI language."""
        return translated(self, 'name')

    def get_absolute_url(self):
        return self.type.get_absolute_url()

    def clean(self):
        country_id = self.type.country_id if self.type_id else None
        if self.admin_area_id and self.admin_area.country_id != country_id:
            raise ValidationError({'admin_area': _("Choose an area of the disaggregation's country.")})
        if self.actor_id and self.actor.country_id != country_id:
            raise ValidationError({'actor': _("Choose an actor of the disaggregation's country.")})


class IndicatorDisaggregation(ChangeLoggedModel):
    """A disaggregation an indicator is broken down by. Removing it sets ``active`` off: the values already entered
    stay stored and are shown as no longer collected; adding it again collects it again."""

    indicator = models.ForeignKey(
        to=Indicator, on_delete=models.CASCADE, related_name='disaggregation_links', verbose_name=_('indicator')
    )
    type = models.ForeignKey(
        to=DisaggregationType,
        on_delete=models.PROTECT,
        related_name='indicator_links',
        verbose_name=_('disaggregation'),
    )
    order = models.PositiveSmallIntegerField(verbose_name=_('order'), default=0)
    active = models.BooleanField(verbose_name=_('collected'), default=True)

    access_kind = 'workspace'
    country_scope = 'indicator__result__framework__country'

    class Meta:
        ordering = ['indicator', 'order', 'pk']
        verbose_name = _('disaggregation of an indicator')
        verbose_name_plural = _('disaggregations of indicators')
        constraints = [
            models.UniqueConstraint(
                fields=['indicator', 'type'],
                name='monitoring_indicatordisaggregation_unique_type',
                violation_error_message=_('The indicator is already broken down by this disaggregation.'),
            ),
        ]

    def __str__(self):
        return f'{self.indicator.code}: {self.type}'

    def get_absolute_url(self):
        indicator = self.indicator
        return reverse('monitoring:indicator_actuals', args=[indicator.result.framework.country.iso3, indicator.pk])

    def clean(self):
        if (
            self.type_id
            and self.indicator_id
            and self.type.country_id
            not in (
                None,
                self.indicator.result.framework.country_id,
            )
        ):
            raise ValidationError({'type': _("Choose a built-in disaggregation or one of the indicator's country.")})


class ReportStatus(models.TextChoices):
    DRAFT = review.DRAFT, _('Draft')
    SUBMITTED = review.SUBMITTED, _('Submitted')
    APPROVED = review.APPROVED, _('Approved')
    RETURNED = review.RETURNED, _('Returned')


class StepAction(models.TextChoices):
    CREATE = 'create', _('Created')
    SUBMIT = 'submit', _('Submitted')
    APPROVE = 'approve', _('Approved')
    RETURN = 'return', _('Returned')
    REOPEN = 'reopen', _('Reopened')
    LOCK = 'lock', _('Locked')
    UNLOCK = 'unlock', _('Unlocked')


class ActualReport(ChangeLoggedModel):
    """One organisation's actual values of one indicator for one period, and where they stand in the review:
    draft, submitted, approved or returned; an approved report may be locked. Its steps go through
    ``monitoring/actual_services.py`` ``take_step()``, never by changing ``status`` directly."""

    period = models.ForeignKey(
        to='monitoring.IndicatorPeriod',
        on_delete=models.PROTECT,
        related_name='actual_reports',
        verbose_name=_('period'),
    )
    organisation = models.ForeignKey(
        to='coordination.Organisation',
        on_delete=models.PROTECT,
        related_name='monitoring_actual_reports',
        verbose_name=_('reporting organisation'),
    )
    status = models.CharField(
        verbose_name=_('status'), max_length=10, choices=ReportStatus, default=ReportStatus.DRAFT, editable=False
    )
    locked = models.BooleanField(verbose_name=_('locked'), default=False, editable=False)
    submitted_by = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name='monitoring_submitted_reports',
        verbose_name=_('submitted by'),
    )
    submitted_at = models.DateTimeField(verbose_name=_('submitted on'), null=True, blank=True, editable=False)
    note = models.TextField(verbose_name=_('note'), blank=True)
    # Set when the values were computed from a survey's answers (``survey_actuals.py``): the source kept.
    survey = models.ForeignKey(
        to='monitoring.Survey',
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name='actual_reports',
        verbose_name=_('survey'),
    )
    formula = models.CharField(verbose_name=_('formula'), max_length=500, blank=True, editable=False)
    survey_answers = models.PositiveIntegerField(
        verbose_name=_('survey answers read'), null=True, blank=True, editable=False
    )

    access_kind = 'workspace'
    country_scope = 'period__indicator__result__framework__country'

    class Meta:
        ordering = ['period__indicator', 'period__start', 'organisation__name']
        verbose_name = _('actual report')
        verbose_name_plural = _('actual reports')
        constraints = [
            models.UniqueConstraint(
                fields=['period', 'organisation'],
                name='monitoring_actualreport_unique_organisation',
                violation_error_message=_('This organisation already has a report for this period.'),
            ),
        ]

    def __str__(self):
        return f'{self.period.indicator.code} · {self.period} · {self.organisation}'

    @property
    def indicator(self):
        return self.period.indicator

    @property
    def country(self):
        return self.period.indicator.result.framework.country

    @property
    def editable(self) -> bool:
        """Whether values may be entered or changed: a draft or returned report that is not locked."""
        return self.status in review.EDITABLE and not self.locked

    def not_editable_reason(self) -> str:
        """Why the values cannot change now (locked, or submitted or approved)."""
        if self.locked:
            return _('This report is locked: its values cannot change.')
        return _('This report is %(status)s: its values cannot change.') % {'status': self.get_status_display().lower()}

    def get_absolute_url(self):
        return reverse('monitoring:actual_report', args=[self.country.iso3, self.pk])

    def clean(self):
        if not self.period_id:
            return
        framework = self.period.indicator.result.framework
        if (framework.start and self.period.start < framework.start) or (
            framework.end and self.period.end > framework.end
        ):
            raise ValidationError(
                {
                    'period': _("The period %(period)s falls outside the indicator's dates (%(start)s – %(end)s).")
                    % {
                        'period': self.period,
                        'start': date_format(framework.start, 'SHORT_DATE_FORMAT') if framework.start else '…',
                        'end': date_format(framework.end, 'SHORT_DATE_FORMAT') if framework.end else '…',
                    }
                }
            )
        if self.period.start > timezone.localdate():
            raise ValidationError(
                {
                    'period': _('The period %(period)s has not started: there is nothing to report yet.')
                    % {'period': self.period}
                }
            )


class ActualStep(ChangeLoggedModel):
    """A dated step of a report's review (who, when, from which status to which, the comment or reason)."""

    report = models.ForeignKey(
        to=ActualReport, on_delete=models.CASCADE, related_name='steps', verbose_name=_('report')
    )
    action = models.CharField(verbose_name=_('step'), max_length=10, choices=StepAction)
    user = models.ForeignKey(
        to=settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name='monitoring_actual_steps',
        verbose_name=_('by'),
    )
    date = models.DateTimeField(verbose_name=_('date'), default=timezone.now)
    from_status = models.CharField(verbose_name=_('from'), max_length=10, choices=ReportStatus, blank=True)
    to_status = models.CharField(verbose_name=_('to'), max_length=10, choices=ReportStatus)
    comment = models.TextField(verbose_name=_('comment'), blank=True)

    access_kind = 'workspace'
    country_scope = 'report__period__indicator__result__framework__country'

    class Meta:
        ordering = ['report', 'date', 'pk']
        verbose_name = _('review step')
        verbose_name_plural = _('review steps')

    def __str__(self):
        return f'{self.get_action_display()} ({self.date:%Y-%m-%d})'

    def get_absolute_url(self):
        return self.report.get_absolute_url()


class ActualValue(ChangeLoggedModel):
    """A value of a report: the total (no category) or one category's; for a percentage, its numerator and
    denominator. Checked against the indicator's unit by ``values.py``; refused on a report that is not editable."""

    report = models.ForeignKey(
        to=ActualReport, on_delete=models.CASCADE, related_name='values', verbose_name=_('report')
    )
    category = models.ForeignKey(
        to=DisaggregationCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name='actual_values',
        verbose_name=_('category'),
        help_text=_('Empty for the total.'),
    )
    value = value_field(_('value'))
    numerator = value_field(_('numerator'))
    denominator = value_field(_('denominator'))
    note = models.CharField(verbose_name=_('note'), max_length=500, blank=True)
    source = models.CharField(
        verbose_name=_('source or means of verification'),
        max_length=500,
        blank=True,
        help_text=_('Where the figure can be checked: a register, a report, a survey.'),
    )

    access_kind = 'workspace'
    country_scope = 'report__period__indicator__result__framework__country'

    class Meta:
        ordering = ['report', 'category__type', 'category__order', 'pk']
        verbose_name = _('actual value')
        verbose_name_plural = _('actual values')
        constraints = [
            models.UniqueConstraint(
                fields=['report', 'category'],
                name='monitoring_actualvalue_unique_category',
                violation_error_message=_('This report already has a value for this category.'),
            ),
            models.UniqueConstraint(
                fields=['report'],
                condition=models.Q(category__isnull=True),
                name='monitoring_actualvalue_unique_total',
                violation_error_message=_('This report already has a total.'),
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False) | models.Q(numerator__isnull=False, denominator__isnull=False),
                name='monitoring_actualvalue_given',
                violation_error_message=_('Give a value (or, for a percentage, its numerator and denominator).'),
            ),
        ]

    def __str__(self):
        return f'{self.category or _("Total")}: {self.value}'

    def get_absolute_url(self):
        return self.report.get_absolute_url()

    def clean(self):
        if not self.report_id:
            return
        if not self.report.editable:
            raise ValidationError(self.report.not_editable_reason())
        indicator = self.report.period.indicator
        if indicator.unit == 'percentage' and self.value is None and self.numerator is not None:
            from .. import values

            computed = values.percent(self.numerator, self.denominator)
            self.value = None if computed is None else round(computed, indicator.decimal_places)
        errors = problem_errors(
            indicator.check_value(self.value, self.numerator, self.denominator),
            {'value': 'value', 'numerator': 'numerator', 'denominator': 'denominator'},
        )
        if self.category_id and self.category.type_id not in set(
            indicator.disaggregation_links.values_list('type', flat=True)
        ):
            errors.setdefault('category', []).append(_('The indicator is not broken down by this category.'))
        if errors:
            raise ValidationError(errors)
