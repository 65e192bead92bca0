"""Ingesting real documents: idempotent by content, versions, refusals leave nothing behind."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from ssrhub.documents.ingest import ingest_path, ingest_paths
from ssrhub.documents.models import Document, DocumentVersion, Paragraph
from ssrhub.documents.originals import check_originals

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[3] / 'tests' / 'data'
SAMPLE = DATA / 'samples' / 'S_RES_2151_2014_EN.txt'
RESOLUTIONS = DATA / 'unsc-resolutions-1946-1994'


def test_sample_resolution_is_stored_with_its_structure():
    outcome = ingest_path(SAMPLE)
    assert outcome.status == 'created'
    document = Document.objects.get(pk=outcome.document_id)
    assert document.symbol == 'S/RES/2151 (2014)' and document.doc_type == 'resolution'
    assert str(document.date) == '2014-04-28'
    paragraphs = Paragraph.objects.filter(version__document=document)
    assert paragraphs.filter(kind='preambular').count() == 18
    assert paragraphs.filter(kind='operative', parent_ref='').count() == 20
    assert list(paragraphs.filter(parent_ref='15').values_list('ref', flat=True)) == [
        f'15 ({letter})' for letter in 'abcdef'
    ]


def test_same_file_twice_creates_nothing(tmp_path):
    copy = tmp_path / 'renamed-copy.txt'
    shutil.copy(SAMPLE, copy)
    ingest_path(SAMPLE)
    counts = (Document.objects.count(), DocumentVersion.objects.count(), Paragraph.objects.count())
    again = ingest_path(copy)
    assert again.status == 'unchanged' and 'S/RES/2151 (2014)' in again.message
    assert (Document.objects.count(), DocumentVersion.objects.count(), Paragraph.objects.count()) == counts


def test_changed_file_becomes_a_new_version(tmp_path):
    first = ingest_path(SAMPLE)
    changed = tmp_path / 'S_RES_2151_2014_EN.txt'
    changed.write_text(
        SAMPLE.read_text(encoding='utf-8').replace('Decides to remain', 'Decides to stay'), encoding='utf-8'
    )
    second = ingest_path(changed)
    assert second.status == 'new-version' and second.document_id == first.document_id and second.version == 2
    document = Document.objects.get(pk=first.document_id)
    assert document.current_version.number == 2
    assert document.versions.filter(is_current=True).count() == 1
    assert Paragraph.objects.filter(version__document=document, version__number=1).exists()


def test_refused_files_leave_no_records(tmp_path):
    empty = tmp_path / 'empty.txt'
    empty.write_bytes(b'')
    corrupt = tmp_path / 'broken.pdf'
    corrupt.write_bytes(b'%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n')
    for path in (empty, corrupt):
        outcome = ingest_path(path)
        assert outcome.status == 'refused' and path.name in outcome.message
    assert not Document.objects.exists() and not DocumentVersion.objects.exists()


def test_ingest_command_on_a_folder(tmp_path, capsys):
    folder = tmp_path / 'batch'
    folder.mkdir()
    for number in ('0866_1993', '0872_1993', '0797_1992'):
        source = next(RESOLUTIONS.glob(f'S_RES_{number}_EN*.txt'))
        shutil.copy(source, folder / source.name)
    (folder / 'notes.bin').write_bytes(b'\x00\x01')
    call_command('ingest', str(folder))
    output = capsys.readouterr().out
    assert '3 files: 3 created' in output
    call_command('ingest', str(folder))
    assert '3 files: 3 unchanged' in capsys.readouterr().out
    assert Document.objects.filter(symbol='S/RES/866 (1993)').exists()


FRENCH_RESOLUTION = """Résolution 2999 (2025)

Adoptée par le Conseil de sécurité à sa 9999e séance, le 12 mars 2025

Le Conseil de sécurité,

Rappelant ses résolutions antérieures sur la République centrafricaine,

Soulignant que la réforme du secteur de la sécurité doit être conduite par les autorités nationales,

1. Décide de proroger le mandat de la MINUSCA jusqu'au 15 novembre 2025;

2. Prie la MINUSCA d'appuyer la réforme du secteur de la sécurité, notamment la police et la justice;

3. Exige de tous les groupes armés qu'ils déposent les armes;

4. Décide de rester activement saisi de la question.
"""


def test_french_resolution_is_read_in_french(tmp_path):
    path = tmp_path / 'S_RES_2999_2025_FR.txt'
    path.write_text(FRENCH_RESOLUTION, encoding='utf-8')
    outcome = ingest_path(path)
    document = Document.objects.get(pk=outcome.document_id)
    assert (document.language, document.symbol, str(document.date)) == ('fr', 'S/RES/2999 (2025)', '2025-03-12')
    paragraphs = {p.ref: p for p in Paragraph.objects.filter(version__document=document)}
    assert [ref for ref in paragraphs if ref.startswith('PP')] == ['PP1', 'PP2']
    readings = {p.ref: p.readings.get() for p in paragraphs.values()}
    assert (readings['1'].get_force_display(), readings['1'].verb) == ('decides, authorizes', 'Décide')
    assert readings['3'].verb == 'Exige' and readings['3'].force == 4
    codes = set(paragraphs['2'].codes.values_list('code', flat=True))
    assert {'ssr.generic', 'component.police', 'component.justice'} <= codes


def test_a_batch_stores_each_file_alone_in_order_whatever_its_neighbours_do(
    tmp_path, django_capture_on_commit_callbacks
):
    """ingest_paths reads the next file while it stores this one, and a file refused in the middle of a batch (at
    reading or at storing) takes nothing of its neighbours with it."""
    files = [next(RESOLUTIONS.glob(f'S_RES_{number}_EN*.txt')) for number in ('0866_1993', '0872_1993')]
    empty, corrupt = tmp_path / 'empty.txt', tmp_path / 'broken.pdf'
    empty.write_bytes(b'')
    corrupt.write_bytes(b'%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n')
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = ingest_paths([files[0], empty, files[0], corrupt, files[1]])
    assert [outcome.status for outcome in outcomes] == ['created', 'refused', 'unchanged', 'refused', 'created']
    assert [outcome.source for outcome in outcomes] == [
        str(path) for path in (files[0], empty, files[0], corrupt, files[1])
    ]
    assert sorted(Document.objects.values_list('symbol', flat=True)) == ['S/RES/866 (1993)', 'S/RES/872 (1993)']
    assert check_originals(DocumentVersion.objects.all()) == []  # written, flushed and moved into place


def test_a_batch_over_the_transaction_size_commits_every_file(monkeypatch):
    monkeypatch.setattr('ssrhub.documents.ingest.BATCH_FILES', 2)
    numbers = ('0866_1993', '0872_1993', '0797_1992', '0814_1993', '0897_1994')
    files = [next(RESOLUTIONS.glob(f'S_RES_{number}_EN*.txt')) for number in numbers]
    assert [outcome.status for outcome in ingest_paths(files)] == ['created'] * 5
    assert (
        DocumentVersion.objects.count() == 5
        and Paragraph.objects.filter(version__document__symbol='S/RES/897 (1994)').exists()
    )
