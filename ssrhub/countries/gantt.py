"""Gantt bars of a plan's actions: each action's period as a share of the plan's span. Plain Python.

An action with dates is drawn from its start to its end (a missing end: to its start, a one-day mark). An action
with only a timeframe band (urgent 0-6 months, short 0-1 year, medium 0-5 years, long 0-10 years, as the Ivorian
strategy counts them) is drawn from the plan's start over the band, marked ``estimated``. An action with neither
is listed without a bar, so that it is seen as unplanned.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

__all__ = ['BAND_MONTHS', 'Bar', 'Chart', 'GanttItem', 'add_months', 'gantt']

BAND_MONTHS = {'urgent': 6, 'short': 12, 'medium': 60, 'long': 120}


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class GanttItem:
    key: object
    label: str
    start: date | None = None
    end: date | None = None
    band: str = ''
    status: str = ''
    group: str = ''


@dataclass(frozen=True)
class Bar:
    item: GanttItem
    start: date | None
    end: date | None
    left: float  # percent of the chart's width
    width: float
    estimated: bool

    @property
    def drawn(self) -> bool:
        return self.start is not None


@dataclass(frozen=True)
class Chart:
    start: date | None
    end: date | None
    bars: tuple[Bar, ...]
    years: tuple[tuple[int, float], ...]  # (year, left percent) of each 1 January inside the span
    today: float | None  # left percent of today, when inside the span


def _period(item: GanttItem, anchor: date | None) -> tuple[date | None, date | None, bool]:
    if item.start:
        return item.start, item.end or item.start, False
    if item.end:
        return item.end, item.end, False
    if item.band in BAND_MONTHS and anchor:
        return anchor, add_months(anchor, BAND_MONTHS[item.band]), True
    return None, None, False


def gantt(items: Iterable[GanttItem], *, anchor: date | None = None, today: date | None = None) -> Chart:
    """Bars for ``items``; ``anchor`` is the plan's start (its adoption), from which bands are counted."""
    items = list(items)
    periods = [_period(item, anchor) for item in items]
    starts = [start for start, _end, _estimated in periods if start]
    ends = [end for _start, end, _estimated in periods if end]
    if not starts:
        return Chart(None, None, tuple(Bar(item, None, None, 0, 0, False) for item in items), (), None)
    first, last = min(starts), max(ends)
    days = max((last - first).days, 1)

    def left(day: date) -> float:
        return round(100 * (day - first).days / days, 2)

    bars = tuple(
        Bar(item, start, end, left(start), max(round(100 * ((end - start).days) / days, 2), 0.5), estimated)
        if start
        else Bar(item, None, None, 0, 0, False)
        for item, (start, end, estimated) in zip(items, periods, strict=True)
    )
    years = tuple((year, left(date(year, 1, 1))) for year in range(first.year + 1, last.year + 1))
    today_left = left(today) if today and first <= today <= last else None
    return Chart(first, last, bars, years, today_left)
