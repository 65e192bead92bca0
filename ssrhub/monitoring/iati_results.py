"""How a framework's indicators and values are written as IATI 2.03 results, in plain Python: the IATI measure of each
unit, the direction as ``ascending``, values as IATI's text, and the problems that stop an export (codes with
parameters; ``iati_export.py`` writes them in the reader's language).

IATI's IndicatorMeasure codelist: 1 Unit, 2 Percentage, 3 Nominal, 4 Ordinal, 5 Qualitative. A number is a unit,
a percentage a percentage, a scale between two labelled ends an ordinal scale. A yes/no indicator has no IATI
measure: nominal values are categories IATI gives no names to, so a 1 or 0 would reach readers without its meaning;
such an indicator stops the export rather than being written as something else.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from ssrhub.coordination.iati.writer import number_text

from . import values

__all__ = ['MEASURES', 'SEX', 'ExportProblem', 'ascending', 'iati_value', 'unit_problems']

MEASURES = {values.NUMBER: '1', values.PERCENTAGE: '2', values.SCALE: '4'}
SEX = 'sex'  # the dimension name IATI publishers use for a breakdown by sex


@dataclass(frozen=True)
class ExportProblem:
    """Why nothing was written: ``code`` ('no_activity', 'unknown_activity', 'unit') with its ``params``."""

    code: str
    params: dict = field(default_factory=dict)


def ascending(direction: str) -> bool:
    """IATI's ``ascending``: whether a higher value is better (a decrease is the only direction that is not)."""
    return direction != 'decrease'


def iati_value(value: Decimal | None) -> str:
    """A value as IATI's text, without trailing zeros ('' when there is none)."""
    return '' if value is None else number_text(value)


def unit_problems(indicators) -> list[ExportProblem]:
    """One problem per indicator whose unit IATI cannot express; ``indicators`` are ``(code, unit)`` pairs."""
    return [ExportProblem('unit', {'code': code, 'unit': unit}) for code, unit in indicators if unit not in MEASURES]
