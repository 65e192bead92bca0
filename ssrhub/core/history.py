"""Reading the audit history kept by django-simple-history: per object, and across all models.

A higher app adds the history of its own records to an object's (e.g. coding's review decisions to a document's)
with :func:`register_source`, and says in words what one of its records' changes did with ``describe``.
An anonymous visitor sees when a public record changed and which fields, never who changed it nor the values
(:func:`shown_to`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from simple_history.manager import HistoryManager

from .readlog import is_sensitive, log_reads

__all__ = [
    'HistorySource',
    'describe_part',
    'history_model',
    'history_models',
    'object_changes',
    'recent_changes',
    'register_source',
    'shown_to',
]

ACTIONS = {'+': 'created', '~': 'changed', '-': 'deleted'}


@dataclass(frozen=True)
class HistorySource:
    """The history of ``model`` records shown in the history of the ``owner`` object they belong to.

    Args:
        owner: the model whose history page shows these records (e.g. ``Document``).
        model: the model with the history (e.g. ``CodeAssignment``).
        lookup: the path from ``model``'s historical records to the owner (e.g. ``paragraph__version__document``).
        describe: ``describe(record)`` says what the change did, in the UI language (shown as its reason).
        select_related: relations of the historical records ``describe`` reads.
    """

    owner: type
    model: type
    lookup: str
    describe: Callable | None = None
    select_related: tuple = ()


_SOURCES: list[HistorySource] = []


def register_source(source: HistorySource) -> None:
    _SOURCES.append(source)


def describe_part(record) -> str:
    """A part's change, as its kind and its value, in the UI language (a ``describe`` for ``HistorySource``)."""
    kind = str(record.instance_type._meta.verbose_name).capitalize()
    return _('%(kind)s: %(record)s') % {'kind': kind, 'record': record.instance}


def _describer(model):
    return next((source.describe for source in _SOURCES if source.model is model and source.describe), None)


def _shown(field, value):
    """A stored value as the pages show it: a choice's label, yes or no, in the UI language."""
    if field is not None and field.choices and value not in (None, ''):
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _('yes') if value else _('no')
    return value


def _change(model, change) -> dict:
    """One changed field: its name, its label and its values before and after, as shown."""
    try:
        field = model._meta.get_field(change.field)
    except FieldDoesNotExist:
        field = None
    label = field.verbose_name if field is not None else change.field
    return {
        'field': change.field,
        'label': label,
        'before': _shown(field, change.old),
        'after': _shown(field, change.new),
    }


def _describe(record) -> dict:
    """One history record as who/when/what, with before/after values for each changed field."""
    changes = []
    previous = record.prev_record
    if previous is not None:
        delta = record.diff_against(previous)
        changes = [_change(record.instance_type, change) for change in delta.changes]
    describe = _describer(record.instance_type)
    return {
        'record': record,
        'action': ACTIONS[record.history_type],
        'user': record.history_user,
        'date': record.history_date,
        'reason': describe(record) if describe else record.history_change_reason or '',
        'changes': changes,
    }


def object_changes(obj) -> list[dict]:
    """Every recorded change of ``obj`` and of the records registered as belonging to it, newest first."""
    records = list(obj.history.select_related('history_user'))
    for source in _SOURCES:
        if isinstance(obj, source.owner):
            history = source.model.history.filter(**{source.lookup: obj})
            records.extend(history.select_related('history_user', *source.select_related))
    records.sort(key=attrgetter('history_date'), reverse=True)
    return [_describe(record) for record in records]


def shown_to(user, changes: list[dict]) -> list[dict]:
    """``changes`` as ``user`` may see them: to an anonymous visitor, without the user and the values."""
    if user.is_authenticated:
        return changes
    return [
        {**change, 'user': None, 'changes': [{'field': d['field'], 'label': d['label']} for d in change['changes']]}
        for change in changes
    ]


@cache
def history_model(model):
    """The model of ``model``'s historical records, or None without a history. Reading ``model.history`` builds a new
    manager class each time (about half a millisecond): what reads many models' histories per request comes here."""
    manager = getattr(model, 'history', None)
    return manager.model if isinstance(manager, HistoryManager) else None


@cache
def history_models() -> tuple:
    """The models of ssrhub whose records keep a history."""
    return tuple(
        model
        for model in apps.get_models()
        if model.__module__.startswith('ssrhub.')
        and history_model(model) is not None
        and not model.__name__.startswith('Historical')
    )


def recent_changes(user, limit: int = 50, by=None) -> list[dict]:
    """The latest changes across ssrhub models whose records ``user`` may view, newest first; with ``by``, only the
    changes that user made. The changes shown of sensitive records are logged as reads of their history."""
    records = []
    for model in history_models():
        visible = model.objects.restrict(user, 'view').values('pk') if hasattr(model.objects, 'restrict') else None
        if visible is None and not user.is_superuser:
            continue
        history = history_model(model)._default_manager.select_related('history_user').order_by('-history_date')
        if by is not None:
            history = history.filter(history_user=by)
        if visible is not None:
            history = history.filter(id__in=visible)
        records.extend(history[:limit])
    records.sort(key=attrgetter('history_date'), reverse=True)
    shown = records[:limit]
    log_reads(user, [record.instance for record in shown if is_sensitive(record.instance_type)], 'history')
    changes = [{**_describe(record), 'model': record.instance_type._meta.verbose_name} for record in shown]
    return shown_to(user, changes)
