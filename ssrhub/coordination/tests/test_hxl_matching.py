"""Fuzzy matching of organisations and sectors, the 3W matrix and the HXL CSV round trip."""

import io

import hxl
from hypothesis import given
from hypothesis import strategies as st

from ssrhub.coordination.hxl3w import matrix
from ssrhub.coordination.hxl3w.export import write_hxl_csv
from ssrhub.coordination.hxl3w.matching import Known, Matcher, fold
from ssrhub.coordination.hxl3w.reading import open_table
from ssrhub.coordination.hxl3w.rows import ThreeWRow, map_columns, read_rows

KNOWN = [
    Known(
        1, 'UNDP', ('United Nations Development Programme', 'Programme des Nations Unies pour le développement', 'UNDP')
    ),
    Known(2, 'DRC', ('Danish Refugee Council', 'DRC')),
    Known(3, 'NRC', ('Norwegian Refugee Council', 'NRC')),
]
names = st.text(alphabet=st.characters(categories=('L', 'N', 'Zs', 'Pd')), min_size=1, max_size=40).filter(fold)


@given(name=names, other=names)
def test_exact_names_match_with_score_100(name, other):
    matcher = Matcher([Known('a', name, (name,)), Known('b', other + ' x', (other + ' x',))])
    found = matcher.match(f'  {name} ')
    assert found.known and found.exact.score == 100
    assert found.exact.id in {'a', 'b'}  # another name may fold the same way; it is still an exact match


@given(alias=names)
def test_a_confirmed_alias_matches_next_time(alias):
    before = Matcher(KNOWN).match(alias)
    if before.known:
        return
    record = Known(2, 'DRC', ('Danish Refugee Council', 'DRC', alias))
    after = Matcher([KNOWN[0], record, KNOWN[2]]).match(alias)
    assert after.known and after.exact.id == 2 and after.exact.score == 100


def test_accents_case_and_punctuation_aside():
    found = Matcher(KNOWN).match('programme des nations-unies pour le developpement')
    assert found.exact.id == 1


def test_unknown_value_gets_ranked_candidates():
    found = Matcher(KNOWN).match('Norwegian Refugee Council (NRC) Afghanistan')
    assert not found.known
    assert found.candidates[0].id == 3 and 70 <= found.candidates[0].score < 100
    assert Matcher(KNOWN).match('Women for Afghan Women').candidates == ()


ROWS = [
    ThreeWRow(3, 'Danish Refugee Council', 'DRC', 'INGO', 'PRO', 'Protection', 'AF01', 'Kabul', 'AF0101', 'Kabul'),
    ThreeWRow(4, 'Danish Refugee Council', 'DRC', 'INGO', 'EDU', 'Education', 'AF01', 'Kabul', 'AF0104', 'Bagrami'),
    ThreeWRow(5, 'Norwegian Refugee Council', 'NRC', 'INGO', 'PRO', 'Protection', 'AF32', 'Herat', '', ''),
    ThreeWRow(
        6,
        'Search for Common Ground',
        '',
        'INGO',
        '',
        'Justice',
        'CF32',
        'Ouaka',
        '',
        '',
        '2024-01-01',
        '2024-03-31',
        'Ongoing',
        'Radio programmes',
        'CAF',
    ),
]


def test_matrix_counts_totals_and_drill_down():
    table = matrix.build(ROWS, 'organisation', 'sector')
    assert table.rows == ['DRC', 'NRC', 'Search for Common Ground']
    assert table.columns == ['Protection', 'Education', 'Justice']
    assert table.count('DRC', 'Protection') == 1 and table.count('NRC', 'Education') == 0
    assert table.row_totals == {'DRC': 2, 'NRC': 1, 'Search for Common Ground': 1}
    assert table.column_totals['Protection'] == 2 and table.total == 4
    assert table.heat('DRC', 'Protection') == 1.0 and table.heat('NRC', 'Education') == 0.0
    assert [row.row for row in matrix.drill(ROWS, table, 'DRC', 'Education')] == [4]
    by_area = matrix.build(matrix.filter_rows(ROWS, sector='Protection'), 'admin1', 'organisation')
    assert by_area.cells == {('Kabul', 'DRC'): 1, ('Herat', 'NRC'): 1}
    assert matrix.build(ROWS, 'period', 'org_type').cells == {('', 'INGO'): 3, ('2024-01-01/2024-03-31', 'INGO'): 1}


def test_hxl_csv_round_trip(tmp_path):
    rows = [*ROWS, ThreeWRow(7, '=cmd', '', '', '', '-Sector', 'X1', 'Province, with comma', '', '')]
    path = tmp_path / 'out.csv'
    with open(path, 'w', encoding='utf-8', newline='') as handle:
        assert write_hxl_csv(rows, handle) == 5
    source = hxl.data(str(path), hxl.InputOptions(allow_local=True))
    assert [row.get('#org+acronym') for row in source] == ['DRC', 'DRC', 'NRC', None, None]  # libhxl: None for empty
    table = open_table(path)
    back = [item for item in read_rows(table, map_columns(table))]
    assert [
        (item.org_name, item.sector, item.adm1_name, item.adm2_code, item.start, item.activity) for item in back
    ] == [(row.org_name, row.sector, row.adm1_name, row.adm2_code, row.start, row.activity) for row in ROWS] + [
        ("'=cmd", "'-Sector", 'Province, with comma', '', '', '')
    ]
    assert [item.key for item in back[:4]] == [row.key for row in ROWS]


def test_real_table_round_trip(shared_data, tmp_path):
    """The Afghanistan table written back as HXL CSV reads back to the same rows and keys."""
    table = open_table(shared_data('hxl/afghanistan-3w-2024q1.csv'))
    rows = list(read_rows(table, map_columns(table)))
    buffer = io.StringIO()
    write_hxl_csv(rows, buffer)
    path = tmp_path / 'afg.csv'
    path.write_text(buffer.getvalue(), encoding='utf-8')
    again = open_table(path)
    back = list(read_rows(again, map_columns(again)))
    assert [_fields(row) for row in back] == [_fields(row) for row in rows]


def _fields(row):
    return (
        row.org_name,
        row.org_acronym,
        row.org_type,
        row.sector_code,
        row.sector_name,
        row.adm1_code,
        row.adm1_name,
        row.adm2_code,
        row.adm2_name,
        row.key,
    )
