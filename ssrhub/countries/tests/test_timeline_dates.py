"""Dates of timeline events (plain Python): disagreement at the coarser precision, order, formatting."""

from datetime import date

from ssrhub.countries.timeline import Dated, agree, disagree, earliest, format_disagreement, iso, sort_events, values

# The book gives two days for the signing of the Framework of Mutual Engagement (CEM-RCA) and a month in a table.
TABLE_7_1 = Dated(date(2016, 11, 16), 'day', 'Table 7.1')
TEXT_CH_7 = Dated(date(2016, 11, 17), 'day', 'Chapter 7 text')
TABLE_7_2 = Dated(date(2016, 11, 1), 'month', 'Table 7.2')


def test_two_days_disagree():
    assert not agree(TABLE_7_1, TEXT_CH_7)
    assert disagree([TABLE_7_1, TEXT_CH_7])
    assert disagree([TABLE_7_2, TABLE_7_1, TEXT_CH_7])


def test_a_month_agrees_with_a_day_in_it_and_disagrees_with_another_month():
    assert agree(TABLE_7_2, TABLE_7_1) and agree(TABLE_7_2, TEXT_CH_7)
    assert not disagree([TABLE_7_2, TEXT_CH_7])
    assert disagree([TABLE_7_2, Dated(date(2016, 10, 1), 'month')])
    assert disagree([TABLE_7_2, Dated(date(2016, 10, 31), 'day')])


def test_a_year_compares_years_only():
    assert not disagree([Dated(date(2016, 1, 1), 'year'), TEXT_CH_7])
    assert disagree([Dated(date(2015, 1, 1), 'year'), TEXT_CH_7])


def test_one_source_or_none_never_disagrees():
    assert not disagree([TABLE_7_1])
    assert not disagree([])
    assert not disagree([TABLE_7_1, Dated(date(2016, 11, 16), 'day', 'another copy')])


def test_iso_is_as_precise_as_the_source():
    assert iso(TABLE_7_1) == '2016-11-16'
    assert iso(TABLE_7_2) == '2016-11'
    assert iso(Dated(date(2003, 3, 15), 'year')) == '2003'
    assert iso(Dated(date(996, 1, 1), 'year')) == '0996'


def test_values_group_the_sources_of_one_value_earliest_first():
    same_day = Dated(date(2016, 11, 17), 'day', 'Press release')
    found = values([TEXT_CH_7, TABLE_7_1, same_day, TABLE_7_2])
    assert [value.iso for value in found] == ['2016-11', '2016-11-16', '2016-11-17']
    assert found[2].sources == (TEXT_CH_7, same_day)


def test_format_disagreement_keeps_every_value_with_its_sources():
    text = format_disagreement([TEXT_CH_7, TABLE_7_1, Dated(date(2016, 11, 17), 'day', '')])
    assert text == '2016-11-16 (Table 7.1) | 2016-11-17 (Chapter 7 text)'
    assert format_disagreement([Dated(date(2017, 2, 2))]) == '2017-02-02'


def test_events_sort_by_earliest_date_and_undated_events_last():
    events = {
        'National Security Policy adopted': [Dated(date(2017, 2, 2))],
        'CEM-RCA signed': [TEXT_CH_7, TABLE_7_1],
        'Draft law on national security policy': [],
        'Seleka coup': [Dated(date(2013, 3, 1), 'month')],
    }
    ordered = sort_events(events, lambda name: events[name])
    assert ordered == [
        'Seleka coup',
        'CEM-RCA signed',
        'National Security Policy adopted',
        'Draft law on national security policy',
    ]
    assert earliest(events['CEM-RCA signed']) == date(2016, 11, 16)
    assert earliest([]) is None
