"""Static figures of the country brief, laid out in plain Python and drawn as inline SVG by the template (the PDF
cannot run the interactive map's or the charts' JavaScript).

* :func:`actor_map`: the four areas of the sector as columns, one box per actor, a line per relation;
* :func:`event_axis`: events on a time axis; an event whose sources give different dates has a mark on each date,
  joined by a bracket, so the disagreement stays visible.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

__all__ = ['AXIS_WIDTH', 'AreaColumn', 'EventMark', 'MapActor', 'MapRelation', 'actor_map', 'event_axis']

COLUMN_WIDTH, BOX_WIDTH, BOX_HEIGHT, ROW_HEIGHT, TOP = 170, 150, 18, 22, 34
# Box fill per area, light tints of the interactive map's colours (as SVG attributes: WeasyPrint does not apply
# CSS to inline SVG); the area is also written above its column, so colour is never the only cue.
AREA_FILL = {
    'core-security-actors': '#d6e8f5',
    'management-oversight': '#fbecd0',
    'justice': '#d3efe6',
    'non-state-actors': '#f8dccd',
}
NON_STATUTORY_DASH = '3 2'
AXIS_WIDTH, AXIS_LEFT, AXIS_RIGHT = 680, 20, 20


@dataclass(frozen=True)
class MapActor:
    key: object
    label: str
    area: str
    statutory: bool = True


@dataclass(frozen=True)
class MapRelation:
    source: object
    target: object
    label: str


@dataclass(frozen=True)
class AreaColumn:
    area: str
    label: str
    x: int
    nodes: tuple[dict, ...]
    fill: str = '#ffffff'

    @property
    def title_lines(self) -> list[tuple[str, int]]:
        """The area's name on at most two lines that fit the column, each with its baseline."""
        lines = textwrap.wrap(self.label, 26)[:2]
        return [(line, 11 + 11 * index) for index, line in enumerate(lines)]


def actor_map(
    actors: Iterable[MapActor],
    relations: Iterable[MapRelation],
    areas: Sequence[tuple[str, str]],
    *,
    per_column: int = 12,
) -> dict:
    """Columns (one per area, in ``areas`` order, ``(key, label)``) of at most ``per_column`` boxes, and the lines
    between the boxes of related actors (an actor beyond ``per_column`` is counted, not drawn)."""
    by_area = {key: [] for key, _label in areas}
    for actor in actors:
        by_area.setdefault(actor.area, []).append(actor)
    columns, position, hidden = [], {}, 0
    for index, (key, label) in enumerate(areas):
        x = 10 + index * COLUMN_WIDTH
        shown = sorted(by_area.get(key, []), key=lambda a: a.label.lower())
        hidden += max(len(shown) - per_column, 0)
        nodes = []
        for row, actor in enumerate(shown[:per_column]):
            y = TOP + row * ROW_HEIGHT
            position[actor.key] = (x, y)
            nodes.append(
                {
                    'x': x,
                    'y': y,
                    'width': BOX_WIDTH,
                    'height': BOX_HEIGHT,
                    'label': _short(actor.label, 27),
                    'dash': '' if actor.statutory else NON_STATUTORY_DASH,
                }
            )
        columns.append(AreaColumn(key, label, x, tuple(nodes), AREA_FILL.get(key, '#ffffff')))
    edges = []
    for relation in relations:
        if relation.source in position and relation.target in position:
            (x1, y1), (x2, y2) = position[relation.source], position[relation.target]
            if x1 == x2:  # same column: a bow on the right side
                start, end = (x1 + BOX_WIDTH, y1 + BOX_HEIGHT / 2), (x2 + BOX_WIDTH, y2 + BOX_HEIGHT / 2)
                bend = (x1 + BOX_WIDTH + 14, (start[1] + end[1]) / 2)
            else:
                left_to_right = x1 < x2
                start = (x1 + (BOX_WIDTH if left_to_right else 0), y1 + BOX_HEIGHT / 2)
                end = (x2 + (0 if left_to_right else BOX_WIDTH), y2 + BOX_HEIGHT / 2)
                bend = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
            edges.append(
                {'path': f'M{start[0]},{start[1]} Q{bend[0]},{bend[1]} {end[0]},{end[1]}', 'label': relation.label}
            )
    rows = max([len(column.nodes) for column in columns] + [1])
    return {
        'width': 20 + len(areas) * COLUMN_WIDTH,
        'height': TOP + rows * ROW_HEIGHT + 10,
        'columns': columns,
        'edges': edges,
        'hidden': hidden,
    }


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + '…'


@dataclass(frozen=True)
class EventMark:
    """An event: its sources' dates, how to write them (``2016``, ``2007-10``) and whether they disagree."""

    label: str
    dates: tuple[date, ...]
    kind: str = ''
    shown_dates: tuple[str, ...] = ()
    disputed: bool = False


def event_axis(events: Iterable[EventMark], *, width: int = AXIS_WIDTH, latest: int = 10) -> dict:
    """The ``latest`` events (by their earliest date) as numbered marks on a horizontal time axis, with the list
    the numbers refer to. A ``disputed`` event, whose sources give different dates, has a mark on each date."""
    dated = sorted((event for event in events if event.dates), key=lambda e: min(e.dates))
    shown = dated[-latest:] if latest else dated
    if not shown:
        return {'width': width, 'height': 0, 'marks': [], 'ticks': [], 'total': len(dated)}
    first = min(min(event.dates) for event in shown)
    last = max(max(event.dates) for event in shown)
    span = max((last - first).days, 1)
    inner = width - AXIS_LEFT - AXIS_RIGHT

    def x(day: date) -> float:
        return round(AXIS_LEFT + inner * (day - first).days / span, 1)

    marks = []
    for number, event in enumerate(shown, start=1):
        xs = [x(day) for day in sorted(set(event.dates))]
        marks.append(
            {
                'number': number,
                'label': event.label,
                'kind': event.kind,
                'xs': xs,
                'x': xs[0],
                'disputed': event.disputed,
                'dates': event.shown_dates or tuple(day.isoformat() for day in sorted(set(event.dates))),
                'number_y': 40 + (number % 3) * 10,  # staggered so that close numbers stay legible
            }
        )
    ticks = [(year, x(date(year, 1, 1))) for year in range(first.year + 1, last.year + 1)]
    if len(ticks) > 12:  # keep the axis readable over long periods
        step = -(-len(ticks) // 12)
        ticks = ticks[::step]
    return {'width': width, 'height': 66, 'marks': marks, 'ticks': ticks, 'axis_y': 24, 'total': len(dated)}
