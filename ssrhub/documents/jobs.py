"""Uploads as background jobs: the web request (page or API) stores the file under a name of its own, records an
``IngestJob`` and queues it; the job reads and stores the file (``ingest.py``) and records what came of it in the
same transaction, so that a job killed half-way and run again gives what one clean run gives. Several files sent
at once are a job each under one job of several files, whose task runs them in turn and writes its progress (files
read, paragraphs stored) after each.
"""

import hashlib
import logging

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError

from .extract import ExtractionError
from .extract.errors import PROBLEMS
from .ingest import DISK_FULL, NO_PARAGRAPHS, IngestOutcome, ingest_bytes
from .models import IngestJob
from .originals import is_disk_full, media_path, remove, save_upload

__all__ = [
    'QUEUE_DOWN',
    'QueueDown',
    'UploadRefused',
    'create_job',
    'extraction_message',
    'job_error',
    'job_progress',
    'ocr_progress',
    'job_result',
    'queue_job',
    'run_job',
    'start_job',
]

logger = logging.getLogger(__name__)

QUEUE_DOWN = 'queue-down'
UPLOAD_CHANGED = 'upload-changed'


class QueueDown(Exception):
    """The job could not be queued (the broker, Redis, is unreachable): it was marked failed and its file removed."""


def create_job(user, upload, symbol: str = '') -> IngestJob:
    """Store an uploaded file under a name of its own and record its job. Raises ``OSError`` (a full disk among
    others) with nothing left behind."""
    written = save_upload(upload.chunks(), upload.name)
    try:
        return IngestJob.objects.create(
            user=user,
            filename=upload.name[:255],
            size=written.size,
            sha256=written.sha256,
            symbol=symbol,
            upload=written.name,
        )
    except BaseException:
        remove(written.name)
        raise


def queue_job(job: IngestJob) -> None:
    """Hand the job to a worker (run inline in the embedded mode). Raises ``QueueDown`` when the broker cannot be
    reached, after marking the job failed and removing its file: the upload is refused, never half-kept."""
    from .tasks import ingest_job_task

    try:
        ingest_job_task.delay(job.pk)
    except OperationalError as error:
        logger.error('Ingest job %s could not be queued: %s', job.pk, error)
        for waiting in (job, *job.files.all()):
            _fail(waiting.pk, QUEUE_DOWN, str(error))
            if waiting.upload:
                remove(waiting.upload)
        raise QueueDown from error


class UploadRefused(Exception):
    """The upload could not be kept: a full disk (507) or an unreachable queue (503)."""

    def __init__(self, message: str, status: int):
        self.message, self.status = message, status
        super().__init__(message)


def start_job(user, uploads, symbol: str = '') -> IngestJob:
    """Keep the uploaded files and queue their job (the page and the API): one file is a job; several are a job
    whose ``files`` are a job each, read one after the other by its task. Raises ``UploadRefused`` with nothing
    kept."""
    kept = []
    try:
        with transaction.atomic():
            for upload in uploads:
                kept.append(create_job(user, upload, symbol))
            job = kept[0] if len(kept) == 1 else _several(user, kept)
    except OSError as error:
        for written in kept:
            remove(written.upload)
        if not is_disk_full(error):
            raise
        raise UploadRefused(
            _(
                'The server disk is full: %(file)s was not kept and nothing stored before was touched. '
                'Tell an administrator.'
            )
            % {'file': ', '.join(upload.name for upload in uploads)},
            507,
        ) from error
    try:
        queue_job(job)
    except QueueDown as error:
        job.refresh_from_db()
        raise UploadRefused(job_error(job), 503) from error
    return job


def _several(user, files: list[IngestJob]) -> IngestJob:
    digest = hashlib.sha256(''.join(file.sha256 for file in files).encode()).hexdigest()
    job = IngestJob.objects.create(
        user=user,
        filename=', '.join(file.filename for file in files)[:255],
        size=sum(file.size for file in files),
        sha256=digest,
        files_total=len(files),
    )
    IngestJob.objects.filter(pk__in=[file.pk for file in files]).update(parent=job)
    return job


def run_job(job_id: int) -> None:
    """Read and store the job's file. Run again after a worker died (or twice), it does what one run does: a job
    already finished is left as it is, and one that was running starts again from its untouched file."""
    job = IngestJob.objects.select_related('user').get(pk=job_id)
    if job.several:
        _run_files(job)
        return
    if not job.running:
        _remove_upload(job)
        return
    IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.RUNNING)
    try:
        data = media_path(job.upload).read_bytes()
    except OSError as error:
        logger.error('Ingest job %s: its file cannot be read: %s', job.pk, error)
        _fail(job.pk, UPLOAD_CHANGED, str(error))
        return
    if len(data) != job.size or hashlib.sha256(data).hexdigest() != job.sha256:
        _fail(job.pk, UPLOAD_CHANGED, 'the file waiting to be read does not match what was received')
        _remove_upload(job)
        return
    try:
        ingest_bytes(
            data,
            job.filename,
            user=job.user,
            symbol=job.symbol,
            finish=lambda outcome: _finish(job, outcome),
            on_ocr_progress=lambda done, total: _record_ocr_progress(job, done, total),
        )
    except Exception as error:
        logger.exception('Ingest job %s failed', job.pk)
        _fail(job.pk, DISK_FULL if is_disk_full(error) else '', str(error))
    _remove_upload(job)


def _run_files(job: IngestJob) -> None:
    """Run the job of each file in turn, writing the progress after each (the page polls it). Run again, the files
    already done are left as they are."""
    if not job.running:
        return
    IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.RUNNING)
    for file_id in job.files.order_by('pk').values_list('pk', flat=True):
        run_job(file_id)
        _record_progress(job)
    job.refresh_from_db()
    job.status, job.finished = IngestJob.Status.DONE, timezone.now()
    job.save()


def _record_progress(job: IngestJob) -> None:
    """Write how many files are read and the paragraphs stored so far (an update: no history row per file)."""
    files = job.files.all()
    IngestJob.objects.filter(pk=job.pk).update(
        files_done=files.exclude(status__in=(IngestJob.Status.QUEUED, IngestJob.Status.RUNNING)).count(),
        paragraphs=files.aggregate(total=Sum('paragraphs'))['total'] or 0,
    )


def _record_ocr_progress(job: IngestJob, done: int, total: int) -> None:
    """Write the pages a scan's OCR has read (an update, committed at once outside a transaction: the page polls
    it), and keep them on ``job``, which is saved whole when it finishes."""
    job.ocr_pages_done, job.ocr_pages_total = done, total
    IngestJob.objects.filter(pk=job.pk).update(ocr_pages_done=done, ocr_pages_total=total)


def ocr_progress(job: IngestJob) -> str:
    """'OCR: 3 of 12 pages read', in the reader's language."""
    return ngettext(
        'OCR: %(done)s of %(total)s page read', 'OCR: %(done)s of %(total)s pages read', job.ocr_pages_total
    ) % {'done': _number(job.ocr_pages_done), 'total': _number(job.ocr_pages_total)}


def job_progress(job: IngestJob) -> str:
    """'3 of 12 files, 1,204 paragraphs', in the reader's language."""
    files = ngettext('%(done)s of %(total)s file', '%(done)s of %(total)s files', job.files_total) % {
        'done': _number(job.files_done),
        'total': _number(job.files_total),
    }
    paragraphs = ngettext('%(count)s paragraph', '%(count)s paragraphs', job.paragraphs) % {
        'count': _number(job.paragraphs)
    }
    return _('%(files)s, %(paragraphs)s') % {'files': files, 'paragraphs': paragraphs}


def _finish(job: IngestJob, outcome: IngestOutcome) -> None:
    """Record the outcome; called inside the transaction that stores the file."""
    fields = {'finished': timezone.now(), 'pages': outcome.pages, 'paragraphs': outcome.paragraphs}
    fields['files_done'] = job.files_total
    if outcome.status == 'refused':
        fields.update(status=IngestJob.Status.FAILED, error_code=outcome.code, error_params=outcome.params)
        fields['error'] = outcome.message
    else:
        fields.update(
            status=IngestJob.Status.DONE,
            outcome=outcome.status,
            document_id=outcome.document_id,
            version=outcome.version,
            conflict=outcome.status == 'conflict',
        )
    for name, value in fields.items():
        setattr(job, name, value)
    job.save()


def _fail(job_id: int, code: str, error: str) -> None:
    job = IngestJob.objects.get(pk=job_id)
    job.status, job.error_code, job.error, job.finished = IngestJob.Status.FAILED, code, error, timezone.now()
    job.save()


def _remove_upload(job: IngestJob) -> None:
    """Remove the job's file once what it did is committed."""
    if job.upload:
        name = job.upload
        transaction.on_commit(lambda: remove(name))


def job_error(job: IngestJob) -> str:
    """Why the job failed, in the reader's language where the reason is known to ssrhub."""
    if job.error_code in PROBLEMS:
        return extraction_message(ExtractionError(job.error_code, job.filename, **job.error_params))
    reasons = {
        NO_PARAGRAPHS: _('No paragraph could be read from %(file)s.'),
        DISK_FULL: _('The server disk is full: %(file)s was not stored and nothing stored before was touched.'),
        QUEUE_DOWN: _('The background queue cannot be reached: %(file)s was not kept. Try again in a few minutes.'),
        UPLOAD_CHANGED: _('The copy of %(file)s kept for reading is missing or damaged: send the file again.'),
    }
    if job.error_code not in reasons:
        return job.error
    return reasons[job.error_code] % {'file': job.filename}


def extraction_message(error: ExtractionError) -> str:
    """Why a file cannot be read, as a sentence in the reader's language (the same table as the English
    ``str(error)`` of the command line)."""
    return error.message(gettext, _number) + '.'


def _number(value, decimals: int = 0) -> str:
    return number_format(value, decimal_pos=decimals, force_grouping=True)


def job_result(job: IngestJob) -> str:
    """What the job did, in the reader's language."""
    text = {
        IngestJob.Outcome.CREATED: _('Stored %(document)s: %(count)s paragraphs, coded.'),
        IngestJob.Outcome.NEW_VERSION: _('Stored version %(version)s of %(document)s: %(count)s paragraphs, coded.'),
        IngestJob.Outcome.UNCHANGED: _('%(document)s already holds this exact file; nothing was added.'),
        IngestJob.Outcome.CONFLICT: _(
            'Stored %(document)s as a document of its own (%(count)s paragraphs, coded): the symbols of its '
            'text, file name and upload do not agree, or its text does not print the symbol of the stored '
            'document they name. An editor resolves this on the symbol conflicts page.'
        ),
    }.get(job.outcome, '')
    return text % {'document': job.document, 'version': job.version, 'count': job.paragraphs} if text else ''
