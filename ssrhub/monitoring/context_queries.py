"""Reading the country statistics and conflict events of a country, as the user may view them: the one place the
context tab, the dashboard panel, the timeline and the progress report read them from.

- ``country_series(user, country)``: each series with its current values by year (source, load, revised or not).
- ``events_by_year(user, country)``: current UCDP events counted per year and type of violence, deaths summed.
- ``events_by_month(user, country)``: the same per month, for the timeline.
- ``current_events(user, country)``: the current events as a queryset.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Sum
from django.db.models.functions import TruncMonth

from .models import ConflictEvent, StatisticSeries, StatisticValue, ViolenceType

__all__ = [
    'EventYear',
    'SeriesValues',
    'country_series',
    'current_events',
    'events_by_month',
    'events_by_year',
]


@dataclass
class SeriesValues:
    """A series and its current values for one country, by year (``values``: year -> ``StatisticValue``, each with
    ``revised`` True when it replaced an earlier value)."""

    series: StatisticSeries
    values: dict[int, StatisticValue] = field(default_factory=dict)

    @property
    def latest(self) -> StatisticValue | None:
        return self.values[max(self.values)] if self.values else None


def country_series(user, country) -> list[SeriesValues]:
    """Every series (those without a value for ``country`` too, so the page says so), with the country's current
    values the user may view."""
    earlier = StatisticValue.objects.filter(superseded_by=OuterRef('pk'))
    values = (
        StatisticValue.objects.restrict(user)
        .filter(country=country, valid_until__isnull=True)
        .select_related('load', 'country')
        .annotate(revised=Exists(earlier))
        .order_by('series_id', 'year')
    )
    found = {series.pk: SeriesValues(series) for series in StatisticSeries.objects.restrict(user).order_by('code')}
    for value in values:
        if value.series_id in found:
            found[value.series_id].values[value.year] = value
    return list(found.values())


def current_events(user, country):
    """The current version of each UCDP event of ``country`` the user may view."""
    return (
        ConflictEvent.objects.restrict(user).filter(country=country, valid_until__isnull=True).select_related('country')
    )


@dataclass
class EventYear:
    """Events of one year (or month) by type of violence: ``counts`` and ``best``/``low``/``high`` deaths per type
    (``ViolenceType`` values), and the totals."""

    period: int | datetime.date
    counts: dict[int, int] = field(default_factory=dict)
    best: dict[int, int] = field(default_factory=dict)
    low: dict[int, int] = field(default_factory=dict)
    high: dict[int, int] = field(default_factory=dict)
    releases: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def total_best(self) -> int:
        return sum(self.best.values())

    @property
    def total_low(self) -> int:
        return sum(self.low.values())

    @property
    def total_high(self) -> int:
        return sum(self.high.values())

    def by_type(self) -> list[dict]:
        """One entry per type of violence, in UCDP's order (zero counts included)."""
        return [
            {
                'type': kind,
                'count': self.counts.get(kind.value, 0),
                'best': self.best.get(kind.value, 0),
                'low': self.low.get(kind.value, 0),
                'high': self.high.get(kind.value, 0),
            }
            for kind in ViolenceType
        ]


def _grouped(events, period) -> list[EventYear]:
    rows = (
        events.annotate(period=period)
        .values('period', 'type_of_violence', 'release')
        .annotate(count=Count('pk'), best_sum=Sum('best'), low_sum=Sum('low'), high_sum=Sum('high'))
        .order_by('period')
    )
    found: dict = defaultdict(lambda: None)
    for row in rows:
        key = row['period'].date() if isinstance(row['period'], datetime.datetime) else row['period']
        entry = found[key] or EventYear(key)
        found[key] = entry
        kind = row['type_of_violence']
        entry.counts[kind] = entry.counts.get(kind, 0) + row['count']
        entry.best[kind] = entry.best.get(kind, 0) + row['best_sum']
        entry.low[kind] = entry.low.get(kind, 0) + row['low_sum']
        entry.high[kind] = entry.high.get(kind, 0) + row['high_sum']
        entry.releases.add(row['release'])
    return [found[key] for key in sorted(found)]


def events_by_year(user, country) -> list[EventYear]:
    """The country's current events per year (by the year UCDP gives, that of the start date), earliest first."""
    return _grouped(current_events(user, country), F('year'))


def events_by_month(user, country) -> list[EventYear]:
    """The country's current events per month of their start date, earliest first (``period`` a first day)."""
    return _grouped(current_events(user, country), TruncMonth('date_start'))
