"""Partial dates: a day, a month or a year, as sources give them ("14 March 2019", "March 2019", "2019").

A partial date is stored as the first day of its period with its precision, so that equal claims compare equal and
sort together. ``parse_partial_date()`` reads ``2019``, ``2019-03``, ``2019-03-14``, ``March 2019``, ``mars 2019``,
``14 March 2019`` or ``14/03/2019``; ``iso_text()`` writes the ISO form of its precision (``2019-03``). Plain Python:
the Django layer (``core.fields``, ``core.templatetags.partial_dates``) turns the error codes into sentences and
writes localised month names.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    'DAY',
    'MONTH',
    'PRECISIONS',
    'YEAR',
    'PartialDate',
    'PartialDateError',
    'iso_text',
    'parse_partial_date',
    'period_end',
    'truncate',
]

DAY, MONTH, YEAR = 'day', 'month', 'year'
PRECISIONS = (YEAR, MONTH, DAY)  # coarsest first

# English and French month names and their usual abbreviations, without accents (the input is folded).
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ('january', 'jan', 'janvier', 'janv'),
            ('february', 'feb', 'fevrier', 'fev', 'fevr'),
            ('march', 'mar', 'mars'),
            ('april', 'apr', 'avril', 'avr'),
            ('may', 'mai'),
            ('june', 'jun', 'juin'),
            ('july', 'jul', 'juillet', 'juil'),
            ('august', 'aug', 'aout'),
            ('september', 'sep', 'sept', 'septembre'),
            ('october', 'oct', 'octobre'),
            ('november', 'nov', 'novembre'),
            ('december', 'dec', 'decembre'),
        ),
        start=1,
    )
    for name in names
}
ISO = re.compile(r'^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$')
NUMERIC_DAY = re.compile(r'^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$')  # day first, as in French and British use
WORDS = re.compile(r'^(?:(\d{1,2})(?:er)?\s+)?([a-z]+)\.?\s+(\d{4})$')


class PartialDateError(ValueError):
    """``code`` is ``invalid`` (not a date in a known form) or ``impossible`` (no such day or month)."""

    def __init__(self, code: str, text: str):
        super().__init__(f'{code}: {text!r}')
        self.code, self.text = code, text


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or the year; ``date`` is the first day of the period."""

    date: datetime.date
    precision: str = DAY

    def __str__(self) -> str:
        return iso_text(self.date, self.precision)


def truncate(date: datetime.date, precision: str) -> datetime.date:
    """The first day of the month or year ``date`` falls in, or ``date`` itself for a day."""
    if precision == YEAR:
        return date.replace(month=1, day=1)
    if precision == MONTH:
        return date.replace(day=1)
    return date


def period_end(date: datetime.date, precision: str) -> datetime.date:
    """The last day of the month or year a partial date stands for: a deadline of "March 2019" runs to 31 March."""
    if precision == YEAR:
        return date.replace(month=12, day=31)
    if precision == MONTH:
        following = date.replace(day=28) + datetime.timedelta(days=4)
        return following - datetime.timedelta(days=following.day)
    return date


def iso_text(date: datetime.date, precision: str) -> str:
    """``2019``, ``2019-03`` or ``2019-03-14``."""
    return date.isoformat()[: {YEAR: 4, MONTH: 7}.get(precision, 10)]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize('NFKD', text)
    return ' '.join(''.join(char for char in decomposed if not unicodedata.combining(char)).lower().split())


def _make(text: str, year: str, month: str | int | None = None, day: str | None = None) -> PartialDate:
    try:
        if month is None:
            return PartialDate(datetime.date(int(year), 1, 1), YEAR)
        if day is None:
            return PartialDate(datetime.date(int(year), int(month), 1), MONTH)
        return PartialDate(datetime.date(int(year), int(month), int(day)), DAY)
    except ValueError as error:
        raise PartialDateError('impossible', text) from error


def parse_partial_date(text: str) -> PartialDate:
    """The partial date ``text`` gives; raises ``PartialDateError``."""
    folded = _fold(text)
    if match := ISO.match(folded):
        return _make(text, *match.groups())
    if match := NUMERIC_DAY.match(folded):
        day, month, year = match.groups()
        return _make(text, year, month, day)
    if (match := WORDS.match(folded)) and match[2] in MONTHS:
        day, name, year = match.groups()
        return _make(text, year, MONTHS[name], day)
    raise PartialDateError('invalid', text)
