"""Open a who-does-what-where (3W) table, CSV or XLSX, and find its HXL hashtag row with libhxl.

Plain Python: no Django import. ``open_table()`` checks the file (size, encoding, macros, sheets), finds the row of
HXL hashtags among the first 25 rows (``hxl.model.Column.parse_list``, the parser libhxl's own reader uses) and
returns a ``Table`` whose ``rows()`` streams the data rows through libhxl's reader (``hxl.input.HXLReader``), one
at a time: a file ten times larger takes ten times longer, not ten times the memory.

A table without a hashtag row is refused with the hashtag row its column titles suggest (English or French
titles: « Organisation », « Province », « Secteur », « Date de début »...); ``hashtags_from_titles=True`` reads it
with that row.

Row numbers are those a spreadsheet shows: the first row of the file is row 1.
"""

import csv
import datetime
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import hxl
import hxl.input
import hxl.model

from .errors import HxlError

__all__ = [
    'MAX_BYTES',
    'MAX_ROWS',
    'SCAN_ROWS',
    'TITLES',
    'Column',
    'SheetInfo',
    'Table',
    'list_sheets',
    'normalise_title',
    'open_table',
    'propose_hashtags',
]

MAX_BYTES = 100 * 1024 * 1024
MAX_ROWS = 500_000
SCAN_ROWS = 25  # libhxl looks for the hashtag row in the first 25 rows; so do we
MACRO_EXTENSIONS = ('.xlsm', '.xltm', '.xlam')
CSV_EXTENSIONS = ('.csv', '.txt', '.tsv')
DELIMITERS = (',', ';', '\t')

# Column titles (normalised: lower case, no accents, punctuation as spaces) and the hashtag each suggests. English
# titles as OCHA's 3W templates write them, French ones as the francophone clusters' templates do.
TITLES = {
    '#org+name': (
        'organisation', 'organization', 'organisation name', 'organization name', 'org', 'org name', 'partner',
        'partner name', 'agency', 'implementing partner', 'nom de l organisation', 'partenaire',
        'nom du partenaire', 'partenaire de mise en oeuvre', 'agence', 'structure',
    ),
    '#org+acronym': (
        'acronym', 'org acronym', 'organisation acronym', 'organization acronym', 'sigle', 'acronyme',
        'sigle de l organisation',
    ),
    '#org+type': (
        'type', 'org type', 'organisation type', 'organization type', 'type of organisation', 'type of organization',
        'type d organisation', 'type de l organisation', 'type de partenaire',
    ),
    '#sector+cluster+name': ('sector', 'cluster', 'sector cluster', 'secteur', 'cluster secteur', 'secteur cluster'),
    '#sector+cluster+code': ('sector code', 'cluster code', 'code secteur', 'code du secteur', 'code cluster'),
    '#adm1+name': (
        'province', 'state', 'admin 1', 'admin1', 'adm1', 'region admin 1', 'prefecture', 'etat', 'province name',
        'nom de la province', 'departement', 'county',
    ),
    '#adm1+code': (
        'province code', 'state pcode', 'state code', 'admin 1 pcode', 'admin1 pcode', 'adm1 pcode', 'prov code',
        'code province', 'pcode province', 'code de la province', 'code prefecture',
    ),
    '#adm2+name': (
        'district', 'lga', 'admin 2', 'admin2', 'adm2', 'commune', 'sous prefecture', 'territoire', 'district name',
        'nom du district',
    ),
    '#adm2+code': (
        'district code', 'dist code', 'lga pcode', 'lga code', 'admin 2 pcode', 'admin2 pcode', 'adm2 pcode',
        'code district', 'code du district', 'pcode district', 'code commune', 'code sous prefecture',
    ),
    '#date+start': ('start date', 'start', 'date start', 'date de debut', 'debut', 'date debut'),
    '#date+end': ('end date', 'end', 'date end', 'date de fin', 'fin', 'date fin'),
    '#date+month': ('month', 'mois'),
    '#date+year': ('year', 'annee'),
    '#status': ('status', 'activity status', 'statut', 'statut de l activite', 'etat d avancement'),
    '#activity+name': (
        'activity', 'activities', 'activity name', 'project', 'project name', 'activite', 'activites',
        'nom de l activite', 'projet', 'intitule du projet',
    ),
    '#country+name': ('country', 'pays'),
    '#country+code': ('country code', 'iso3', 'code pays'),
}  # fmt: skip
TITLE_TAGS = {title: tag for tag, titles in TITLES.items() for title in titles}


# Section: data shapes


@dataclass(frozen=True)
class Column:
    """A column of the table: its position, its title and its hashtag with attributes (``#org+acronym``), as
    libhxl parsed them."""

    index: int
    header: str
    hashtag: str  # libhxl's display tag, '' for a column without one
    parsed: hxl.model.Column = field(repr=False, compare=False)


@dataclass(frozen=True)
class SheetInfo:
    """A sheet of a workbook: its name and the row of its hashtags (0 when it has none)."""

    name: str
    hashtag_row: int


@dataclass
class Table:
    """An opened table: where its hashtags are and how to read its rows (``rows()``, streamed by libhxl)."""

    file: str
    kind: str  # 'csv' or 'xlsx'
    sheet: str
    sheets: list[SheetInfo]
    header_row: int  # the row of column titles (0 when the hashtag row is the first)
    hashtag_row: int
    columns: list[Column]
    tagged_from_titles: bool
    max_rows: int
    _raw: Callable[[], Iterator[list]] = field(repr=False)

    def rows(self) -> Iterator[tuple[int, hxl.model.Row]]:
        """Every non-empty data row with its spreadsheet row number, read by libhxl's reader one at a time."""
        raw = self._raw()
        if self.tagged_from_titles:
            raw = _insert_row(raw, self.header_row, [column.hashtag for column in self.columns])
        reader = hxl.input.HXLReader(hxl.input.ArrayInput(raw))
        shift = 0 if self.tagged_from_titles else 1  # libhxl counts from 0; a row we inserted counts too
        for row in reader:
            number = row.source_row_number + shift
            if number > self.max_rows:
                raise HxlError('too-many-rows', file=self.file, max_rows=self.max_rows, row=number)
            if any(_text(value) for value in row.values):
                yield number, row


# Section: opening


def open_table(
    path: str | os.PathLike,
    *,
    name: str | None = None,
    sheet: str | None = None,
    hashtags_from_titles: bool = False,
    max_bytes: int = MAX_BYTES,
    max_rows: int = MAX_ROWS,
) -> Table:
    """Open the CSV or XLSX table at ``path`` (``name`` is how messages call it: an upload's original name).

    Raises ``HxlError`` for a table that cannot be read as a whole: empty, too large, not UTF-8, with macros, with
    several sheets carrying hashtags and none chosen, without a hashtag row (saying which one its titles suggest).
    """
    path = os.fspath(path)
    name = name or os.path.basename(path)
    size = os.path.getsize(path)
    if size == 0:
        raise HxlError('empty', file=name)
    if size > max_bytes:
        raise HxlError('too-large', file=name, max_mb=max_bytes // (1024 * 1024))
    kind = _kind(path, name)
    if kind == 'xlsx':
        sheets = list_sheets(path, name=name)
        chosen = _choose_sheet(name, sheets, sheet)
        raw = lambda: _xlsx_rows(path, name, chosen)  # noqa: E731
    else:
        sheets, chosen = [], ''
        raw = lambda: _csv_rows(path, name)  # noqa: E731
    head = _first_rows(raw())
    if not head:
        raise HxlError('empty', file=name)
    found = _find_hashtag_row(head)
    sheet_note = f' ({chosen})' if chosen else ''
    if found is not None:
        index, columns = found
        return Table(name, kind, chosen, sheets, index, index + 1, columns, False, max_rows, raw)
    header_index, proposed = propose_hashtags(head)
    if not any(proposed):
        raise HxlError('no-titles', file=name, sheet_note=sheet_note)
    if not hashtags_from_titles:
        raise HxlError(
            'no-hashtag-row',
            file=name,
            sheet_note=sheet_note,
            row=header_index + 1,
            proposed=','.join(proposed),
        )
    titles = head[header_index]
    tagged = hxl.model.Column.parse_list(proposed, titles)
    columns = [
        Column(i, _text(titles[i]) if i < len(titles) else '', column.display_tag or '', column)
        for i, column in enumerate(tagged)
    ]
    return Table(name, kind, chosen, sheets, header_index + 1, header_index + 2, columns, True, max_rows, raw)


def list_sheets(path: str | os.PathLike, *, name: str | None = None) -> list[SheetInfo]:
    """The sheets of a workbook and the row of each one's hashtags (0 for none); refuses macros."""
    path = os.fspath(path)
    name = name or os.path.basename(path)
    workbook = _open_workbook(path, name)
    try:
        sheets = []
        for worksheet in workbook.worksheets:
            head = _first_rows(_cells(worksheet.iter_rows(values_only=True)))
            found = _find_hashtag_row(head)
            sheets.append(SheetInfo(worksheet.title, found[0] + 1 if found else 0))
        return sheets
    finally:
        workbook.close()


def propose_hashtags(head: list[list]) -> tuple[int, list[str]]:
    """The row of column titles among ``head`` (the one most titles of which are known) and the hashtag each
    title suggests ('' for a title we do not know)."""
    best_index, best = 0, []
    for index, row in enumerate(head):
        proposed = [TITLE_TAGS.get(normalise_title(value), '') for value in row]
        if sum(1 for tag in proposed if tag) > sum(1 for tag in best if tag):
            best_index, best = index, proposed
    # The same hashtag twice: the first title keeps it (a second "Province" column is left for a person to tag).
    seen = set()
    for i, tag in enumerate(best):
        if tag in seen:
            best[i] = ''
        seen.add(tag)
    while best and not best[-1]:
        best.pop()
    return best_index, best


def normalise_title(value) -> str:
    """A column title as ``TITLES`` keys it: lower case, accents and punctuation removed, spaces collapsed."""
    text = unicodedata.normalize('NFKD', _text(value)).encode('ascii', 'ignore').decode('ascii').lower()
    return ' '.join(re.sub(r'[^a-z0-9]+', ' ', text).split())


# Section: raw rows


def _kind(path: str, name: str) -> str:
    lower = name.lower()
    if lower.endswith(MACRO_EXTENSIONS):
        raise HxlError('macros', file=name, detail=os.path.splitext(lower)[1])
    with open(path, 'rb') as handle:
        signature = handle.read(4)
    if signature == b'PK\x03\x04':
        return 'xlsx'
    if signature.startswith(b'\xd0\xcf\x11\xe0'):  # the binary .xls of Excel 97-2003
        raise HxlError('not-a-table', file=name)
    if lower.endswith('.xlsx'):
        raise HxlError('bad-workbook', file=name, detail='not a zip file')
    return 'csv'


def _open_workbook(path: str, name: str):
    from openpyxl import load_workbook  # here: reading a CSV file does not need openpyxl

    try:
        with zipfile.ZipFile(path) as archive:
            macros = [member for member in archive.namelist() if member.lower().endswith('vbaproject.bin')]
    except zipfile.BadZipFile as error:
        raise HxlError('bad-workbook', file=name, detail=str(error)) from error
    if macros:
        raise HxlError('macros', file=name, detail=macros[0])
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors)
        raise HxlError('bad-workbook', file=name, detail=type(error).__name__) from error


def _choose_sheet(name: str, sheets: list[SheetInfo], wanted: str | None) -> str:
    titles = [sheet.name for sheet in sheets]
    if wanted is not None:
        if wanted not in titles:
            raise HxlError('unknown-sheet', file=name, sheet=wanted, sheets=', '.join(titles))
        return wanted
    tagged = [sheet.name for sheet in sheets if sheet.hashtag_row]
    if len(tagged) > 1:
        raise HxlError('several-sheets', file=name, sheets=', '.join(tagged))
    if tagged:
        return tagged[0]
    return titles[0]


def _xlsx_rows(path: str, name: str, sheet: str) -> Iterator[list]:
    workbook = _open_workbook(path, name)
    try:
        yield from _cells(workbook[sheet].iter_rows(values_only=True))
    finally:
        workbook.close()


def _cells(rows) -> Iterator[list]:
    for values in rows:
        yield [_text(value) for value in values]


def _csv_rows(path: str, name: str) -> Iterator[list]:
    with open(path, 'rb') as raw:
        delimiter = _delimiter(raw.read(64 * 1024))
        raw.seek(0)
        reader = csv.reader(_decoded_lines(raw, name), delimiter=delimiter)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise HxlError('bad-csv', file=name, row=reader.line_num, detail=str(error)) from error
            yield row


def _decoded_lines(raw, name: str) -> Iterator[str]:
    """Line by line, so that a byte that is not UTF-8 is reported with its line."""
    for number, line in enumerate(raw, start=1):
        if number == 1:
            line = line.removeprefix(b'\xef\xbb\xbf')
        try:
            yield line.decode('utf-8')
        except UnicodeDecodeError as error:
            raise HxlError('encoding', file=name, row=number) from error


def _delimiter(sample: bytes) -> str:
    first_line = sample.split(b'\n', 1)[0]
    counts = {delimiter: first_line.count(delimiter.encode()) for delimiter in DELIMITERS}
    return max(DELIMITERS, key=lambda delimiter: counts[delimiter])


def _first_rows(rows: Iterator[list]) -> list[list]:
    head = []
    for row in rows:
        head.append(row)
        if len(head) == SCAN_ROWS:
            break
    if hasattr(rows, 'close'):
        rows.close()
    while head and not any(head[-1]):
        head.pop()
    return head


def _find_hashtag_row(head: list[list]) -> tuple[int, list[Column]] | None:
    previous = []
    for index, row in enumerate(head):
        parsed = hxl.model.Column.parse_list(row, previous)
        if parsed is not None:
            columns = [
                Column(i, _text(column.header), column.display_tag or '', column) for i, column in enumerate(parsed)
            ]
            return index, columns
        previous = row
    return None


def _insert_row(rows: Iterator[list], after: int, inserted: list) -> Iterator[list]:
    for index, row in enumerate(rows):
        yield row
        if index == after - 1:
            yield inserted


def _text(value) -> str:
    if value is None:
        return ''
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip().lstrip('\ufeff')
