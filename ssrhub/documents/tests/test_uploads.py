"""Uploads as background jobs (inline here: the embedded mode), their pages and API, originals written safely, a full
disk, an unreachable queue, a job run twice, and the check of the originals."""

import errno
import hashlib
import html
import os
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import AdministratorsVerifiedClient
from ssrhub.documents.ingest import _AFTER_STORING, after_storing, ingest_path
from ssrhub.documents.jobs import run_job
from ssrhub.documents.models import Document, DocumentVersion, IngestJob, Paragraph
from ssrhub.documents.originals import INCOMING_DIR, ORIGINALS_DIR
from ssrhub.documents.tasks import check_originals_task, ingest_job_task

from .test_extract import _encrypted_with_pypdf
from .test_limits import many_paragraphs_docx, padded_docx

pytestmark = pytest.mark.django_db

celery_app = ingest_job_task.app

SAMPLES = Path(__file__).resolve().parents[1] / 'data' / 'samples'
SAMPLE = SAMPLES / 'S_RES_2151_2014_EN.txt'
NOTE = b'Security sector reform in Liberia\n\n1. The Government adopted a national security strategy.\n'


@pytest.fixture
def analyst(client, make_user):
    user = make_user('ana', Role.ANALYST)
    client.force_login(user)
    return user


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a call, then what waits for its commit (originals moved into place, uploads removed), as a request or a
    task outside the test's transaction would."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


def files(settings, folder) -> list[str]:
    path = Path(settings.MEDIA_ROOT, folder)
    return sorted(child.name for child in path.iterdir()) if path.is_dir() else []


def upload(client, committed, name='S_RES_2151_2014_EN.txt', content=None):
    content = SAMPLE.read_bytes() if content is None else content
    return committed(client.post, '/documents/upload/', {'file': SimpleUploadedFile(name, content)})


def test_an_upload_is_a_job_whose_page_says_what_it_stored(client, analyst, settings, committed):
    response = upload(client, committed)
    job = IngestJob.objects.get()
    assert response.status_code == 302 and response['Location'] == f'/documents/jobs/{job.pk}/'
    assert (job.user, job.status, job.outcome, job.paragraphs, job.size) == (
        analyst,
        'done',
        'created',
        44,
        len(SAMPLE.read_bytes()),
    )
    assert job.document.key == 'S/RES/2151 (2014)' and job.version == 1 and not job.conflict
    page = client.get(response['Location']).content.decode()
    assert 'Stored S/RES/2151 (2014): 44 paragraphs, coded.' in page and 'hx-get' not in page
    # The original is in place under its hash, checked; the upload's own copy is gone.
    version = DocumentVersion.objects.get()
    assert Path(settings.MEDIA_ROOT, version.original.name).read_bytes() == SAMPLE.read_bytes()
    assert files(settings, ORIGINALS_DIR) == [f'{version.sha256}.txt'] and files(settings, INCOMING_DIR) == []
    # The same file again: a job of its own, which adds nothing.
    upload(client, committed)
    again = IngestJob.objects.first()
    assert again.outcome == 'unchanged' and Document.objects.count() == 1
    listing = client.get('/documents/jobs/').content.decode()
    assert f'/documents/jobs/{job.pk}/' in listing and f'/documents/jobs/{again.pk}/' in listing


def test_a_running_job_is_polled_and_only_its_owner_and_administrators_read_it(client, analyst, make_user):
    job = IngestJob.objects.create(user=analyst, filename='slow.pdf', size=10, sha256='5' * 64)
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'hx-get="/documents/jobs/' in page and 'Waiting for a worker' in page
    other = Client()
    other.force_login(make_user('other', Role.ANALYST))
    assert other.get(job.get_absolute_url()).status_code == 404
    assert other.get(f'/api/documents/jobs/{job.pk}/').status_code == 404
    assert 'slow.pdf' not in other.get('/documents/jobs/').content.decode()
    admin = AdministratorsVerifiedClient()
    admin.force_login(make_user('root', Role.ADMINISTRATOR))
    assert admin.get(job.get_absolute_url()).status_code == 200
    assert admin.get(f'/api/documents/jobs/{job.pk}/').json()['status'] == 'queued'
    viewer = Client()
    viewer.force_login(make_user('reader', Role.VIEWER))
    assert viewer.get('/documents/jobs/').status_code == 403
    assert viewer.post('/api/documents/jobs/', {'file': SimpleUploadedFile('a.txt', NOTE)}).status_code == 403


def test_the_api_queues_an_upload_and_answers_202_with_the_job(client, analyst, committed):
    response = committed(client.post, '/api/documents/jobs/', {'file': SimpleUploadedFile('note.txt', NOTE)})
    assert response.status_code == 202
    body = response.json()
    assert body['status'] == 'done' and body['outcome'] == 'created' and body['paragraphs'] == 2
    assert body['url'] == f'/documents/jobs/{body["id"]}/' and body['message'].startswith('Stored ')
    assert client.get(f'/api/documents/jobs/{body["id"]}/').json()['document'] == body['document']
    refused = client.post('/api/documents/jobs/', {'file': SimpleUploadedFile('empty.txt', b'')})
    assert refused.status_code == 400 and 'file' in refused.json()


def test_two_million_empty_paragraphs_are_refused_in_english_and_french(client, analyst, settings, committed):
    response = upload(client, committed, 'many.docx', many_paragraphs_docx())
    job = IngestJob.objects.get()
    assert (job.status, job.error_code, job.error_params) == ('failed', 'paragraphs', {'limit': 20000})
    page = html.unescape(client.get(response['Location']).content.decode())
    assert "'many.docx' has more than 20,000 paragraphs. Nothing was stored." in page
    with translation.override('fr'):
        page = client.get(response['Location'], HTTP_ACCEPT_LANGUAGE='fr').content.decode()
    assert '«\xa0many.docx\xa0» a plus de 20\xa0000 paragraphes.' in html.unescape(page)
    assert not Document.objects.exists() and files(settings, INCOMING_DIR) == []
    assert files(settings, ORIGINALS_DIR) == []


def test_ssrhub_ingest_shares_the_limits(tmp_path):
    path = tmp_path / 'many.docx'
    path.write_bytes(many_paragraphs_docx())
    outcome = ingest_path(path)
    assert (outcome.status, outcome.code, outcome.params) == ('refused', 'paragraphs', {'limit': 20000})
    assert not Document.objects.exists()


def full_disk(monkeypatch, folder: Path):
    """The OS answering ENOSPC to any write under ``folder`` once a first half-write went through: a disk that
    fills up while the file is written."""
    real_write = os.write
    written = []

    def write(descriptor, data):
        if not os.readlink(f'/proc/self/fd/{descriptor}').startswith(str(folder)):
            return real_write(descriptor, data)
        if written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(descriptor)
        return real_write(descriptor, bytes(data[: max(1, len(data) // 2)]))

    monkeypatch.setattr(os, 'write', write)


def test_a_full_disk_refuses_the_upload_clearly_and_keeps_what_is_stored(
    client, analyst, settings, monkeypatch, committed
):
    upload(client, committed)
    version = DocumentVersion.objects.get()
    stored = Path(settings.MEDIA_ROOT, version.original.name)
    full_disk(monkeypatch, Path(settings.MEDIA_ROOT))
    response = upload(client, committed, 'note.txt', NOTE)
    assert response.status_code == 507
    assert 'The server disk is full: note.txt was not kept' in response.content.decode()
    api = client.post('/api/documents/jobs/', {'file': SimpleUploadedFile('note.txt', NOTE)})
    assert api.status_code == 507 and 'disk is full' in api.json()['detail']
    assert IngestJob.objects.count() == 1 and files(settings, INCOMING_DIR) == []
    assert stored.read_bytes() == SAMPLE.read_bytes() and files(settings, ORIGINALS_DIR) == [stored.name]


def test_a_disk_full_while_storing_the_original_fails_the_job_and_leaves_nothing(
    client, analyst, settings, monkeypatch, committed
):
    upload(client, committed)
    stored = Path(settings.MEDIA_ROOT, DocumentVersion.objects.get().original.name)
    full_disk(monkeypatch, Path(settings.MEDIA_ROOT, ORIGINALS_DIR))
    response = upload(client, committed, 'note.txt', NOTE)
    job = IngestJob.objects.first()
    assert (job.status, job.error_code) == ('failed', 'disk-full')
    assert 'The server disk is full: note.txt was not stored' in client.get(response['Location']).content.decode()
    assert Document.objects.count() == 1 and Paragraph.objects.count() == 44
    assert files(settings, ORIGINALS_DIR) == [stored.name] and files(settings, INCOMING_DIR) == []
    assert stored.read_bytes() == SAMPLE.read_bytes()


def test_an_unreachable_queue_refuses_the_upload_and_keeps_nothing(client, analyst, settings, monkeypatch, committed):
    # A worker set-up whose Redis is down: nothing listens on port 1. New connection pools for it, the
    # embedded mode's given back afterwards.
    # (The settings are read from Django's, under their CELERY_ names.)
    monkeypatch.setitem(celery_app.conf, 'CELERY_TASK_ALWAYS_EAGER', False)
    monkeypatch.setitem(celery_app.conf, 'CELERY_BROKER_URL', 'redis://127.0.0.1:1/0')
    assert not celery_app.conf.task_always_eager
    monkeypatch.setattr(celery_app, '_pool', None)
    monkeypatch.setattr(celery_app.amqp, '_producer_pool', None)
    response = upload(client, committed, 'note.txt', NOTE)
    api = client.post('/api/documents/jobs/', {'file': SimpleUploadedFile('note.txt', NOTE)})
    sent = [SimpleUploadedFile('first.txt', NOTE), SimpleUploadedFile('second.txt', SAMPLE.read_bytes())]
    several = committed(client.post, '/documents/upload/', {'file': sent})
    assert several.status_code == 503 and IngestJob.objects.filter(files_total=2).count() == 1
    assert 'The background queue cannot be reached: note.txt was not kept.' in response.content.decode()
    assert api.status_code == 503 and 'queue cannot be reached' in api.json()['detail']
    assert set(IngestJob.objects.values_list('status', 'error_code')) == {('failed', 'queue-down')}
    assert files(settings, INCOMING_DIR) == [] and not Document.objects.exists()


def test_a_job_run_again_gives_what_one_run_gives(client, analyst, settings, committed):
    upload(client, committed)
    clean = (Document.objects.count(), DocumentVersion.objects.count(), Paragraph.objects.count())
    job = IngestJob.objects.get()
    # A worker killed after the job started (the broker gives the task to another): the job is still running.
    IngestJob.objects.filter(pk=job.pk).update(status='running')
    Path(settings.MEDIA_ROOT, job.upload).parent.mkdir(parents=True, exist_ok=True)
    Path(settings.MEDIA_ROOT, job.upload).write_bytes(SAMPLE.read_bytes())
    committed(run_job, job.pk)
    committed(run_job, job.pk)
    job.refresh_from_db()
    assert job.status == 'done' and job.document.key == 'S/RES/2151 (2014)'
    assert (Document.objects.count(), DocumentVersion.objects.count(), Paragraph.objects.count()) == clean
    assert files(settings, INCOMING_DIR) == []


def test_a_job_killed_before_its_transaction_committed_stores_once_when_run_again(analyst, settings, committed):
    # What a worker killed mid-way leaves: a running job, its file waiting, nothing stored (one transaction).
    incoming = Path(settings.MEDIA_ROOT, INCOMING_DIR)
    incoming.mkdir(parents=True)
    (incoming / 'waiting.txt').write_bytes(SAMPLE.read_bytes())
    job = IngestJob.objects.create(
        user=analyst,
        filename=SAMPLE.name,
        size=SAMPLE.stat().st_size,
        sha256=hashlib.sha256(SAMPLE.read_bytes()).hexdigest(),
        upload=f'{INCOMING_DIR}/waiting.txt',
        status='running',
    )
    committed(ingest_job_task.apply, args=[job.pk])
    committed(ingest_job_task.apply, args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.outcome, job.paragraphs) == ('done', 'created', 44)
    assert (Document.objects.count(), Paragraph.objects.count()) == (1, 44)
    assert ingest_job_task.acks_late and ingest_job_task.reject_on_worker_lost


def test_check_originals_reports_missing_truncated_and_changed_files(settings, committed):
    outcome = committed(ingest_path, SAMPLE)
    committed(ingest_path, SAMPLES / 'ONUMOZ_report_sample_EN.txt')
    call_command('check_originals')
    assert check_originals_task.apply().get() == 0
    first, second = DocumentVersion.objects.order_by('pk')
    assert first.document_id == outcome.document_id
    path = Path(settings.MEDIA_ROOT, first.original.name)
    path.write_bytes(path.read_bytes()[:421])
    changed = Path(settings.MEDIA_ROOT, second.original.name)
    changed.write_bytes(changed.read_bytes().replace(b'a', b'e', 1))
    stray = Path(settings.MEDIA_ROOT, ORIGINALS_DIR, f'.{first.sha256}.txt.0000.part')
    stray.write_bytes(b'half')
    os.utime(stray, (0, 0))
    with pytest.raises(CommandError, match='3 original file problem'):
        call_command('check_originals')
    assert check_originals_task.apply().get() == 3
    path.unlink()
    with pytest.raises(CommandError):
        call_command('check_originals')


@pytest.fixture
def small_disk(tmp_path, settings):
    """A 64 KB tmpfs as the media folder, where the machine lets the test mount one (root with CAP_SYS_ADMIN)."""
    folder = tmp_path / 'small-disk'
    folder.mkdir()
    mounted = subprocess.run(
        ['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', str(folder)], capture_output=True, check=False
    )
    if mounted.returncode:
        pytest.skip(f'cannot mount a tmpfs here: {mounted.stderr.decode().strip()}')
    settings.MEDIA_ROOT = folder
    yield folder
    subprocess.run(['umount', str(folder)], check=True)


def test_a_real_full_disk_refuses_the_upload_and_keeps_what_is_stored(client, analyst, small_disk, committed):
    upload(client, committed)
    stored = small_disk / DocumentVersion.objects.get().original.name
    response = upload(client, committed, 'large.txt', b'Security sector reform.\n\n' * 2000)
    assert response.status_code == 507 and 'The server disk is full: large.txt' in response.content.decode()
    assert stored.read_bytes() == SAMPLE.read_bytes() and IngestJob.objects.count() == 1
    assert not list((small_disk / INCOMING_DIR).iterdir())


def test_a_refused_file_is_told_in_the_readers_language(client, analyst, settings, committed):
    settings.SSRHUB_INGEST_MAX_UNPACKED_MB = 10
    locked = upload(client, committed, 'locked.pdf', _encrypted_with_pypdf(''))['Location']
    padded = upload(client, committed, 'padded.docx', padded_docx())['Location']
    jobs = {job.filename: job for job in IngestJob.objects.all()}
    assert (jobs['locked.pdf'].error_code, jobs['padded.docx'].error_code) == ('encrypted_pdf', 'unpacked')
    assert jobs['padded.docx'].error_params == {'limit': 10 * 1024 * 1024}
    english = html.unescape(client.get(padded).content.decode())
    assert "'padded.docx' is too large: it unpacks to more than 10 MB. Nothing was stored." in english
    with translation.override('fr'):
        pages = [html.unescape(client.get(url, HTTP_ACCEPT_LANGUAGE='fr').content.decode()) for url in (locked, padded)]
        api = client.get(f'/api/documents/jobs/{jobs["locked.pdf"].pk}/', HTTP_ACCEPT_LANGUAGE='fr').json()
    encrypted = '«\xa0locked.pdf\xa0» est chiffré\xa0; ssrhub ne lit que les PDF non chiffrés.'
    assert encrypted in pages[0] and api['message'] == encrypted
    assert '«\xa0padded.docx\xa0» est trop volumineux\xa0: décompressé, il dépasse 10\xa0Mo.' in pages[1]
    assert not Document.objects.exists()


def test_several_files_are_one_job_whose_task_writes_its_progress_after_each(client, analyst, committed):
    progress = []

    def step(paragraphs, read):  # runs as each file is stored: what the polling page would read then
        job = IngestJob.objects.get(files_total=3)
        progress.append((read.extracted.sha256 == hashlib.sha256(NOTE).hexdigest(), job.files_done, job.paragraphs))

    after_storing(step)
    try:
        sent = [
            SimpleUploadedFile('liberia-note.txt', NOTE),
            SimpleUploadedFile('locked.pdf', _encrypted_with_pypdf('')),
            SimpleUploadedFile('resolution.txt', SAMPLE.read_bytes()),
        ]
        response = committed(client.post, '/documents/upload/', {'file': sent})
    finally:
        _AFTER_STORING.remove(step)
    job = IngestJob.objects.get(files_total=3)
    assert response['Location'] == job.get_absolute_url()
    files = list(job.files.order_by('pk'))
    assert [(file.filename, file.status) for file in files] == [
        ('liberia-note.txt', 'done'),
        ('locked.pdf', 'failed'),
        ('resolution.txt', 'done'),
    ]
    # Written after each file: nothing before the note, then its 2 paragraphs (the PDF refused) before the resolution.
    assert progress == [(True, 0, 0), (False, 2, 2)]
    assert (job.status, job.files_done, job.paragraphs) == ('done', 3, 2 + 44)
    page = client.get(job.get_absolute_url()).content.decode()
    assert '3 of 3 files, 46 paragraphs' in page and 'max="3" value="3"' in page
    assert page.count('/documents/jobs/') >= 3 and 'id="job-files"' in page
    assert client.get(f'/api/documents/jobs/{job.pk}/').json()['message'] == '3 of 3 files, 46 paragraphs'
    listed = client.get('/documents/jobs/').content.decode()
    assert f'href="{job.get_absolute_url()}"' in listed and '(3/3)' in listed
    assert f'href="{files[0].get_absolute_url()}"' not in listed


def test_the_page_of_a_running_job_shows_its_progress_in_english_and_french(client, analyst):
    job = IngestJob.objects.create(
        user=analyst, filename='twelve files', size=1, sha256='5' * 64, status='running', files_total=12
    )
    IngestJob.objects.filter(pk=job.pk).update(files_done=3, paragraphs=1204)
    page = client.get(job.get_absolute_url()).content.decode()
    assert '3 of 12 files, 1,204 paragraphs' in page
    assert '<progress class="w-100 mb-3" max="12" value="3" aria-labelledby="job-progress">' in page
    assert 'hx-trigger="every 2s"' in page
    with translation.override('fr'):
        french = client.get(job.get_absolute_url(), HTTP_ACCEPT_LANGUAGE='fr').content.decode()
    assert '3 sur 12 fichiers, 1\xa0204 paragraphes' in french


def test_a_symbol_is_stated_for_one_file_only(client, analyst):
    sent = [SimpleUploadedFile('a.txt', NOTE), SimpleUploadedFile('b.txt', NOTE + b'\n2. More.\n')]
    response = client.post('/documents/upload/', {'file': sent, 'symbol': 'S/RES/2151 (2014)'})
    assert response.status_code == 400 and not IngestJob.objects.exists()
    assert 'A symbol can be stated for one file only' in html.unescape(response.content.decode())
