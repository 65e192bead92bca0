"""The home dashboard: figures from the framework and the countries it concerns."""

from django.db.models import Count, Q
from django.shortcuts import render

from ssrhub.core.history import recent_changes
from ssrhub.core.models import Country
from ssrhub.framework.models import Framework, Mission, MissionTypeChoices, UNEntity

__all__ = ['home']


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
    return render(request, 'site/home.html', context)
