"""Reading 3W tables with libhxl: the real files, sheets, French titles and every kind of bad input."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from ssrhub.coordination.hxl3w.errors import HxlError, RowIssue
from ssrhub.coordination.hxl3w.reading import list_sheets, open_table
from ssrhub.coordination.hxl3w.rows import map_columns, parse_period, read_rows


def accepted(table):
    items = list(read_rows(table, map_columns(table)))
    return [item for item in items if not isinstance(item, RowIssue)], [i for i in items if isinstance(i, RowIssue)]


def write(tmp_path, name, text, encoding='utf-8'):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def workbook(tmp_path, sheets, name='book.xlsx'):
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


TAGGED = [
    ['Organisation', 'Acronym', 'Sector', 'Province', 'Province code'],
    ['#org+name', '#org+acronym', '#sector', '#adm1+name', '#adm1+code'],
    ['Danish Refugee Council', 'DRC', 'Protection', 'Kabul', 'AF01'],
    ['Norwegian Refugee Council', 'NRC', 'Education', 'Herat', 'AF32'],
]


# Section: the real files


def test_afghanistan_csv(shared_data):
    path = shared_data('hxl/afghanistan-3w-2024q1.csv')
    assert path.read_bytes()[:3] == b'\xef\xbb\xbf'  # the byte order mark the reader must drop
    table = open_table(path)
    assert table.kind == 'csv' and table.hashtag_row == 2
    assert table.columns[0].header == 'REGION'  # no BOM left in the first title
    assert [column.hashtag for column in table.columns] == [
        '#region+name', '#adm1+name', '#adm1+code', '#adm2+name', '#adm2+code', '#org+acronym', '#org+name',
        '#org+type+name', '#sector+cluster+code', '#sector+cluster+name', '',
    ]  # fmt: skip
    rows, issues = accepted(table)
    assert len(rows) == 10902 and issues == []
    first = rows[0]
    assert (first.row, first.org_acronym, first.adm2_code, first.sector_code) == (3, 'ASCHIANA', 'AF0101', 'EiE_OP')
    assert rows[-1].row == 10904
    assert len({row.organisation for row in rows}) == 285
    assert len({row.key for row in rows}) == 10902


def test_nigeria_xlsx(shared_data):
    path = shared_data('hxl/nigeria-3w-2023q4.xlsx')
    assert [(sheet.name, sheet.hashtag_row) for sheet in list_sheets(path)] == [('NGA 3Ws Data Q4 2023', 2)]
    table = open_table(path)
    mapping = map_columns(table)
    assert mapping.fields['org_name'].hashtag == '#org'
    assert mapping.fields['org_type'].hashtag == '#org+type'
    assert mapping.fields['date_month'].header == 'Month'
    rows, issues = accepted(table)
    assert len(rows) + len(issues) == 9366
    assert {issue.code for issue in issues} == {'duplicate'}
    assert (rows[0].org_acronym, rows[0].adm2_code, rows[0].start, rows[0].end) == (
        'AAH/ACF',
        'NG008023',
        '2023-10-01',
        '2023-10-31',
    )
    assert {row.start[:7] for row in rows} == {'2023-10', '2023-11', '2023-12'}


@pytest.mark.parametrize('code', ['afg', 'bfa', 'ukr'])
def test_fts_totals_by_year(shared_data, code):
    """The FTS tables read through the same reader give, year by year, the totals a plain CSV sum gives."""
    path = shared_data(f'hxl/fts-requirements-funding-{code}.csv')
    expected_required, expected_funding = {}, {}
    with open(path, encoding='utf-8-sig', newline='') as handle:
        lines = list(csv.DictReader(handle))[1:]  # under the hashtag row
    for line in lines:
        year = line['year']
        expected_required[year] = expected_required.get(year, 0) + Decimal(line['requirements'] or 0)
        expected_funding[year] = expected_funding.get(year, 0) + Decimal(line['funding'] or 0)
    table = open_table(path)
    required, funding = {}, {}
    for _number, row in table.rows():
        year = row.get('#date+year')
        required[year] = required.get(year, 0) + Decimal(row.get('#value+funding+required') or 0)
        funding[year] = funding.get(year, 0) + Decimal(row.get('#value+funding+total') or 0)
    assert required == expected_required and funding == expected_funding
    assert len(funding) > 10


# Section: workbooks


def test_sheet_with_hashtags_found_among_several(tmp_path):
    path = workbook(tmp_path, {
        'Notes': [['Read me'], ['Data of the 3W, Q1']],
        'Pivot': [['Sector', 'Count'], ['Protection', 2]],
        'Data': TAGGED,
    })  # fmt: skip
    table = open_table(path)
    assert table.sheet == 'Data'
    assert [row.organisation for row in accepted(table)[0]] == ['Danish Refugee Council', 'Norwegian Refugee Council']


def test_several_sheets_with_hashtags_ask_which(tmp_path):
    path = workbook(tmp_path, {'Q1': TAGGED, 'Q2': TAGGED[:3]})
    with pytest.raises(HxlError) as refused:
        open_table(path)
    assert refused.value.code == 'several-sheets'
    assert 'Q1, Q2' in str(refused.value) and 'book.xlsx' in str(refused.value)
    assert len(accepted(open_table(path, sheet='Q2'))[0]) == 1
    with pytest.raises(HxlError, match='no sheet "Q3"'):
        open_table(path, sheet='Q3')


def test_workbook_with_macros_refused(tmp_path):
    path = workbook(tmp_path, {'Data': TAGGED})
    import zipfile

    with zipfile.ZipFile(path, 'a') as archive:
        archive.writestr('xl/vbaProject.bin', b'\x00macro')
    with pytest.raises(HxlError) as refused:
        open_table(path)
    assert refused.value.code == 'macros' and 'vbaProject.bin' in str(refused.value)
    renamed = tmp_path / 'book.xlsm'
    renamed.write_bytes(b'PK\x03\x04')
    with pytest.raises(HxlError, match='book.xlsm: the workbook contains macros'):
        open_table(renamed)


# Section: titles in French or English


FRENCH = (
    'Organisation;Sigle;Secteur;Province;Code province;Date de début;Date de fin;Statut\n'
    'Search for Common Ground;SFCG;Justice;Ouaka;CF32;01/02/2024;2024-06-30;En cours\n'
)


def test_french_titles_propose_hashtags(tmp_path):
    path = write(tmp_path, 'partenaires.csv', FRENCH)
    with pytest.raises(HxlError) as refused:
        open_table(path)
    error = refused.value
    assert error.code == 'no-hashtag-row' and error.params['row'] == 1
    assert error.params['proposed'] == (
        '#org+name,#org+acronym,#sector+cluster+name,#adm1+name,#adm1+code,#date+start,#date+end,#status'
    )
    assert str(error).startswith('partenaires.csv: no HXL hashtag row')
    table = open_table(path, hashtags_from_titles=True)
    assert table.tagged_from_titles and table.hashtag_row == 2
    [row], issues = accepted(table)
    assert issues == []
    assert (row.row, row.org_acronym, row.adm1_code, row.start, row.end, row.status) == (
        2,
        'SFCG',
        'CF32',
        '2024-02-01',
        '2024-06-30',
        'En cours',
    )


def test_english_titles_propose_hashtags(tmp_path):
    path = write(tmp_path, 'who.csv', 'Partner,Cluster,State,LGA,Start date\nUNDP,Justice,Borno,Maiduguri,2024-01-15\n')
    with pytest.raises(HxlError) as refused:
        open_table(path)
    assert refused.value.params['proposed'] == '#org+name,#sector+cluster+name,#adm1+name,#adm2+name,#date+start'


# Section: bad input


@pytest.mark.parametrize(
    ('content', 'code'),
    [
        (b'', 'empty'),
        (b'\n\n', 'empty'),
        (b'Colour,Taste\nred,sweet\n', 'no-titles'),
        (b'Organisation,Secteur\n#org,#sector\n', 'missing-column'),
        (b'Organisation,Secteur,Province\n#org,#sector,#adm1\n', 'no-rows'),
    ],
)
def test_bad_tables_refused(tmp_path, content, code):
    path = tmp_path / 'bad.csv'
    path.write_bytes(content)
    with pytest.raises(HxlError) as refused:
        accepted(open_table(path))
    assert refused.value.code == code
    assert str(refused.value).startswith('bad.csv: ')


def test_missing_column_names_what_is_found(tmp_path):
    path = write(tmp_path, 't.csv', 'Org,Where\n#org,#adm1\nA,B\n')
    with pytest.raises(HxlError) as refused:
        map_columns(open_table(path))
    assert str(refused.value) == (
        't.csv: no column for the sector (hashtags #sector+code, #sector+name); '
        'the hashtag row (row 2) has #org, #adm1.'
    )


def test_wrong_encoding_names_the_row(tmp_path):
    text = 'Org,Sector,Province\n#org,#sector,#adm1\nA,B,C\nOrganisation de défense,Justice,Ouaka\n'
    path = write(tmp_path, 'latin.csv', text, encoding='latin-1')
    with pytest.raises(HxlError) as refused:
        accepted(open_table(path))
    assert refused.value.code == 'encoding' and refused.value.params['row'] == 4
    assert str(refused.value) == 'latin.csv: row 4 is not UTF-8 text. Save the table as "CSV UTF-8".'


def test_limits(tmp_path):
    path = write(tmp_path, 't.csv', 'Org,Sector,Province\n#org,#sector,#adm1\n' + 'A,B,C\n' * 5)
    with pytest.raises(HxlError, match='larger than 0 MB'):
        open_table(path, max_bytes=10)
    with pytest.raises(HxlError, match=r'more than 4 rows \(row 5\)'):
        accepted(open_table(path, max_rows=4))


def test_bad_rows_refused_with_reasons(tmp_path):
    text = (
        'Org,Sector,Province,Start,End\n#org,#sector,#adm1,#date+start,#date+end\n'
        ',Justice,Ouaka,,\n'
        'UNDP,,Ouaka,,\n'
        'UNDP,Justice,,,\n'
        'UNDP,Justice,Ouaka,31/31/2024,\n'
        'UNDP,Justice,Ouaka,2024-05-01,2024-02-01\n'
        'UNDP,Justice,Ouaka,2024-01-01,2024-03-31\n'
        'undp,JUSTICE,ouaka,2024-01-01,2024-03-31\n'
    )
    rows, issues = accepted(open_table(write(tmp_path, 't.csv', text)))
    assert [row.row for row in rows] == [8]
    assert [issue.message() for issue in issues] == [
        'Row 3: no organisation (name or acronym).',
        'Row 4: no sector.',
        'Row 5: no administrative area (admin 1 or admin 2).',
        'Row 6: "31/31/2024" is not a date (Start #date+start).',
        'Row 7: the end (2024-02-01) is before the start (2024-05-01).',
        'Row 9: the same organisation, sector, area and period as row 8.',
    ]


def test_period_option():
    assert parse_period('2024Q1') == ('2024-01-01', '2024-03-31')
    assert parse_period('2023-q4') == ('2023-10-01', '2023-12-31')
    assert parse_period('2024') == ('2024-01-01', '2024-12-31')
    assert parse_period('2024-01..2024-06') == ('2024-01-01', '2024-06-30')
    assert parse_period('mars 2024') == ('2024-03-01', '2024-03-31')
    for bad in ('2024Q5', 'soon', '2024-06..2024-01'):
        with pytest.raises(ValueError):
            parse_period(bad)


def test_streamed_rows_are_not_kept(tmp_path):
    """rows() is a generator over the file: reading it twice reads the file twice."""
    path = write(tmp_path, 't.csv', io.StringIO('\n'.join(','.join(row) for row in TAGGED)).getvalue())
    table = open_table(path)
    assert len(list(table.rows())) == len(list(table.rows())) == 2
