"""Read and check a table of exchange rates (CSV or XLSX) and plan what importing it would change.

Plain Python: no Django import. ``plan_import()`` returns the rates to add, to change and left as they are, and
every problem with its row number (the header is row 1, as in a spreadsheet). Nothing is written here: the page
previews the plan and applies it in one transaction, and ``ssrhub rates import`` does the same; a file with any
error is refused whole.

Problems carry a ``code`` and ``params``; ``MESSAGES`` holds the English wording for scripts and tests, and the
Django layer shows them translated.

The file:

* CSV (UTF-8, with or without a byte order mark; comma, semicolon or tab separated) or XLSX (the first sheet; a
  workbook with macros is refused), at most ``MAX_BYTES``.
* Columns (the first row, case and spaces aside): ``date``, ``currency``, ``rate`` and ``source`` (required), and
  ``url`` (optional). Other columns are refused, so that a misspelt column is not silently dropped.
* ``date`` is the period the rate applies to: ``2024-03-15`` (a day), ``2024-03`` (a month) or ``2024`` (a year);
  an XLSX date cell is a day. ``currency`` is an ISO 4217 code. ``rate`` is the units of the currency for one US
  dollar, more than zero (a decimal comma is read when there is no point).
* Two rows for the same currency and period are an error; a row for a stored currency and period changes its
  rate and source.
"""

import csv
import datetime
import hashlib
import io
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pycountry

from ssrhub.core.dates import DAY, PartialDate, PartialDateError, iso_text, parse_partial_date

__all__ = [
    'COLUMNS',
    'MAX_BYTES',
    'MESSAGES',
    'ImportFileError',
    'Issue',
    'RateImportPlan',
    'RateRow',
    'StoredRate',
    'plan_import',
    'read_rows',
]

MAX_BYTES = 2 * 1024 * 1024
COLUMNS = ('date', 'currency', 'rate', 'source', 'url')
REQUIRED = ('date', 'currency', 'rate', 'source')
MAX_SOURCE = 300
DELIMITERS = (',', ';', '\t')

MESSAGES = {
    'too-large': 'The file is larger than {max_kb} KB.',
    'empty': 'The file is empty.',
    'encoding': 'The file is not UTF-8 text (first bad byte on line {line}). Save it as "CSV UTF-8".',
    'bad-csv': 'The file cannot be read as CSV (line {line}): {detail}.',
    'bad-xlsx': 'The file cannot be read as an XLSX workbook: {detail}.',
    'macros': 'The workbook contains macros; save it as a plain .xlsx workbook without macros.',
    'no-rows': 'The file has a header but no rows.',
    'missing-columns': 'Required columns are missing: {columns}.',
    'unknown-columns': 'Unknown columns: {columns}. The columns are date, currency, rate, source and url.',
    'duplicate-columns': 'These columns appear more than once: {columns}.',
    'required': 'The {column} is required.',
    'bad-date': 'Unreadable date "{value}": write 2024-03-15, 2024-03 or 2024.',
    'unknown-currency': 'Unknown currency "{value}": give an ISO 4217 code such as EUR or XOF.',
    'dollar': 'A rate of the US dollar is always 1: leave it out.',
    'bad-rate': 'Unreadable rate "{value}": write a number such as 0.9240.',
    'rate-not-positive': 'The rate must be more than zero, not {value}.',
    'too-long': 'The {column} is longer than {max} characters.',
    'duplicate': 'The {currency} rate for {period} is already on row {first_row}.',
}


# Section: data shapes


@dataclass(frozen=True)
class Issue:
    row: int | None
    code: str
    params: tuple = ()

    def message(self) -> str:
        text = MESSAGES[self.code].format(**dict(self.params))
        return f'Row {self.row}: {text}' if self.row else text


class ImportFileError(ValueError):
    """The whole file is refused (size, encoding, format, columns)."""

    def __init__(self, code: str, **params):
        self.issue = Issue(None, code, tuple(sorted(params.items())))
        super().__init__(self.issue.message())


@dataclass(frozen=True)
class StoredRate:
    currency: str
    period: datetime.date
    precision: str
    rate: Decimal
    source: str = ''
    url: str = ''


@dataclass(frozen=True)
class RateRow:
    row: int
    currency: str
    period: PartialDate
    rate: Decimal
    source: str
    url: str = ''
    changes: tuple = ()  # (field, old, new) for a stored rate this row changes

    @property
    def key(self) -> tuple:
        return (self.currency, self.period.date, self.period.precision)

    @property
    def period_text(self) -> str:
        return iso_text(self.period.date, self.period.precision)


@dataclass
class RateImportPlan:
    create: list[RateRow] = field(default_factory=list)
    update: list[RateRow] = field(default_factory=list)
    unchanged: list[RateRow] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def has_changes(self) -> bool:
        return bool(self.create or self.update)

    def digest(self) -> str:
        """A digest of what the plan would write, compared at confirmation with a plan recomputed then."""
        rows = [
            [kind, row.currency, row.period_text, str(row.rate), row.source, row.url]
            for kind, rows in (('create', self.create), ('update', self.update))
            for row in rows
        ]
        return hashlib.sha256(json.dumps(rows).encode('utf-8')).hexdigest()


# Section: reading


def _is_xlsx(data: bytes, filename: str) -> bool:
    return data[:4] == b'PK\x03\x04' or filename.lower().endswith(('.xlsx', '.xlsm'))


def _read_xlsx(data: bytes) -> list[list]:
    import openpyxl  # only XLSX files need it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if any(name.lower().endswith('vbaproject.bin') for name in archive.namelist()):
                raise ImportFileError('macros')
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ImportFileError:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise ImportFileError('bad-xlsx', detail=str(error) or type(error).__name__) from error
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _read_csv(data: bytes) -> list[list]:
    try:
        text = data.decode('utf-8-sig')
    except UnicodeDecodeError as error:
        raise ImportFileError('encoding', line=data[: error.start].count(b'\n') + 1) from error
    header = text.split('\n', 1)[0]
    delimiter = max(DELIMITERS, key=header.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=''), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise ImportFileError('bad-csv', line='?', detail=str(error)) from error


def read_rows(data: bytes, filename: str = '') -> list[tuple[int, dict]]:
    """(row number, {column: value}) of each non-empty row; raises ``ImportFileError`` for the whole file."""
    if len(data) > MAX_BYTES:
        raise ImportFileError('too-large', max_kb=MAX_BYTES // 1024)
    if not data.strip():
        raise ImportFileError('empty')
    table = _read_xlsx(data) if _is_xlsx(data, filename) else _read_csv(data)
    if not table or not any(cell not in (None, '') for cell in table[0]):
        raise ImportFileError('empty')
    names = [str(cell or '').strip().lower().replace(' ', '_') for cell in table[0]]
    while names and not names[-1]:
        names.pop()
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ImportFileError('duplicate-columns', columns=', '.join(duplicates))
    if missing := [name for name in REQUIRED if name not in names]:
        raise ImportFileError('missing-columns', columns=', '.join(missing))
    if unknown := [name for name in names if name not in COLUMNS]:
        raise ImportFileError('unknown-columns', columns=', '.join(unknown))
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell not in (None, '') for cell in cells):
            continue
        rows.append((number, {name: cells[i] if i < len(cells) else None for i, name in enumerate(names)}))
    if not rows:
        raise ImportFileError('no-rows')
    return rows


# Section: checking


def _text(value) -> str:
    return '' if value is None else str(value).strip()


def _period(value) -> PartialDate:
    if isinstance(value, datetime.datetime):
        return PartialDate(value.date(), DAY)
    if isinstance(value, datetime.date):
        return PartialDate(value, DAY)
    if isinstance(value, int) and not isinstance(value, bool):
        return parse_partial_date(str(value))
    text = _text(value)
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    return parse_partial_date(text)


def _rate(value) -> Decimal:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value))
    text = _text(value).replace(' ', '').replace('\u00a0', '')
    if ',' in text and '.' not in text:
        text = text.replace(',', '.')
    number = Decimal(text)
    if not number.is_finite():
        raise InvalidOperation(text)
    return number


def plan_import(data: bytes, stored: Iterable[StoredRate] = (), filename: str = '') -> RateImportPlan:
    """What importing ``data`` would add and change against the ``stored`` rates; raises ``ImportFileError``."""
    stored = {(rate.currency, rate.period, rate.precision): rate for rate in stored}
    plan, seen = RateImportPlan(), {}
    for number, values in read_rows(data, filename):
        errors = []
        for column in REQUIRED:
            if not _text(values.get(column)):
                errors.append(Issue(number, 'required', (('column', column),)))
        if errors:
            plan.errors.extend(errors)
            continue
        try:
            period = _period(values['date'])
        except PartialDateError:
            errors.append(Issue(number, 'bad-date', (('value', _text(values['date'])),)))
        currency = _text(values['currency']).upper()
        if currency == 'USD':
            errors.append(Issue(number, 'dollar'))
        elif len(currency) != 3 or pycountry.currencies.get(alpha_3=currency) is None:
            errors.append(Issue(number, 'unknown-currency', (('value', _text(values['currency'])),)))
        try:
            rate = _rate(values['rate'])
        except (InvalidOperation, ValueError):
            errors.append(Issue(number, 'bad-rate', (('value', _text(values['rate'])),)))
        else:
            if rate <= 0:
                errors.append(Issue(number, 'rate-not-positive', (('value', _text(values['rate'])),)))
        source, url = _text(values['source']), _text(values.get('url'))
        if len(source) > MAX_SOURCE:
            errors.append(Issue(number, 'too-long', (('column', 'source'), ('max', MAX_SOURCE))))
        if errors:
            plan.errors.extend(errors)
            continue
        row = RateRow(number, currency, period, rate, source, url)
        if row.key in seen:
            params = (('currency', currency), ('first_row', seen[row.key]), ('period', row.period_text))
            plan.errors.append(Issue(number, 'duplicate', params))
            continue
        seen[row.key] = number
        old = stored.get(row.key)
        if old is None:
            plan.create.append(row)
            continue
        changes = tuple(
            (name, before, after)
            for name, before, after in (('rate', old.rate, rate), ('source', old.source, source), ('url', old.url, url))
            if before != after
        )
        if changes:
            plan.update.append(RateRow(number, currency, period, rate, source, url, changes))
        else:
            plan.unchanged.append(row)
    return plan
