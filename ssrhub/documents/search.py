"""Full-text search over paragraphs: SQLite FTS5 in the embedded mode, PostgreSQL full-text in production.

Both sit behind ``search_paragraphs(queryset, query)`` and fold accents and case ("securite" finds "sécurité");
the index itself is created by migrations ``0002_fulltext`` and ``0004_folded_fulltext`` for whichever database
is in use. ``index_words()`` lists the index's words, from which paragraph search suggests close spellings.
Documents and paragraphs are registered with the global search here.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, Max, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, folded_match, register, register_words, relevance

from .models import Document, Paragraph

__all__ = ['fts5_query', 'index_words', 'search_paragraphs']

FTS_TABLE = 'documents_paragraph_fts'
VOCABULARY_TABLE = 'documents_paragraph_vocab'
POSTGRES_CONFIG = 'ssrhub_folded'
DOCUMENT_FIELDS = ('symbol', 'title', 'key')
VOCABULARY_SECONDS = 3600
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
        search = SearchQuery(query, search_type='websearch', config=POSTGRES_CONFIG)
        vector = SearchVector('text', config=POSTGRES_CONFIG)
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


def index_words() -> frozenset[str]:
    """Every word of the paragraph index, folded (lower case, no accents); cached until paragraphs change."""
    state = Paragraph.objects.aggregate(count=Count('pk'), last=Max('pk'))
    key = f'ssrhub-index-words-{connection.vendor}-{state["count"]}-{state["last"]}'
    words = cache.get(key)
    if words is None:
        if connection.vendor == 'postgresql':
            sql = (
                f"SELECT word FROM ts_stat('SELECT to_tsvector(''{POSTGRES_CONFIG}'', text) FROM documents_paragraph')"
            )
        else:
            sql = f'SELECT term FROM {VOCABULARY_TABLE}'
        with connection.cursor() as cursor:
            cursor.execute(sql)
            words = frozenset(word for (word,) in cursor.fetchall() if word.isalpha())
        cache.set(key, words, VOCABULARY_SECONDS)
    return words


# Section: global search


def _current_paragraphs(queryset):
    return queryset.filter(version__is_current=True).select_related('version__document')


def _search_documents(queryset, query):
    """Documents whose symbol, title or key hold the query, or whose current text has a paragraph that does;
    ranked by where the query is, then by how many paragraphs hold it."""
    paragraphs = search_paragraphs(Paragraph.objects.filter(version__is_current=True), query).values('pk')
    holding = Paragraph.objects.filter(pk__in=paragraphs)
    found = Document.objects.filter(
        folded_match(DOCUMENT_FIELDS, query) | Q(pk__in=holding.values('version__document'))
    )
    # A subquery per document found rather than a join over every paragraph of every document: counting the hits
    # then needs no ranking at all.
    hits = (
        holding.filter(version__document=OuterRef('pk'))
        .order_by()
        .values('version__document')
        .annotate(count=Count('pk'))
        .values('count')
    )
    return (
        queryset.filter(pk__in=found.values('pk'))
        .annotate(search_score=relevance(DOCUMENT_FIELDS, query), paragraph_hits=Coalesce(Subquery(hits), 0))
        .order_by('-search_score', '-paragraph_hits', '-date', 'pk')
    )


def _describe_document(document) -> dict:
    return {
        'title': str(document),
        'url': document.get_absolute_url(),
        'text': document.title if document.title != str(document) else '',
        'context': ' · '.join(
            str(part) for part in (document.get_doc_type_display(), document.date and document.date.isoformat()) if part
        ),
    }


def _describe_paragraph(paragraph) -> dict:
    document = paragraph.version.document
    return {
        'title': f'{document} ¶ {paragraph.ref}',
        'url': f'{document.get_absolute_url()}#p-{slugify(paragraph.ref)}',
        'text': paragraph.text,
        'context': ' · '.join(
            part
            for part in (
                capfirst(_('%(kind)s paragraph') % {'kind': paragraph.get_kind_display()}),
                document.date and document.date.isoformat(),
            )
            if part
        ),
    }


register(
    SearchIndex(
        model=Document,
        kind='documents',
        label=_('Documents'),
        search=_search_documents,
        describe=_describe_document,
        priority=40,
    )
)
register(
    SearchIndex(
        model=Paragraph,
        kind='paragraphs',
        label=_('Paragraphs'),
        queryset_hook=_current_paragraphs,
        search=search_paragraphs,
        describe=_describe_paragraph,
        priority=45,
    )
)
register_words(index_words)
