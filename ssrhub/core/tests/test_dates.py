"""Partial dates (plain Python): the forms people and sources write a day, a month or a year in."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssrhub.core.dates import (
    DAY,
    MONTH,
    YEAR,
    PartialDate,
    PartialDateError,
    iso_text,
    parse_partial_date,
    period_end,
    truncate,
)


@pytest.mark.parametrize(
    ('text', 'expected'),
    [
        ('2019', (datetime.date(2019, 1, 1), YEAR)),
        ('2019-03', (datetime.date(2019, 3, 1), MONTH)),
        ('2019-3', (datetime.date(2019, 3, 1), MONTH)),
        ('2019-03-14', (datetime.date(2019, 3, 14), DAY)),
        ('March 2019', (datetime.date(2019, 3, 1), MONTH)),
        ('mars 2019', (datetime.date(2019, 3, 1), MONTH)),
        ('Sept. 2019', (datetime.date(2019, 9, 1), MONTH)),
        ('  FÉVRIER   2019 ', (datetime.date(2019, 2, 1), MONTH)),
        ('février 2019', (datetime.date(2019, 2, 1), MONTH)),
        ('14 March 2019', (datetime.date(2019, 3, 14), DAY)),
        ('1er août 2019', (datetime.date(2019, 8, 1), DAY)),
        ('14/03/2019', (datetime.date(2019, 3, 14), DAY)),
    ],
)
def test_a_day_a_month_or_a_year_in_the_forms_people_write(text, expected):
    assert parse_partial_date(text) == PartialDate(*expected)


@pytest.mark.parametrize(
    ('text', 'code'),
    [
        ('', 'invalid'),
        ('zz1', 'invalid'),
        ('Marsh 2019', 'invalid'),
        ('19', 'invalid'),
        ('2019-13', 'impossible'),
        ('2019-02-30', 'impossible'),
        ('31/04/2019', 'impossible'),
    ],
)
def test_what_is_not_a_date_is_refused_with_a_reason(text, code):
    with pytest.raises(PartialDateError) as error:
        parse_partial_date(text)
    assert error.value.code == code


@given(st.dates(min_value=datetime.date(1000, 1, 1)), st.sampled_from([DAY, MONTH, YEAR]))
def test_the_iso_text_of_a_partial_date_reads_back_as_the_same_date(day, precision):
    value = PartialDate(truncate(day, precision), precision)
    assert parse_partial_date(iso_text(value.date, value.precision)) == value
    assert str(value) == iso_text(value.date, value.precision)


def test_a_month_or_a_year_is_stored_as_its_first_day_and_sorts_there():
    assert truncate(datetime.date(2019, 3, 14), MONTH) == datetime.date(2019, 3, 1)
    assert truncate(datetime.date(2019, 3, 14), YEAR) == datetime.date(2019, 1, 1)
    assert truncate(datetime.date(2019, 3, 14), DAY) == datetime.date(2019, 3, 14)
    dates = [parse_partial_date(text) for text in ('2019-03-14', '2019', '2018-12', '2019-03')]
    assert [str(value) for value in sorted(dates)] == ['2018-12', '2019', '2019-03', '2019-03-14']


@pytest.mark.parametrize(
    ('first_day', 'precision', 'last_day'),
    [
        ('2019-03-14', DAY, '2019-03-14'),
        ('2019-02-01', MONTH, '2019-02-28'),
        ('2020-02-01', MONTH, '2020-02-29'),
        ('2019-12-01', MONTH, '2019-12-31'),
        ('2019-01-01', YEAR, '2019-12-31'),
    ],
)
def test_a_month_or_a_year_runs_to_its_last_day(first_day, precision, last_day):
    assert period_end(datetime.date.fromisoformat(first_day), precision) == datetime.date.fromisoformat(last_day)
