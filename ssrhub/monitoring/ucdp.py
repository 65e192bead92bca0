"""UCDP Georeferenced Event Dataset (GED) files as UCDP publishes them (plain Python: no Django import).

One line per event, 49 columns. Numbers are often written as decimals (``300380.0``); the country is the
Gleditsch-Ward number of ``country_id``, mapped to ISO3 with the table in ``data/context/ucdp-countries.csv``.
A line that cannot be read is a ``UcdpError`` naming the file and line, with a ``code`` and ``params`` the Django
layer turns into a sentence in the user's language.
"""

import csv
import datetime
import hashlib
import io
import re
from dataclasses import astuple, dataclass, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path

__all__ = [
    'CITATION',
    'COUNTRY_TABLE',
    'DATE_PRECISIONS',
    'LICENCE',
    'MAX_BYTES',
    'RELEASE_PATTERN',
    'REQUIRED_COLUMNS',
    'VIOLENCE_TYPES',
    'WHERE_PRECISIONS',
    'UcdpError',
    'UcdpEvent',
    'read_country_table',
    'read_events',
]

CITATION = 'UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program'
LICENCE = 'CC BY 4.0'
MAX_BYTES = 200 * 1024 * 1024  # the full GED release is about 150 MB as CSV
COUNTRY_TABLE = Path(__file__).parent / 'data' / 'context' / 'ucdp-countries.csv'
RELEASE_PATTERN = re.compile(r'^GED \d{2}\.\d{1,2}$')  # "GED 23.1"; the monthly candidate releases are "GED 24.0.3"

VIOLENCE_TYPES = (1, 2, 3)  # state-based, non-state, one-sided (UCDP GED codebook)
DATE_PRECISIONS = (1, 2, 3, 4, 5)  # exact day ... only the year known
WHERE_PRECISIONS = (1, 2, 3, 4, 5, 6, 7)  # exact place ... international waters or airspace
CLARITIES = (1, 2)  # 1: a single, clearly reported event; 2: an aggregate of events reported together

REQUIRED_COLUMNS = (
    'id', 'relid', 'year', 'code_status', 'type_of_violence', 'conflict_new_id', 'conflict_name', 'dyad_new_id',
    'dyad_name', 'side_a', 'side_b', 'number_of_sources', 'source_article', 'source_office', 'source_date',
    'source_headline', 'source_original', 'where_prec', 'where_description', 'adm_1', 'adm_2', 'latitude',
    'longitude', 'country', 'country_id', 'event_clarity', 'date_prec', 'date_start', 'date_end', 'deaths_a',
    'deaths_b', 'deaths_civilians', 'deaths_unknown', 'best', 'high', 'low',
)  # fmt: skip


class UcdpError(ValueError):
    """A file or line that cannot be read: ``code``, ``params``, ``file`` and ``line`` (0 for the whole file)."""

    def __init__(self, code: str, file: str, line: int = 0, **params):
        self.code, self.file, self.line, self.params = code, file, line, params
        super().__init__(f'{file}:{line}: {code} {params}' if line else f'{file}: {code} {params}')


@dataclass(frozen=True)
class UcdpEvent:
    """One GED event as the file gives it (``line``: where it starts in the file, not part of the event)."""

    ucdp_id: int
    relid: str
    iso3: str
    year: int
    date_start: datetime.date
    date_end: datetime.date
    date_precision: int
    type_of_violence: int
    conflict_id: int
    conflict_name: str
    dyad_id: int
    dyad_name: str
    side_a: str
    side_b: str
    where_description: str
    adm_1: str
    adm_2: str
    where_precision: int
    latitude: Decimal | None
    longitude: Decimal | None
    deaths_a: int
    deaths_b: int
    deaths_civilians: int
    deaths_unknown: int
    best: int
    low: int
    high: int
    number_of_sources: int | None
    source_article: str
    source_office: str
    source_date: str
    source_headline: str
    source_original: str
    event_clarity: int
    code_status: str
    line: int = 0

    def fingerprint(self) -> str:
        """A hash of what UCDP says about the event (not where it sits in the file): two releases that say the same
        have the same fingerprint."""
        values = astuple(self)[: len(fields(self)) - 1]
        return hashlib.sha256(repr(values).encode()).hexdigest()


def read_country_table(data: bytes) -> dict[int, str]:
    """Gleditsch-Ward number -> ISO3 from the ``gwno,iso3,ucdp_name`` table."""
    rows = csv.DictReader(io.StringIO(data.decode('utf-8')))
    return {int(row['gwno']): row['iso3'] for row in rows}


def _integer(text: str, column: str, name: str, line: int, *, optional: bool = False) -> int | None:
    text = text.strip()
    if not text and optional:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number != number.to_integral_value():
        raise UcdpError('bad_integer', name, line, column=column, value=text)
    return int(number)


def _coordinate(text: str, column: str, name: str, line: int, limit: int) -> Decimal | None:
    text = text.strip()
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or abs(number) > limit:
        raise UcdpError('bad_coordinate', name, line, column=column, value=text)
    return number.quantize(Decimal('0.000001'))


def _date(text: str, column: str, name: str, line: int) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text.strip()[:10])
    except ValueError as error:
        raise UcdpError('bad_date', name, line, column=column, value=text) from error


def _choice(value: int, allowed: tuple, column: str, name: str, line: int) -> int:
    if value not in allowed:
        raise UcdpError('bad_code', name, line, column=column, value=value)
    return value


def _event(row: dict, countries: dict[int, str], name: str, line: int) -> UcdpEvent:
    number = lambda column, **kw: _integer(row[column], column, name, line, **kw)  # noqa: E731
    text = lambda column: (row[column] or '').strip()  # noqa: E731
    country_id = number('country_id')
    if country_id not in countries:
        raise UcdpError('unknown_country', name, line, country_id=country_id, country=text('country'))
    start, end = _date(row['date_start'], 'date_start', name, line), _date(row['date_end'], 'date_end', name, line)
    if end < start:
        raise UcdpError('end_before_start', name, line, start=start.isoformat(), end=end.isoformat())
    best, low, high = number('best'), number('low'), number('high')
    if min(best, low, high) < 0:  # UCDP's own estimates are not always ordered low <= best <= high: kept as given
        raise UcdpError('bad_deaths', name, line, best=best, low=low, high=high)
    year = number('year')
    if year != start.year:
        raise UcdpError('year_mismatch', name, line, year=year, start=start.isoformat())
    return UcdpEvent(
        ucdp_id=number('id'),
        relid=text('relid'),
        iso3=countries[country_id],
        year=year,
        date_start=start,
        date_end=end,
        date_precision=_choice(number('date_prec'), DATE_PRECISIONS, 'date_prec', name, line),
        type_of_violence=_choice(number('type_of_violence'), VIOLENCE_TYPES, 'type_of_violence', name, line),
        conflict_id=number('conflict_new_id'),
        conflict_name=text('conflict_name'),
        dyad_id=number('dyad_new_id'),
        dyad_name=text('dyad_name'),
        side_a=text('side_a'),
        side_b=text('side_b'),
        where_description=text('where_description'),
        adm_1=text('adm_1'),
        adm_2=text('adm_2'),
        where_precision=_choice(number('where_prec'), WHERE_PRECISIONS, 'where_prec', name, line),
        latitude=_coordinate(row['latitude'], 'latitude', name, line, 90),
        longitude=_coordinate(row['longitude'], 'longitude', name, line, 180),
        deaths_a=number('deaths_a'),
        deaths_b=number('deaths_b'),
        deaths_civilians=number('deaths_civilians'),
        deaths_unknown=number('deaths_unknown'),
        best=best,
        low=low,
        high=high,
        # UCDP writes -1 when the number of sources was not recorded (older events)
        number_of_sources=None if (n := number('number_of_sources', optional=True)) is None or n < 0 else n,
        source_article=text('source_article'),
        source_office=text('source_office'),
        source_date=text('source_date'),
        source_headline=text('source_headline'),
        source_original=text('source_original'),
        event_clarity=_choice(number('event_clarity'), CLARITIES, 'event_clarity', name, line),
        code_status=text('code_status'),
        line=line,
    )


def read_events(data: bytes, name: str, countries: dict[int, str]) -> list[UcdpEvent]:
    """The events of a GED CSV file; ``name`` is the file's name in messages, ``countries`` the Gleditsch-Ward table.

    Raises:
        UcdpError: a missing column, an event id given twice, or a line with a value that cannot be read (the
            first such line; nothing of the file is returned).
    """
    if len(data) > MAX_BYTES:
        raise UcdpError('too_large', name, limit=MAX_BYTES)
    try:
        text = data.decode('utf-8-sig')
    except UnicodeDecodeError as error:
        raise UcdpError('not_utf8', name) from error
    reader = csv.DictReader(io.StringIO(text, newline=''))
    missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise UcdpError('missing_columns', name, 1, columns=', '.join(missing))
    events: list[UcdpEvent] = []
    seen: dict[int, int] = {}
    line = 2
    for row in reader:
        if None in row or any(value is None for value in row.values()):
            raise UcdpError('bad_columns', name, line)
        event = _event(row, countries, name, line)
        if event.ucdp_id in seen:
            raise UcdpError('repeated', name, line, id=event.ucdp_id, first=seen[event.ucdp_id])
        seen[event.ucdp_id] = line
        events.append(event)
        line = reader.line_num + 1
    return events
