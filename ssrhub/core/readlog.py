"""The read log: every read of a sensitive record by a user is a ``SensitiveRead`` row, written in the request that
shows the record and before its response is built. When the row cannot be written, the read is refused (a 403,
nothing of the record shown): an unlogged read never happens.

The generic views (``views/generic.py``: detail, history, edit and delete pages, the rows of list pages) and the API
viewsets (``api/viewsets.py``: retrieve, update, delete and the rows of list pages) call ``log_reads()``; global search
(``searching.py``) logs the hits it shows ('search'), the change log (``history.py``) the changes it shows
('history'); an export of sensitive records calls it with 'export'.
"""

from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction

from .access import SENSITIVE
from .models import SensitiveRead

__all__ = ['is_sensitive', 'log_reads', 'log_table_reads', 'sensitive_models']


def is_sensitive(model) -> bool:
    return getattr(model, 'access_kind', None) == SENSITIVE


@cache
def sensitive_models() -> tuple:
    """The sensitive models of the project (the registry is complete once the apps are ready)."""
    return tuple(model for model in apps.get_models() if is_sensitive(model))


def log_reads(user, records, channel: str):
    """Log that ``user`` reads ``records`` (model instances) through ``channel`` (``SensitiveRead.Channel``); records
    of models that are not sensitive are not logged. Raises ``PermissionDenied`` when the log cannot be written."""
    rows = [
        SensitiveRead(
            user=user,
            content_type=ContentType.objects.get_for_model(record, for_concrete_model=False),
            object_id=record.pk,
            channel=channel,
        )
        for record in records
        if is_sensitive(type(record))
    ]
    if not rows:
        return
    try:
        # A savepoint: a failed write leaves the request's transaction usable for the 403 page.
        with transaction.atomic():
            SensitiveRead.objects.bulk_create(rows)
    except DatabaseError as error:
        raise PermissionDenied from error


def log_table_reads(user, table, channel: str = 'list'):
    """Log the records on the current page of a django-tables2 ``table`` (nothing when they are not sensitive)."""
    log_reads(user, [row.record for row in table.paginated_rows], channel)
