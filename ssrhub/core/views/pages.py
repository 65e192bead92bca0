"""Global search, the change log and the favicon that browsers ask for at the root."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ssrhub.core.history import history_models, recent_changes
from ssrhub.core.kept import kept_html
from ssrhub.core.searching import global_search, suggest
from ssrhub.core.two_factor import reads_sensitive

__all__ = ['changes', 'changes_table', 'favicon', 'search']

CHANGES_TABLE = 'core/includes/recent_changes.html'


def search(request):
    query = request.GET.get('q', '').strip()
    results = global_search(request.user, query, kind=request.GET.get('kind'), page_number=request.GET.get('page'))
    suggestions = suggest(request.user, query) if query and not results.facets else []
    template = 'core/htmx/search_results.html' if request.htmx else 'core/search.html'
    context = {'query': query, 'results': results, 'suggestions': suggestions, 'title': _('Search')}
    return render(request, template, context)


def changes_table(request, limit: int, by=None) -> str:
    """The table of the latest ``limit`` changes that ``request.user`` may see (``by``'s only, when given), empty
    when there is none. Kept until a record with a history changes, for the readers who see the same records; a
    reader of sensitive records has it made at each request, so that each of their reads is logged."""
    user = request.user

    def context():
        return {'changes': recent_changes(user, limit=limit, by=by)}

    if reads_sensitive(user):
        return render_to_string(CHANGES_TABLE, context(), request)
    parts = [limit, by.pk if by else '', user.is_superuser, get_language()]
    return kept_html('recent-changes', request, history_models(), parts, CHANGES_TABLE, context)


@login_required
def changes(request):
    return render(request, 'core/changes.html', {'changes_table': changes_table(request, limit=100)})


def favicon(request):
    """``/favicon.ico``, which browsers request whatever the page links to."""
    return redirect(static('ssrhub/favicon.ico'), permanent=True)
