"""Home dashboard, global search and the change log."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ssrhub.core.history import recent_changes
from ssrhub.core.models import Country
from ssrhub.core.searching import global_search
from ssrhub.framework.models import Framework, Mission, MissionTypeChoices, UNEntity

__all__ = ['changes', 'home', 'search']


def _missions_by_type(missions) -> list[dict]:
    rows = {
        row['type']: row
        for row in missions.values('type').annotate(total=Count('pk'), active=Count('pk', filter=Q(end__isnull=True)))
    }
    return [
        {'type': value, 'label': label, **{key: rows.get(value, {}).get(key, 0) for key in ('total', 'active')}}
        for value, label in MissionTypeChoices.choices
    ]


def home(request):
    missions = Mission.objects.restrict(request.user)
    context = {
        'frameworks': Framework.objects.restrict(request.user).prefetch_related('versions'),
        'missions_by_type': _missions_by_type(missions),
        'mission_count': missions.count(),
        'entity_count': UNEntity.objects.restrict(request.user).count(),
        'country_count': Country.objects.restrict(request.user).filter(missions__isnull=False).distinct().count(),
        'changes': recent_changes(request.user, limit=8) if request.user.is_authenticated else [],
    }
    return render(request, 'core/home.html', context)


def search(request):
    query = request.GET.get('q', '').strip()
    results = global_search(request.user, query) if query else []
    template = 'core/htmx/search_results.html' if request.htmx else 'core/search.html'
    return render(request, template, {'query': query, 'results': results, 'title': _('Search')})


@login_required
def changes(request):
    return render(request, 'core/changes.html', {'changes': recent_changes(request.user, limit=100)})
