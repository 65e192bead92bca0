"""A mandate given by reference, followed end to end: resolution 898 (1994) authorizes ONUMOZ's police component
"with the mandate and deployment described in paragraphs 9 to 18 of document S/1994/89/Add.1". The report here is a
fixture the project wrote (``data/onumoz_police_addendum_fixture_EN.txt``, labelled in its text as not a UN
document); ingesting it makes its paragraphs 9 to 18 the mandate of 898, in the matrix, the mandate in force, the
PEMA-shaped table and the pages, and takes the reference off the list of those not followed."""

from datetime import date
from html import escape
from pathlib import Path

import pytest

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.models import CodeAssignment, SourceChoices
from ssrhub.coding.pema import parse_cell
from ssrhub.core.roles import Role
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Document
from ssrhub.framework.models import Mission
from ssrhub.mandates.comparison import mission_by_reference, mission_matrix, mission_references
from ssrhub.mandates.queries import pema_table_rows
from ssrhub.mandates.views import in_force_rows

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[2] / 'documents' / 'data' / 'corpus' / 'unsc-1946-1994'
FIXTURE = Path(__file__).resolve().parent / 'data' / 'onumoz_police_addendum_fixture_EN.txt'
REPORT = 'S/1994/89/Add.1'
ADOPTING = 'S/RES/898 (1994) op. 2 -> S/1994/89/Add.1 paras. 9-18'


@pytest.fixture(scope='module')
def resolutions(module_transaction, django_db_blocker):
    """ONUMOZ's establishing resolution and the one that adds the police component by reference."""
    with django_db_blocker.unblock():
        for number in (797, 898):
            assert ingest_path(next(CORPUS.glob(f'S_RES_{number:04d}_*.txt'))).status == 'created'


@pytest.fixture
def onumoz(resolutions):
    return Mission.objects.get(acronym='ONUMOZ')


def _police_row(onumoz):
    rows = {(row['symbol'], row['paragraph']): row for row in mission_by_reference(onumoz)}
    return rows[('S/RES/898 (1994)', '2')]


def _mandated_police(onumoz):
    return [ref for ref in mission_references(onumoz) if ref.side == 'mandated' and ref.code == 'component.police']


def test_ingesting_the_report_makes_its_cited_paragraphs_the_mandate(onumoz):
    row = _police_row(onumoz)
    assert not row['complete'] and row['citations'] == [ADOPTING]
    assert _mandated_police(onumoz) == []  # the resolution's own words give no police task

    assert ingest_path(FIXTURE).status == 'created'

    row = _police_row(onumoz)
    assert row['complete'] and row['reports'] == [{'symbol': REPORT, 'stored': True}]
    mandated = _mandated_police(onumoz)
    assert {ref.document for ref in mandated} == {'S/RES/898 (1994)'}
    labels = {ref.paragraph for ref in mandated}
    # Paragraphs 9 and 11-14 hold police tasks; 15 to 18 (strength, deployment) hold none.
    assert labels == {f'S/RES/898 (1994) op. 2 -> S/1994/89/Add.1 para. {n}' for n in (9, 11, 12, 13, 14)}


def test_only_the_cited_paragraphs_count_and_they_leave_the_reported_side(onumoz):
    ingest_path(FIXTURE)
    assert mission_matrix(onumoz).row('component.police').mandated.documents == ('S/RES/898 (1994)',)
    references = mission_references(onumoz)
    report = Document.objects.get(symbol=REPORT)
    adopted = {ref.paragraph_id for ref in references if ref.side == 'mandated' and '->' in ref.paragraph}
    in_report = dict(report.versions.get(is_current=True).paragraphs.values_list('pk', 'ref'))
    assert {in_report[pk] for pk in adopted} >= {'9', '11', '14'}
    assert all(9 <= int(in_report[pk]) <= 18 for pk in adopted)
    # Paragraph 20, outside the citation, stays a report of what the military component does.
    reported = {ref.paragraph for ref in references if ref.side == 'reported'}
    assert '20' in reported and not reported & {'9', '11', '14'}


def test_the_mandate_in_force_and_the_pema_table_cite_the_report_paragraphs(onumoz):
    ingest_path(FIXTURE)
    police = [task for task in in_force_rows(onumoz, date(1994, 3, 1)) if task['code'] == 'component.police']
    monitor = next(task for task in police if task['modality'] == 'monitor')
    assert monitor['symbol'] == 'S/RES/898 (1994)' and monitor['paragraphs'] == ['2']
    assert {'report': REPORT, 'paragraph': '9'} in monitor['report_paragraphs']
    assert monitor['citation'].startswith(
        'Mandated in current resolution in S/RES/898 paragraph(s) 2, 9 (S/1994/89/Add.1)'
    )
    assistance = next(task for task in police if task['modality'] == 'assist')  # 11: technical support to COMPOL
    assert assistance['report_paragraphs'] == [{'report': REPORT, 'paragraph': '11'}]

    row = next(
        row for row in pema_table_rows(Mission.objects.filter(acronym='ONUMOZ')) if row['Signature'] == 'S/RES/898'
    )
    cell = parse_cell(row['policereform_monitor'], resolution='S/RES/898', column='policereform_monitor')
    assert cell.source == 'current' and cell.resolution_refs == ('2',)
    assert {(ref.ref, ref.report) for ref in cell.report_refs} >= {('9', REPORT), ('13', REPORT)}


def test_a_reviewer_rejection_on_the_report_paragraph_applies(onumoz, make_user):
    ingest_path(FIXTURE)
    paragraph = Document.objects.get(symbol=REPORT).versions.get(is_current=True).paragraphs.get(ref='11')
    reviewer = make_user('reviewer', Role.ANALYST)
    CodeAssignment.objects.create(
        paragraph=paragraph, code='component.police', source=SourceChoices.HUMAN, coder=reviewer, present=False,
        codebook_version=load_codebook().version,
    )  # fmt: skip
    labels = {ref.paragraph for ref in _mandated_police(onumoz)}
    assert 'S/RES/898 (1994) op. 2 -> S/1994/89/Add.1 para. 11' not in labels
    assert 'S/RES/898 (1994) op. 2 -> S/1994/89/Add.1 para. 9' in labels


def test_a_report_citing_back_the_resolution_adds_nothing_and_does_not_loop(onumoz, tmp_path):
    text = FIXTURE.read_text(encoding='utf-8').replace(
        '9. The police component would monitor',
        '9. As decided in paragraph 2 of resolution 898 (1994), with the mandate described in paragraphs 9 to 18 of '
        'document S/1994/89/Add.1, the police component would monitor',
    )
    circular = tmp_path / 'police_addendum_citing_back.txt'
    circular.write_text(text, encoding='utf-8')
    assert ingest_path(circular).status == 'created'
    labels = [ref.paragraph for ref in _mandated_police(onumoz)]
    assert labels.count('S/RES/898 (1994) op. 2 -> S/1994/89/Add.1 para. 9') == 1
    assert _police_row(onumoz)['complete']


def test_a_report_no_resolution_refers_to_says_so_and_changes_nothing(onumoz, client, make_user, tmp_path):
    other = tmp_path / 'police_addendum_two.txt'
    other.write_text(FIXTURE.read_text(encoding='utf-8').replace('S/1994/89/Add.1\n', 'S/1994/89/Add.2\n', 1))
    assert ingest_path(other).status == 'created'
    assert not _police_row(onumoz)['complete'] and _mandated_police(onumoz) == []
    client.force_login(make_user('reader', Role.VIEWER))
    page = client.get(Document.objects.get(symbol='S/1994/89/Add.2').get_absolute_url()).content.decode()
    assert 'id="given-by-reference"' in page and 'No stored resolution gives a mandate by reference' in page


def test_pages_link_the_resolution_and_the_report_and_drop_the_followed_reference(onumoz, client, make_user):
    client.force_login(make_user('reader', Role.VIEWER))
    track = client.get('/mandates/missions/ONUMOZ/?date=1994-06-30').content.decode()
    assert REPORT in track  # listed as not followed
    ingest_path(FIXTURE)
    for url in ('/mandates/missions/ONUMOZ/?date=1994-06-30', '/mandates/missions/ONUMOZ/matrix/'):
        listed = [row['symbol'] for row in client.get(url).context['by_reference']]
        # 797 establishes ONUMOZ "as proposed by the Secretary-General": not followed, still listed.
        assert 'S/RES/797 (1992)' in listed and 'S/RES/898 (1994)' not in listed
    resolution = client.get(Document.objects.get(symbol='S/RES/898 (1994)').get_absolute_url()).content.decode()
    assert escape(ADOPTING) in resolution and 'followed' in resolution
    report = client.get(Document.objects.get(symbol=REPORT).get_absolute_url()).content.decode()
    assert escape(ADOPTING) in report and 'S/RES/898 (1994)' in report
