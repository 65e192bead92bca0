"""Background ingestion: Celery tasks with Redis in production, inline (eager) in the embedded mode."""

from celery import shared_task
from django.contrib.auth import get_user_model

from .ingest import ingest_path

__all__ = ['ingest_path_task']


@shared_task(name='ssrhub.documents.ingest_path')
def ingest_path_task(path: str, user_id: int | None = None, code: bool = True) -> dict:
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return ingest_path(path, user=user, code=code).as_dict()
