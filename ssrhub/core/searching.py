"""Global search: each searchable model declares the fields to look in and how to label a hit."""

from dataclasses import dataclass

from django.db.models import Q

__all__ = ['SearchIndex', 'global_search', 'icontains_any', 'register']

RESULTS_PER_MODEL = 20


@dataclass(frozen=True)
class SearchIndex:
    model: type
    fields: tuple[str, ...]
    label: str
    queryset_hook: object = None  # optional callable(queryset) -> queryset (e.g. current version only)


_INDEXES: list[SearchIndex] = []


def icontains_any(fields, value: str) -> Q:
    """A condition true when any of ``fields`` contains ``value`` (case-insensitive)."""
    condition = Q()
    for field in fields:
        condition |= Q(**{f'{field}__icontains': value})
    return condition


def register(index: SearchIndex) -> None:
    _INDEXES.append(index)


def global_search(user, query: str) -> list[dict]:
    """Groups of hits ``{'label', 'model', 'hits'}`` for ``query``, restricted to what ``user`` may view."""
    groups = []
    for index in _INDEXES:
        queryset = index.model.objects.restrict(user, 'view').filter(icontains_any(index.fields, query))
        if index.queryset_hook:
            queryset = index.queryset_hook(queryset)
        hits = list(queryset[:RESULTS_PER_MODEL])
        if hits:
            groups.append({'label': index.label, 'model': index.model, 'hits': hits})
    return groups
