"""Search in the database: accent- and case-folded matching for every search, and the global search registry.

``folded``: a lookup transform, ``name_en__folded__contains='cote'``, that folds both sides the way
``core.textsearch.fold()`` does: ``LOWER(UNACCENT(...))`` on PostgreSQL (extension created by migration
``core.0002_unaccent``), a Python function registered on each SQLite connection. Every search (global search,
list filters ``q``, their API) matches through :func:`folded_match`; paragraphs' full-text index folds the same way
(``documents/search.py``).

Each searchable model registers a :class:`SearchIndex` from its app's ``search.py``; :func:`global_search` counts
the hits of every kind (the facets) and shows the best of each, or one kind page by page.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.backends.signals import connection_created
from django.db.models import Case, CharField, IntegerField, Q, TextField, Transform, Value, When
from django.dispatch import receiver
from django.utils.translation import get_language

from .kept import kept_result
from .readlog import is_sensitive, log_reads
from .textsearch import WORD, best_text, fold, highlight, search_terms, snippet, spelling_alternatives

__all__ = [
    'Folded',
    'SearchIndex',
    'SearchResults',
    'folded_match',
    'global_search',
    'indexes',
    'known_words',
    'matching',
    'register',
    'register_words',
    'relevance',
    'suggest',
]

HITS_PER_GROUP = 5
HITS_PER_PAGE = 20


# Section: folding


class Folded(Transform):
    """A text lower-cased without accents, on both sides of the lookup that follows (``bilateral``)."""

    lookup_name = 'folded'
    function = 'SSRHUB_FOLD'
    bilateral = True

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template='LOWER(UNACCENT(%(expressions)s))', **extra_context)


CharField.register_lookup(Folded)
TextField.register_lookup(Folded)


# One query folds the same field values once per condition and per ranking case: remember recent ones.
@functools.lru_cache(maxsize=8192)
def _fold_sql(value):
    return None if value is None else fold(str(value))


@receiver(connection_created, dispatch_uid='ssrhub_fold_function')
def register_fold_function(sender, connection, **kwargs):
    if connection.vendor == 'sqlite':
        connection.connection.create_function('SSRHUB_FOLD', 1, _fold_sql, deterministic=True)


def folded_match(fields, query: str) -> Q:
    """True when every term of ``query`` (word or "quoted phrase") is in one of ``fields``, accents and case folded.

    A query without any term matches everything.
    """
    condition = Q()
    for term in search_terms(query):
        in_any_field = Q()
        for name in fields:
            in_any_field |= Q(**{f'{name}__folded__contains': term})
        condition &= in_any_field
    return condition


def relevance(fields, query: str):
    """A score ranking hits: the whole query as a field's value, at its start or inside it, then each of its terms
    inside a field; earlier fields count more. Fields across relations (``names__name_en``) find records but do not
    rank them."""
    phrase = ' '.join(WORD.findall(query))
    terms = search_terms(query)
    own = [name for name in fields if '__' not in name]
    score = Value(0)
    for position, name in enumerate(own):
        weight = len(own) - position
        score += Case(
            When(**{f'{name}__folded': phrase}, then=Value(16 * weight)),
            When(**{f'{name}__folded__startswith': phrase}, then=Value(8 * weight)),
            When(**{f'{name}__folded__contains': phrase}, then=Value(4 * weight)),
            default=Value(0),
            output_field=IntegerField(),
        )
        for term in terms if len(terms) > 1 else []:
            score += Case(
                When(**{f'{name}__folded__contains': term}, then=Value(weight)),
                default=Value(0),
                output_field=IntegerField(),
            )
    return score


# Section: global search


def _describe(hit) -> dict:
    return {'title': str(hit), 'url': hit.get_absolute_url(), 'text': '', 'context': ''}


@dataclass(frozen=True)
class SearchIndex:
    """One kind of record that global search finds.

    Args:
        model: the model searched; its rows are read through ``restrict(user, 'view')``.
        kind: the kind's name in URLs (``/search/?q=...&kind=paragraphs``).
        label: the kind's plural name, shown in the facets.
        fields: the fields looked in, the most telling first (their order ranks the hits).
        queryset_hook: ``hook(queryset)`` cuts or prepares the model's rows before searching (e.g. current
            version only, ``select_related``).
        search: ``search(queryset, query)`` gives the matching rows best first, in place of ``fields``
            (e.g. a full-text index).
        describe: ``describe(hit)`` gives the ``title``, ``url``, ``text`` (a snippet is cut around the first
            match; from a list of texts, the one holding the most words searched) and ``context`` (a short line
            under the title) of a hit.
        priority: where the kind stands when every kind is shown (lowest first).
    """

    model: type
    kind: str
    label: str
    fields: tuple[str, ...] = ()
    queryset_hook: Callable | None = None
    search: Callable | None = None
    describe: Callable = _describe
    priority: int = 50


@dataclass
class SearchResults:
    """What :func:`global_search` found: ``facets`` (``{'kind', 'label', 'count'}`` per kind with hits), and either
    ``groups`` (every kind, its best hits) or ``page`` (one kind, a page of hits)."""

    query: str
    kind: str | None = None
    kind_label: str = ''
    facets: list[dict] = field(default_factory=list)
    groups: list[dict] = field(default_factory=list)
    page: object = None

    @property
    def total(self) -> int:
        return sum(facet['count'] for facet in self.facets)


_INDEXES: list[SearchIndex] = []
_WORD_SOURCES: list[Callable] = []


def register(index: SearchIndex) -> None:
    _INDEXES.append(index)


def register_words(source: Callable) -> None:
    """Add ``source()``, a set of folded words, to the words from which searches suggest close spellings."""
    _WORD_SOURCES.append(source)


def known_words() -> frozenset[str]:
    return frozenset().union(*(source() for source in _WORD_SOURCES))


def indexes() -> list[SearchIndex]:
    return sorted(_INDEXES, key=lambda index: index.priority)


def matching(index: SearchIndex, user, query: str):
    """The rows of ``index`` that ``user`` may view and that match ``query``, best first."""
    queryset = index.model.objects.restrict(user, 'view')
    if index.queryset_hook:
        queryset = index.queryset_hook(queryset)
    if index.search:
        return index.search(queryset, query)
    # Matching through a subquery keeps one row per record when a field crosses a to-many relation.
    found = index.model.objects.filter(folded_match(index.fields, query)).values('pk')
    ordering = queryset.query.order_by or index.model._meta.ordering or ['pk']
    return (
        queryset.filter(pk__in=found)
        .annotate(search_score=relevance(index.fields, query))
        .order_by('-search_score', *ordering)
    )


def _hit(index: SearchIndex, obj, terms: list[str]) -> dict:
    described = {'text': '', 'context': '', **index.describe(obj)}
    text = described['text']
    text = best_text(text, terms) if isinstance(text, list | tuple) else text
    return {
        'title': highlight(described['title'], terms),
        'url': described['url'],
        'text': highlight(snippet(text, terms), terms) if text else [],
        'context': str(described['context']),
    }


def global_search(user, query: str, kind: str | None = None, page_number=1) -> SearchResults:
    """Every kind's hits for ``query`` that ``user`` may view: counted per kind, the best few of each, or, with
    ``kind``, that kind's hits page by page. The hits shown of sensitive records are written to the read log.

    The overview of every kind is kept (``core/kept.py``) until a searched record changes, for the readers who see
    the same records; each reader's view of it is still logged."""
    if not search_terms(query):
        return SearchResults(query=query)
    if kind is None:
        models = [index.model for index in indexes()]
        results, shown = kept_result(
            'global-search', user, models, [query, get_language()], lambda: _groups(*_facets(user, query), query)
        )
        _log_shown(user, shown)
        return results
    results, found = _facets(user, query, kind)
    chosen = next((pair for pair in found if pair[0].kind == kind), None)
    if chosen is None:
        results, shown = _groups(results, found, query)
        _log_shown(user, shown)
        return results
    index, queryset, _best = chosen
    results.kind, results.kind_label = index.kind, index.label
    page = Paginator(queryset, HITS_PER_PAGE).get_page(page_number)
    shown = list(page.object_list)
    log_reads(user, shown, 'search')
    page.object_list = [_hit(index, obj, search_terms(query)) for obj in shown]
    results.page = page
    return results


def _log_shown(user, shown) -> None:
    """Log the reads of the sensitive hits shown, given as (model, pk)."""
    log_reads(user, [model(pk=pk) for model, pk in shown], 'search')


def _facets(user, query: str, kind: str | None = None):
    """The kinds with hits, counted, and for each its (index, matching rows, best hits unless it is ``kind``)."""
    results, found = SearchResults(query=query), []
    for index in indexes():
        queryset = matching(index, user, query)
        # Every kind's best hits are read (shown unless another kind is chosen): most kinds have no more than those,
        # and are counted without a second query (each searches a whole table).
        best = None if index.kind == kind else list(queryset[: HITS_PER_GROUP + 1])
        count = len(best) if best is not None and len(best) <= HITS_PER_GROUP else queryset.count()
        if count:
            found.append((index, queryset, best))
            results.facets.append({'kind': index.kind, 'label': str(index.label), 'count': count})
    return results, found


def _groups(results: SearchResults, found, query: str):
    """``results`` with every kind's best hits, and the sensitive records among them as (model, pk), which are
    logged at each read."""
    terms, shown = search_terms(query), []
    for (index, _queryset, best), facet in zip(found, results.facets, strict=True):
        hits = best[:HITS_PER_GROUP]
        shown += [(type(hit), hit.pk) for hit in hits if is_sensitive(type(hit))]
        results.groups.append({**facet, 'hits': [_hit(index, obj, terms) for obj in hits]})
    # A kind whose best hit is named exactly as the query comes first ("Liberia": the country before paragraphs).
    wanted = fold(' '.join(WORD.findall(query)))
    results.groups.sort(key=lambda group: fold(''.join(part for part, _ in group['hits'][0]['title'])) != wanted)
    return results, shown


def suggest(user, query: str, limit: int = 3) -> list[dict]:
    """Close spellings of ``query`` that find something for ``user``: ``{'query', 'count'}``, best first."""
    suggestions = []
    for alternative in spelling_alternatives(query, known_words()):
        # Counted only: no hit is shown, so none is read.
        count = (
            sum(matching(index, user, alternative).count() for index in indexes()) if search_terms(alternative) else 0
        )
        if count:
            suggestions.append({'query': alternative, 'count': count})
        if len(suggestions) == limit:
            break
    return suggestions
