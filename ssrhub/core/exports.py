"""Table downloads: one function turns rows into a CSV, XLSX or JSON attachment.

``columns`` is a sequence of ``(key, label)``; labels may be lazy translation strings and become the header text.
``rows`` is an iterable of dicts; a missing key is an empty cell. An unknown format raises ``InvalidParameter``,
which Django turns into the 400 page with its translated message.

CSV and XLSX are opened by spreadsheet programs, so text cells that start with a formula character get a leading
apostrophe (CSV/formula injection, OWASP). Numbers are never altered: ``-3`` stays a number.
"""

import csv
import datetime
import decimal
import io
import json
import math
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from .params import InvalidParameter

EXPORT_FORMATS = ('csv', 'xlsx', 'json')
# Starts every CSV download: the byte order mark tells Excel the file is UTF-8 (else "Côte d'Ivoire" shows as
# mojibake).
CSV_BOM = '\ufeff'

CONTENT_TYPES = {
    'csv': 'text/csv; charset=utf-8',
    'xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'json': 'application/json; charset=utf-8',
}

# '=', '+', '-', '@' start a formula; tab and carriage return are also on OWASP's list.
FORMULA_PREFIXES = ('=', '+', '-', '@', '\t', '\r')

XLSX_MAX_CELL_CHARS = 32767  # Excel's limit for one cell
XLSX_MIN_WIDTH, XLSX_MAX_WIDTH = 8, 60
SHEET_TITLE_INVALID = re.compile(r'[\\*?:/\[\]]')
# Control characters that XML 1.0 (hence XLSX) cannot hold; openpyxl would raise IllegalCharacterError.
XLSX_ILLEGAL_CHARS = re.compile(r'[\x00-\x08\x0b\x0c\x0e-\x1f]')


def export_response(rows, columns, fmt, filename):
    """Return an ``HttpResponse`` attachment ``<filename>.<fmt>`` holding ``rows`` in the given ``columns``."""
    if fmt not in EXPORT_FORMATS:
        raise InvalidParameter(_('There is no “%(format)s” download: choose CSV, XLSX or JSON.') % {'format': fmt})
    columns = [(key, str(label)) for key, label in columns]
    writer = {'csv': _csv_bytes, 'xlsx': _xlsx_bytes, 'json': _json_bytes}[fmt]
    response = HttpResponse(writer(rows, columns, filename), content_type=CONTENT_TYPES[fmt])
    response['Content-Disposition'] = content_disposition_header(True, f'{filename}.{fmt}')
    return response


def _is_number(value):
    return isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool)


def _guard(text):
    """Neutralise text that a spreadsheet would read as a formula."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def _text(value):
    """The text of one value for CSV cells (and XLSX cells of types Excel has no native form for)."""
    if value is None:
        return ''
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return '; '.join(_text(item) for item in value)
    return str(value)


def _csv_bytes(rows, columns, filename):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_guard(label) for _key, label in columns])
    for row in rows:
        writer.writerow([_csv_cell(row.get(key)) for key, _label in columns])
    return (CSV_BOM + buffer.getvalue()).encode('utf-8')


def _csv_cell(value):
    if _is_number(value):
        return str(value)
    return _guard(_text(value))


def _xlsx_cell(value):
    """A value openpyxl stores natively: numbers, booleans, dates and times stay typed, the rest becomes text."""
    if value is None or isinstance(value, bool):
        return value
    if _is_number(value):
        return None if isinstance(value, float) and not math.isfinite(value) else value
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: show aware datetimes in the current time zone.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date | datetime.timedelta):
        return value
    if isinstance(value, datetime.time):
        return value.replace(tzinfo=None)
    text = XLSX_ILLEGAL_CHARS.sub('', _guard(_text(value)))
    return text[:XLSX_MAX_CELL_CHARS]


def _display_width(value):
    if value is None:
        return 0
    if isinstance(value, datetime.datetime):
        return 19
    if isinstance(value, datetime.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _sheet_title(filename):
    title = SHEET_TITLE_INVALID.sub('-', str(filename)).strip("' ")[:31].strip("' ")
    return title or 'Sheet1'


def _xlsx_bytes(rows, columns, filename):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    # Write-only mode streams the rows (about three times faster on large tables); it needs the column widths,
    # the frozen header and the filter before the first row, so the cells are prepared first.
    labels = [XLSX_ILLEGAL_CHARS.sub('', _guard(label)) for _key, label in columns]
    body = [[_xlsx_cell(row.get(key)) for key, _label in columns] for row in rows]
    widths = [_display_width(label) for label in labels]
    for cells in body:
        widths = [max(width, _display_width(cell)) for width, cell in zip(widths, cells, strict=True)]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_sheet_title(filename))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(max(width + 2, XLSX_MIN_WIDTH), XLSX_MAX_WIDTH)
    sheet.freeze_panes = 'A2'
    if columns:
        sheet.auto_filter.ref = f'A1:{get_column_letter(len(columns))}{len(body) + 1}'
    header = []
    for label in labels:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for cells in body:
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _json_bytes(rows, columns, filename):
    data = [{key: row.get(key) for key, _label in columns} for row in rows]
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode('utf-8')
