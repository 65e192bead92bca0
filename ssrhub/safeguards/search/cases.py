"""Support requests found by their title, recipient and encrypted description: the description is decrypted in
Python over the rows the user may view (``restrict()``), never matched in SQL. Used by global search and by the
request list's ``q``."""

from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register
from ssrhub.core.textsearch import fold, search_terms

from ..models import SupportRequest

__all__ = ['matching_requests']


def _text(request) -> str:
    return fold(' '.join((request.title, str(request.recipient), request.description)))


def matching_requests(queryset, query: str):
    """The requests of ``queryset`` (already restricted to the user) holding every term of ``query``."""
    terms = search_terms(query)
    if not terms:
        return queryset
    rows = queryset.select_related('recipient')
    return queryset.filter(pk__in=[row.pk for row in rows if all(term in _text(row) for term in terms)])


def _describe(request) -> dict:
    return {
        'title': request.title,
        'url': request.get_absolute_url(),
        'text': [request.description],
        'context': f'{request.recipient} · {request.get_status_display()}',
    }


register(
    SearchIndex(
        model=SupportRequest,
        kind='support-requests',
        label=_('Support requests'),
        search=matching_requests,
        describe=_describe,
        priority=80,
    )
)
