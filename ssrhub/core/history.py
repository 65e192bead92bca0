"""Reading the audit history kept by django-simple-history: per object, and across all models."""

from itertools import islice
from operator import attrgetter

from django.apps import apps

__all__ = ['object_changes', 'recent_changes']

ACTIONS = {'+': 'created', '~': 'changed', '-': 'deleted'}


def _describe(record) -> dict:
    """One history record as who/when/what, with before/after values for each changed field."""
    changes = []
    previous = record.prev_record
    if previous is not None:
        delta = record.diff_against(previous)
        changes = [{'field': change.field, 'before': change.old, 'after': change.new} for change in delta.changes]
    return {
        'record': record,
        'action': ACTIONS[record.history_type],
        'user': record.history_user,
        'date': record.history_date,
        'reason': record.history_change_reason or '',
        'changes': changes,
    }


def object_changes(obj) -> list[dict]:
    """Every recorded change of ``obj``, newest first."""
    return [_describe(record) for record in obj.history.select_related('history_user').order_by('-history_date')]


def _history_models():
    for model in apps.get_models():
        if (
            model.__module__.startswith('ssrhub.')
            and hasattr(model, 'history')
            and not model.__name__.startswith('Historical')
        ):
            yield model


def recent_changes(user, limit: int = 50, by=None) -> list[dict]:
    """The latest changes across ssrhub models whose records ``user`` may view, newest first; with ``by``, only the
    changes that user made."""
    records = []
    for model in _history_models():
        visible = model.objects.restrict(user, 'view').values('pk') if hasattr(model.objects, 'restrict') else None
        if visible is None and not user.is_superuser:
            continue
        history = model.history.select_related('history_user').order_by('-history_date')
        if by is not None:
            history = history.filter(history_user=by)
        if visible is not None:
            history = history.filter(id__in=visible)
        records.extend(islice(history, limit))
    records.sort(key=attrgetter('history_date'), reverse=True)
    return [{**_describe(record), 'model': record.instance_type._meta.verbose_name} for record in records[:limit]]
