"""Monitoring dashboards and the report's "what changed": the page's chart, tables, rule and results at risk from
approved actuals only; filters; a framework's JSON; access as the frameworks pages; a query count that does not grow
with the indicators; the report's sentences citing the indicator and the approved reports, outputs apart from
outcomes, in English and French."""

import datetime
from decimal import Decimal as D

import pytest
from django.db import connection
from django.utils import translation
from rest_framework.test import APIClient

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.monitoring.models import Indicator
from ssrhub.monitoring.report.assemble import build_report
from ssrhub.monitoring.report.sentences import written_report

from .actuals_data import approved, dashboard_plan, make_indicator, outcome_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(db):
    return dashboard_plan()


@pytest.fixture
def users(make_user):
    return {
        'viewer': make_user('lbr-viewer', Role.VIEWER, ('LBR',)),
        'no-role': make_user('no-role'),
    }


def page(client, user, url, **params):
    client.force_login(user)
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


COUNTRY_URL = '/countries/LBR/workspace/monitoring/dashboard/'


# Section: the page


def test_country_dashboard_charts_tables_rule_and_results_at_risk(client, plan, users):
    html = page(client, users['viewer'], COUNTRY_URL)
    output, outcome = plan['output'], plan['outcome']
    # the rule, both the approved-only rule and the on-track rule
    assert 'Only approved actuals count' in html and 'On track at 75 % or more, at risk from 50 % to 75 %' in html
    # a chart per indicator, accessible: title and description, targets, baseline and dots coloured by status
    assert html.count('class="indicator-chart"') == 2
    assert f'<title id="chart-{output.pk}-title">1.1.a Police officers trained in human rights' in html
    assert 'class="targets"' in html and 'class="baseline"' in html and 'data-track="at-risk" fill=' in html
    # the table beside it: period, target, actual (cumulative is off: 110 in 2025), status; the submitted 999 unseen
    assert '<th scope="row">2025</th><td class="text-end">200</td><td class="text-end">110</td>' in html
    assert '999' not in html
    # the percentage is written as one, to its decimals
    assert '15.0%' in html and '40.0%' in html
    # at risk: off track first (the outcome), then the output at risk, each with why
    at_risk = html[html.index('id="at-risk"') : html.index('id="indicators-heading"')]
    assert at_risk.index(outcome.code) < at_risk.index(output.code)
    assert '2024: 15.0% covers 17% of the way from the baseline 10.0% to the target 40.0%.' in at_risk
    assert '2025: 110 covers 55% of the way from the baseline 0 to the target 200.' in at_risk
    # outputs and outcomes counted apart
    levels = html[html.index('id="levels-table"') : html.index('id="risk-heading"')]
    assert '<th scope="row">Outcomes</th><td class="text-end" data-column="on-track">0</td>' in levels
    assert '<td class="text-end" data-column="off-track">1</td>' in levels
    assert (
        '<th scope="row">Outputs</th><td class="text-end" data-column="on-track">0</td><td class="text-end" '
        'data-column="at-risk">1</td>' in levels
    )


def test_filters_by_status_level_and_framework(client, plan, users):
    other = make_indicator(code='9.1.a')
    html = page(client, users['viewer'], COUNTRY_URL, status='off-track')
    assert plan['outcome'].code in html and f'id="indicator-{plan["output"].pk}"' not in html
    html = page(client, users['viewer'], COUNTRY_URL, level='1')
    assert f'id="indicator-{plan["outcome"].pk}"' not in html and f'id="indicator-{plan["output"].pk}"' in html
    assert f'id="indicator-{other.pk}"' in html
    html = page(client, users['viewer'], COUNTRY_URL, framework=other.result.framework.pk)
    assert f'id="indicator-{other.pk}"' in html and f'id="indicator-{plan["output"].pk}"' not in html
    assert 'No indicator is off track or at risk.' in html


def test_framework_dashboard_and_its_json(client, plan, users):
    framework = plan['framework']
    html = page(client, users['viewer'], f'/countries/LBR/workspace/frameworks/{framework.pk}/dashboard/')
    assert f'Dashboard of {framework.display_title}' in html and html.count('class="indicator-chart"') == 2
    api = APIClient()
    api.force_authenticate(users['viewer'])
    data = api.get(f'/api/monitoring/frameworks/{framework.pk}/dashboard/').json()
    assert data['at_risk'] == [plan['outcome'].pk, plan['output'].pk]
    output = next(row for row in data['indicators'] if row['id'] == plan['output'].pk)
    assert [(p['label'], p['actual'], p['status']) for p in output['periods']] == [
        ('2024', '90.0000', 'on-track'),
        ('2025', '110.0000', 'at-risk'),
    ]
    assert {row['result_type']: row['at_risk'] for row in data['levels']} == {'1': 1, '2': 0}


def test_access_as_the_frameworks_pages(client, plan, users):
    """Every role reads workspace records (``core/roles.py``); an account without a role reads none, an anonymous
    visitor is sent to log in."""
    client.force_login(users['no-role'])
    assert client.get(f'/countries/LBR/workspace/frameworks/{plan["framework"].pk}/').status_code == 403
    assert client.get(COUNTRY_URL).status_code == 403
    framework = plan['framework']
    assert client.get(f'/countries/LBR/workspace/frameworks/{framework.pk}/dashboard/').status_code == 403
    api = APIClient()
    api.force_authenticate(users['no-role'])
    assert api.get(f'/api/monitoring/frameworks/{framework.pk}/dashboard/').status_code == 403
    client.logout()
    assert client.get(COUNTRY_URL).status_code == 302


def test_query_count_does_not_grow_with_indicators(client, plan, users):
    client.force_login(users['viewer'])

    def count():
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
            assert client.get(COUNTRY_URL).status_code == 200
        return len(queries)

    count()  # the countries menu is read once, then kept
    few = count()
    assert few > 5
    for number in range(6):
        indicator = outcome_indicator(plan['framework'], code=f'2.1.{number}')
        approved(indicator.periods.get(), D(30), numerator=30, denominator=100)
    assert Indicator.objects.count() == 8
    assert count() == few


def test_page_in_french(client, plan, users):
    client.force_login(users['viewer'])
    with translation.override('en'):  # the request activates French; the tests after it stay in English
        html = client.get(COUNTRY_URL, HTTP_ACCEPT_LANGUAGE='fr').content.decode()
    assert 'Seules les valeurs approuvées comptent' in html and 'Résultats à risque' in html
    assert '15,0\u00a0%' in html


# Section: the report


def test_report_changed_section_cites_indicator_and_approved_reports(plan):
    country = Country.objects.get(iso3='LBR')
    report = build_report(country, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), 'en')
    changed = report.section('changed')
    sentences = [sentence for paragraph in changed.paragraphs for sentence in paragraph.sentences]
    # only the output has an approved value in 2025; the submitted 999 is not cited
    assert [sentence.code for sentence in sentences] == ['changed-level', 'changed-indicator']
    cited = {citation.url for citation in sentences[1].citations}
    assert cited == {plan['output'].get_absolute_url(), plan['reports']['output-2025'].get_absolute_url()}
    assert all(citation.kind == 'record' for citation in sentences[1].citations)
    text = [s['text'] for s in written_report(report).sections[-1]['paragraphs'][1]['sentences']]
    assert text == [
        '1.1.a “Police officers trained in human rights”: from the baseline 0 (31 December 2023) to 110 in 2025, '
        'against a target of 200: at risk.'
    ]


def test_report_outputs_apart_from_outcomes_in_french(plan):
    country = Country.objects.get(iso3='LBR')
    report = build_report(country, datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), 'fr')
    paragraphs = written_report(report).sections[-1]['paragraphs']
    texts = [[s['text'] for s in paragraph['sentences']] for paragraph in paragraphs]
    assert texts[0] == ['Effets\u00a0: 1 indicateur a des valeurs approuvées sur la période.']
    assert texts[1][0].endswith('par rapport à une cible de 40,0\u00a0%\u00a0: en retard.')
    assert texts[2] == ['Produits\u00a0: 1 indicateur a des valeurs approuvées sur la période.']
    assert '90' in texts[3][0] and 'en bonne voie' in texts[3][0]


def test_report_names_the_framework_when_the_country_has_several(plan):
    other = make_indicator()  # a second framework whose indicator is also 1.1.a
    other.result.framework.title = 'Justice programme results'
    other.result.framework.save()
    approved(other.periods.get(label='2025'), 150)
    country = Country.objects.get(iso3='LBR')
    report = build_report(country, datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), 'en')
    paragraphs = written_report(report).sections[-1]['paragraphs']
    texts = [[s['text'] for s in paragraph['sentences']] for paragraph in paragraphs]
    assert texts[0] == ['Results framework “Justice programme results”: 1 indicator has approved values in the period.']
    assert texts[2][0].startswith('1.1.a “Police officers trained in human rights”: from the baseline 0')
    assert texts[2][0].endswith('to 150 in 2025, against a target of 200: on track.')
    assert texts[3] == [
        'Results framework “Security sector reform results LBR”: 1 indicator has approved values in the period.'
    ]
    assert texts[5][0].endswith('to 110 in 2025, against a target of 200: at risk.')
