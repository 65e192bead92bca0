"""Results kept in Django's cache (Redis where it runs, the process's memory in the embedded mode) until the records
they are calculated from change, and shared by the readers who see the same records.

A result is kept under the version of its source models (``data_version``) and the reader's scope over them
(``reader_key``): a write to a source makes a new version, so the next reader calculates the result again and the
old entry expires unread. Nothing has to be told of a change.
"""

import hashlib

from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from .access import ALL, NONE, owned, reach
from .history import history_model

__all__ = ['KEPT_SECONDS', 'data_version', 'kept_html', 'kept_result', 'reader_key']

KEPT_SECONDS = 60 * 60


def data_version(models) -> str:
    """The newest change of each of ``models``, in one query (each the last entry of a primary key index): its newest
    change history row (a deletion writes one too), or for a model without a history, whose rows are only ever
    inserted with a new parent (a document's versions, paragraphs' machine readings), its highest id."""
    quote = connection.ops.quote_name
    newest = ', '.join(
        f'(SELECT MAX({quote("history_id")}) FROM {quote(history_model(model)._meta.db_table)})'
        if history_model(model)
        else f'(SELECT MAX({quote(model._meta.pk.column)}) FROM {quote(model._meta.db_table)})'
        for model in models
    )
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT {newest}')
        return '.'.join(str(value or 0) for value in cursor.fetchone())


def reader_key(user, models) -> str:
    """What decides which rows of ``models`` ``user`` sees, by the access rule: for each, all, none or the user's
    countries (which can differ between models, by the roles that grant them), and the account itself where an owner
    rule applies. Readers with the same key read the same records, so they share one kept result."""
    parts, countries = [], {}
    for model in models:
        scope = reach(user, model, 'view')
        if scope is not ALL and scope is not NONE:
            query = str(scope.query)
            if query not in countries:
                countries[query] = ','.join(str(pk) for pk in sorted(row['country'] for row in scope))
            scope = countries[query]
        parts.append(scope if owned(user, model, 'view') is None else f'{scope}+{user.pk}')
    return ':'.join(parts)


def kept_result(name: str, user, models, parts, calculate, seconds: int = KEPT_SECONDS):
    """``calculate()``, kept until a row of ``models`` changes, for the readers who see what ``user`` sees of them;
    ``parts``: whatever else the result depends on (parameters, language)."""
    described = '|'.join([reader_key(user, models), data_version(models), *map(str, parts)])
    key = f'ssrhub-kept:{name}:{hashlib.sha256(described.encode()).hexdigest()}'
    result = cache.get(key)
    if result is None:
        result = calculate()
        cache.set(key, result, seconds)
    return result


def kept_html(name: str, request, models, parts, template: str, context) -> SafeString:
    """``template`` rendered with ``context()`` (called only when nothing is kept), kept as :func:`kept_result`
    keeps a result. What is kept is the template's own output, so it is as safe to show as when it was rendered;
    it must hold nothing of the reader beyond what ``models``' scope and ``parts`` decide (no form token)."""
    html = kept_result(name, request.user, models, parts, lambda: str(render_to_string(template, context(), request)))
    return mark_safe(html)
