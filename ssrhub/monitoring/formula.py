"""Survey formulas: an indicator value computed from a survey's answers by a stated formula (plain Python, no
``eval``). ``survey_actuals.py`` stores a result as an indicator's draft actual report, the formula kept beside it.

Grammar::

    formula   := aggregate [over REPEAT] [where CONDITION] [by NAME {, NAME}]
    aggregate := count() | percent(CONDITION) | mean(NAME) | sum(NAME)

CONDITION is an expression of ``xpath_subset`` in its bare mode: ``trust_police in ('2', '3')``,
``sex = 'female' and age_group != '18_24'``, ``selected(report_channels, 'police')``, ``household_size >= 5``.

- The rows are the submissions, or with ``over incidents`` each item of the repeat ``incidents`` (carrying the
  answers of its submission, so ``by sex`` still works).
- ``where`` keeps the rows it holds for: ``n`` counts them.
- ``percent(c)``: numerator the rows where ``c`` holds, denominator the rows that answered every question ``c``
  names (a skipped question is not a "no"), value 100 x numerator / denominator.
- ``mean(x)`` and ``sum(x)``: over the rows with a number in ``x``: numerator the sum, denominator how many.
- ``count()``: the rows (value, numerator, denominator and n alike).
- ``by`` splits the rows by the answers of the names given; a row without one of them goes to the group ''.

A value whose denominator is 0 is None, never 0.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import xpath_subset

__all__ = ['AGGREGATES', 'Formula', 'FormulaError', 'FormulaResult', 'GroupValue', 'compute', 'parse_formula']

AGGREGATES = ('count', 'percent', 'mean', 'sum')


class FormulaError(ValueError):
    """A formula that cannot be read: ``code`` (``empty``, ``aggregate``, ``arguments``, ``keyword``,
    ``unknown-name``, ``expression``) and ``params``; an expression's own error in ``params['detail']``."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(f'{code}: {params}')


@dataclass(frozen=True)
class Formula:
    """A parsed formula."""

    text: str
    aggregate: str
    argument: object = None  # the condition (percent) or the name (mean, sum)
    over: str = ''
    where: object = None
    by: tuple[str, ...] = ()

    def names(self) -> set[str]:
        """Every answer the formula reads."""
        found = set(self.by)
        if isinstance(self.argument, str):
            found.add(self.argument)
        elif self.argument is not None:
            found |= xpath_subset.names_in(self.argument)
        if self.where is not None:
            found |= xpath_subset.names_in(self.where)
        return found


@dataclass
class GroupValue:
    """The result for one group (``group``: the ``by`` answers, () for all rows)."""

    group: tuple[str, ...]
    value: float | None = None
    numerator: float = 0
    denominator: float = 0
    n: int = 0


@dataclass
class FormulaResult:
    formula: Formula
    total: GroupValue
    groups: list[GroupValue] = field(default_factory=list)


def _split_top(text: str) -> list[tuple[str, str]]:
    """``text`` cut at the top-level keywords ``over``, ``where`` and ``by``: [(keyword, part)], the first keyword
    ''. Quotes and parentheses are respected."""
    parts: list[tuple[str, str]] = []
    keyword, start, depth, quote, index = '', 0, 0, '', 0
    while index < len(text):
        char = text[index]
        if quote:
            quote = '' if char == quote else quote
        elif char in '\'"':
            quote = char
        elif char == '(':
            depth += 1
        elif char == ')':
            depth -= 1
        elif depth == 0 and (index == 0 or text[index - 1].isspace()):
            for word in ('over', 'where', 'by'):
                end = index + len(word)
                if text[index:end] == word and (end == len(text) or text[end].isspace()):
                    parts.append((keyword, text[start:index].strip()))
                    keyword, start, index = word, end, end - 1
                    break
        index += 1
    parts.append((keyword, text[start:].strip()))
    return parts


def _condition(text: str):
    try:
        return xpath_subset.parse(text, bare=True)
    except xpath_subset.ExpressionError as error:
        raise FormulaError('expression', expression=text, detail=error.code, **error.params) from error


def parse_formula(text: str, names: set[str] | None = None) -> Formula:
    """The formula ``text``; with ``names`` (the form's question and repeat names), a name outside them is an
    error. Raises ``FormulaError``."""
    text = ' '.join(text.split())
    if not text:
        raise FormulaError('empty')
    parts = _split_top(text)
    head = parts[0][1]
    name, _sep, rest = head.partition('(')
    name = name.strip()
    if name not in AGGREGATES or not rest.endswith(')'):
        raise FormulaError('aggregate', text=head)
    inner = rest[:-1].strip()
    argument = None
    if name == 'count':
        if inner:
            raise FormulaError('arguments', aggregate=name)
    elif name == 'percent':
        if not inner:
            raise FormulaError('arguments', aggregate=name)
        argument = _condition(inner)
    else:
        if not inner or not inner.replace('_', 'a').replace('-', 'a').replace('.', 'a').isalnum():
            raise FormulaError('arguments', aggregate=name)
        argument = inner
    found: dict[str, str] = {}
    for keyword, part in parts[1:]:
        if keyword in found or not part:
            raise FormulaError('keyword', keyword=keyword)
        found[keyword] = part
    by = tuple(item.strip() for item in found.get('by', '').split(',') if item.strip())
    formula = Formula(
        text=text,
        aggregate=name,
        argument=argument,
        over=found.get('over', ''),
        where=_condition(found['where']) if 'where' in found else None,
        by=by,
    )
    if names is not None:
        for used in sorted(formula.names() | ({formula.over} if formula.over else set())):
            if used not in names:
                raise FormulaError('unknown-name', name=used)
    return formula


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _rows(answers: Iterable[dict], over: str):
    for submission in answers:
        if not over:
            yield submission
            continue
        for item in submission.get(over) or []:
            yield {**submission, **item}


def _finish(aggregate: str, group: GroupValue) -> GroupValue:
    if aggregate == 'count':
        group.numerator = group.denominator = group.value = group.n
    elif aggregate == 'percent':
        group.value = 100 * group.numerator / group.denominator if group.denominator else None
    elif aggregate == 'mean':
        group.value = group.numerator / group.denominator if group.denominator else None
    else:
        group.value = group.numerator if group.denominator else None
    return group


def compute(formula: Formula, answers: Iterable[dict]) -> FormulaResult:
    """The formula over ``answers`` (each a submission's answers, repeats as lists), read once: the value for all
    rows and for each group of ``by`` (sorted by their answers)."""
    total = GroupValue(())
    groups: dict[tuple[str, ...], GroupValue] = {}
    needed = xpath_subset.names_in(formula.argument) if formula.aggregate == 'percent' else set()
    for row in _rows(answers, formula.over):
        if formula.where is not None and not xpath_subset.truth(formula.where, row):
            continue
        key = tuple(str(row.get(name) or '') for name in formula.by)
        targets = [total, groups.setdefault(key, GroupValue(key))] if formula.by else [total]
        if formula.aggregate == 'percent':
            answered = all(row.get(name) not in (None, '') for name in needed)
            holds = answered and xpath_subset.truth(formula.argument, row)
            numerator, denominator = (1 if holds else 0), (1 if answered else 0)
        elif formula.aggregate in ('mean', 'sum'):
            number = _number(row.get(formula.argument))
            numerator, denominator = (number, 1) if number is not None else (0, 0)
        else:
            numerator = denominator = 0
        for target in targets:
            target.n += 1
            target.numerator += numerator
            target.denominator += denominator
    return FormulaResult(
        formula,
        _finish(formula.aggregate, total),
        [_finish(formula.aggregate, groups[key]) for key in sorted(groups)],
    )
