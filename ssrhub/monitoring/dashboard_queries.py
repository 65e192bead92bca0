"""The monitoring dashboard's data, read through ``restrict()``: a country's (or one framework's) indicators with
their approved actuals rolled up per period (``actual_queries.indicator_rollups``), where each stands, the results
at risk and the counts per level; each indicator with its chart (``indicator_chart.py``).

A constant number of queries whatever the number of indicators: the indicators with their results, levels and
frameworks, their periods (prefetched), and the roll-up's three queries.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from . import dashboard, rollups
from .actual_queries import indicator_rollups
from .indicator_chart import ChartPeriod, IndicatorChart, draw_indicator
from .models import Indicator, IndicatorPeriod, Unit

__all__ = [
    'APPROVED_ONLY',
    'RULE',
    'Dashboard',
    'IndicatorEntry',
    'dashboard_data',
    'indicator_entries',
]

APPROVED_ONLY = gettext_lazy(
    'Only approved actuals count: values still in draft, submitted or returned are left out of every figure here.'
)
# The rule of ``rollups.on_track``, said on the page and in the JSON.
RULE = gettext_lazy(
    'Progress is the share of the way from the baseline to the period’s target that the approved value has covered. '
    'On track at 75 % or more, at risk from 50 % to 75 %, off track below 50 %. Without a baseline, an indicator to '
    'increase counts from 0 and one to decrease is not judged. An indicator to maintain is on track within 5 % of its '
    'target, at risk within 10 %, off track beyond. An indicator stands where its latest period with an approved value '
    'stands.'
)


@dataclass
class IndicatorEntry:
    """One indicator: its periods each with its label and what it comes to (``None`` for a period without a
    roll-up), where it stands, and its chart."""

    indicator: Indicator
    periods: list[tuple[IndicatorPeriod, str, rollups.PeriodResult | None]]
    standing: dashboard.Standing
    chart: IndicatorChart | None

    @property
    def filter_status(self) -> str:
        status = self.standing.status
        return status if status in dashboard.COLUMNS else dashboard.NO_DATA


@dataclass
class Dashboard:
    entries: list[IndicatorEntry]
    at_risk: list[IndicatorEntry]
    levels: list = field(default_factory=list)


def _float(value):
    return float(value) if value is not None else None


def indicator_entries(indicators) -> list[IndicatorEntry]:
    """``indicators`` (with ``result__level`` selected and ``periods`` prefetched) with their roll-ups and charts."""
    indicators = list(indicators)
    results = indicator_rollups(indicators, categories=False)
    labels: dict = {}  # the indicators of a framework share their periods' dates: each label is written once
    entries = []
    for indicator in indicators:
        by_period = {result.key: result for result in results[indicator.pk]}
        periods = []
        for period in indicator.periods.all():
            key = (period.label, period.start, period.end)
            if key not in labels:
                labels[key] = period.display_label
            periods.append((period, labels[key], by_period.get(period.pk)))
        scale = (
            (float(indicator.scale_min), float(indicator.scale_max))
            if indicator.unit == Unit.SCALE and indicator.scale_min is not None and indicator.scale_max is not None
            else None
        )
        chart = draw_indicator(
            [
                ChartPeriod(
                    label,
                    _float(period.target),
                    _float(result.value) if result else None,
                    result.status if result else rollups.NO_VALUE,
                )
                for period, label, result in periods
            ],
            indicator.unit,
            _float(indicator.baseline_value),
            scale,
        )
        entries.append(
            IndicatorEntry(
                indicator,
                periods,
                dashboard.standing(indicator.pk, indicator.result.level.result_type, results[indicator.pk]),
                chart,
            )
        )
    return entries


def dashboard_data(user, country, framework=None, kind: str = '', status: str = '') -> Dashboard:
    """The dashboard of ``country``'s frameworks (or of ``framework``), cut to the level's IATI result type ``kind``
    and, when given, to the indicators whose latest status falls under ``status`` (one of ``dashboard.COLUMNS``;
    "no-data" for every status without a judgement). The counts per level are those of every indicator shown before
    the status filter."""
    indicators = (
        Indicator.objects.restrict(user)
        .filter(result__framework__country=country)
        .select_related('result__level', 'result__framework')
        .prefetch_related('periods')
        .order_by('result__framework__title', 'result__framework', 'result__code', 'code')
    )
    if framework is not None:
        indicators = indicators.filter(result__framework=framework)
    if kind:
        indicators = indicators.filter(result__level__result_type=kind)
    entries = indicator_entries(indicators)
    levels = dashboard.level_summary(entry.standing for entry in entries)
    if status:
        entries = [entry for entry in entries if entry.filter_status == status]
    by_key = {entry.standing.key: entry for entry in entries}
    risky = [by_key[standing.key] for standing in dashboard.at_risk(entry.standing for entry in entries)]
    return Dashboard(entries, risky, levels)
