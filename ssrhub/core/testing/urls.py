"""Every URL of the project and the view behind it, for the check that every view restricts its queryset."""

from django.urls import URLPattern, URLResolver, get_resolver

from ssrhub.core.api.viewsets import RestrictedViewSetMixin
from ssrhub.core.views.generic import RestrictedViewMixin

__all__ = ['RESTRICTED_BASES', 'is_restricted', 'model_views', 'url_views']

RESTRICTED_BASES = (RestrictedViewMixin, RestrictedViewSetMixin)


def _view(callback):
    """The class behind a class-based view or viewset, else the function itself."""
    return getattr(callback, 'view_class', None) or getattr(callback, 'cls', None) or callback


def url_views(resolver=None, namespace=''):
    """(URL name with its namespace, route, view) for every URL pattern of the project."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f'{namespace}{pattern.namespace}:' if pattern.namespace else namespace
            yield from url_views(pattern, inner)
        elif isinstance(pattern, URLPattern):
            yield f'{namespace}{pattern.name or ""}', str(pattern.pattern), _view(pattern.callback)


def is_restricted(view) -> bool:
    return isinstance(view, type) and issubclass(view, RESTRICTED_BASES)


def model_views() -> dict:
    """Model -> the names of the restricted views and viewsets that serve it."""
    served = {}
    for name, _route, view in url_views():
        queryset = getattr(view, 'queryset', None) if is_restricted(view) else None
        if queryset is not None:
            served.setdefault(queryset.model, set()).add(name)
    return served
