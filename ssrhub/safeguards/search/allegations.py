"""Search in alleged violations: their narrative and alleged perpetrators are encrypted, so the rows the user may
read are decrypted and matched in Python (accents and case folded, every word or "quoted phrase" must appear), never
in SQL. Used by the list's ``q`` filter, the API's and global search."""

from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register
from ssrhub.core.textsearch import WORD, fold, search_terms

from ..models import Allegation

__all__ = ['matching_allegations']

SEARCHED = ('narrative', 'perpetrators', 'place')


def _text(allegation) -> str:
    # Words only, as the terms are: the phrase "J. Dupont" is the terms' "j dupont".
    return ' '.join(WORD.findall(fold(' '.join(getattr(allegation, name) or '' for name in SEARCHED))))


def matching_allegations(queryset, query: str):
    """The rows of ``queryset`` (already restricted to what the user may read) whose narrative, alleged
    perpetrators or place hold every term of ``query``, as a queryset."""
    terms = search_terms(query)
    if not terms:
        return queryset
    found = [allegation.pk for allegation in queryset if all(term in _text(allegation) for term in terms)]
    return queryset.filter(pk__in=found)


def _describe(allegation) -> dict:
    return {
        'title': str(allegation),
        'url': allegation.get_absolute_url(),
        'text': [allegation.narrative, allegation.perpetrators],
        'context': f'{allegation.country.name} · {allegation.recipient} · {allegation.get_follow_up_display()}',
    }


register(
    SearchIndex(
        model=Allegation,
        kind='allegations',
        label=_('Alleged violations'),
        queryset_hook=lambda queryset: queryset.select_related('country', 'recipient'),
        search=matching_allegations,
        describe=_describe,
        priority=80,
    )
)
