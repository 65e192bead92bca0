"""Global search, the change log and the favicon that browsers ask for at the root."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from ssrhub.core.history import recent_changes
from ssrhub.core.searching import global_search, suggest

__all__ = ['changes', 'favicon', 'search']


def search(request):
    query = request.GET.get('q', '').strip()
    results = global_search(request.user, query, kind=request.GET.get('kind'), page_number=request.GET.get('page'))
    suggestions = suggest(request.user, query) if query and not results.facets else []
    template = 'core/htmx/search_results.html' if request.htmx else 'core/search.html'
    context = {'query': query, 'results': results, 'suggestions': suggestions, 'title': _('Search')}
    return render(request, template, context)


@login_required
def changes(request):
    return render(request, 'core/changes.html', {'changes': recent_changes(request.user, limit=100)})


def favicon(request):
    """``/favicon.ico``, which browsers request whatever the page links to."""
    return redirect(static('ssrhub/favicon.ico'), permanent=True)
