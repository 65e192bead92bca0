"""Full-text search over paragraphs: SQLite FTS5 in the embedded mode, PostgreSQL full-text in production.

Both sit behind ``search_paragraphs(queryset, query)``; the index itself is created by migration
``0002_fulltext`` for whichever database is in use.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register

from .models import Document

__all__ = ['fts5_query', 'search_paragraphs']

FTS_TABLE = 'documents_paragraph_fts'
WORD = re.compile(r'\w+(?:[-\']\w+)*', re.UNICODE)
PHRASE = re.compile(r'"([^"]+)"')


def fts5_query(query: str) -> str:
    """User words and "quoted phrases" as an FTS5 query in which every term must appear."""
    phrases = [' '.join(WORD.findall(phrase)) for phrase in PHRASE.findall(query)]
    words = WORD.findall(PHRASE.sub(' ', query))
    terms = [f'"{term}"' for term in [*phrases, *words] if term]
    return ' '.join(terms)


def search_paragraphs(queryset, query: str):
    """``queryset`` cut down to paragraphs matching ``query``, best match first."""
    query = query.strip()
    if not query:
        return queryset
    if connection.vendor == 'postgresql':
        search = SearchQuery(query, search_type='websearch', config='simple')
        vector = SearchVector('text', config='simple')
        return (
            queryset.annotate(document_vector=vector, rank=SearchRank(vector, search))
            .filter(document_vector=search)
            .order_by('-rank', 'pk')
        )
    match = fts5_query(query)
    if not match:
        return queryset.none()
    rank = RawSQL(
        f'SELECT bm25({FTS_TABLE}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid = documents_paragraph.id',
        [match],
    )
    matching = RawSQL(f'SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s', [match])
    return queryset.filter(pk__in=matching).annotate(rank=rank).order_by(F('rank').asc(nulls_last=True), 'pk')


register(SearchIndex(model=Document, fields=('symbol', 'title', 'key'), label=_('Documents')))
