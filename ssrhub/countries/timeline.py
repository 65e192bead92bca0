"""Dates of timeline events as their sources give them (plain Python: no Django import).

An event may have several dated sources, each with a precision (day, month or year). Sources *disagree* when two
of them give different values at the coarser of their two precisions: 16 and 17 November 2016 (both to the day)
disagree; "November 2016" (to the month) and 16 November 2016 do not; October and November 2016 (to the month) do.
Every value is kept: nothing here picks a winner.

The functions take any objects with ``date`` (a ``datetime.date``) and ``precision`` ('day', 'month' or 'year')
attributes, such as ``EventDate`` rows or ``Dated`` below.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Protocol, TypeVar

__all__ = [
    'PRECISIONS',
    'Dated',
    'DateValue',
    'agree',
    'disagree',
    'earliest',
    'format_disagreement',
    'iso',
    'sort_events',
    'values',
]

PRECISIONS = ('year', 'month', 'day')  # coarse to fine


class DatedLike(Protocol):
    date: datetime.date
    precision: str


T = TypeVar('T')
D = TypeVar('D', bound=DatedLike)


@dataclass(frozen=True)
class Dated:
    """A date as one source gives it."""

    date: datetime.date
    precision: str = 'day'
    source: str = ''


def _parts(dated: DatedLike, precision: str) -> tuple[int, ...]:
    date = dated.date
    return (date.year, date.month, date.day)[: PRECISIONS.index(precision) + 1]


def _coarser(a: str, b: str) -> str:
    return min(a, b, key=PRECISIONS.index)


def agree(a: DatedLike, b: DatedLike) -> bool:
    """Whether two dates are the same at the coarser of their precisions."""
    precision = _coarser(a.precision, b.precision)
    return _parts(a, precision) == _parts(b, precision)


def disagree(dates: Iterable[DatedLike]) -> bool:
    """Whether any two of the sources give different dates."""
    return any(not agree(a, b) for a, b in combinations(list(dates), 2))


def iso(dated: DatedLike) -> str:
    """'2016-11-16', '2016-11' or '2016', as precise as the source."""
    return '-'.join(
        f'{part:02d}' if index else f'{part:04d}' for index, part in enumerate(_parts(dated, dated.precision))
    )


def earliest(dates: Iterable[DatedLike]) -> datetime.date | None:
    return min((dated.date for dated in dates), default=None)


def sort_events(events: Iterable[T], dates_of: Callable[[T], Sequence[DatedLike]]) -> list[T]:
    """Events by their earliest date (then by the latest, then by name); events without a date come last."""

    def key(event):
        dates = dates_of(event)
        first = earliest(dates)
        last = max((dated.date for dated in dates), default=None)
        return (first is None, first or datetime.date.min, last or datetime.date.min, str(event))

    return sorted(events, key=key)


@dataclass(frozen=True)
class DateValue:
    """One distinct value (date and precision) and every source that gives it, in their order."""

    date: datetime.date
    precision: str
    sources: tuple

    @property
    def iso(self) -> str:
        return iso(self)


def values(dates: Iterable[D]) -> list[DateValue]:
    """The distinct values among ``dates``, earliest first; each keeps the sources (the objects given) behind it."""
    grouped: dict[tuple, list] = {}
    for dated in dates:
        grouped.setdefault((dated.date, PRECISIONS.index(dated.precision)), []).append(dated)
    return [
        DateValue(date, PRECISIONS[precision], tuple(sources)) for (date, precision), sources in sorted(grouped.items())
    ]


def format_disagreement(dates: Iterable[D], source_of: Callable[[D], str] = lambda dated: dated.source) -> str:
    """Every value with its sources, for a table cell or an export: '2016-11-16 (A) | 2016-11-17 (B; C)'."""
    parts = []
    for value in values(dates):
        sources = [text for text in (source_of(dated) for dated in value.sources) if text]
        parts.append(f'{value.iso} ({"; ".join(sources)})' if sources else value.iso)
    return ' | '.join(parts)
