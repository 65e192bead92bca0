"""From a survey formula's result (``formula.py``) to the cells of an indicator's actual report (plain Python).

Which aggregate fits which unit of indicator:

- ``percent(...)`` a percentage: each cell keeps its numerator and denominator (the percentage follows from them);
- ``count()`` and ``sum(x)`` a number;
- ``mean(x)`` a number or a scale (a mean answer on the scale).

Values are rounded half up to the indicator's decimals (the numerator and denominator of a count stay whole).

Sex: a formula ending in ``by NAME`` (one question) is stored per category of the indicator's sex disaggregation.
The question's answers are the categories' codes: ``female``, ``male``, ``other`` for the built-in one (the demo
form's ``sex`` question answers ``female`` or ``male``); a row without an answer goes to ``other`` ("other or not
recorded") when the disaggregation has it. An answer that is no category's code refuses the whole result, as does a
``by`` over several questions or for an indicator without a sex disaggregation: only the total or the total and
its sexes can be stored, never a part of the rows.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .formula import FormulaResult, GroupValue

__all__ = ['NOT_RECORDED', 'UNITS', 'ActualCell', 'FormulaActualError', 'actual_cells']

UNITS = {'percent': ('percentage',), 'count': ('number',), 'sum': ('number',), 'mean': ('number', 'scale')}
# The category a row without an answer to the ``by`` question goes to.
NOT_RECORDED = 'other'


class FormulaActualError(ValueError):
    """A result that cannot be stored as the indicator's actual: ``code`` (``unit``, ``no-value``, ``by-several``,
    ``no-sex``, ``answer``) and ``params``."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(f'{code}: {params}')


@dataclass(frozen=True)
class ActualCell:
    """One value of the report: ``category`` a category code, ``None`` for the total; ``n`` the rows counted."""

    category: str | None
    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    n: int


def _rounded(number: float, decimals: int) -> Decimal:
    return Decimal(repr(number)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _cell(category: str | None, group: GroupValue, aggregate: str, decimals: int) -> ActualCell:
    if aggregate == 'percent':
        # Whole counts: the percentage follows from them on the model, rounded to the indicator's decimals.
        return ActualCell(category, None, Decimal(int(group.numerator)), Decimal(int(group.denominator)), group.n)
    return ActualCell(category, _rounded(group.value, decimals), None, None, group.n)


def actual_cells(
    result: FormulaResult, unit: str, decimals: int, sex_categories: Sequence[str] | None = None
) -> list[ActualCell]:
    """The total and, for a formula ``by`` one question, a cell per sex category (``sex_categories``: the codes of
    the indicator's sex disaggregation, ``None`` when it has none). Raises ``FormulaActualError``."""
    formula = result.formula
    if unit not in UNITS[formula.aggregate]:
        raise FormulaActualError('unit', aggregate=formula.aggregate, unit=unit)
    if result.total.value is None:
        raise FormulaActualError('no-value', n=result.total.n)
    cells = [_cell(None, result.total, formula.aggregate, decimals)]
    if not formula.by:
        return cells
    if len(formula.by) > 1:
        raise FormulaActualError('by-several', names=', '.join(formula.by))
    if sex_categories is None:
        raise FormulaActualError('no-sex', name=formula.by[0])
    for group in result.groups:
        answer = group.group[0] or (NOT_RECORDED if NOT_RECORDED in sex_categories else '')
        if answer not in sex_categories:
            raise FormulaActualError(
                'answer', name=formula.by[0], answer=group.group[0], categories=', '.join(sex_categories)
            )
        if group.value is not None:
            cells.append(_cell(answer, group, formula.aggregate, decimals))
    return cells
