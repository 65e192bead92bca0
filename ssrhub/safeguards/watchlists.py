"""Read a watch list (CSV or XLSX) into rows, with the problems of each row, and plan what importing it changes.

Plain Python: no Django import. Nothing is written here: the page previews ``read_list()``'s rows and errors and
``plan_import()``'s counts, then the Django layer (``vetting.py``) stores the plan in one transaction; a file with
any error is refused whole.

The file:

* CSV (UTF-8, with or without a byte order mark; comma, semicolon or tab separated) or XLSX (the first sheet; a
  workbook with macros is refused), at most ``MAX_BYTES`` and ``MAX_ROWS`` rows.
* The first row holds the column titles ``name`` (required), ``aliases`` and ``note`` (case and spaces aside; French
  ``nom``, ``alias``, ``remarque`` too). An HXL hashtag row (``#person+name``, ``#person+alias``, ``#meta+note``)
  may stand instead of the titles or just below them: a hashtag naming ``alias`` gives the aliases, ``note`` or
  ``#description`` the note, ``name`` the name. Other columns are ignored.
* Aliases are separated by ``;``, ``|`` or line breaks.
* Cells are text: a formula cell of a workbook is read as the text of its formula, never evaluated (``=1+1`` stays
  ``=1+1``), and so is a CSV cell starting with ``=``; downloads prefix such text (``core/exports.py``).

Errors carry a ``code`` and ``params``; ``MESSAGES`` holds the English wording, the Django layer translates.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

__all__ = [
    'MAX_BYTES',
    'MAX_ROWS',
    'MESSAGES',
    'ImportPlan',
    'ListFileError',
    'ListRow',
    'ReadList',
    'RowError',
    'StoredPerson',
    'plan_import',
    'read_list',
]

MAX_BYTES = 1024 * 1024
MAX_ROWS = 10_000
MAX_NAME = 200
DELIMITERS = (',', ';', '\t')
TITLES = {
    'name': 'name',
    'names': 'name',
    'full name': 'name',
    'nom': 'name',
    'nom complet': 'name',
    'aliases': 'aliases',
    'alias': 'aliases',
    'also known as': 'aliases',
    'note': 'note',
    'notes': 'note',
    'remarque': 'note',
    'remarques': 'note',
}

MESSAGES = {
    'too-large': 'The file is larger than {max_kb} KB.',
    'empty': 'The file is empty.',
    'encoding': 'The file is not UTF-8 text. Save it as "CSV UTF-8".',
    'bad-csv': 'The file cannot be read as CSV: {detail}.',
    'bad-xlsx': 'The file cannot be read as an XLSX workbook.',
    'macros': 'The workbook contains macros; save it as a plain .xlsx workbook without macros.',
    'no-name-column': 'No column is titled name (or tagged #person+name); the columns are name, aliases and note.',
    'too-many-rows': 'The file has more than {max_rows} rows.',
    'no-rows': 'The file has a header but no names.',
    'required': 'The name is missing.',
    'too-long': 'The name is longer than {max} characters.',
    'duplicate': 'The name {name} is already on row {first_row}.',
}


class ListFileError(Exception):
    """A file that cannot be read as a whole."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(MESSAGES[code].format(**params))


@dataclass(frozen=True)
class RowError:
    row: int
    code: str
    params: dict = field(default_factory=dict)

    def __str__(self):
        return MESSAGES[self.code].format(**self.params)


@dataclass(frozen=True)
class ListRow:
    """A name of the file: ``row`` as a spreadsheet numbers it, aliases one per line."""

    row: int
    name: str
    aliases: str = ''
    note: str = ''


@dataclass(frozen=True)
class ReadList:
    rows: list[ListRow]
    errors: list[RowError]


@dataclass(frozen=True)
class StoredPerson:
    """A name already on the list: ``key`` is what the Django layer updates (its primary key)."""

    key: object
    name: str
    aliases: str
    note: str
    row: int | None


@dataclass(frozen=True)
class ImportPlan:
    """Rows to add, (stored key, row) pairs to change, and the number of rows already stored as they are."""

    added: list[ListRow]
    changed: list[tuple[object, ListRow]]
    unchanged: int


# Section: reading


def read_list(data: bytes, filename: str, *, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS) -> ReadList:
    """The names of the file ``data`` (``filename`` tells CSV from XLSX) and the problems of its rows."""
    if not data:
        raise ListFileError('empty')
    if len(data) > max_bytes:
        raise ListFileError('too-large', max_kb=max_bytes // 1024)
    table = _xlsx_table(data, filename) if data[:2] == b'PK' else _csv_table(data)
    table = [row for row in table if any(cell.strip() for cell in row)] if table else []
    if not table:
        raise ListFileError('empty')
    columns, first_data = _columns(table)
    if len(table) - first_data > max_rows:
        raise ListFileError('too-many-rows', max_rows=max_rows)
    rows, errors, seen = [], [], {}
    for index in range(first_data, len(table)):
        cells = table[index]
        number = cells.number
        values = {key: cells[col].strip() if col < len(cells) else '' for key, col in columns.items()}
        name = ' '.join(values['name'].split())
        if not name:
            errors.append(RowError(number, 'required'))
            continue
        if len(name) > MAX_NAME:
            errors.append(RowError(number, 'too-long', {'max': MAX_NAME}))
            continue
        folded = name.casefold()
        if folded in seen:
            errors.append(RowError(number, 'duplicate', {'name': name, 'first_row': seen[folded]}))
            continue
        seen[folded] = number
        aliases = '\n'.join(item.strip() for item in re.split(r'[;|\n]', values.get('aliases', '')) if item.strip())
        rows.append(ListRow(number, name, aliases, values.get('note', '')))
    if not rows and not errors:
        raise ListFileError('no-rows')
    return ReadList(rows, errors)


def _columns(table: list[list[str]]) -> tuple[dict[str, int], int]:
    """Column of each field and the index of the first data row, from the titles and any hashtag row."""
    columns = {}
    for index, cell in enumerate(table[0]):
        key = TITLES.get(' '.join(cell.strip().lower().replace('_', ' ').split()))
        if key and key not in columns:
            columns[key] = index
    first_data = 1
    for candidate in (0, 1):
        if candidate < len(table) and _is_hashtag_row(table[candidate]):
            columns = _hashtag_columns(table[candidate]) or columns
            first_data = candidate + 1
            break
    if 'name' not in columns:
        raise ListFileError('no-name-column')
    return columns, first_data


def _is_hashtag_row(cells: list[str]) -> bool:
    filled = [cell.strip() for cell in cells if cell.strip()]
    return bool(filled) and all(re.fullmatch(r'#[a-z][a-z0-9_]*(\s*\+\s*[a-z][a-z0-9_]*)*', c.lower()) for c in filled)


def _hashtag_columns(cells: list[str]) -> dict[str, int]:
    columns = {}
    for index, cell in enumerate(cells):
        tag = cell.strip().lower()
        if 'alias' in tag:
            key = 'aliases'
        elif 'note' in tag or tag.startswith('#description'):
            key = 'note'
        elif 'name' in tag:
            key = 'name'
        else:
            continue
        columns.setdefault(key, index)
    return columns


class _Row(list):
    """A row's cells as text and its number in the file (blank rows are dropped, numbers kept)."""

    number: int


def _numbered(rows) -> list[_Row]:
    numbered = []
    for number, cells in enumerate(rows, start=1):
        row = _Row('' if cell is None else str(cell) for cell in cells)
        row.number = number
        numbered.append(row)
    return numbered


def _csv_table(data: bytes) -> list[_Row]:
    try:
        text = data.decode('utf-8-sig')
    except UnicodeDecodeError as error:
        raise ListFileError('encoding') from error
    first_line = text.split('\n', 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    try:
        return _numbered(csv.reader(io.StringIO(text, newline=''), delimiter=delimiter))
    except csv.Error as error:
        raise ListFileError('bad-csv', detail=str(error)) from error


def _xlsx_table(data: bytes, filename: str) -> list[_Row]:
    if filename.lower().endswith(('.xlsm', '.xltm', '.xlam')):
        raise ListFileError('macros')
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if any(name.lower().endswith('vbaproject.bin') for name in archive.namelist()):
                raise ListFileError('macros')
        from openpyxl import load_workbook  # here: every command would otherwise load openpyxl (0.1 s)

        # data_only=False: a formula cell gives the text of its formula, which is never evaluated.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except ListFileError:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise ListFileError('bad-xlsx') from error
    try:
        return _numbered(workbook.worksheets[0].iter_rows(values_only=True))
    finally:
        workbook.close()


# Section: planning


def plan_import(rows: list[ListRow], stored: list[StoredPerson]) -> ImportPlan:
    """What importing ``rows`` into a list holding ``stored`` changes: a name already on the list (case and spaces
    aside) is updated when its aliases, note or row differ, else left as it is; a new name is added. Names no longer
    in the file stay (screenings may point at them), so importing the same file twice changes nothing."""
    by_name = {' '.join(person.name.split()).casefold(): person for person in stored}
    added, changed, unchanged = [], [], 0
    for row in rows:
        person = by_name.get(row.name.casefold())
        if person is None:
            added.append(row)
        elif (person.name, person.aliases, person.note, person.row) != (row.name, row.aliases, row.note, row.row):
            changed.append((person.key, row))
        else:
            unchanged += 1
    return ImportPlan(added, changed, unchanged)
