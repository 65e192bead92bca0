"""The kept funding results calculated again in the background after their records change (where a Celery worker
runs: ``SSRHUB_REDIS_URL`` set), so that readers of a large plan rarely wait for the calculation."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from ssrhub.coordination.signals import activities_stored
from ssrhub.countries.models import NationalDocument

from .queries import FUNDING_SOURCES, kept_readers, plan_funding, reader_key

__all__ = ['connect_refresh', 'refresh_kept_funding']


@shared_task(name='ssrhub.finance.refresh_kept_funding')
def refresh_kept_funding() -> int:
    """Calculate the results readers asked for again where their records changed; returns how many were checked (a
    result still kept is not calculated again)."""
    checked = 0
    users = get_user_model().objects.filter(is_active=True)
    for (document_id, currency, language, reader), user_id in kept_readers().items():
        user = users.filter(pk=user_id).first()
        document = NationalDocument.objects.filter(pk=document_id).first()
        if user is None or document is None or reader_key(user) != reader:
            continue
        with translation.override(language):
            plan_funding(user, document, currency)
        checked += 1
    return checked


def _schedule_refresh() -> None:
    refresh_kept_funding.delay()


def _changed(sender, **kwargs) -> None:
    """Once per transaction that writes a record the funding is calculated from, after it commits."""
    if not settings.SSRHUB_FUNDING_REFRESH:
        return
    # One refresh per transaction however many records it writes (Django keeps the callbacks as (savepoints,
    # function, robust)).
    if any(callback[1] is _schedule_refresh for callback in connection.run_on_commit):
        return
    transaction.on_commit(_schedule_refresh, robust=True)


def connect_refresh() -> None:
    for model in FUNDING_SOURCES:
        post_save.connect(_changed, sender=model, dispatch_uid=f'finance-refresh-save-{model._meta.label}')
        post_delete.connect(_changed, sender=model, dispatch_uid=f'finance-refresh-delete-{model._meta.label}')
    activities_stored.connect(_changed, dispatch_uid='finance-refresh-stored')
