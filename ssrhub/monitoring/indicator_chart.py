"""The geometry of an indicator's dashboard chart: its periods along the x axis, the approved actuals as a line of
dots coloured by status, the targets as a dashed line and the baseline as a horizontal line, on a value axis that
respects the unit (a percentage never goes over 100, yes/no runs from no to yes, a scale between its two points).

Plain Python: the template draws the SVG with a title and a description and writes the numbers in the page's
language; a table beside the chart gives every figure.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .context_chart import nice_step

__all__ = ['ChartPeriod', 'IndicatorChart', 'axis', 'draw_indicator']

MAX_LABELS = 6  # period labels written under the axis; with more periods every n-th is labelled


@dataclass(frozen=True)
class ChartPeriod:
    """One period as the chart needs it: its label, target, approved actual (``None`` when missing) and status."""

    label: str
    target: float | None
    actual: float | None
    status: str


@dataclass(frozen=True)
class IndicatorChart:
    """SVG user units: ``ticks`` (value, y); ``labels`` (label, x) of the labelled periods; ``targets`` and
    ``actuals`` (label, value, x, y[, status]) with their polylines' points; ``baseline_y`` the y of the baseline
    (``None`` without one); ``floor`` the y of the axis."""

    width: int
    height: int
    left: float
    right: float
    top: float
    floor: float
    ticks: tuple[tuple[float, float], ...]
    labels: tuple[tuple[str, float], ...]
    targets: tuple[tuple[str, float, float, float], ...]
    target_path: str
    actuals: tuple[tuple[str, float, float, float, str], ...]
    actual_path: str
    baseline: float | None
    baseline_y: float | None


def axis(unit: str, values: Sequence[float], scale: tuple[float, float] | None = None) -> tuple[float, float, float]:
    """The value axis (low, high, step) for ``values`` in ``unit``.

    Yes/no runs from 0 to 1; a scale from its lowest to its highest point; a percentage from 0 to a round ceiling never
    above 100; a number from 0 (or its lowest negative value) to a round ceiling.
    """
    if unit == 'yes-no':
        return 0.0, 1.0, 1.0
    if unit == 'scale' and scale is not None:
        low, high = scale
        return float(low), float(high), nice_step(high - low, 4)
    low = min([0.0, *values])
    highest = max([0.0, *values])
    step = nice_step(highest - low) if highest > low else 1.0
    high = step * max(1, math.ceil(highest / step))
    if unit == 'percentage':
        high = min(high, 100.0)
        if high == 100.0:
            step = 25.0 if low == 0 else step
    low = step * math.floor(low / step)
    return low, high, step


def draw_indicator(
    periods: Sequence[ChartPeriod],
    unit: str,
    baseline: float | None = None,
    scale: tuple[float, float] | None = None,
    *,
    width: int = 360,
    height: int = 200,
    left: int = 48,
    bottom: int = 28,
) -> IndicatorChart | None:
    """The chart of an indicator's ``periods`` in order; ``None`` without periods. Each period sits in the middle of
    an equal slot, so that periods of any length read in order."""
    if not periods:
        return None
    values = [v for period in periods for v in (period.target, period.actual) if v is not None]
    if baseline is not None:
        values.append(baseline)
    low, high, step = axis(unit, values, scale)
    top, right, floor = 10.0, float(width - 12), float(height - bottom)
    slot = (right - left) / len(periods)

    def x_of(index: int) -> float:
        return round(left + slot * (index + 0.5), 1)

    def y_of(value: float) -> float:
        return round(floor - (floor - top) * (value - low) / (high - low), 1)

    every = math.ceil(len(periods) / MAX_LABELS)
    labels = tuple((period.label, x_of(i)) for i, period in enumerate(periods) if i % every == 0)
    targets = tuple(
        (period.label, period.target, x_of(i), y_of(period.target))
        for i, period in enumerate(periods)
        if period.target is not None
    )
    actuals = tuple(
        (period.label, period.actual, x_of(i), y_of(period.actual), period.status)
        for i, period in enumerate(periods)
        if period.actual is not None
    )
    # rounded: 3 * 0.2 is 0.6000000000000001 in binary floating point, and the label would say so
    ticks = tuple((round(low + step * i, 12), y_of(low + step * i)) for i in range(round((high - low) / step) + 1))
    return IndicatorChart(
        width=width,
        height=height,
        left=float(left),
        right=right,
        top=top,
        floor=floor,
        ticks=ticks,
        labels=labels,
        targets=targets,
        target_path=' '.join(f'{x},{y}' for _label, _value, x, y in targets),
        actuals=actuals,
        actual_path=' '.join(f'{x},{y}' for _label, _value, x, y, _status in actuals),
        baseline=baseline,
        baseline_y=y_of(baseline) if baseline is not None else None,
    )
