"""Mandated vs reported for ONUMOZ: real resolutions against the composed sample report, page, drill-down,
exports, API, and the notice about mandates given by reference to reports."""

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from ssrhub.core.roles import Role
from ssrhub.core.symbols import DocType
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.missions import set_manual_link
from ssrhub.documents.models import Document, MissionLink
from ssrhub.framework.models import Mission
from ssrhub.mandates.comparison import Period, mission_by_reference, mission_matrix
from ssrhub.mandates.matrix_views import heat_legend

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / 'documents' / 'data'
# The ONUMOZ resolutions of the corpus (CR-UNSC stops at 902) and what each does to the mission.
ONUMOZ_TRACK = {
    'S/RES/782 (1992)': ('concerns', ''),  # interim Special Representative and observers, before ONUMOZ
    'S/RES/797 (1992)': ('establishes', '2'),
    'S/RES/818 (1993)': ('concerns', ''),
    'S/RES/850 (1993)': ('concerns', ''),
    'S/RES/863 (1993)': ('concerns', ''),
    'S/RES/879 (1993)': ('extends', '1'),
    'S/RES/882 (1993)': ('extends', '12'),
    'S/RES/898 (1994)': ('adjusts', '2'),  # a police component "as an integral part of ONUMOZ" is added to it
}
ONUMOZ_RESOLUTIONS = [782, 797, 818, 850, 863, 879, 882, 898]
REPORT = 'Report of the Secretary-General on the United Nations Operation in Mozambique'
MATRIX = '/mandates/missions/ONUMOZ/matrix/'


@pytest.fixture(scope='module')
def onumoz_ingested(module_transaction, django_db_blocker):
    """The ONUMOZ resolutions of the demo corpus and the composed sample report."""
    corpus = DATA / 'corpus' / 'unsc-1946-1994'
    resolutions = [next(corpus.glob(f'S_RES_{number:04d}_*.txt')) for number in ONUMOZ_RESOLUTIONS]
    with django_db_blocker.unblock():
        for path in resolutions + [DATA / 'samples' / 'ONUMOZ_report_sample_EN.txt']:
            assert ingest_path(path).status == 'created'


@pytest.fixture
def onumoz(onumoz_ingested):
    return Mission.objects.get(acronym='ONUMOZ')


@pytest.fixture
def viewer(client, make_user):
    client.force_login(make_user('reader', Role.VIEWER))
    return client


def test_every_onumoz_resolution_is_on_the_track_with_what_it_does(onumoz):
    links = MissionLink.objects.filter(mission=onumoz, document__doc_type=DocType.RESOLUTION)
    assert {link.document.symbol: (link.relation, link.paragraph_ref) for link in links} == ONUMOZ_TRACK


def test_resolutions_give_the_mandated_side_and_the_report_the_reported_side(onumoz):
    matrix = mission_matrix(onumoz)
    defence = matrix.row('component.defence')
    # S/RES/850 op. 9: ONUMOZ to chair the Joint Commission for the Formation of the Mozambican Defence Force.
    assert defence.mandated.count == 1
    assert defence.mandated.documents == ('S/RES/850 (1993)',)
    assert defence.reported.count >= 3
    assert matrix.totals.mandated.documents == ('S/RES/850 (1993)',)
    assert matrix.totals.reported.documents == (REPORT,)
    # The report's police monitoring, police-law advice and judicial training were never given as mission tasks.
    for code in ('component.police', 'component.justice', 'initiative.legislation'):
        assert code in matrix.reported_not_mandated
    assert matrix.mandated_not_reported == ()


def test_the_period_decides_which_documents_count(onumoz):
    in_1993 = mission_matrix(onumoz, Period(end=date(1993, 12, 31)))
    assert in_1993.mandated_not_reported == ('component.defence',)
    assert in_1993.totals.reported.count == 0
    in_1994 = mission_matrix(onumoz, Period(start=date(1994, 1, 1)))
    assert in_1994.totals.mandated.count == 0
    assert 'component.defence' in in_1994.reported_not_mandated
    with pytest.raises(ValueError):
        Period(date(1994, 1, 1), date(1993, 1, 1))


def test_mandates_given_by_reference_to_reports_not_stored_are_listed(onumoz):
    rows = {(row['symbol'], row['paragraph']): row for row in mission_by_reference(onumoz)}
    police = rows[('S/RES/898 (1994)', '2')]
    assert police['reports'] == [{'symbol': 'S/1994/89/Add.1', 'stored': False}]
    assert not police['complete'] and not police['from_preamble']
    # "Approves the report of the Secretary-General dated 3 December 1992 2/": the symbol is in a footnote.
    assert rows[('S/RES/797 (1992)', '1')]['reports'] == []
    assert ('S/RES/818 (1993)', '4') not in rows  # "Urges the Government of Mozambique and RENAMO..."


def test_pages_need_an_account_and_a_role(client, make_user, onumoz):
    for url in (
        MATRIX,
        f'{MATRIX}paragraphs/?code=component.defence&side=mandated',
        '/mandates/missions/ONUMOZ/matrix.csv',
    ):
        assert client.get(url)['Location'].startswith('/accounts/login/')
    assert client.get('/api/mandates/missions/ONUMOZ/matrix/').status_code in (401, 403)
    client.force_login(make_user('nobody'))
    assert client.get(MATRIX).status_code == 403


def test_the_heat_map_flags_gaps_and_links_every_count(viewer, onumoz):
    response = viewer.get(MATRIX, {'dimension': 'support'})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="matrix-table"' in page
    police_row = page[page.index('data-code="component.police"') :]
    police_row = police_row[: police_row.index('</tr>')]
    assert 'reported, not mandated' in police_row
    assert 'code=component.police&amp;side=reported&amp;dimension=support&amp;value=technical' in police_row
    assert 'S/1994/89/Add.1' in page  # the by-reference notice
    # A code's total opens all its paragraphs, whatever the breakdown on show.
    assert 'paragraphs/?code=component.police&amp;side=reported"' in police_row
    assert 'value="level" selected' in viewer.get(MATRIX).content.decode()
    assert viewer.get('/mandates/missions/ONUMOZ/').content.decode().count(MATRIX) == 1


def test_bad_parameters_are_refused_with_a_message(viewer, onumoz):
    response = viewer.get(MATRIX, {'start': '1994-06-01', 'end': '1994-01-01'})
    assert response.status_code == 400
    assert 'The period must start before it ends.' in response.content.decode()
    assert viewer.get(MATRIX, {'dimension': 'colour'}).status_code == 400
    assert viewer.get(f'{MATRIX}paragraphs/', {'code': 'component.police', 'side': 'ordered'}).status_code == 404
    assert viewer.get('/mandates/missions/ONUMOZ/matrix.pdf').status_code == 400
    assert viewer.get('/api/mandates/missions/ONUMOZ/matrix/', {'start': 'soon'}).status_code == 400


def test_a_cell_drills_down_to_its_paragraphs_with_the_evidence_marked(viewer, onumoz):
    params = {'code': 'component.police', 'side': 'reported'}
    page = viewer.get(f'{MATRIX}paragraphs/', params).content.decode()
    assert 'civilian police monitored the activities of the Mozambican' in page
    assert '<mark class="evidence" data-code="component.police"' in page
    assert '<html' in page
    partial = viewer.get(f'{MATRIX}paragraphs/', params, headers={'HX-Request': 'true'}).content.decode()
    assert '<html' not in partial and 'id="matrix-paragraphs"' in partial
    mandated = viewer.get(f'{MATRIX}paragraphs/', {'code': 'component.defence', 'side': 'mandated'}).content.decode()
    assert 'S/RES/850 (1993)</a>, paragraph 9' in mandated
    assert 'Joint Commission for the Formation of the Mozambican Defence Force' in mandated


def test_exports_and_api_carry_the_same_counts(viewer, onumoz):
    matrix = mission_matrix(onumoz)
    police = matrix.row('component.police')
    rows = list(
        csv.DictReader(io.StringIO(viewer.get('/mandates/missions/ONUMOZ/matrix.csv').content.decode('utf-8-sig')))
    )
    total = next(r for r in rows if r['code'] == 'component.police' and r['dimension'] == 'all')
    assert (int(total['mandated']), int(total['reported'])) == (0, police.reported.count)
    assert total['reported_not_mandated'] == 'true'
    exported = json.loads(viewer.get('/mandates/missions/ONUMOZ/matrix.json').content)
    assert len(exported) == len(rows)
    assert viewer.get('/mandates/missions/ONUMOZ/matrix.xlsx')['Content-Type'].startswith(
        'application/vnd.openxmlformats'
    )
    payload = viewer.get('/api/mandates/missions/ONUMOZ/matrix/', {'explicit_only': 'true'}).json()
    assert payload['mission'] == 'ONUMOZ' and payload['explicit_only'] is True
    assert 'component.police' in payload['reported_not_mandated']
    assert any(row['reports'] == [{'symbol': 'S/1994/89/Add.1', 'stored': False}] for row in payload['by_reference'])


def test_heat_legend_gives_the_counts_of_each_shade():
    assert heat_legend(1) == [{'heat': 0, 'low': 0, 'high': 0}, {'heat': 4, 'low': 1, 'high': 1}]
    # Largest count 7 on four shades: 1 -> 1, 2-3 -> 1..2, ...; each count falls in exactly one band.
    legend = heat_legend(7)
    assert [level['heat'] for level in legend] == [0, 1, 2, 3, 4]
    assert legend[-1]['high'] == 7
    covered = [count for level in legend[1:] for count in range(level['low'], level['high'] + 1)]
    assert covered == list(range(1, 8))


def test_matrix_page_shows_the_colour_scale(onumoz, viewer):
    page = viewer.get(MATRIX).content.decode()
    assert 'id="heat-legend"' in page and 'class="heat-swatch heat-4"' in page


def test_mission_record_links_to_its_track_and_lists_its_documents(onumoz, viewer):
    page = viewer.get('/missions/ONUMOZ/').content.decode()
    assert 'href="/mandates/missions/ONUMOZ/"' in page and 'href="/mandates/missions/ONUMOZ/matrix/"' in page
    assert '9 documents on the track' in page
    assert page.count('data-relation="adjusts"') == 1  # S/RES/898 (1994)
    assert 'S/RES/898 (1994)' in page and REPORT in page


def test_mission_record_without_access_to_links_shows_neither(onumoz, client):
    page = client.get('/missions/ONUMOZ/').content.decode()
    assert 'id="mission-documents"' not in page and 'id="mission-track-links"' not in page


def test_track_names_the_mandates_given_by_reference_up_to_the_date(onumoz, viewer):
    # 797 establishes ONUMOZ "as proposed by the Secretary-General" (its preamble cites the report by date only).
    page = viewer.get('/mandates/missions/ONUMOZ/?date=1993-06-30').content.decode()
    assert 'id="by-reference"' in page and 'S/RES/797 (1992)' in page and 'S/1994/89/Add.1' not in page
    page = viewer.get('/mandates/missions/ONUMOZ/?date=1994-06-30').content.decode()
    assert 'S/1994/89/Add.1' in page


def test_the_kept_matrix_changes_when_a_resolution_leaves_the_track(viewer, onumoz):
    def mandated():
        return sum(row.mandated.count for row in viewer.get(MATRIX).context['matrix'].rows)

    before = mandated()
    assert before > 0
    # Every resolution taken off ONUMOZ's track by hand: nothing is mandated any more.
    for symbol, (relation, _paragraph) in ONUMOZ_TRACK.items():
        set_manual_link(Document.objects.get(symbol=symbol), onumoz, relation=relation, excluded=True)
    assert mandated() == 0
