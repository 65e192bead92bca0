"""Mission track pages, the timeline JSON, mandate in force, exports, link corrections and the mandates API."""

import csv
import io
from pathlib import Path

import pytest
from django.utils import translation

from ssrhub.core.roles import Role
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Document, MissionLink

pytestmark = pytest.mark.django_db

RESOLUTIONS = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'unsc-resolutions-1946-1994'
UNTAC = ('0745_1992', '0783_1992', '0792_1992', '0810_1993', '0840_1993', '0880_1993')
TRACK = '/mandates/missions/UNTAC/'


@pytest.fixture(scope='module')
def untac_ingested(module_transaction, django_db_blocker):
    """Six real UNTAC resolutions, read, coded and linked as an upload would be, once for the module."""
    with django_db_blocker.unblock():
        for name in UNTAC:
            outcome = ingest_path(RESOLUTIONS / f'S_RES_{name}_EN_GOLD.txt')
            assert outcome.status == 'created', outcome.message


@pytest.fixture
def untac(untac_ingested):
    return {doc.symbol.split(' ')[0]: doc for doc in Document.objects.all()}


@pytest.fixture
def viewer(client, make_user):
    client.force_login(make_user('reader', Role.VIEWER))
    return client


@pytest.fixture
def analyst(client, make_user):
    client.force_login(make_user('ana', Role.ANALYST))
    return client


def _link(symbol):
    return MissionLink.objects.get(mission__acronym='UNTAC', document__symbol__startswith=f'{symbol} (')


def test_pages_need_an_account_and_a_role(client, make_user, untac):
    for url in ('/mandates/', TRACK, f'{TRACK}timeline.json', f'{TRACK}in-force.csv'):
        assert client.get(url)['Location'].startswith('/accounts/login/')
    assert client.get('/api/mandates/missions/UNTAC/in-force/').status_code in (401, 403)
    client.force_login(make_user('nobody'))
    assert client.get(TRACK).status_code == 403
    assert client.get('/api/mandates/missions/UNTAC/links/').status_code == 403


def test_index_lists_missions_with_a_track(viewer, untac):
    page = viewer.get('/mandates/').content.decode()
    assert f'href="{TRACK}"' in page
    row = page.split(f'href="{TRACK}"')[1].split('</tr>')[0]
    assert '1992-02-28' in row and '1993-11-04' in row


def test_track_lists_the_documents_with_their_relation(viewer, untac):
    response = viewer.get(TRACK)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-chart-src="/mandates/missions/UNTAC/timeline.json"' in page
    assert 'chartjs/chart.umd.min.js' in page
    table = page.split('id="track-table"')[1].split('</table>')[0]
    for symbol, document in untac.items():
        assert document.get_absolute_url() in table, symbol
    row_745 = table.split(untac['S/RES/745'].get_absolute_url())[1].split('</tr>')[0]
    assert 'data-relation="establishes"' in row_745
    # Ordered by date: 745 (February 1992) comes before 880 (November 1993).
    assert table.index(untac['S/RES/745'].get_absolute_url()) < table.index(untac['S/RES/880'].get_absolute_url())
    assert 'id="override-form"' not in page  # a viewer may not correct links
    assert viewer.get('/mandates/missions/NOSUCH/').status_code == 404


def test_timeline_json_has_the_points_and_the_mission_period(viewer, untac):
    data = viewer.get(f'{TRACK}timeline.json').json()
    assert data['kind'] == 'timeline'
    points = {point['label'].split(' (')[0]: point for point in data['points']}
    assert set(points) >= set(untac)
    assert points['S/RES/745']['category'] == 'establishes' and points['S/RES/745']['date'] == '1992-02-28'
    assert points['S/RES/745']['url'] == untac['S/RES/745'].get_absolute_url()
    lanes = {lane['key'] for lane in data['lanes']}
    assert all(point['lane'] in lanes for point in data['points'])
    assert {'key': 'mission-UNTAC', 'label': 'UNTAC'} in data['lanes']
    assert {'key': 'mission-UNAMIC', 'label': 'UNAMIC'} in data['lanes']  # its predecessor
    assert [r['start'] for r in data['ranges'] if r['label'] == 'UNTAC'] == ['1992-02-28']
    assert {category['key'] for category in data['categories']} >= {'establishes'}


def test_in_force_on_a_date_cites_earlier_resolutions(viewer, untac):
    page = viewer.get(TRACK, {'date': '1993-06-30'}).content.decode()
    assert 'Mandate in force on 1993-06-30' in page
    table = page.split('id="in-force-table"')[1].split('</table>')[0]
    assert 'Mandated in previous resolution in S/RES/783 paragraph(s) 10' in table
    assert 'Mandated in previous resolution in S/RES/792' in table
    assert untac['S/RES/792'].get_absolute_url() in table
    assert 'S/RES/880' not in table  # adopted after the date
    # Before the mission's first resolution nothing is in force; a bad date is an error, not a crash.
    early = viewer.get(TRACK, {'date': '1991-01-01'}).content.decode()
    assert 'No coded task is in force on this date.' in early
    assert 'Enter a date as YYYY-MM-DD.' in viewer.get(TRACK, {'date': 'soon'}).content.decode()


def test_in_force_api_refuses_a_bad_date_in_the_user_language(viewer, untac):
    url = '/api/mandates/missions/UNTAC/in-force/'
    with translation.override('en'):
        assert viewer.get(url, {'date': '1993-06-30'}).json()['date'] == '1993-06-30'
        response = viewer.get(url, {'date': '30/06/1993'})
        assert response.status_code == 400
        assert response.json() == {
            'date': ['“30/06/1993” is not a date. Enter the date as YYYY-MM-DD, for example 1993-12-31.']
        }
        french = viewer.get(url, {'date': 'soon'}, HTTP_ACCEPT_LANGUAGE='fr')
    assert french.status_code == 400
    assert french.json() == {
        'date': [
            '«\u00a0soon\u00a0» n’est pas une date. Saisissez la date au format AAAA-MM-JJ, par exemple 1993-12-31.'
        ]
    }


@pytest.mark.parametrize(
    ('fmt', 'content_type'),
    [
        ('csv', 'text/csv; charset=utf-8'),
        ('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
        ('json', 'application/json; charset=utf-8'),
    ],
)
def test_exports_answer_in_each_format(viewer, untac, fmt, content_type):
    response = viewer.get(f'{TRACK}in-force.{fmt}', {'date': '1993-06-30'})
    assert response.status_code == 200 and response['Content-Type'] == content_type
    assert f'UNTAC-in-force-1993-06-30.{fmt}' in response['Content-Disposition']
    response = viewer.get(f'{TRACK}pema-table.{fmt}')
    assert response.status_code == 200 and response['Content-Type'] == content_type
    if fmt == 'json':
        assert {row['Signature'] for row in response.json()} >= {'S/RES/745', 'S/RES/880'}
    if fmt == 'csv':
        text = viewer.get(f'{TRACK}in-force.csv', {'date': '1993-06-30'}).content.decode('utf-8-sig')
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and any('S/RES/792' in row['Citation'] for row in rows)


def test_unknown_export_format_is_a_bad_request(viewer, untac):
    assert viewer.get(f'{TRACK}in-force.pdf').status_code == 400
    assert viewer.get(f'{TRACK}pema-table.pdf').status_code == 400
    assert viewer.get(f'{TRACK}in-force.csv', {'date': 'never'}).status_code == 400


def test_analyst_excludes_a_link(analyst, untac):
    page = analyst.get(TRACK, {'date': '1993-06-30'}).content.decode()
    assert 'id="override-form"' in page and 'S/RES/792' in page.split('id="in-force-table"')[1].split('</table>')[0]
    data = {'symbol': 'S/RES/792', 'relation': 'concerns', 'excluded': 'on', 'note': 'test'}
    response = analyst.post(TRACK, data)
    assert response.status_code == 302 and response['Location'] == TRACK
    link = _link('S/RES/792')
    assert link.excluded and link.source == 'manual' and link.note == 'test'
    page = analyst.get(TRACK, {'date': '1993-06-30'}).content.decode()
    assert 'is now excluded from UNTAC' in page
    in_force = page.split('id="in-force-table"')[1].split('</table>')[0]
    assert 'S/RES/792' not in in_force and 'S/RES/783' in in_force
    track = page.split('id="track-table"')[1].split('</table>')[0]
    assert 'excluded</span>' in track  # still listed, flagged
    timeline = analyst.get(f'{TRACK}timeline.json').json()
    assert not any(point['label'].startswith('S/RES/792') for point in timeline['points'])


def test_override_refuses_an_unknown_symbol(analyst, untac):
    response = analyst.post(TRACK, {'symbol': 'S/RES/9999', 'relation': 'extends'})
    assert response.status_code == 400
    assert 'No document with the symbol S/RES/9999.' in response.content.decode()
    assert not MissionLink.objects.filter(source='manual').exists()


def test_viewer_may_not_post_a_correction(viewer, untac):
    response = viewer.post(TRACK, {'symbol': 'S/RES/745', 'relation': 'establishes', 'excluded': 'on'})
    assert response.status_code == 403
    assert not _link('S/RES/745').excluded


def test_api_endpoints(viewer, untac):
    base = '/api/mandates/missions/UNTAC/'
    data = viewer.get(f'{base}in-force/', {'date': '1993-06-30'}).json()
    assert data['mission'] == 'UNTAC' and data['date'] == '1993-06-30' and not data['closed']
    assert any(task['symbol'].startswith('S/RES/783') and task['label'] for task in data['tasks'])
    assert viewer.get(f'{base}in-force/', {'date': 'x'}).status_code == 400
    rows = viewer.get(f'{base}pema-table/').json()
    assert [row['Signature'] for row in rows][0] == 'S/RES/745'
    links = viewer.get(f'{base}links/').json()
    by_symbol = {link['symbol'].split(' ')[0]: link for link in links['results']}
    assert by_symbol['S/RES/745']['relation'] == 'establishes'
    assert viewer.get('/api/mandates/missions/NOSUCH/links/').status_code == 404


def test_schema_lists_the_mandate_endpoints(viewer):
    response = viewer.get('/api/schema/')
    assert response.status_code == 200
    text = response.content.decode()
    assert '/api/mandates/missions/{acronym}/in-force/' in text and '/api/mandates/missions/{acronym}/links/' in text


# A first request (the cache is emptied before each test) also reads the countries menu's version and countries.
@pytest.mark.parametrize(
    ('url', 'most'),
    [
        ('/mandates/', 7),
        # The by-reference notice and the tasks in force each read the paragraphs and the reports stored; the menu,
        # the workspaces.
        (TRACK, 18),
        (f'{TRACK}timeline.json', 8),
        (f'{TRACK}in-force.json', 10),
        ('/api/mandates/missions/UNTAC/links/', 8),
        ('/api/mandates/missions/UNTAC/in-force/', 12),
    ],
)
def test_pages_use_a_bounded_number_of_queries(analyst, django_assert_max_num_queries, untac, url, most):
    with django_assert_max_num_queries(most):
        assert analyst.get(url).status_code == 200
