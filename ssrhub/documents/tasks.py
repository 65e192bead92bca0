"""Background ingestion: Celery tasks with Redis in production, inline (eager) in the embedded mode.

An ingest task is acknowledged only once it has run (``acks_late``) and given back to the queue when its worker dies
(``reject_on_worker_lost``): another worker runs it again, which stores what one run stores (``jobs.run_job``,
``ingest.py`` is idempotent by content hash). The reading itself is bounded in time and memory
(``SSRHUB_INGEST_MAX_SECONDS``, ``SSRHUB_INGEST_MAX_MEMORY_MB``, and ``SSRHUB_OCR_MAX_SECONDS`` more for a scan read by
OCR); the task's own time limits add a margin for storing.
"""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model

from .ingest import ingest_path
from .jobs import run_job
from .models import DocumentVersion
from .originals import check_originals

__all__ = ['check_originals_task', 'ingest_job_task', 'ingest_path_task']

_ROBUST = {
    'acks_late': True,
    'reject_on_worker_lost': True,
    'soft_time_limit': settings.SSRHUB_INGEST_MAX_SECONDS + settings.SSRHUB_OCR_MAX_SECONDS + 60,
    'time_limit': settings.SSRHUB_INGEST_MAX_SECONDS + settings.SSRHUB_OCR_MAX_SECONDS + 120,
}


# Acknowledged once done: a worker killed in the middle gives the file back to the queue, and storing is idempotent
# (a file already stored is found unchanged), so the retry neither loses nor duplicates a document.
@shared_task(name='ssrhub.documents.ingest_path', **_ROBUST)
def ingest_path_task(path: str, user_id: int | None = None, code: bool = True) -> dict:
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return ingest_path(path, user=user, code=code).as_dict()


@shared_task(name='ssrhub.documents.ingest_job', **_ROBUST)
def ingest_job_task(job_id: int) -> None:
    run_job(job_id)


@shared_task(name='ssrhub.documents.check_originals')
def check_originals_task() -> int:
    """The periodic check of the originals (CELERY_BEAT_SCHEDULE): each problem is logged as an error; returns
    how many there are."""
    return len(check_originals(DocumentVersion.objects.exclude(original='').order_by('pk').iterator()))
