"""No silent replacement: a file becomes a new version only when its text, file name and stated symbol agree;
otherwise it is its own document with a symbol conflict that an editor resolves."""

import shutil
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ssrhub.core.roles import Role
from ssrhub.documents.ingest import ingest_bytes, ingest_path
from ssrhub.documents.models import Document, SymbolConflict

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[3] / 'tests' / 'data'
SAMPLE = DATA / 'samples' / 'S_RES_2151_2014_EN.txt'
RESOLUTIONS = Path(__file__).resolve().parents[1] / 'data' / 'corpus' / 'unsc-1946-1994'
# 461 bytes that cite resolution 2151 without being it.
NOTE = (
    b'Resolution 2151 (2014) adopted on 28 April 2014 is the first Security Council resolution on security '
    b'sector reform.\n\nThis note summarises S/RES/2151 (2014) for the working group.\n\n'
    b'1. The resolution stresses national ownership of security sector reform.\n\n'
    b'2. It asks missions to support the reform of the police, the armed forces and the justice sector, and '
    b'to coordinate with the country team.\n\n'
    b'3. The working group will discuss this note at its meeting in May.\n'
)


def resolution(number: int) -> Path:
    return next(RESOLUTIONS.glob(f'S_RES_{number:04d}_*'))


@pytest.mark.parametrize(('printed', 'file'), [(538, 542), (773, 778)])
def test_a_corpus_file_printing_another_resolution_is_its_own_document_with_a_conflict(printed, file):
    official = ingest_path(resolution(printed))
    outcome = ingest_path(resolution(file))
    assert official.status == 'created' and outcome.status == 'conflict'
    assert outcome.document_id != official.document_id
    assert Document.objects.get(pk=official.document_id).versions.count() == 1
    conflict = SymbolConflict.objects.get(document_id=outcome.document_id)
    year = '1983' if printed == 538 else '1992'
    assert (conflict.text_symbol, conflict.filename_symbol) == (f'S/RES/{printed} ({year})', f'S/RES/{file} ({year})')
    assert conflict.known_id == official.document_id and conflict.status == 'open'


def test_a_file_printing_another_resolution_is_flagged_even_when_first():
    outcome = ingest_path(resolution(542))
    assert outcome.status == 'conflict' and SymbolConflict.objects.get().known is None
    assert ingest_path(resolution(538)).status == 'created'


@pytest.mark.parametrize(('filename', 'status'), [('note.txt', 'created'), ('S_RES_2151_2014_EN.txt', 'conflict')])
def test_a_short_text_citing_2151_does_not_replace_the_official_text(filename, status):
    official = ingest_path(SAMPLE)
    outcome = ingest_bytes(NOTE, filename)
    document = Document.objects.get(pk=official.document_id)
    assert len(NOTE) == 461 and outcome.status == status and outcome.document_id != document.pk
    assert document.versions.count() == 1 and document.current_version.number == 1
    # Named like the resolution, the note names a stored document that its text does not print.
    assert list(SymbolConflict.objects.values_list('known', flat=True)) == (
        [document.pk] if status == 'conflict' else []
    )


def test_a_stated_symbol_that_disagrees_is_a_conflict_and_one_that_agrees_a_version(tmp_path):
    official = ingest_path(SAMPLE)
    changed = SAMPLE.read_bytes().replace(b'Decides to remain', b'Decides to stay')
    assert ingest_bytes(changed, 'upload.txt', symbol='S/RES/2150 (2014)').status == 'conflict'
    again = changed.replace(b'Decides to stay', b'Decides to keep')
    outcome = ingest_bytes(again, 'upload.txt', symbol='S/RES/2151 (2014)')
    assert (outcome.status, outcome.document_id, outcome.version) == ('new-version', official.document_id, 2)


def test_the_same_file_again_is_unchanged_and_a_genuine_new_version_is_version_2(tmp_path):
    first = ingest_path(resolution(542))
    assert ingest_path(resolution(542)).status == 'unchanged'
    copy = tmp_path / resolution(542).name
    shutil.copy(resolution(542), copy)
    assert ingest_path(copy).document_id == first.document_id
    assert SymbolConflict.objects.count() == 1
    official = ingest_path(resolution(773))
    changed = tmp_path / resolution(773).name
    changed.write_text(resolution(773).read_text(encoding='utf-8') + '\n4. Decides to remain seized.\n')
    outcome = ingest_path(changed)
    assert (outcome.status, outcome.document_id, outcome.version) == ('new-version', official.document_id, 2)


@pytest.fixture
def conflict():
    ingest_path(resolution(538))
    outcome = ingest_path(resolution(542))
    return SymbolConflict.objects.get(document_id=outcome.document_id)


def post(client, conflict, **data):
    return client.post(
        reverse('documents:symbol_conflict_resolve', args=[conflict.pk]),
        {f'conflict-{conflict.pk}-{name}': value for name, value in data.items()},
    )


def test_the_page_lists_open_conflicts_for_editors_only(client, make_user, conflict):
    client.force_login(make_user('viewer', Role.VIEWER))
    assert client.get(reverse('documents:symbol_conflicts')).status_code == 403
    client.force_login(make_user('analyst', Role.ANALYST))
    page = client.get(reverse('documents:symbol_conflicts')).content.decode()
    assert 'S_RES_0542_1983_EN_GOLD.txt' in page and 'S/RES/542 (1983)' in page and 'S/RES/538 (1983)' in page


def test_merge_makes_the_file_the_latest_version_of_the_other(client, make_user, conflict):
    analyst = make_user('analyst', Role.ANALYST)
    client.force_login(analyst)
    official = conflict.known
    assert post(client, conflict, resolution='merge', into=official.pk).status_code == 302
    conflict.refresh_from_db()
    assert (conflict.status, conflict.resolution, conflict.resolved_by) == ('resolved', 'merge', analyst)
    assert conflict.document == official and conflict.resolved_at is not None
    assert list(official.versions.values_list('number', 'is_current')) == [(2, True), (1, False)]
    assert not Document.objects.filter(key__startswith='sha256:').exists()
    assert conflict.history.count() == 2
    page = client.get(reverse('documents:symbol_conflicts')).content.decode()
    assert 'No open symbol conflict' in page


def test_correct_gives_the_document_its_symbol_and_refuses_one_taken(client, make_user, conflict):
    client.force_login(make_user('analyst', Role.ANALYST))
    refused = post(client, conflict, resolution='correct', symbol='S/RES/538 (1983)')
    assert refused.status_code == 400 and 'Merge into it instead' in refused.content.decode()
    assert post(client, conflict, resolution='correct', symbol='S/RES/542 (1983)').status_code == 302
    conflict.refresh_from_db()
    assert (conflict.document.symbol, conflict.document.key) == ('S/RES/542 (1983)', 'S/RES/542 (1983)')
    assert conflict.resolution == 'correct'


def test_keep_leaves_both_documents(client, make_user, conflict):
    client.force_login(make_user('analyst', Role.ANALYST))
    assert post(client, conflict, resolution='keep').status_code == 302
    assert Document.objects.count() == 2 and SymbolConflict.objects.get().resolution == 'keep'


def test_upload_with_a_stated_symbol_that_disagrees_warns(client, make_user):
    ingest_path(SAMPLE)
    client.force_login(make_user('analyst', Role.ANALYST))
    changed = SAMPLE.read_bytes().replace(b'Decides to remain', b'Decides to stay')
    response = client.post(
        reverse('documents:document_upload'),
        {'file': SimpleUploadedFile('S_RES_2151_2014_EN.txt', changed), 'symbol': 's/res/2152(2014)'},
        follow=True,
    )
    assert 'document of its own' in response.content.decode()
    assert SymbolConflict.objects.get().stated_symbol == 'S/RES/2152 (2014)'
