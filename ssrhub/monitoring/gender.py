"""The gender page's calculations, in plain Python: the geometry of the chart of the share of women per institution
over time with the targets, and the count and money of a country's activities per significance of the gender
equality policy marker. ``monitoring/gender_queries.py`` reads the records; the template draws and words them.

Rules (``docs/monitoring.md``, "Gender"):

- **The gender marker** is OECD DAC policy marker 1 (gender equality) in IATI's vocabulary 1: significance 0 not
  targeted, 1 significant objective, 2 principal objective. An activity without that marker, or with it but no
  significance, is counted as *not marked*: never guessed as 0.
- **Money** per significance is the sum of the activities' commitments and of their disbursements and expenditure
  (the progress report's transaction types), per currency: amounts in different currencies are never added.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .context_chart import nice_step

__all__ = [
    'GENDER_MARKER',
    'NOT_MARKED',
    'SIGNIFICANCES',
    'ActivityMarker',
    'MarkerRow',
    'ShareChart',
    'draw_shares',
    'marker_summary',
]

GENDER_MARKER = ('1', '1')  # (vocabulary, code): OECD DAC policy marker 1, gender equality
SIGNIFICANCES = ('2', '1', '0')  # principal, significant, not targeted: the order of the page's table
NOT_MARKED = ''
PALETTE = ('#1f5f8b', '#b35900', '#2e7d32', '#7b1fa2', '#c62828', '#00838f', '#5d4037', '#455a64')


@dataclass(frozen=True)
class Line:
    """One institution's (or the sector's) line: ``points`` (year, share, x, y), ``path`` the polyline's points."""

    label: str
    colour: str
    points: tuple[tuple[int, Decimal, float, float], ...]
    path: str
    sector: bool = False


@dataclass(frozen=True)
class TargetMark:
    """A target drawn as a dashed line at its share from the first year to its year, ending on a marker."""

    label: str
    colour: str
    year: int
    share: Decimal
    x: float
    y: float


@dataclass(frozen=True)
class ShareChart:
    """SVG user units; ``ticks`` (share, y) from 0 % up; ``years`` (year, x) of the labelled years."""

    width: int
    height: int
    left: float
    right: float
    top: float
    baseline: float
    lines: tuple[Line, ...]
    targets: tuple[TargetMark, ...]
    ticks: tuple[tuple[float, float], ...]
    years: tuple[tuple[int, float], ...]


def draw_shares(
    series: Sequence[tuple[str, Sequence[tuple[int, Decimal]], bool]],
    targets: Sequence[tuple[str, int, Decimal, int | None]] = (),
    *,
    width: int = 560,
    height: int = 240,
    left: int = 44,
    bottom: int = 24,
) -> ShareChart | None:
    """The chart of ``series`` (label, [(year, share %)], is the sector-wide line) and ``targets`` (label, year,
    share %, index of the series whose colour it takes or None for the sector's); None when there is nothing to draw.

    The share axis starts at 0 % and ends on a round tick above the highest share or target (never above 100 %), so
    that a small share is not drawn as a large one.
    """
    years = [year for _label, points, _sector in series for year, _share in points] + [t[1] for t in targets]
    if not years:
        return None
    highest = max([float(share) for _l, points, _s in series for _y, share in points] + [float(t[2]) for t in targets])
    step = nice_step(highest) if highest > 0 else 10.0
    ceiling = min(100.0, step * max(1, math.ceil(highest / step))) if highest < 100 else 100.0
    top, right = 10.0, float(width - 20)
    baseline = float(height - bottom)
    first, last = min(years), max(years)
    if first == last:
        first, last = first - 1, last + 1

    def x_of(year: int) -> float:
        return round(left + (right - left) * (year - first) / (last - first), 1)

    def y_of(share) -> float:
        return round(baseline - (baseline - top) * float(share) / ceiling, 1)

    lines = []
    colours = {}
    for index, (label, points, sector) in enumerate(series):
        colour = '#212529' if sector else PALETTE[index % len(PALETTE)]
        colours[index] = colour
        drawn = tuple((year, share, x_of(year), y_of(share)) for year, share in sorted(points))
        lines.append(Line(label, colour, drawn, ' '.join(f'{x},{y}' for _year, _share, x, y in drawn), sector))
    marks = tuple(
        TargetMark(label, colours.get(index, '#212529'), year, share, x_of(year), y_of(share))
        for label, year, share, index in targets
    )
    ticks = tuple((round(step * i, 12), y_of(step * i)) for i in range(round(ceiling / step) + 1))
    year_step = int(nice_step(last - first, 5)) or 1
    start = math.ceil(first / year_step) * year_step
    labelled = tuple((year, x_of(year)) for year in range(start, last + 1, year_step))
    return ShareChart(width, height, float(left), right, top, baseline, tuple(lines), marks, ticks, labelled)


@dataclass(frozen=True)
class ActivityMarker:
    """An activity as the summary reads it: its gender marker's significance ('' when not marked) and its
    transactions as (IATI type, currency, value)."""

    key: object
    significance: str
    transactions: tuple[tuple[str, str, Decimal], ...] = ()


@dataclass
class MarkerRow:
    """One significance: the activities (keys) and their money per currency."""

    significance: str
    activities: list = field(default_factory=list)
    committed: dict = field(default_factory=dict)
    disbursed: dict = field(default_factory=dict)


def marker_summary(
    activities: Iterable[ActivityMarker], commitment_types: Sequence[str], disbursement_types: Sequence[str]
) -> list[MarkerRow]:
    """One row per significance (principal, significant, not targeted, then not marked), each with its activities
    and their committed and disbursed money per currency (sorted by currency)."""
    rows = {significance: MarkerRow(significance) for significance in (*SIGNIFICANCES, NOT_MARKED)}
    money: dict = defaultdict(lambda: (defaultdict(Decimal), defaultdict(Decimal)))
    for activity in activities:
        significance = activity.significance if activity.significance in SIGNIFICANCES else NOT_MARKED
        rows[significance].activities.append(activity.key)
        committed, disbursed = money[significance]
        for kind, currency, value in activity.transactions:
            if kind in commitment_types:
                committed[currency] += value
            elif kind in disbursement_types:
                disbursed[currency] += value
    for significance, (committed, disbursed) in money.items():
        rows[significance].committed = dict(sorted(committed.items()))
        rows[significance].disbursed = dict(sorted(disbursed.items()))
    return list(rows.values())
