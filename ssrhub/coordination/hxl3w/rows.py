"""Map a 3W table's hashtags to fields and read its rows as plain records, each checked and keyed.

Plain Python: no Django import. ``map_columns()`` says which column feeds which field (libhxl's tag patterns:
``#org+acronym``, ``#sector+cluster+code``, ``#adm2+code``...) and refuses a table without a column for the
organisation, the sector or the place. ``read_rows()`` streams ``ThreeWRow`` records and ``RowIssue`` refusals;
``ThreeWRow.key`` (organisation, sector, administrative area, period, activity) is the same for the same row
of a file read again, so that an import can be repeated without changing anything.
"""

import datetime
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

import hxl.model

from ssrhub.core.dates import DAY, MONTH, PartialDateError, parse_partial_date, period_end

from .errors import HxlError, RowIssue, gettext_noop
from .reading import Column, Table

__all__ = [
    'FIELDS',
    'REQUIRED',
    'ColumnMapping',
    'Field',
    'ThreeWRow',
    'map_columns',
    'normalise_key',
    'parse_period',
    'read_rows',
]


@dataclass(frozen=True)
class Field:
    """A field of a 3W row, the label people read and the tag patterns (libhxl syntax) that feed it, best first."""

    name: str
    label: str  # a gettext_noop message id
    patterns: tuple[str, ...]
    hashtag: str  # the one written on export

    def tag_patterns(self) -> list[hxl.model.TagPattern]:
        return [hxl.model.TagPattern.parse(pattern) for pattern in self.patterns]


# Order matters: a column goes to the first field that wants it (#org+type+name is a type, not a name).
FIELDS = (
    Field('org_acronym', gettext_noop('organisation acronym'), ('#org+acronym',), '#org+acronym'),
    Field('org_type', gettext_noop('organisation type'), ('#org+type-code', '#org+type'), '#org+type+name'),
    Field('org_name', gettext_noop('organisation name'), ('#org+name', '#org-code-id'), '#org+name'),
    Field('sector_code', gettext_noop('sector code'), ('#sector+code',), '#sector+cluster+code'),
    Field('sector_name', gettext_noop('sector'), ('#sector+name', '#sector-code'), '#sector+cluster+name'),
    Field('adm1_code', gettext_noop('admin 1 P-code'), ('#adm1+code',), '#adm1+code'),
    Field('adm1_name', gettext_noop('admin 1'), ('#adm1+name', '#adm1-code'), '#adm1+name'),
    Field('adm2_code', gettext_noop('admin 2 P-code'), ('#adm2+code',), '#adm2+code'),
    Field('adm2_name', gettext_noop('admin 2'), ('#adm2+name', '#adm2-code'), '#adm2+name'),
    Field('date_start', gettext_noop('start date'), ('#date+start',), '#date+start'),
    Field('date_end', gettext_noop('end date'), ('#date+end',), '#date+end'),
    Field('date_month', gettext_noop('month'), ('#date+month',), '#date+month'),
    Field('date_year', gettext_noop('year'), ('#date+year',), '#date+year'),
    Field('status', gettext_noop('status'), ('#status',), '#status'),
    Field('activity', gettext_noop('activity'), ('#activity+name', '#activity-code-id'), '#activity+name'),
    Field('country_code', gettext_noop('country code'), ('#country+code',), '#country+code'),
)
FIELDS_BY_NAME = {field.name: field for field in FIELDS}
# Each requirement: one of these fields must have a column.
REQUIRED = (
    (gettext_noop('organisation'), ('org_name', 'org_acronym')),
    (gettext_noop('sector'), ('sector_code', 'sector_name')),
    (gettext_noop('administrative area'), ('adm1_code', 'adm1_name', 'adm2_code', 'adm2_name')),
)
QUARTER = re.compile(r'^(\d{4})\s*-?\s*q([1-4])$', re.IGNORECASE)
DAY_FIRST = re.compile(r'^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$')


@dataclass(frozen=True)
class ColumnMapping:
    """Which column feeds which field; the columns no field reads."""

    fields: dict[str, Column]
    unused: list[Column]

    def rows(self) -> list[tuple[Column, Field | None]]:
        """Every column in file order with the field it feeds (None when it feeds none)."""
        by_index = {column.index: FIELDS_BY_NAME[name] for name, column in self.fields.items()}
        columns = sorted([*self.fields.values(), *self.unused], key=lambda column: column.index)
        return [(column, by_index.get(column.index)) for column in columns]


@dataclass(frozen=True)
class ThreeWRow:
    """One row of a 3W table: who (organisation), what (sector, activity), where (admin 1 and 2), when (period)."""

    row: int
    org_name: str = ''
    org_acronym: str = ''
    org_type: str = ''
    sector_code: str = ''
    sector_name: str = ''
    adm1_code: str = ''
    adm1_name: str = ''
    adm2_code: str = ''
    adm2_name: str = ''
    start: str = ''  # ISO dates, '' when the table gives no period
    end: str = ''
    status: str = ''
    activity: str = ''
    country_code: str = ''

    @property
    def organisation(self) -> str:
        """The organisation as the table names it: its name, else its acronym."""
        return self.org_name or self.org_acronym

    @property
    def sector(self) -> str:
        return self.sector_name or self.sector_code

    @property
    def area_code(self) -> str:
        """The P-code of the smallest administrative area the row names."""
        return self.adm2_code or self.adm1_code

    @property
    def area(self) -> str:
        """The smallest administrative area the row names, by name."""
        return self.adm2_name or self.adm1_name or self.area_code

    @property
    def admin_level(self) -> int:
        return 2 if (self.adm2_code or self.adm2_name) else 1

    @property
    def period(self) -> str:
        """``2024-01-01/2024-03-31``, or '' when the table gives none."""
        return f'{self.start}/{self.end}' if (self.start or self.end) else ''

    @property
    def key(self) -> str:
        """The row's identity: organisation, sector, administrative area, period and activity, spelling aside."""
        parts = (
            normalise_key(self.org_acronym or self.org_name),
            normalise_key(self.sector_code or self.sector_name),
            normalise_key(self.adm2_code or self.adm2_name or self.adm1_code or self.adm1_name),
            self.start,
            self.end,
            normalise_key(self.activity),
        )
        return hashlib.blake2b('\x1f'.join(parts).encode(), digest_size=12).hexdigest()


def map_columns(table: Table) -> ColumnMapping:
    """The field each column feeds; raises ``HxlError('missing-column')`` naming the first requirement no column
    meets, the hashtags it accepts and those the table has."""
    free = [column for column in table.columns if column.hashtag]
    fields = {}
    for field in FIELDS:
        for pattern in field.tag_patterns():
            column = next((column for column in free if pattern.match(column.parsed)), None)
            if column is not None:
                fields[field.name] = column
                free.remove(column)
                break
    for label, names in REQUIRED:
        if not any(name in fields for name in names):
            expected = ', '.join(FIELDS_BY_NAME[name].patterns[0] for name in names)
            found = ', '.join(column.hashtag for column in table.columns if column.hashtag) or '-'
            raise HxlError(
                'missing-column', file=table.file, field=label, expected=expected, found=found, row=table.hashtag_row
            )
    return ColumnMapping(fields, free + [column for column in table.columns if not column.hashtag])


def read_rows(
    table: Table, mapping: ColumnMapping, *, default_period: tuple[str, str] = ('', '')
) -> Iterator[ThreeWRow | RowIssue]:
    """Every data row as a ``ThreeWRow``, or a ``RowIssue`` saying why it is refused; a row repeating an earlier
    one's key yields a ``duplicate`` issue. ``default_period`` (ISO start and end) is the period of rows whose
    table gives none. Raises ``HxlError('no-rows')`` for a table without data rows."""
    indexes = {name: column.index for name, column in mapping.fields.items()}
    seen: dict[int, int] = {}  # 64 bits of each key -> its first row: a small, bounded cost per distinct row
    count = 0
    for number, row in table.rows():
        count += 1
        values = row.values
        cells = {name: _cell(values, index) for name, index in indexes.items()}
        issue = _missing(number, cells)
        if issue is None:
            try:
                start, end = _row_period(number, cells, mapping) or default_period
            except _BadDate as bad:
                issue = RowIssue(number, 'bad-date', {'value': bad.value, 'column': bad.column})
            else:
                if start and end and end < start:
                    issue = RowIssue(number, 'end-before-start', {'start': start, 'end': end})
        if issue is not None:
            yield issue
            continue
        record = ThreeWRow(
            row=number,
            start=start,
            end=end,
            **{name: cells.get(name, '') for name in _ROW_FIELDS},
        )
        short = int(record.key[:16], 16)
        if short in seen:
            yield RowIssue(number, 'duplicate', {'first_row': seen[short]})
            continue
        seen[short] = number
        yield record
    if count == 0:
        raise HxlError('no-rows', file=table.file)


def parse_period(text: str) -> tuple[str, str]:
    """A period given on the command line: ``2024Q1``, ``2024``, ``2024-03``, ``March 2024`` or ``START..END``;
    ISO start and end. Raises ``ValueError``."""
    text = text.strip()
    if match := QUARTER.match(text):
        year, quarter = int(match[1]), int(match[2])
        start = datetime.date(year, 3 * quarter - 2, 1)
        return start.isoformat(), period_end(datetime.date(year, 3 * quarter, 1), MONTH).isoformat()
    first, _dots, last = text.partition('..')
    start = _parse_date(first)
    end = _parse_date(last or first)
    if end[0] < start[0]:
        raise ValueError(text)
    return start[0].isoformat(), period_end(*end).isoformat()


def normalise_key(value: str) -> str:
    """Case, accents, punctuation and spacing aside: how keys and exact matches compare names."""
    from .matching import fold  # one folding for keys and matches

    return fold(value)


# Section: helpers

_ROW_FIELDS = tuple(
    name for name in FIELDS_BY_NAME if name not in ('date_start', 'date_end', 'date_month', 'date_year')
)


class _BadDate(ValueError):
    def __init__(self, value: str, column: str):
        super().__init__(value)
        self.value = value
        self.column = column


def _cell(values: list, index: int) -> str:
    if index >= len(values) or values[index] is None:
        return ''
    return ' '.join(str(values[index]).split())


def _missing(number: int, cells: dict[str, str]) -> RowIssue | None:
    if not (cells.get('org_name') or cells.get('org_acronym')):
        return RowIssue(number, 'missing-organisation')
    if not (cells.get('sector_code') or cells.get('sector_name')):
        return RowIssue(number, 'missing-sector')
    if not any(cells.get(name) for name in ('adm1_code', 'adm1_name', 'adm2_code', 'adm2_name')):
        return RowIssue(number, 'missing-location')
    return None


def _row_period(number: int, cells: dict[str, str], mapping: ColumnMapping) -> tuple[str, str] | None:
    start_text, end_text = cells.get('date_start', ''), cells.get('date_end', '')
    if start_text or end_text:
        start = _checked(start_text, mapping, 'date_start') if start_text else None
        end = _checked(end_text, mapping, 'date_end') if end_text else None
        return (
            start[0].isoformat() if start else '',
            period_end(*end).isoformat() if end else '',
        )
    month, year = cells.get('date_month', ''), cells.get('date_year', '')
    if year:
        text = f'{month} {year}' if month and not month.isdigit() else (f'{year}-{int(month):02d}' if month else year)
        column = 'date_month' if month else 'date_year'
        start, precision = _checked(text, mapping, column)
        return start.isoformat(), period_end(start, precision).isoformat()
    return None


def _checked(text: str, mapping: ColumnMapping, field: str) -> tuple[datetime.date, str]:
    try:
        return _parse_date(text)
    except ValueError as error:
        column = mapping.fields[field]
        raise _BadDate(text, f'{column.header} {column.hashtag}'.strip()) from error


def _parse_date(text: str) -> tuple[datetime.date, str]:
    text = text.strip()
    if match := DAY_FIRST.match(text):
        return datetime.date(int(match[3]), int(match[2]), int(match[1])), DAY
    if re.match(r'^\d{4}-\d{2}-\d{2}[T ]', text):
        text = text[:10]
    try:
        partial = parse_partial_date(text)
    except PartialDateError as error:
        raise ValueError(text) from error
    return partial.date, partial.precision
