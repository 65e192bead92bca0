"""Trends page, downloads and API on six real resolutions of 1992-1994, read, coded and linked as an upload would be.

What the coder reads in them (checked against the texts):

* S/RES/797 (1992) establishes ONUMOZ: disarmament and demobilisation only, no SSR language.
* S/RES/865 (1993) concerns UNOSOM II: re-establishment of the Somali police, judicial and penal systems;
  its strongest paragraph "Approves the recommendations ..." (9) decides.
* S/RES/866 (1993) establishes UNOMIL: "Decides that UNOMIL shall ... (b) monitor ... points on Liberia's
  borders" is border management under a deciding chapeau.
* S/RES/828 (1993) admits Eritrea: names a country but is institutional business, not country-specific.
* S/RES/868 (1993) on the security of United Nations operations: thematic, names no country, no SSR code.
* S/RES/898 (1994) concerns ONUMOZ: the ONUMOZ police (preamble), the new army (requests, 4); strongest: requests.
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from ssrhub.coding.review import record_decision
from ssrhub.core.roles import Role
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Paragraph

pytestmark = pytest.mark.django_db

RESOLUTIONS = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'unsc-resolutions-1946-1994'
FILES = ('0797_1992', '0865_1993', '0866_1993', '0828_1993', '0868_1993', '0898_1994')
PAGE = '/mandates/trends/'
API = '/api/mandates/trends/'


@pytest.fixture(scope='module')
def corpus(module_transaction, django_db_blocker):
    with django_db_blocker.unblock():
        for name in FILES:
            outcome = ingest_path(RESOLUTIONS / f'S_RES_{name}_EN_GOLD.txt')
            assert outcome.status == 'created', outcome.message


@pytest.fixture
def viewer(client, make_user):
    client.force_login(make_user('reader', Role.VIEWER))
    return client


def by_year(rows):
    return {row['year']: row for row in rows}


def test_trends_need_an_account_and_a_role(client, make_user, corpus):
    for url in (PAGE, f'{PAGE}force.csv'):
        assert client.get(url)['Location'].startswith('/accounts/login/')
    assert client.get(API).status_code in (401, 403)
    assert client.get(f'{API}force/chart/').status_code in (401, 403)
    client.force_login(make_user('nobody'))
    for url in (PAGE, f'{PAGE}force.csv', API, f'{API}force/chart/', f'{API}nope/chart/'):
        assert client.get(url).status_code == 403, url


def test_api_tables_hold_the_counts_read_in_the_texts(viewer, corpus):
    data = viewer.get(API).json()
    assert (data['from'], data['to']) == (1992, 1994)
    tables = data['tables']
    assert list(tables) == ['ssr-language', 'codes', 'settings', 'force', 'country-specific']

    ssr = by_year(tables['ssr-language'])
    assert ssr[1992] == {'year': 1992, 'resolutions': 1, 'ssr_language': 0, 'ssr_share': 0.0, 'ssr_explicit': 0}
    assert ssr[1993] == {'year': 1993, 'resolutions': 4, 'ssr_language': 2, 'ssr_share': 0.5, 'ssr_explicit': 0}
    assert ssr[1994] == {'year': 1994, 'resolutions': 1, 'ssr_language': 1, 'ssr_share': 1.0, 'ssr_explicit': 0}

    codes = {(row['year'], row['code']): row['resolutions'] for row in tables['codes']}
    assert codes[1993, 'component.police'] == codes[1993, 'component.justice'] == 1  # 865
    assert codes[1993, 'component.border-management'] == 1  # 866
    assert codes[1994, 'component.defence'] == codes[1994, 'component.police'] == 1  # 898
    assert codes[1993, 'related.disarmament-demobilisation'] == 2  # 865 and 866
    assert codes[1992, 'related.disarmament-demobilisation'] == 1  # 797
    assert codes[1992, 'component.police'] == 0

    settings = by_year(tables['settings'])
    assert (settings[1993]['pko_resolutions'], settings[1993]['pko_ssr']) == (2, 2)
    assert (settings[1993]['none_resolutions'], settings[1993]['none_ssr']) == (2, 0)  # 828 and 868
    assert settings[1993]['spm_resolutions'] == 0

    force = by_year(tables['force'])
    assert force[1993]['decides'] == 2 and force[1993]['ssr_language'] == 2
    assert force[1994]['requests'] == 1 and force[1994]['declaratory'] == 0

    country = by_year(tables['country-specific'])
    assert country[1992] == {
        'year': 1992,
        'resolutions': 1,
        'country_specific': 1,
        'country_specific_ssr': 0,
        'share': 0.0,
    }
    # 865 and 866 (on a track) are; the admission of Eritrea and the thematic 868 are not.
    assert country[1993] == {
        'year': 1993,
        'resolutions': 4,
        'country_specific': 2,
        'country_specific_ssr': 2,
        'share': 1.0,
    }


def test_api_filters_by_years_measure_and_group(viewer, corpus):
    data = viewer.get(API, {'from': 1993, 'to': 1995, 'measure': 'codes', 'group': 'component'}).json()
    assert (data['from'], data['to']) == (1993, 1995) and list(data['tables']) == ['codes']
    rows = data['tables']['codes']
    assert {row['group'] for row in rows} == {'component'}
    assert {row['year'] for row in rows} == {1993, 1994, 1995}
    # 1995: no resolution stored, no value.
    assert all(row['resolutions'] is None for row in rows if row['year'] == 1995)


def test_chart_json_follows_the_line_contract(viewer, corpus):
    chart = viewer.get(f'{API}ssr-language/chart/', HTTP_ACCEPT='application/json').json()
    assert chart['kind'] == 'line' and chart['labels'] == ['1992', '1993', '1994']
    assert chart['x_label'] == 'Year' and chart['y_label'] == 'Resolutions'
    series = {item['key']: item for item in chart['series']}
    assert series['ssr_language'] == {'key': 'ssr_language', 'label': 'With SSR language', 'values': [0, 2, 1]}
    assert series['resolutions']['values'] == [1, 4, 1]

    share = viewer.get(f'{API}country-specific/chart/', {'from': 1993}).json()
    assert share['labels'] == ['1993', '1994']
    assert share['series'] == [
        {'key': 'share_percent', 'label': 'Share with SSR language (%)', 'values': [100.0, 100.0]}
    ]
    codes = viewer.get(f'{API}codes/chart/', {'group': 'component'}).json()
    by_code = {item['key']: item for item in codes['series']}
    assert by_code['component.police'] == {
        'key': 'component.police',
        'label': 'Police and law enforcement',
        'values': [0, 1, 1],
    }
    assert not any(key.startswith('related.') for key in by_code)
    settings = viewer.get(f'{API}settings/chart/').json()
    assert [item['label'] for item in settings['series']] == [
        'Peacekeeping operation',
        'Special political mission',
        'Non-mission setting',
        'No mission',
    ]


def test_page_draws_charts_from_the_api_next_to_their_tables(viewer, corpus):
    response = viewer.get(PAGE)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'chartjs/chart.umd.min.js' in page and 'ssrhub/charts.js' in page
    assert '<li class="breadcrumb-item"><a href="/mandates/">Mandates</a></li>' in page
    assert 'data-chart-src="/api/mandates/trends/ssr-language/chart/?from=1992&amp;to=1994"' in page
    assert 'data-chart-src="/api/mandates/trends/codes/chart/?from=1992&amp;to=1994&amp;group=component"' in page
    assert page.count('data-chart="line"') == 4 + 3  # four measures, codes of three groups (no initiative, ssr)
    table = page.split('id="ssr-language-table"')[1].split('</table>')[0]
    row_1993 = table.split('<th scope="row">1993</th>')[1].split('</tr>')[0]
    assert [cell.split('>')[1] for cell in row_1993.split('</td>')[:-1]] == ['4', '2', '50.0 %', '0']
    country = page.split('id="country-specific-table"')[1].split('</table>')[0]
    assert 'Country-specific resolutions with SSR language' in country
    assert 'href="/mandates/trends/force.xlsx?from=1992&amp;to=1994"' in page
    assert 'href="/mandates/trends/"' in viewer.get('/mandates/').content.decode()


def test_page_shows_one_measure_and_a_year_range(viewer, corpus):
    page = viewer.get(PAGE, {'from': 1993, 'to': 1993, 'measure': 'force'}).content.decode()
    assert page.count('data-chart="line"') == 1
    assert 'data-chart-src="/api/mandates/trends/force/chart/?from=1993&amp;to=1993"' in page
    assert 'value="1993"' in page and 'id="ssr-language-table"' not in page
    table = page.split('id="force-table"')[1].split('</table>')[0]
    assert '<th scope="row">1993</th>' in table and '1994' not in table
    empty = viewer.get(PAGE, {'from': 1950, 'to': 1951}).content.decode()
    assert '–' in empty.split('id="ssr-language-table"')[1]  # no resolution: no value
    # Years without any stored resolution take one row between the years that have some.
    wide = viewer.get(PAGE, {'from': 1988, 'to': 1996, 'measure': 'ssr-language'}).content.decode()
    years = re.findall(r'<th scope="row">([^<]+)</th>', wide.split('id="ssr-language-table"')[1].split('</table>')[0])
    assert years == ['1988–1991', '1992', '1993', '1994', '1995–1996']


@pytest.mark.parametrize(
    ('fmt', 'content_type'),
    [
        ('csv', 'text/csv; charset=utf-8'),
        ('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
        ('json', 'application/json; charset=utf-8'),
    ],
)
def test_every_table_downloads_in_each_format(viewer, corpus, fmt, content_type):
    for measure in ('ssr-language', 'codes', 'settings', 'force', 'country-specific'):
        response = viewer.get(f'{PAGE}{measure}.{fmt}')
        assert response.status_code == 200 and response['Content-Type'] == content_type
        assert f'ssr-trends-{measure}-1992-1994.{fmt}' in response['Content-Disposition']
    response = viewer.get(f'{PAGE}country-specific.{fmt}', {'from': 1993, 'to': 1993})
    if fmt == 'csv':
        rows = list(csv.DictReader(io.StringIO(response.content.decode('utf-8-sig'))))
        assert rows == [
            {
                'Year': '1993',
                'Resolutions': '4',
                'Country-specific resolutions': '2',
                'Country-specific resolutions with SSR language': '2',
                'Share with SSR language': '1.0',
            }
        ]
    elif fmt == 'json':
        assert response.json() == [
            {'year': 1993, 'resolutions': 4, 'country_specific': 2, 'country_specific_ssr': 2, 'share': 1.0}
        ]
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert [cell.value for cell in sheet[2]] == [1993, 4, 2, 2, 1.0]
    codes = viewer.get(f'{PAGE}codes.{fmt}', {'group': 'component', 'from': 1994})
    if fmt == 'json':
        rows = codes.json()
        # Only the codes found in the years asked for: 898 reads police and defence.
        assert {row['code'] for row in rows} == {'component.police', 'component.defence'}
        police = next(row for row in rows if row['code'] == 'component.police')
        assert police == {
            'year': 1994,
            'code': 'component.police',
            'label': 'Police and law enforcement',
            'group': 'component',
            'resolutions': 1,
            'explicit_resolutions': 1,
        }


def test_bad_parameters_are_refused_with_a_message(viewer, corpus):
    response = viewer.get(PAGE, {'from': 'soon'})
    assert response.status_code == 400 and 'Enter a whole number.' in response.content.decode()
    response = viewer.get(PAGE, {'from': 1994, 'to': 1992})
    assert response.status_code == 400
    assert 'The last year must not come before the first year.' in response.content.decode()
    assert viewer.get(PAGE, {'measure': 'budget'}).status_code == 400

    response = viewer.get(f'{PAGE}budget.csv')
    assert response.status_code == 400 and 'Unknown measure budget' in response.content.decode()
    assert viewer.get(f'{PAGE}force.pdf').status_code == 400
    response = viewer.get(f'{PAGE}force.csv', {'to': '1800'})
    assert response.status_code == 400 and response.content.decode().startswith('to: ')

    response = viewer.get(API, {'from': 'x', 'group': 'nope'})
    assert response.status_code == 400
    errors = response.json()
    assert errors['from'] == ['Enter a whole number.'] and 'nope' in errors['group'][0]
    response = viewer.get(f'{API}budget/chart/')
    assert response.status_code == 400 and 'Unknown measure budget' in response.json()['measure'][0]


def test_schema_documents_the_trend_endpoints(viewer):
    text = viewer.get('/api/schema/').content.decode()
    assert '/api/mandates/trends/:' in text and '/api/mandates/trends/{measure}/chart/:' in text
    assert 'TrendLineChart' in text and 'TrendTables' in text


@pytest.mark.parametrize(
    ('url', 'most'), [(PAGE, 14), (f'{PAGE}codes.json', 12), (API, 12), (f'{API}force/chart/', 12)]
)
def test_trends_use_a_bounded_number_of_queries(viewer, django_assert_max_num_queries, corpus, url, most):
    # Calculated, not kept: the page reads the versions of its kept tables and of the records it reads.
    with django_assert_max_num_queries(most):
        assert viewer.get(url).status_code == 200


def _page_row(client, year: int) -> list:
    """The ssr-language table's row of ``year`` on the page."""
    section = client.get(PAGE, {'measure': 'ssr-language'}).context['sections'][0]
    return next(row for row in section['charts'][0]['rows'] if row[0] == year)


def test_trends_are_kept_until_an_ingest_or_a_review_changes_them(viewer, corpus, make_user):
    with CaptureQueriesContext(connection) as calculated:
        before = by_year(viewer.get(API).json()['tables']['ssr-language'])[1993]
    with CaptureQueriesContext(connection) as kept:
        assert by_year(viewer.get(API).json()['tables']['ssr-language'])[1993] == before
    assert len(kept) < len(calculated) - 4  # the records were not read again
    assert _page_row(viewer, 1993)[1:3] == ['4', '2']

    # S/RES/867 (1993) establishes UNMIH in Haiti, police monitors among it: one more of 1993, with SSR language.
    assert ingest_path(RESOLUTIONS / 'S_RES_0867_1993_EN_GOLD.txt').status == 'created'
    after = by_year(viewer.get(API).json()['tables']['ssr-language'])[1993]
    assert (after['resolutions'], after['ssr_language']) == (5, 3)
    assert _page_row(viewer, 1993)[1:3] == ['5', '3']

    # A reviewer reads police reform in the admission of Eritrea.
    paragraph = Paragraph.objects.filter(version__document__symbol__startswith='S/RES/828').first()
    record_decision(paragraph, make_user('coder', Role.ANALYST), 'add', code='component.police')
    assert by_year(viewer.get(API).json()['tables']['ssr-language'])[1993]['ssr_language'] == 4
    assert _page_row(viewer, 1993)[1:3] == ['5', '4']
