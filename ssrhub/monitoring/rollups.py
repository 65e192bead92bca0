"""Roll-ups of approved actuals, in plain Python: per indicator and period the value that counts, the shares of a
disaggregation's categories, the check that categories add up to the total, and the on-track status against the
target. The Django layer (``monitoring/actual_queries.py``) reads the records into these dataclasses.

Rules (``docs/monitoring.md``, "Actuals and review"):

- **The period's value.** Approved reports only. Several organisations reporting on one period: numbers add up;
  a percentage is pooled (the numerators' sum over the denominators' sum) when every report gives both, else the
  mean of the reported percentages; yes/no is yes only when every report says yes; a scale is the mean.
- **Cumulative indicators.** A number adds each period's value to the previous ones (trainees since the start);
  a percentage, yes/no or scale takes the latest period's value (a share cannot be added up).
- **Categories add up.** For an additive unit (a number, or a percentage given by numerator and denominator), the
  categories of one disaggregation type must add up to the total (for a percentage: the numerators to the total's
  numerator and the denominators to its denominator). A category without a value is missing, never zero: with
  missing categories only a sum over the total is flagged.
- **On track.** Progress is the share of the way from the baseline to the period's target that the actual has
  covered, whatever the direction: ``(actual - baseline) / (target - baseline)``. On track at 75 % or more, at risk
  from 50 % to 75 %, off track below 50 %. Without a baseline an indicator to increase is measured from 0; one to
  decrease cannot be judged (``no-baseline``). An indicator to maintain is on track within 5 % of its target, at
  risk within 10 %, off track beyond. Without a target or an approved value there is no status.
- **Levels.** Outputs, outcomes and impacts are counted apart (``count_by_level``).
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

__all__ = [
    'AT_RISK',
    'NO_BASELINE',
    'NO_TARGET',
    'NO_VALUE',
    'OFF_TRACK',
    'ON_TRACK',
    'Measure',
    'PeriodInput',
    'PeriodResult',
    'SumFlag',
    'additive',
    'check_sums',
    'combine',
    'count_by_level',
    'measure_value',
    'latest',
    'on_track',
    'roll_up',
    'shares',
]

ON_TRACK, AT_RISK, OFF_TRACK = 'on-track', 'at-risk', 'off-track'
NO_TARGET, NO_VALUE, NO_BASELINE = 'no-target', 'no-value', 'no-baseline'
ON_TRACK_FROM, AT_RISK_FROM = Decimal('0.75'), Decimal('0.50')
MAINTAIN_ON_TRACK, MAINTAIN_AT_RISK = Decimal('0.05'), Decimal('0.10')
HUNDRED = Decimal(100)


class Measure(NamedTuple):
    """A value with, for a percentage, its numerator and denominator (any may be ``None``)."""

    value: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None

    @property
    def has_ratio(self) -> bool:
        return self.numerator is not None and self.denominator is not None


@dataclass(frozen=True)
class SumFlag:
    """Categories of one disaggregation type that do not add up to the total: ``part`` is 'value', 'numerator' or
    'denominator'; ``missing`` the categories without a value (never counted as zero)."""

    type_key: object
    part: str
    total: Decimal
    categories_sum: Decimal
    missing: tuple = ()


@dataclass
class PeriodInput:
    """One period of an indicator: its target and the approved reports, each a total and its categories' measures
    by disaggregation type (``{type: {category: Measure}}``); ``expected`` lists each type's categories."""

    key: object
    target: Decimal | None
    reports: list = field(default_factory=list)


@dataclass
class PeriodResult:
    """What a period comes to: the value that counts (cumulated when the indicator is), the categories' combined
    measures and shares, the flags of sums that do not add up, the progress and status against the target."""

    key: object
    value: Decimal | None
    period_value: Decimal | None
    categories: dict
    shares: dict
    flags: list
    progress: Decimal | None
    status: str


def additive(unit: str, measure_has_ratio: bool = True) -> bool:
    """Whether categories of a value in ``unit`` add up to its total: numbers do, percentages through their
    numerators and denominators."""
    return unit == 'number' or (unit == 'percentage' and measure_has_ratio)


def combine(unit: str, measures: list[Measure]) -> Measure:
    """The measures several organisations reported for one period (or one category), combined by the unit's rule."""
    measures = [measure for measure in measures if measure.value is not None or measure.has_ratio]
    if not measures:
        return Measure()
    if len(measures) == 1:
        return measures[0]
    if unit == 'number':
        return Measure(sum((measure.value for measure in measures if measure.value is not None), Decimal(0)))
    if unit == 'percentage':
        if all(measure.has_ratio for measure in measures):
            numerator = sum((measure.numerator for measure in measures), Decimal(0))
            denominator = sum((measure.denominator for measure in measures), Decimal(0))
            value = numerator * HUNDRED / denominator if denominator else None
            return Measure(value, numerator, denominator)
        known = [measure_value(unit, measure) for measure in measures]
        return Measure(sum(known, Decimal(0)) / len(known))
    if unit == 'yes-no':
        return Measure(Decimal(1) if all(measure.value == 1 for measure in measures) else Decimal(0))
    return Measure(sum((measure.value for measure in measures), Decimal(0)) / len(measures))


def measure_value(unit: str, measure: Measure) -> Decimal | None:
    if measure.value is not None:
        return measure.value
    if unit == 'percentage' and measure.has_ratio and measure.denominator:
        return measure.numerator * HUNDRED / measure.denominator
    return None


def check_sums(unit: str, total: Measure, categories: dict, expected: dict) -> list[SumFlag]:
    """The disaggregation types whose categories do not add up to ``total``.

    ``categories`` is ``{type: {category: Measure}}`` (the categories with a value), ``expected`` is ``{type:
    [category, ...]}`` (every category of each type collected). A type with every category given is flagged when
    the sum differs from the total; with some missing, only when the sum of those given is over the total. Nothing is
    checked without a total or for a unit that does not add up.
    """
    flags = []
    ratio = unit == 'percentage'
    parts = ('numerator', 'denominator') if ratio else ('value',)
    if not additive(unit, total.has_ratio) or all(getattr(total, part) is None for part in parts):
        return flags
    for type_key, names in expected.items():
        given = categories.get(type_key, {})
        if not given:
            continue
        missing = tuple(name for name in names if name not in given)
        for part in parts:
            numbers = [getattr(measure, part) for measure in given.values()]
            if any(number is None for number in numbers):
                continue
            categories_sum = sum(numbers, Decimal(0))
            target = getattr(total, part)
            if (categories_sum != target and not missing) or categories_sum > target:
                flags.append(SumFlag(type_key, part, target, categories_sum, missing))
    return flags


def shares(unit: str, total: Measure, categories: dict) -> dict:
    """Each category's share (%) of the total, per type: of the total's value for a number, of its denominator for a
    percentage given by its parts (the share of women among those counted). Empty for other units."""
    result = {}
    base = total.value if unit == 'number' else total.denominator if unit == 'percentage' else None
    if not base:
        return result
    for type_key, measures in categories.items():
        part = 'value' if unit == 'number' else 'denominator'
        result[type_key] = {
            name: getattr(measure, part) * HUNDRED / base
            for name, measure in measures.items()
            if getattr(measure, part) is not None
        }
    return result


def on_track(direction: str, baseline: Decimal | None, target: Decimal | None, actual: Decimal | None):
    """The progress from the baseline to the target (a fraction, ``None`` when not measured) and the status."""
    if target is None:
        return None, NO_TARGET
    if actual is None:
        return None, NO_VALUE
    if direction == 'maintain':
        deviation = abs(actual - target) / abs(target) if target else (Decimal(0) if actual == 0 else Decimal(1))
        status = ON_TRACK if deviation <= MAINTAIN_ON_TRACK else AT_RISK if deviation <= MAINTAIN_AT_RISK else OFF_TRACK
        return Decimal(1) - deviation, status
    if baseline is None:
        if direction == 'decrease':
            return None, NO_BASELINE
        baseline = Decimal(0)
    if target == baseline:
        progress = Decimal(1) if (actual >= target if direction == 'increase' else actual <= target) else Decimal(0)
    else:
        progress = (actual - baseline) / (target - baseline)
    status = ON_TRACK if progress >= ON_TRACK_FROM else AT_RISK if progress >= AT_RISK_FROM else OFF_TRACK
    return progress, status


def roll_up(
    unit: str, direction: str, cumulative: bool, baseline: Decimal | None, periods: list[PeriodInput], expected=None
) -> list[PeriodResult]:
    """Every period of one indicator, in order: ``periods`` hold the approved reports, each a ``(total,
    categories)`` pair (``Measure`` and ``{type: {category: Measure}}``)."""
    expected = expected or {}
    results, running, latest = [], Decimal(0), None
    for period in periods:
        total = combine(unit, [report[0] for report in period.reports])
        merged: dict = {}
        for _total, categories in period.reports:
            for type_key, measures in categories.items():
                for name, measure in measures.items():
                    merged.setdefault(type_key, {}).setdefault(name, []).append(measure)
        categories = {
            type_key: {name: combine(unit, measures) for name, measures in by_name.items()}
            for type_key, by_name in merged.items()
        }
        period_value = measure_value(unit, total)
        if cumulative and unit == 'number':
            if period_value is not None:
                running += period_value
            value = running if period_value is not None else None
        elif cumulative:
            latest = period_value if period_value is not None else latest
            value = latest
        else:
            value = period_value
        progress, status = on_track(direction, baseline, period.target, value)
        results.append(
            PeriodResult(
                key=period.key,
                value=value,
                period_value=period_value,
                categories=categories,
                shares=shares(unit, total, categories),
                flags=check_sums(unit, total, categories, expected),
                progress=progress,
                status=status,
            )
        )
    return results


def latest(periods: list[PeriodResult]) -> PeriodResult | None:
    """The period that says where an indicator stands: the last with an approved value, else the first period (whose
    status says why there is none); ``None`` without periods."""
    valued = [period for period in periods if period.value is not None]
    return valued[-1] if valued else (periods[0] if periods else None)


def count_by_level(rows) -> dict:
    """``rows`` of ``(level kind, status)`` (one per indicator: its latest status) counted per level kind, so that
    outputs are never added to outcomes: ``{kind: Counter({status: n})}``."""
    counts: dict = {}
    for kind, status in rows:
        counts.setdefault(kind, Counter())[status] += 1
    return counts
