"""The geometry of a country statistic's line chart: one point per year with a value, on a value axis from zero
with round ticks and a year axis with a few labelled years. Plain Python: the template draws the SVG and writes the
numbers in the page's language; a table beside the chart gives every figure with its source and year.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ['LineChart', 'draw_line', 'nice_step']


@dataclass(frozen=True)
class LineChart:
    """SVG user units: ``points`` (year, value, x, y, revised); ``path`` the polyline's points; ``ticks`` (value, y);
    ``years`` (year, x) of the labelled years; ``baseline`` the y of zero."""

    width: int
    height: int
    left: float
    right: float
    top: float
    baseline: float
    points: tuple[tuple[int, float, float, float, bool], ...]
    path: str
    ticks: tuple[tuple[float, float], ...]
    years: tuple[tuple[int, float], ...]


def nice_step(span: float, count: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) cutting ``span`` into about ``count`` parts."""
    if span <= 0:
        return 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= raw)


def draw_line(
    values: Sequence[tuple[int, float, bool]], *, width: int = 360, height: int = 180, left: int = 56, bottom: int = 24
) -> LineChart | None:
    """The chart of ``values`` (year, value, revised), sorted by year; None when there is no value.

    Years without a value are left out of the line (Gapminder's series are sparse): the line joins the values
    given, and each value is also a dot, so a reader sees where the gaps are.
    """
    values = sorted(values)
    if not values:
        return None
    top, right = 10.0, float(width - 20)  # room for the last year's label, centred on its point
    baseline = float(height - bottom)
    first, last = values[0][0], values[-1][0]
    if first == last:
        first, last = first - 1, last + 1
    highest = max(value for _year, value, _revised in values)
    step = nice_step(highest) if highest > 0 else 1.0
    ceiling = step * max(1, math.ceil(highest / step))

    def x_of(year: int) -> float:
        return round(left + (right - left) * (year - first) / (last - first), 1)

    def y_of(value: float) -> float:
        return round(baseline - (baseline - top) * value / ceiling, 1)

    points = tuple((year, value, x_of(year), y_of(value), revised) for year, value, revised in values)
    # rounded: 3 * 0.2 is 0.6000000000000001 in binary floating point, and the label would say so
    ticks = tuple((round(step * i, 12), y_of(step * i)) for i in range(round(ceiling / step) + 1))
    year_step = int(nice_step(last - first, 4)) or 1
    start = math.ceil(first / year_step) * year_step
    years = tuple((year, x_of(year)) for year in range(start, last + 1, year_step))
    path = ' '.join(f'{x},{y}' for _year, _value, x, y, _revised in points)
    return LineChart(width, height, float(left), right, top, baseline, points, path, ticks, years)
