"""Reading watch-list files (plain Python): columns, HXL hashtags, errors by row, formula cells kept as text, size."""

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from ssrhub.safeguards.watchlists import ListFileError, ListRow, StoredPerson, plan_import, read_list

DATA = Path(__file__).parent / 'data'


def test_a_csv_with_a_hashtag_row_aliases_and_formula_cells():
    read = read_list((DATA / 'watchlist.csv').read_bytes(), 'watchlist.csv')
    assert read.errors == []
    assert [row.row for row in read.rows] == [3, 4, 5]
    assert read.rows[0].aliases == 'F. Kemitara\nKemitara Faustin'
    assert read.rows[1].aliases == 'Mohamed Bazimbi\nMuhammad Bazimbi'
    assert read.rows[2].name == '=HYPERLINK("http://example.invalid","click")'
    assert read.rows[2].note == '=1+1'


def test_errors_are_given_by_row():
    read = read_list((DATA / 'watchlist_errors.csv').read_bytes(), 'errors.csv')
    assert [row.name for row in read.rows] == ['Faustin Kemitara']
    assert [(error.row, error.code) for error in read.errors] == [(3, 'required'), (4, 'duplicate')]
    assert str(read.errors[1]) == 'The name faustin kemitara is already on row 2.'


def test_an_xlsx_formula_cell_is_read_as_its_text_never_evaluated():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(['nom', 'alias', 'remarque'])
    sheet.append(['=1+1', '', '=HYPERLINK("http://example.invalid")'])
    sheet.append(['Thérèse Kossigué', 'T. Kossigué', ''])
    buffer = io.BytesIO()
    workbook.save(buffer)
    read = read_list(buffer.getvalue(), 'list.xlsx')
    assert [(row.row, row.name, row.note) for row in read.rows] == [
        (2, '=1+1', '=HYPERLINK("http://example.invalid")'),
        (3, 'Thérèse Kossigué', ''),
    ]


@pytest.mark.parametrize(
    'data, name, code',
    [
        (b'', 'a.csv', 'empty'),
        (b'name\n' + b'x' * 2000, 'a.csv', 'too-large'),
        (b'title,other\nA,B\n', 'a.csv', 'no-name-column'),
        (b'name\n\xff\xfe', 'a.csv', 'encoding'),
        (b'PK\x03\x04 not a workbook', 'a.xlsx', 'bad-xlsx'),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole(data, name, code):
    with pytest.raises(ListFileError) as refused:
        read_list(data, name, max_bytes=1000)
    assert refused.value.code == code


def test_importing_the_same_rows_again_changes_nothing():
    rows = [ListRow(2, 'Faustin Kemitara', 'F. Kemitara'), ListRow(3, 'Mahamat Bazimbi')]
    stored = [StoredPerson(7, 'Faustin Kemitara', 'F. Kemitara', '', 2), StoredPerson(8, 'Mahamat Bazimbi', '', '', 3)]
    plan = plan_import(rows, stored)
    assert (plan.added, plan.changed, plan.unchanged) == ([], [], 2)
    changed = plan_import([ListRow(2, 'faustin kemitara', 'F. K.'), ListRow(9, 'Issa Torodji')], stored)
    assert [row.name for row in changed.added] == ['Issa Torodji']
    assert [key for key, _row in changed.changed] == [7]
