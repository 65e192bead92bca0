"""Currencies are ISO 4217 codes, status dates cannot lie in the future, and partial dates keep their precision in
every form and in the API, shown as precisely as they are known in English and French."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import timezone, translation

from ssrhub.core.dates import PartialDate
from ssrhub.core.fields import PartialDateFormField, validate_currency, validate_not_in_future

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize('code', ['USD', 'EUR', 'XOF', 'XAF', 'LRD', 'usd'])
def test_iso_4217_codes_are_accepted(code):
    validate_currency(code)


@pytest.mark.parametrize('code', ['zz1', 'ZZZ', 'US', 'DOLLARS', 'FCFA'])
def test_other_codes_are_refused_with_a_message_that_says_what_to_give(code):
    with pytest.raises(ValidationError) as error:
        validate_currency(code)
    assert error.value.messages == [
        f'“{code}” is not an ISO 4217 currency code: give three letters such as USD, EUR or XOF.'
    ]


def test_a_date_after_today_is_refused_today_is_not():
    today = timezone.localdate()
    validate_not_in_future(today)
    with pytest.raises(ValidationError) as error:
        validate_not_in_future(today + datetime.timedelta(days=1))
    assert error.value.code == 'future_date'
    assert 'is in the future' in error.value.messages[0]


def test_the_partial_date_field_cleans_to_a_date_and_its_precision():
    field = PartialDateFormField()
    assert field.clean('mars 2019') == PartialDate(datetime.date(2019, 3, 1), 'month')
    with pytest.raises(ValidationError) as error:
        field.clean('2019-02-30')
    assert error.value.messages == ['There is no such day or month: 2019-02-30.']
    with pytest.raises(ValidationError) as error:
        field.clean('soon')
    assert error.value.code == 'invalid'


@pytest.mark.parametrize(
    ('language', 'expected'),
    [('en', '14 March 2019 | March 2019 | 2019'), ('fr', '14 mars 2019 | mars 2019 | 2019')],
)
def test_one_filter_shows_a_date_as_precisely_as_it_is_known(language, expected):
    template = Template(
        '{% load partial_dates %}{{ day|partial_date:"day" }} | {{ day|partial_date:"month" }} | '
        '{{ day|partial_date:"year" }}'
    )
    with translation.override(language):
        assert template.render(Context({'day': datetime.date(2019, 3, 14)})) == expected


def test_french_writes_the_first_of_a_month_as_an_ordinal():
    template = Template('{% load partial_dates %}{{ day|partial_date }}')
    with translation.override('fr'):
        assert template.render(Context({'day': datetime.date(2008, 1, 1)})) == '1er janvier 2008'
    with translation.override('en'):
        assert template.render(Context({'day': datetime.date(2008, 1, 1)})) == '1 January 2008'
