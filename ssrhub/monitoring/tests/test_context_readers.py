"""The Gapminder and UCDP readers on the real files (``../shared/data``) and on bad lines (no database)."""

import csv
import datetime
import io
from collections import Counter
from decimal import Decimal

import pytest

from ssrhub.monitoring import gapminder, ucdp
from ssrhub.monitoring.context_chart import draw_line, nice_step

# Lines of each file of the Systema Globalis release in ../shared/data/country-indicators (header excluded).
SERIES_LINES = {
    'armed_forces_personnel_total': 5355,
    'armed_forces_personnel_percent_of_labor_force': 5025,
    'military_expenditure_percent_of_gdp': 7909,
    'battle_deaths_per_100_000': 384,
}


@pytest.fixture(scope='module')
def series(shared_data):
    folder = shared_data('country-indicators')
    read = {}
    for code in SERIES_LINES:
        found, rows = gapminder.read_series((folder / f'{code}.csv').read_bytes(), f'{code}.csv')
        read[found] = {(row.geo, row.year): row.value for row in rows}
    return read


@pytest.fixture(scope='module')
def events(shared_data):
    table = ucdp.read_country_table(ucdp.COUNTRY_TABLE.read_bytes())
    path = shared_data('ucdp/ged-2023-sample-1000.csv')
    return ucdp.read_events(path.read_bytes(), path.name, table)


def test_every_series_file_is_read_whole(series):
    assert {code: len(values) for code, values in series.items()} == SERIES_LINES


def test_values_of_the_demo_countries_are_those_of_the_files(series):
    total = series['armed_forces_personnel_total']
    assert total[('lbr', 1985)] == Decimal('6800')
    assert total[('lbr', 1990)] == Decimal('8000')
    assert series['armed_forces_personnel_percent_of_labor_force'][('lbr', 1990)] == Decimal('0.83268')
    assert series['military_expenditure_percent_of_gdp'][('lbr', 1965)] == Decimal('1.1775')
    assert series['battle_deaths_per_100_000'][('lbr', 2002)] == Decimal('91.81')
    assert sum(1 for geo, _year in total if geo == 'caf') == 32
    assert sum(1 for geo, _year in total if geo == 'civ') == 23


def test_countries_map_gapminder_ids_to_iso3_and_leave_out_entities_without_a_code(shared_data):
    found = gapminder.read_countries(shared_data('country-indicators/countries.csv').read_bytes())
    assert found['lbr'] == 'LBR' and found['caf'] == 'CAF' and found['civ'] == 'CIV'
    assert 'abkh' not in found  # Abkhazia has no ISO 3166-1 code
    assert len(found) == 247


@pytest.mark.parametrize(
    ('text', 'code', 'line'),
    [
        (b'country,time,armed_forces_personnel_total\nlbr,1990,8000\n', 'bad_header', 1),
        (b'geo,time,gdp\nlbr,1990,8000\n', 'unknown_series', 1),
        (b'geo,time,armed_forces_personnel_total\nlbr,1990,8000\nlbr,1991,eight\n', 'bad_value', 3),
        (b'geo,time,armed_forces_personnel_total\nlbr,199O,8000\n', 'bad_year', 2),
        (b'geo,time,armed_forces_personnel_total\nlbr,1990,8000\nlbr,1990,8100\n', 'repeated', 3),
        (b'geo,time,armed_forces_personnel_total\nlbr,1990,-5\n', 'negative_value', 2),
        (b'geo,time,armed_forces_personnel_total\nlbr,1990\n', 'bad_columns', 2),
        (b'geo,time,armed_forces_personnel_total\nlbr,1990,NaN\n', 'bad_value', 2),
        (b'\xff\xfe', 'not_utf8', 0),
    ],
)
def test_a_bad_series_file_names_its_line(text, code, line):
    with pytest.raises(gapminder.GapminderError) as raised:
        gapminder.read_series(text, 'x.csv')
    assert (raised.value.code, raised.value.line, raised.value.file) == (code, line, 'x.csv')


def test_the_ucdp_sample_is_read_whole_with_its_codes(events):
    assert len(events) == 1000
    assert Counter(event.type_of_violence for event in events) == {1: 707, 3: 160, 2: 133}
    assert Counter(event.date_precision for event in events) == {1: 849, 2: 107, 4: 23, 5: 14, 3: 7}
    assert Counter(event.where_precision for event in events)[7] == 1
    countries = Counter(event.iso3 for event in events)
    assert (countries['SYR'], countries['COD'], countries['CAF'], countries['CIV'], countries['LBR']) == (
        265, 35, 6, 3, 1,
    )  # fmt: skip


def test_an_event_keeps_what_ucdp_says(events):
    first = events[0]
    assert (first.ucdp_id, first.relid, first.iso3) == (300380, 'SYR-2013-1-11973-99', 'SYR')
    assert first.date_start == first.date_end == datetime.date(2013, 1, 3)
    assert (first.best, first.low, first.high, first.deaths_b) == (2, 2, 2, 2)
    assert (first.adm_1, first.adm_2) == ('Idlib governorate', 'Ariha district')
    assert first.source_office == 'Support Kurds in Syria;VDC'
    assert first.latitude == Decimal('35.763369')
    liberia = next(event for event in events if event.iso3 == 'LBR')
    assert liberia.conflict_name and liberia.year == liberia.date_start.year


def test_ucdp_estimates_out_of_order_are_kept_as_given(events):
    """UCDP's own data has events whose best estimate is below the low one: they are read, not refused."""
    assert sum(not event.low <= event.best <= event.high for event in events) == 13


def test_a_fingerprint_ignores_the_line_and_sees_a_change(events):
    event = events[5]
    moved = ucdp.UcdpEvent(**{**event.__dict__, 'line': 999})
    changed = ucdp.UcdpEvent(**{**event.__dict__, 'best': event.best + 1})
    assert moved.fingerprint() == event.fingerprint() != changed.fingerprint()


def _ucdp_line(shared_data, **changes) -> bytes:
    path = shared_data('ucdp/ged-2023-sample-1000.csv')
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding='utf-8'))))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerow(rows[0])
    writer.writerow({**rows[1], **changes})
    return out.getvalue().encode()


@pytest.mark.parametrize(
    ('changes', 'code'),
    [
        ({'date_prec': '6.0'}, 'bad_code'),
        ({'type_of_violence': '4.0'}, 'bad_code'),
        ({'country_id': '9999.0'}, 'unknown_country'),
        ({'date_start': '1989-13-40'}, 'bad_date'),
        ({'date_end': '1989-01-01'}, 'end_before_start'),
        ({'best': '-3.0'}, 'bad_deaths'),
        ({'best': 'many'}, 'bad_integer'),
        ({'latitude': '123.5'}, 'bad_coordinate'),
        ({'id': '300380.0'}, 'repeated'),
    ],
)
def test_a_bad_ucdp_line_is_refused_with_its_line(shared_data, changes, code):
    table = ucdp.read_country_table(ucdp.COUNTRY_TABLE.read_bytes())
    with pytest.raises(ucdp.UcdpError) as raised:
        ucdp.read_events(_ucdp_line(shared_data, **changes), 'ged.csv', table)
    assert (raised.value.code, raised.value.line) == (code, 3)


def test_a_ucdp_file_without_its_columns_is_refused():
    with pytest.raises(ucdp.UcdpError) as raised:
        ucdp.read_events(b'id,relid,year\n1,A,2020\n', 'ged.csv', {})
    assert raised.value.code == 'missing_columns' and 'best' in raised.value.params['columns']


def test_the_chart_runs_from_zero_through_round_ticks_and_marks_revised_values():
    chart = draw_line([(1990, 8000.0, False), (1985, 6800.0, False), (2000, 15000.0, True)])
    assert [value for value, _y in chart.ticks] == [0, 5000, 10000, 15000]
    assert chart.points[0][:2] == (1985, 6800.0) and chart.points[-1][4] is True
    assert chart.points[0][2] == chart.left and chart.points[-1][2] == chart.right
    assert chart.ticks[0][1] == chart.baseline and chart.points[-1][3] == chart.top
    assert draw_line([]) is None
    assert nice_step(7) == 2
