"""Gantt chart of a plan's actions: each action's period on a time axis that runs to today, the dependencies between
actions as arrows, and the drawing's geometry for an SVG. Plain Python.

An action with a start and an end is a bar. An action with only an end date is a milestone (a deadline: a diamond
on that day); one with only a start is a start mark (a circle: its end is unknown). An action with only a timeframe
band (urgent 0-6 months, short 0-1 year, medium 0-5 years, long 0-10 years, as the Ivorian strategy counts them) is
drawn from the plan's start over the band, marked ``estimated``. An action with neither is listed without a mark,
so that it is seen as unplanned. The axis covers every mark and today, so that a today line is always drawn.

An arrow runs from the end of each action an action depends on to the start of the dependant (both drawn on the
same chart); it is ``late`` when the dependant starts before its dependency ends, by their dates (not by estimated
bands).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

__all__ = [
    'BAND_MONTHS',
    'Bar',
    'Chart',
    'Drawing',
    'GanttItem',
    'Link',
    'Row',
    'add_months',
    'draw',
    'gantt',
]

BAND_MONTHS = {'urgent': 6, 'short': 12, 'medium': 60, 'long': 120}
BAR, MILESTONE, START = 'bar', 'milestone', 'start'


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
    depends_on: tuple = ()  # keys of the items it depends on


@dataclass(frozen=True)
class Bar:
    """An item on the axis: ``shape`` is bar, milestone, start, or '' (not drawn); ``left`` and ``width`` are
    percentages of the axis."""

    item: GanttItem
    start: date | None
    end: date | None
    left: float
    width: float
    estimated: bool
    shape: str = ''

    @property
    def drawn(self) -> bool:
        return bool(self.shape)


@dataclass(frozen=True)
class Link:
    """``dependant`` (a row index) depends on ``dependency`` (a row index)."""

    dependency: int
    dependant: int
    late: bool


@dataclass(frozen=True)
class Chart:
    start: date | None
    end: date | None
    bars: tuple[Bar, ...]
    years: tuple[tuple[int, float], ...]  # (year, left percent) of each 1 January inside the span
    today: float | None  # left percent of today, when inside the span
    links: tuple[Link, ...] = ()


def _period(item: GanttItem, anchor: date | None) -> tuple[date | None, date | None, bool, str]:
    if item.start and item.end:
        return item.start, item.end, False, BAR
    if item.end:
        return item.end, item.end, False, MILESTONE
    if item.start:
        return item.start, item.start, False, START
    if item.band in BAND_MONTHS and anchor:
        return anchor, add_months(anchor, BAND_MONTHS[item.band]), True, BAR
    return None, None, False, ''


def gantt(items: Iterable[GanttItem], *, anchor: date | None = None, today: date | None = None) -> Chart:
    """The chart of ``items``; ``anchor`` is the plan's start (its adoption), from which bands are counted."""
    items = list(items)
    periods = [_period(item, anchor) for item in items]
    starts = [start for start, _end, _estimated, _shape in periods if start]
    if not starts:
        return Chart(None, None, tuple(Bar(item, None, None, 0, 0, False) for item in items), (), None)
    ends = [end for _start, end, _estimated, _shape in periods if end]
    first, last = min(starts), max(ends)
    if today:
        first, last = min(first, today), max(last, today)
    days = max((last - first).days, 1)

    def left(day: date) -> float:
        return round(100 * (day - first).days / days, 2)

    bars = tuple(
        Bar(item, start, end, left(start), max(round(100 * (end - start).days / days, 2), 0.5), estimated, shape)
        if shape
        else Bar(item, None, None, 0, 0, False)
        for item, (start, end, estimated, shape) in zip(items, periods, strict=True)
    )
    years = tuple((year, left(date(year, 1, 1))) for year in range(first.year + 1, last.year + 1))
    today_left = left(today) if today and first <= today <= last else None
    return Chart(first, last, bars, years, today_left, _links(bars))


def _links(bars: tuple[Bar, ...]) -> tuple[Link, ...]:
    rows = {bar.item.key: index for index, bar in enumerate(bars)}
    links = []
    for index, bar in enumerate(bars):
        for key in dict.fromkeys(bar.item.depends_on):
            other = rows.get(key)
            if other is None or other == index or not (bar.drawn and bars[other].drawn):
                continue
            dependency = bars[other]
            late = not (bar.estimated or dependency.estimated) and bar.start < dependency.end
            links.append(Link(other, index, late))
    return tuple(links)


# Section: drawing


@dataclass(frozen=True)
class Row:
    """One item's row: ``y`` its middle; ``x1``/``x2`` the mark's ends (equal for a milestone or a start mark);
    ``lines`` the label on one or two lines that fit the label column."""

    bar: Bar
    y: float
    x1: float
    x2: float
    lines: tuple[str, ...]
    row_height: int

    @property
    def width(self) -> float:
        return round(max(self.x2 - self.x1, 2), 1)

    @property
    def top(self) -> float:
        """The top of a bar (12 high)."""
        return self.y - 6

    @property
    def bottom(self) -> float:
        """The row's lower edge."""
        return self.y + self.row_height / 2

    @property
    def diamond(self) -> str:
        """A milestone's diamond, as an SVG path."""
        return (
            f'M{self.x1},{self.y - MARK - 1} l{MARK + 1},{MARK + 1} l{-MARK - 1},{MARK + 1} l{-MARK - 1},{-MARK - 1} z'
        )


@dataclass(frozen=True)
class Drawing:
    """The chart's geometry in SVG user units: ``plot`` is the x range of the axis."""

    width: int
    height: int
    plot: tuple[float, float]
    axis_y: float
    rows: tuple[Row, ...]
    years: tuple[tuple[int, float], ...]
    today: float | None
    arrows: tuple[tuple[str, bool], ...]  # (SVG path, late)

    @property
    def today_anchor(self) -> str:
        """Which side of the today line its label goes: left of it, unless the line is near the axis' start."""
        return 'start' if self.today is not None and self.today - self.plot[0] < 120 else 'end'


def _lines(label: str, size: int) -> tuple[str, ...]:
    """``label`` on at most two lines of ``size`` characters, broken between words; the second cut with '…'."""
    if len(label) <= size:
        return (label,)
    cut = label.rfind(' ', 0, size + 1)
    cut = cut if cut > 0 else size
    rest = label[cut:].strip()
    return label[:cut].rstrip(), rest if len(rest) <= size else rest[: size - 1].rstrip() + '…'


def draw(chart: Chart, *, width: int = 960, label_width: int = 320, row_height: int = 32) -> Drawing:
    """Lay ``chart`` out: a label column, then the axis (with room on its left for an arrow turning back); a header
    row for the years; one row per item; room below for the today label."""
    axis_y, margin = 22, 12
    plot = (label_width + 2 * margin, width - margin)
    span = plot[1] - plot[0]

    def x(percent: float) -> float:
        return round(plot[0] + span * percent / 100, 1)

    rows = []
    for index, bar in enumerate(chart.bars):
        y = axis_y + row_height * index + row_height / 2
        x1 = x(bar.left)
        x2 = x(bar.left + bar.width) if bar.shape == BAR else x1
        rows.append(Row(bar, y, x1, x2, _lines(bar.item.label, label_width // 7), row_height))
    arrows = tuple((_arrow(rows[link.dependency], rows[link.dependant]), link.late) for link in chart.links)
    return Drawing(
        width=width,
        height=int(axis_y + row_height * len(rows) + 20),  # room under the rows for the today label
        plot=plot,
        axis_y=axis_y,
        rows=tuple(rows),
        years=tuple((year, x(left)) for year, left in chart.years),
        today=x(chart.today) if chart.today is not None else None,
        arrows=arrows,
    )


MARK = 6  # half the width of a milestone's diamond, the radius of a start mark


def _arrow(source: Row, target: Row) -> str:
    """An elbow from the right of ``source``'s mark to the left of ``target``'s; when the target starts too early to
    turn in front of it, the elbow runs back between the rows."""
    fx = source.x2 + (MARK if source.bar.shape != BAR else 0)
    tx = target.x1 - (MARK if target.bar.shape != BAR else 0)
    fy, ty = source.y, target.y
    if tx >= fx + 12:
        return f'M{fx},{fy} H{fx + 6} V{ty} H{tx}'
    between = ty - target.row_height / 2 if ty > fy else ty + target.row_height / 2
    return f'M{fx},{fy} H{fx + 6} V{between} H{tx - 8} V{ty} H{tx}'
