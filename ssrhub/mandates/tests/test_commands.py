"""Mission links stored at ingest, manual overrides, and `ssrhub mandates` on real UNTAC resolutions."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.missions import link_document, set_manual_link
from ssrhub.documents.models import Document, MissionLink
from ssrhub.framework.models import Mission

TEXTS = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'unsc-resolutions-1946-1994'
UNTAC = (745, 783, 792, 810, 840, 880)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope='module')
def untac_ingested(module_transaction, django_db_blocker):
    with django_db_blocker.unblock():
        for number in UNTAC:
            ingest_path(next(TEXTS.glob(f'S_RES_{number:04d}_*')))


@pytest.fixture
def untac(untac_ingested):
    return Mission.objects.get(acronym='UNTAC')


def run(*args) -> str:
    out = StringIO()
    call_command('mandates', *args, stdout=out)
    return out.getvalue()


def test_ingest_stores_what_each_resolution_does_to_the_mission(untac):
    links = {
        link.document.symbol: link for link in MissionLink.objects.filter(mission=untac).select_related('document')
    }
    assert links['S/RES/745 (1992)'].relation == 'establishes' and links['S/RES/745 (1992)'].paragraph_ref == '2'
    assert links['S/RES/792 (1992)'].relation == 'concerns'
    assert set(untac.documents.values_list('symbol', flat=True)) == set(links)


def test_a_manual_correction_outlives_a_new_reading(untac):
    document = Document.objects.get(symbol='S/RES/880 (1993)')
    set_manual_link(
        document, untac, relation='terminates', paragraph_ref='1', note='mandate ended with the new government'
    )
    version = document.versions.get(is_current=True)
    link_document(document, version, version.paragraphs.all())
    link = MissionLink.objects.get(document=document, mission=untac)
    assert (link.relation, link.source, link.note) == ('terminates', 'manual', 'mandate ended with the new government')
    assert link.history.count() >= 2  # the machine's link, then the person's change

    set_manual_link(document, untac, relation='concerns', excluded=True)
    assert not untac.documents.filter(pk=document.pk).exists()


def test_in_force_cites_the_resolutions_that_mandated_each_task(untac):
    body = json.loads(run('in-force', '--mission', 'untac', '--date', '1993-06-30', '--format', 'json'))
    assert body['mission'] == 'UNTAC' and body['date'] == '1993-06-30'
    cited = {task['symbol'] for task in body['tasks']}
    assert cited and cited <= {'S/RES/745 (1992)', 'S/RES/783 (1992)', 'S/RES/792 (1992)', 'S/RES/810 (1993)'}
    assert all(task['citation'].startswith('Mandated in previous resolution in S/RES/') for task in body['tasks'])
    # UNTAC closed on 24 September 1993: nothing is in force after.
    closed = json.loads(run('in-force', '--mission', 'UNTAC', '--date', '1994-01-01', '--format', 'json'))
    assert closed['closed'] is True and closed['tasks'] == []


def test_pema_table_has_a_row_per_resolution_on_the_track(untac):
    lines = run('pema-table', '--mission', 'UNTAC').splitlines()
    header = lines[0].split(',')
    assert header[:5] == ['Signature', 'NamePKO', 'Year', 'date', 'relation'] and 'policereform_assist' in header
    assert [line.split(',')[0] for line in lines[1:]] == [
        'S/RES/745',
        'S/RES/783',
        'S/RES/792',
        'S/RES/810',
        'S/RES/840',
        'S/RES/880',
    ]


def test_unknown_mission_is_a_clear_error(untac):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No mission 'UNTACX'"):
        run('in-force', '--mission', 'UNTACX')


def test_carry_forward_along_the_track_reports_shares_and_links(untac):
    resolutions = json.loads(run('carry', '--mission', 'UNTAC', '--format', 'json'))
    assert [row['symbol'] for row in resolutions][:2] == ['S/RES/745 (1992)', 'S/RES/783 (1992)']
    assert all(0.0 <= row['carried_share'] <= 1.0 for row in resolutions) and resolutions[0]['carried_share'] == 0.0
    paragraphs = json.loads(run('carry', '--mission', 'UNTAC', '--paragraphs', '--format', 'json'))
    carried = [row for row in paragraphs if row['carry_class'] != 'new']
    position = {row['symbol']: index for index, row in enumerate(resolutions)}
    assert carried and all(position[row['source_symbol']] < position[row['symbol']] for row in carried)
    assert {row['carry_class'] for row in paragraphs} <= {
        'verbatim',
        'substantially carried',
        'partially carried',
        'new',
    }
