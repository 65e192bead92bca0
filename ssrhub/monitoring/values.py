"""The units of an indicator and the checks a value must pass, in plain Python.

A value is checked against its indicator's unit the same way wherever it comes from (a target typed on a page, an
actual entered by a reporting organisation, a value computed from survey answers, an import). ``check_value()``
returns problems as codes with parameters, never sentences: the Django layer (``monitoring/value_messages.py``)
writes them in the reader's language.
"""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

__all__ = [
    'DIRECTIONS',
    'NUMBER',
    'PERCENTAGE',
    'SCALE',
    'UNITS',
    'UNIT_RULES',
    'YES_NO',
    'Problem',
    'UnitRule',
    'check_value',
    'percent',
    'to_decimal',
]

NUMBER = 'number'
PERCENTAGE = 'percentage'
YES_NO = 'yes-no'
SCALE = 'scale'
UNITS = (NUMBER, PERCENTAGE, YES_NO, SCALE)

DIRECTIONS = ('increase', 'decrease', 'maintain')

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class UnitRule:
    """What a unit accepts: bounds of the value (``None``: open; a scale's come from its indicator), whether a
    numerator and denominator go with it, and the only values allowed (yes/no: 1 and 0)."""

    minimum: Decimal | None = None
    maximum: Decimal | None = None
    ratio: bool = False
    allowed: frozenset = frozenset()
    bounds_from_indicator: bool = False


UNIT_RULES = {
    NUMBER: UnitRule(),
    PERCENTAGE: UnitRule(minimum=Decimal(0), maximum=HUNDRED, ratio=True),
    YES_NO: UnitRule(allowed=frozenset({Decimal(0), Decimal(1)})),
    SCALE: UnitRule(bounds_from_indicator=True),
}


@dataclass(frozen=True)
class Problem:
    """One reason a value is refused: ``code`` with its ``params``, on ``part`` ('value', 'numerator' or
    'denominator')."""

    code: str
    part: str = 'value'
    params: dict = field(default_factory=dict)


def to_decimal(value) -> Decimal | None:
    """``value`` as a Decimal (``None`` and '' stay ``None``); a comma is read as the decimal separator, as French
    users type it. Raises ``ValueError`` when it is not a finite number."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, float):
        value = repr(value)
    text = str(value).strip().replace('\u202f', '').replace('\xa0', '').replace(' ', '').replace(',', '.')
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(value) from None
    if not number.is_finite():
        raise ValueError(value)
    return number


def percent(numerator, denominator) -> Decimal | None:
    """``numerator`` as a percentage of ``denominator``; ``None`` when either is missing or the denominator is 0."""
    numerator, denominator = to_decimal(numerator), to_decimal(denominator)
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator * HUNDRED / denominator


def _decimals(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def check_value(
    unit: str,
    value=None,
    numerator=None,
    denominator=None,
    scale_min=None,
    scale_max=None,
    decimal_places: int | None = None,
) -> list[Problem]:
    """The problems of a value (and, for a percentage, its numerator and denominator) for an indicator of ``unit``.

    An empty value with nothing else is no problem here (whether a value is required is the caller's rule); a
    percentage may be given by its numerator and denominator alone, and when all three are given they must agree
    (to the value's last decimal). Codes: ``unknown-unit``, ``not-a-number``, ``ratio-not-allowed`` (a numerator or
    denominator for a unit other than percentage), ``negative``, ``percentage-over-100``, ``denominator-zero``,
    ``numerator-over-denominator``, ``ratio-incomplete``, ``percentage-mismatch``, ``not-yes-no``, ``below-scale``,
    ``above-scale``, ``too-many-decimals``.
    """
    if unit not in UNIT_RULES:
        return [Problem('unknown-unit', params={'unit': unit})]
    rule = UNIT_RULES[unit]
    problems = []
    numbers = {}
    for part, raw in (('value', value), ('numerator', numerator), ('denominator', denominator)):
        try:
            numbers[part] = to_decimal(raw)
        except ValueError:
            problems.append(Problem('not-a-number', part, {'value': str(raw)}))
            numbers[part] = None
    value, numerator, denominator = numbers['value'], numbers['numerator'], numbers['denominator']
    if not rule.ratio:
        for part, number in (('numerator', numerator), ('denominator', denominator)):
            if number is not None:
                problems.append(Problem('ratio-not-allowed', part, {'unit': unit}))
    else:
        problems += _ratio_problems(value, numerator, denominator, decimal_places)
    if value is None:
        return problems
    if decimal_places is not None and _decimals(value) > decimal_places:
        problems.append(Problem('too-many-decimals', params={'places': decimal_places}))
    if rule.allowed and value not in rule.allowed:
        problems.append(Problem('not-yes-no', params={'value': str(value)}))
    minimum, maximum = rule.minimum, rule.maximum
    if rule.bounds_from_indicator:
        minimum, maximum = to_decimal(scale_min), to_decimal(scale_max)
        if minimum is not None and value < minimum:
            problems.append(Problem('below-scale', params={'value': str(value), 'minimum': str(minimum)}))
        if maximum is not None and value > maximum:
            problems.append(Problem('above-scale', params={'value': str(value), 'maximum': str(maximum)}))
        return problems
    if minimum is not None and value < minimum:
        problems.append(Problem('negative', params={'value': str(value)}))
    if maximum is not None and value > maximum:
        problems.append(Problem('percentage-over-100', params={'value': str(value)}))
    return problems


def _ratio_problems(value, numerator, denominator, decimal_places) -> list[Problem]:
    problems = []
    for part, number in (('numerator', numerator), ('denominator', denominator)):
        if number is not None and number < 0:
            problems.append(Problem('negative', part, {'value': str(number)}))
    if denominator is not None and denominator == 0:
        problems.append(Problem('denominator-zero', 'denominator'))
    if (numerator is None) != (denominator is None):
        missing = 'denominator' if denominator is None else 'numerator'
        problems.append(Problem('ratio-incomplete', missing))
    if problems or numerator is None:
        return problems
    if numerator > denominator:
        problems.append(
            Problem(
                'numerator-over-denominator',
                'numerator',
                {'numerator': str(numerator), 'denominator': str(denominator)},
            )
        )
        return problems
    if value is not None:
        computed = percent(numerator, denominator)
        places = decimal_places if decimal_places is not None else max(_decimals(value), 1)
        tolerance = Decimal(1).scaleb(-places) / 2
        if abs(computed - value) > tolerance:
            problems.append(
                Problem('percentage-mismatch', params={'value': str(value), 'computed': f'{computed:.{places}f}'})
            )
    return problems
