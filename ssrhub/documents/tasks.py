"""Background ingestion: Celery tasks with Redis in production, inline (eager) in the embedded mode."""

from celery import shared_task
from django.contrib.auth import get_user_model

from .ingest import ingest_path

__all__ = ['ingest_path_task']


# Acknowledged once done: a worker killed in the middle gives the file back to the queue, and storing is idempotent
# (a file already stored is found unchanged), so the retry neither loses nor duplicates a document.
@shared_task(name='ssrhub.documents.ingest_path', acks_late=True, reject_on_worker_lost=True)
def ingest_path_task(path: str, user_id: int | None = None, code: bool = True) -> dict:
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return ingest_path(path, user=user, code=code).as_dict()
