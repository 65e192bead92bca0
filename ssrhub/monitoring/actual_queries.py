"""Approved actuals read from the database into the roll-up's dataclasses (``rollups.py``): one indicator's periods,
or every indicator of a set (a framework, a plan) in a few queries, for the indicator page, the API and the
dashboard."""

from collections import defaultdict

from . import rollups
from .models import ActualValue, Indicator, IndicatorPeriod, ReportStatus

__all__ = ['indicator_rollups', 'level_counts', 'report_flags']


def indicator_rollups(indicators, categories: bool = True) -> dict:
    """``{indicator id: [PeriodResult, ...]}`` for ``indicators`` (a queryset or list), from approved reports.

    Three queries whatever the size: the indicators' periods, the approved values, the collected categories. Without
    ``categories`` (the dashboard, which shows totals and statuses) only the totals are read, in two queries: the
    periods' values and statuses are the same, without shares or sum flags."""
    indicators = list(indicators)
    ids = [indicator.pk for indicator in indicators]
    periods = defaultdict(list)
    for period in (
        IndicatorPeriod.objects.filter(indicator__in=ids)
        .order_by('indicator', 'start')
        .values('pk', 'indicator', 'target')
    ):
        periods[period['indicator']].append(period)
    reports: dict = defaultdict(lambda: [rollups.Measure(), {}])
    Measure = rollups.Measure
    values = ActualValue.objects.filter(report__period__indicator__in=ids, report__status=ReportStatus.APPROVED)
    if not categories:
        values = values.filter(category=None)
    for report_id, period_id, category, type_id, value, numerator, denominator in values.values_list(
        'report', 'report__period', 'category', 'category__type', 'value', 'numerator', 'denominator'
    ):
        report = reports[(period_id, report_id)]
        if category is None:
            report[0] = Measure(value, numerator, denominator)
        else:
            report[1].setdefault(type_id, {})[category] = Measure(value, numerator, denominator)
    by_period = defaultdict(list)
    for (period_id, _report), (total, by_type) in reports.items():
        by_period[period_id].append((total, by_type))
    expected = defaultdict(dict)
    from .models import IndicatorDisaggregation

    links = IndicatorDisaggregation.objects.filter(indicator__in=ids, active=True)
    for link in links.values('indicator', 'type', 'type__categories') if categories else ():
        if link['type__categories'] is not None:
            expected[link['indicator']].setdefault(link['type'], []).append(link['type__categories'])
    result = {}
    for indicator in indicators:
        inputs = [
            rollups.PeriodInput(period['pk'], period['target'], by_period.get(period['pk'], []))
            for period in periods[indicator.pk]
        ]
        result[indicator.pk] = rollups.roll_up(
            indicator.unit,
            indicator.direction,
            indicator.cumulative,
            indicator.baseline_value,
            inputs,
            expected[indicator.pk],
        )
    return result


def level_counts(indicators, results: dict) -> dict:
    """Indicators counted per IATI result type of their level (outputs apart from outcomes) by their latest status
    (the last period with an approved value, else the first period's status)."""
    rows = []
    for indicator in indicators:
        latest = rollups.latest(results.get(indicator.pk, []))
        rows.append((indicator.result.level.result_type, latest.status if latest else rollups.NO_TARGET))
    return rollups.count_by_level(rows)


def report_flags(report) -> list[rollups.SumFlag]:
    """The sums of one report (any status) that do not add up, per collected or stored disaggregation."""
    indicator: Indicator = report.period.indicator
    total, categories = rollups.Measure(), {}
    for value in report.values.select_related('category'):
        measure = rollups.Measure(value.value, value.numerator, value.denominator)
        if value.category_id is None:
            total = measure
        else:
            categories.setdefault(value.category.type_id, {})[value.category_id] = measure
    expected = {}
    for link in indicator.disaggregation_links.prefetch_related('type__categories'):
        if link.active or link.type_id in categories:
            expected[link.type_id] = [category.pk for category in link.type.categories.all()]
    return rollups.check_sums(indicator.unit, total, categories, expected)
