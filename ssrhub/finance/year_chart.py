"""The geometry of the funding-by-year chart: for each calendar year, a bar for the money committed and one for the
money disbursed, on a value axis that starts at zero (or below, when corrections make a year negative), with round
ticks. Plain Python: the template draws the SVG and writes the numbers in the page's language; a table beside the
chart gives the same figures.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ['SERIES', 'YearBar', 'YearChart', 'draw_years', 'nice_step']

SERIES = ('committed', 'disbursed')


@dataclass(frozen=True)
class YearBar:
    series: str
    value: float
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class YearChart:
    """SVG user units: ``baseline`` is the y of zero; ``ticks`` (value, y); ``years`` (year, x of its label)."""

    width: int
    height: int
    left: float
    right: float
    baseline: float
    bars: tuple[YearBar, ...]
    ticks: tuple[tuple[float, float], ...]
    years: tuple[tuple[int, float], ...]


def nice_step(span: float, count: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) cutting ``span`` into about ``count`` parts."""
    if span <= 0:
        return 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= raw)


def draw_years(
    values: Mapping[int, Mapping[str, float]], *, width: int = 640, height: int = 260, left: int = 72
) -> YearChart:
    """Lay out ``{year: {'committed': value, 'disbursed': value}}``; every year between the first and the last is
    drawn, those without money as empty slots."""
    top, bottom, right = 12, 28, width - 8
    years = list(range(min(values), max(values) + 1)) if values else []
    numbers = [float(values.get(year, {}).get(series, 0)) for year in years for series in SERIES]
    high, low = max([0.0, *numbers]), min([0.0, *numbers])
    step = nice_step(high - low or 1.0)
    high = math.ceil(high / step) * step if high else (0.0 if low else step)
    low = math.floor(low / step) * step
    plot_height = height - top - bottom

    def y(value: float) -> float:
        return round(top + (high - value) / (high - low) * plot_height, 1)

    slot = (right - left) / max(len(years), 1)
    bar_width = round(min(slot * 0.36, 48), 1)
    bars, labels = [], []
    for index, year in enumerate(years):
        centre = left + slot * (index + 0.5)
        labels.append((year, round(centre, 1)))
        for offset, series in zip((-1, 0), SERIES, strict=True):
            value = float(values.get(year, {}).get(series, 0))
            y1, y2 = sorted((y(value), y(0)))
            bars.append(YearBar(series, value, round(centre + offset * bar_width, 1), y1, bar_width, round(y2 - y1, 1)))
    ticks = []
    value = low
    while value <= high + step / 2:
        ticks.append((value, y(value)))
        value += step
    return YearChart(width, height, left, right, y(0), tuple(bars), tuple(ticks), tuple(labels))
