"""Table downloads (CSV, XLSX, JSON): round trips, accents, formula injection. No database needed."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from ssrhub.core.exports import EXPORT_FORMATS, export_response
from ssrhub.core.params import InvalidParameter

COLUMNS = [('symbol', 'Symbol'), ('country', 'Country'), ('year', 'Year'), ('adopted', 'Adopted'), ('share', 'Share')]
ROWS = [
    {
        'symbol': 'S/RES/2100 (2013)',
        'country': "Côte d'Ivoire",
        'year': 2013,
        'adopted': datetime.date(2013, 4, 25),
        'share': Decimal('0.25'),
    },
    {'symbol': 'S/RES/840 (1993)', 'country': 'Cambodia', 'year': 1993, 'adopted': datetime.date(1993, 6, 30)},
]


def read_csv(response):
    text = response.content.decode('utf-8')
    assert text.startswith('\ufeff')
    return list(csv.reader(io.StringIO(text[1:])))


def read_xlsx(response):
    return load_workbook(io.BytesIO(response.content)).active


CONTENT_TYPES = [
    ('csv', 'text/csv; charset=utf-8'),
    ('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    ('json', 'application/json; charset=utf-8'),
]


def test_every_offered_format_is_checked_here():
    # Pages offer one download link per EXPORT_FORMATS entry; a new format needs its content type checked below.
    assert sorted(EXPORT_FORMATS) == sorted(fmt for fmt, _ in CONTENT_TYPES)


@pytest.mark.parametrize(('fmt', 'content_type'), CONTENT_TYPES)
def test_attachment_headers(fmt, content_type):
    response = export_response(ROWS, COLUMNS, fmt, 'mandates')
    assert response.status_code == 200
    assert response['Content-Type'] == content_type
    assert response['Content-Disposition'] == f'attachment; filename="mandates.{fmt}"'


def test_csv_round_trip():
    response = export_response(iter(ROWS), COLUMNS, 'csv', 'mandates')
    assert response.content.startswith(b'\xef\xbb\xbf')  # UTF-8 byte order mark, for Excel
    assert read_csv(response) == [
        ['Symbol', 'Country', 'Year', 'Adopted', 'Share'],
        ['S/RES/2100 (2013)', "Côte d'Ivoire", '2013', '2013-04-25', '0.25'],
        ['S/RES/840 (1993)', 'Cambodia', '1993', '1993-06-30', ''],
    ]


def test_xlsx_round_trip():
    sheet = read_xlsx(export_response(iter(ROWS), COLUMNS, 'xlsx', 'mandates'))
    assert sheet.title == 'mandates'
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ('Symbol', 'Country', 'Year', 'Adopted', 'Share')
    assert values[1][:3] == ('S/RES/2100 (2013)', "Côte d'Ivoire", 2013)
    assert isinstance(values[1][2], int)  # numbers stay numbers
    assert values[1][3] == datetime.datetime(2013, 4, 25)  # dates stay dates (openpyxl reads them back as datetime)
    assert sheet['D2'].is_date
    assert values[1][4] == 0.25
    assert values[2] == ('S/RES/840 (1993)', 'Cambodia', 1993, datetime.datetime(1993, 6, 30), None)


def test_xlsx_header_bold_frozen_and_widths_fitted():
    rows = [{'symbol': 'S/RES/2100 (2013)', 'country': 'x' * 200}]
    sheet = read_xlsx(export_response(rows, COLUMNS[:2], 'xlsx', 'mandates'))
    assert all(cell.font.bold for cell in sheet[1])
    assert not sheet['A2'].font.bold
    assert sheet.freeze_panes == 'A2'
    assert len('S/RES/2100 (2013)') <= sheet.column_dimensions['A'].width < 30
    assert sheet.column_dimensions['B'].width == 60  # capped


def test_xlsx_sheet_title_is_valid():
    sheet = read_xlsx(export_response(ROWS, COLUMNS, 'xlsx', 'mandates/2024: [draft] and a very long name indeed'))
    assert sheet.title == 'mandates-2024- -draft- and a ve'
    assert len(sheet.title) <= 31


def test_xlsx_aware_datetime_becomes_local_time(settings):
    settings.TIME_ZONE = 'Africa/Abidjan'
    moment = datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    sheet = read_xlsx(export_response([{'at': moment}], [('at', 'At')], 'xlsx', 'log'))
    assert sheet['A2'].value == datetime.datetime(2024, 1, 2, 3, 4, 5)


def test_json_round_trip():
    response = export_response(iter(ROWS), COLUMNS[:3] + [('adopted', 'Adopted')], 'json', 'mandates')
    assert json.loads(response.content.decode('utf-8')) == [
        {'symbol': 'S/RES/2100 (2013)', 'country': "Côte d'Ivoire", 'year': 2013, 'adopted': '2013-04-25'},
        {'symbol': 'S/RES/840 (1993)', 'country': 'Cambodia', 'year': 1993, 'adopted': '1993-06-30'},
    ]
    assert "Côte d'Ivoire".encode() in response.content  # not \u-escaped


def test_json_keeps_only_requested_columns_and_fills_missing():
    response = export_response([{'a': 1, 'secret': 'x'}], [('a', 'A'), ('b', 'B')], 'json', 'f')
    assert json.loads(response.content) == [{'a': 1, 'b': None}]


DANGEROUS = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '=HYPERLINK("http://evil")']


def test_csv_formula_injection_guard():
    rows = [{'text': value, 'number': -5} for value in DANGEROUS]
    table = read_csv(export_response(rows, [('text', 'Text'), ('number', 'Number')], 'csv', 'f'))
    assert [row[0] for row in table[1:]] == [f"'{value}" for value in DANGEROUS]
    assert {row[1] for row in table[1:]} == {'-5'}  # numbers are not strings: untouched


def test_xlsx_formula_injection_guard():
    rows = [{'text': value, 'number': -5} for value in DANGEROUS]
    sheet = read_xlsx(export_response(rows, [('text', 'Text'), ('number', 'Number')], 'xlsx', 'f'))
    assert [cell.value for cell in sheet['A'][1:]] == [f"'{value}" for value in DANGEROUS]
    assert all(cell.data_type == 's' for cell in sheet['A'][1:])  # text, never a formula
    assert all(cell.value == -5 and cell.data_type == 'n' for cell in sheet['B'][1:])


def test_json_is_not_altered_by_the_guard():
    response = export_response([{'text': '=1+1'}], [('text', 'Text')], 'json', 'f')
    assert json.loads(response.content) == [{'text': '=1+1'}]


def test_harmless_text_is_untouched():
    rows = [{'text': 'a=b'}, {'text': 'S/RES/2100'}, {'text': ''}, {'text': None}]
    table = read_csv(export_response(rows, [('text', 'Text')], 'csv', 'f'))
    assert [row[0] for row in table[1:]] == ['a=b', 'S/RES/2100', '', '']


def test_xlsx_drops_control_characters():
    sheet = read_xlsx(export_response([{'text': 'bell\x07 here'}], [('text', 'Text')], 'xlsx', 'f'))
    assert sheet['A2'].value == 'bell here'


@pytest.mark.parametrize('fmt', ['pdf', 'CSV', '', None, 'xls'])
def test_unknown_format_raises_a_translated_bad_request(fmt):
    with pytest.raises(InvalidParameter, match='choose CSV, XLSX or JSON'):
        export_response(ROWS, COLUMNS, fmt, 'mandates')


def test_header_labels_from_lazy_strings():
    columns = [('country', _('Country')), ('year', _('Year'))]
    with translation.override('fr'):
        csv_header = read_csv(export_response(ROWS, columns, 'csv', 'f'))[0]
        xlsx_header = [cell.value for cell in read_xlsx(export_response(ROWS, columns, 'xlsx', 'f'))[1]]
        expected = [str(_('Country')), str(_('Year'))]
    assert csv_header == xlsx_header == expected
    assert all(isinstance(label, str) for label in expected)


def test_header_labels_from_any_lazy_object():
    label = lazy(lambda: 'Année', str)()
    assert not isinstance(label, str)
    columns = [('year', label)]
    assert read_csv(export_response(ROWS, columns, 'csv', 'f'))[0] == ['Année']
    assert read_xlsx(export_response(ROWS, columns, 'xlsx', 'f'))['A1'].value == 'Année'


def test_lazy_string_values_and_lists_become_text():
    rows = [{'kind': _('Country'), 'tags': ['police', 'justice']}]
    table = read_csv(export_response(rows, [('kind', 'Kind'), ('tags', 'Tags')], 'csv', 'f'))
    assert table[1] == ['Country', 'police; justice']


def test_empty_rows_still_give_a_header():
    assert read_csv(export_response([], COLUMNS, 'csv', 'f')) == [['Symbol', 'Country', 'Year', 'Adopted', 'Share']]
    assert [c.value for c in read_xlsx(export_response([], COLUMNS, 'xlsx', 'f'))[1]][0] == 'Symbol'
    assert json.loads(export_response([], COLUMNS, 'json', 'f').content) == []
