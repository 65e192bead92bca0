"""Results frameworks in the database: default levels, the tree's level rule, baselines, periods and targets checked
through values.py (in English and French), the SDG and library reference data as setup loads it, the copy of a
library indicator into a framework, and the API's refusals."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from ssrhub.core.loading import LoadReport
from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.monitoring.loading import load_library, load_sdg
from ssrhub.monitoring.models import (
    FrameworkResult,
    Indicator,
    IndicatorPeriod,
    LibraryIndicator,
    ResultsFramework,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def framework():
    return ResultsFramework.objects.create(
        country=Country.objects.get(iso3='LBR'), title='Police reform results', programme='Police reform',
        start=D(2024, 1, 1), end=D(2026, 12, 31),
    )  # fmt: skip


@pytest.fixture
def levels(framework):
    return {level.name: level for level in framework.levels.all()}


@pytest.fixture
def outcome(framework, levels):
    return FrameworkResult.objects.create(framework=framework, level=levels['Outcome'], code='1', statement='Trust')


@pytest.fixture
def share(outcome):
    return Indicator.objects.create(
        result=outcome, code='1.a', title='Share of women police', unit='percentage', decimal_places=1,
        baseline_value=17, baseline_date=D(2016, 12, 31),
    )  # fmt: skip


def errors(record) -> dict:
    with pytest.raises(ValidationError) as caught:
        record.full_clean()
    return caught.value.message_dict


def test_a_new_framework_gets_impact_outcome_output_named_in_both_languages(framework):
    levels = list(framework.levels.order_by('order').values_list('order', 'name', 'name_fr', 'result_type'))
    assert levels == [(1, 'Impact', 'Impact', '3'), (2, 'Outcome', 'Effet', '2'), (3, 'Output', 'Produit', '1')]
    with translation.override('fr'):
        assert [str(level) for level in framework.levels.order_by('order')] == ['Impact', 'Effet', 'Produit']


def test_a_framework_follows_a_plan_or_a_programme():
    record = ResultsFramework(country=Country.objects.get(iso3='LBR'), title='Untied')
    assert errors(record) == {'__all__': ['Say which national plan or programme the framework follows.']}


def test_a_result_sits_below_its_parents_level(framework, levels, outcome):
    impact = FrameworkResult(framework=framework, parent=outcome, level=levels['Impact'], code='1.1', statement='x')
    assert errors(impact)['level'] == [
        'A result must sit on a lower level than the result it contributes to (Outcome).'
    ]
    output = FrameworkResult.objects.create(
        framework=framework, parent=outcome, level=levels['Output'], code='1.1', statement='Complaints handled'
    )
    # Moving the outcome down to the output level would put its output on the same level.
    outcome.level = levels['Output']
    assert 'level' in errors(outcome)
    # Nor may a level move to a position that breaks the tree.
    output_level = levels['Output']
    output_level.order = 2
    assert errors(output_level)['order'] == [
        f'This position would put result {output.code} on or above the level of its parent.'
    ]


def test_a_result_cannot_contribute_to_itself(framework, levels, outcome):
    output = FrameworkResult.objects.create(
        framework=framework, parent=outcome, level=levels['Output'], code='1.1', statement='x'
    )
    outcome.parent = output
    outcome.level = levels['Impact']
    assert errors(outcome)['parent'] == ['A result cannot contribute to itself, directly or through others.']


def test_a_baseline_is_a_value_with_its_date_or_not_available_with_a_reason(outcome):
    both = Indicator(result=outcome, code='x', title='x', baseline_value=3, baseline_date=D(2020, 1, 1),
                     baseline_not_available=True, baseline_reason='None')  # fmt: skip
    neither = Indicator(result=outcome, code='y', title='y')
    message = ['Give the baseline value and its date, or say that no baseline is available and why.']
    assert errors(both)['__all__'] == message
    assert errors(neither)['__all__'] == message
    reason = Indicator(result=outcome, code='z', title='z', baseline_not_available=True, baseline_reason='No survey')
    reason.full_clean()


def test_a_percentage_baseline_follows_its_numerator_and_denominator(outcome):
    indicator = Indicator(result=outcome, code='p', title='p', unit='percentage', decimal_places=1,
                          baseline_numerator=1, baseline_denominator=3, baseline_date=D(2023, 1, 1))  # fmt: skip
    indicator.full_clean()
    assert str(indicator.baseline_value) == '33.3'


def test_periods_of_an_indicator_do_not_overlap_and_stay_inside_the_framework(share):
    IndicatorPeriod.objects.create(indicator=share, start=D(2025, 1, 1), end=D(2025, 12, 31), label='2025', target=20)
    overlapping = IndicatorPeriod(indicator=share, start=D(2025, 7, 1), end=D(2026, 6, 30), target=22)
    assert errors(overlapping)['start'] == ['The period overlaps the period 2025 of this indicator.']
    outside = IndicatorPeriod(indicator=share, start=D(2026, 1, 1), end=D(2027, 12, 31), target=22)
    assert errors(outside)['end'] == ["The period must fall within the framework's period (01/01/2024 – 12/31/2026)."]
    with translation.override('fr'):
        assert errors(outside)['end'] == ['La période doit s’inscrire dans celle du cadre (01/01/2024 – 31/12/2026).']


def test_a_percentage_target_is_checked_by_its_unit_in_the_readers_language(share):
    period = IndicatorPeriod(indicator=share, start=D(2025, 1, 1), end=D(2025, 12, 31), target=120,
                             target_numerator=5, target_denominator=0)  # fmt: skip
    assert errors(period) == {
        'target_denominator': ['The denominator cannot be 0.'],
        'target': ['A percentage cannot be over 100 (120).'],
    }
    period = IndicatorPeriod(indicator=share, start=D(2025, 1, 1), end=D(2025, 12, 31),
                             target_numerator=12, target_denominator=10)  # fmt: skip
    with translation.override('fr'):
        assert errors(period) == {
            'target_numerator': ['Le numérateur (12) ne peut pas dépasser le dénominateur (10).'],
        }
    period = IndicatorPeriod(indicator=share, start=D(2025, 1, 1), end=D(2025, 12, 31),
                             target_numerator=1, target_denominator=4)  # fmt: skip
    period.full_clean()
    assert str(period.target) == '25.0'


def test_setup_loaded_every_goal_target_and_indicator_and_reloading_changes_nothing():
    assert (SdgGoal.objects.count(), SdgTarget.objects.count(), SdgIndicator.objects.count()) == (17, 169, 252)
    indicator = SdgIndicator.objects.get(number='16.3.2')
    with translation.override('fr'):
        assert indicator.title == 'Proportion de la population carcérale en instance de jugement'
    assert indicator.target.goal.number == 16
    report = LoadReport()
    load_sdg(report)
    load_library(report)
    assert {outcome for (_model, outcome), count in report.items() if count} == {'unchanged'}


def test_the_library_links_sdg_indicators_itgns_and_sources():
    detainees = LibraryIndicator.objects.get(code='unsentenced-detainees')
    assert [sdg.number for sdg in detainees.sdg_indicators.all()] == ['16.3.2']
    assert detainees.citations.count() >= 1
    women = LibraryIndicator.objects.get(code='women-in-police')
    assert women.itgn.code == 'itgn.gender'
    assert {citation.book_chapter for citation in women.citations.all()} == {14, None}


def test_copying_a_library_indicator_twice_makes_two_indicators_that_keep_where_they_came_from(outcome, make_user):
    editor = make_user('lbr-editor', Role.COUNTRY_EDITOR, ('LBR',))
    client = APIClient()
    client.force_login(editor)
    library = LibraryIndicator.objects.get(code='unsentenced-detainees')
    url = reverse('monitoring:libraryindicator_copy', args=[library.code])
    first = client.post(
        url, {'result': outcome.pk, 'code': '1.b', 'baseline_value': '63.5', 'baseline_date': '2023-12-31'}
    )
    second = client.post(url, {'result': outcome.pk, 'code': '1.c', 'baseline_reason': 'No census day yet'})
    assert first.status_code == second.status_code == 302
    copies = Indicator.objects.filter(copied_from=library).order_by('code')
    assert [(copy.code, copy.baseline_value, copy.baseline_not_available) for copy in copies] == [
        ('1.b', copies[0].baseline_value, False),
        ('1.c', None, True),
    ]
    assert str(copies[0].baseline_value) == '63.5000'
    assert copies[0].unit == 'percentage' and copies[0].direction == 'decrease'
    assert copies[0].title_fr == library.title_fr
    assert [sdg.number for sdg in copies[1].sdg_indicators.all()] == ['16.3.2']
    # The same code again is refused on the form, and nothing is written.
    again = client.post(url, {'result': outcome.pk, 'code': '1.c', 'baseline_reason': 'x'})
    assert again.status_code == 400
    assert 'This framework already has an indicator with this code.' in again.content.decode()
    assert Indicator.objects.filter(copied_from=library).count() == 2


def test_a_user_of_another_country_may_not_copy_into_this_framework(outcome, make_user):
    editor = make_user('caf-editor', Role.COUNTRY_EDITOR, ('CAF',))
    client = APIClient()
    client.force_login(editor)
    url = reverse('monitoring:libraryindicator_copy', args=['trust-in-police'])
    response = client.post(url, {'result': outcome.pk, 'code': '1.z', 'baseline_reason': 'x'})
    assert response.status_code == 403
    assert not Indicator.objects.filter(code='1.z').exists()


def test_the_api_refuses_a_target_over_100_in_the_callers_language(share, make_user):
    editor = make_user('api-editor', Role.COUNTRY_EDITOR, ('LBR',))
    client = APIClient()
    client.force_authenticate(editor)
    payload = {'indicator': share.pk, 'start': '2025-01-01', 'end': '2025-12-31', 'target': 150}
    response = client.post('/api/monitoring/indicator-periods/', payload, format='json', HTTP_ACCEPT_LANGUAGE='fr')
    assert response.status_code == 400
    assert response.json() == {'target': ['Un pourcentage ne peut pas dépasser 100 (150).']}
    payload['target'] = 25
    assert client.post('/api/monitoring/indicator-periods/', payload, format='json').status_code == 201
    listed = client.get('/api/monitoring/indicators/', {'country': 'LBR', 'sdg': ''}).json()
    assert [row['code'] for row in listed['results']] == ['1.a']


def test_the_sdg_page_shows_goal_16_by_default_with_the_library_indicators_linked(client):
    response = client.get(reverse('monitoring:sdgindicator_list'))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="sdg-16.3.2"' in page and 'id="sdg-1.1.1"' not in page
    assert reverse('monitoring:libraryindicator', args=['unsentenced-detainees']) in page
    assert 'id="sdg-1.1.1"' in client.get(reverse('monitoring:sdgindicator_list'), {'goal': '1'}).content.decode()


def test_an_indicators_history_shows_its_periods_changes(share, make_user, client):
    period = IndicatorPeriod.objects.create(indicator=share, start=D(2025, 1, 1), end=D(2025, 12, 31), label='2025')
    period.target = 21
    period.save()
    client.force_login(make_user('reader', Role.VIEWER))
    page = client.get(reverse('monitoring:indicator_history', args=['LBR', share.pk])).content.decode()
    assert page.count('Indicator period: 2025') == 2


def test_global_search_finds_frameworks_and_indicators_the_user_may_see(share, make_user, client):
    client.force_login(make_user('searcher', Role.VIEWER))
    page = client.get('/search/', {'q': 'police reform'}).content.decode()
    assert share.result.framework.get_absolute_url() in page
    page = client.get('/search/', {'q': 'women police'}).content.decode()
    assert share.get_absolute_url() in page
    client.logout()
    assert share.get_absolute_url() not in client.get('/search/', {'q': 'women police'}).content.decode()
