"""The home page: what each user may open, starting with what is theirs.

Signed-in users see the country workspaces they may open (their own first, with counts and the next deadline), the
overdue plan actions of their countries as the plan checks find them, and their own latest changes; everyone sees the
framework, missions, entities and countries figures.
"""

from datetime import date

from django.db.models import Count, Min, Q
from django.shortcuts import render

from ssrhub.core.models import Country
from ssrhub.core.views.pages import changes_table
from ssrhub.countries.models import Action, ActionStatus, Actor, NationalDocument
from ssrhub.countries.overdue import overdue_sections
from ssrhub.countries.plan_queries import country_findings, key_of
from ssrhub.framework.models import Framework, Mission, MissionTypeChoices, UNEntity

from .navigation import workspace_countries

__all__ = ['home']

OPEN_STATUSES = [value for value in ActionStatus.values if value not in (ActionStatus.DONE, ActionStatus.DROPPED)]
OVERDUE_SHOWN = 10
CHANGES_SHOWN = 8


def _missions_by_type(missions) -> list[dict]:
    rows = {
        row['type']: row
        for row in missions.values('type').annotate(total=Count('pk'), active=Count('pk', filter=Q(end__isnull=True)))
    }
    return [
        {'type': value, 'label': label, **{key: rows.get(value, {}).get(key, 0) for key in ('total', 'active')}}
        for value, label in MissionTypeChoices.choices
    ]


def _workspaces(user, countries, today: date) -> list[dict]:
    """One card per workspace: documents, actions, actors, and the next open action to end."""
    ids = [country.pk for country in countries]
    documents = dict(
        NationalDocument.objects.restrict(user)
        .filter(country__in=ids)
        .values_list('country')
        .annotate(n=Count('pk'))
        .order_by()
    )
    actors = dict(
        Actor.objects.restrict(user).filter(country__in=ids).values_list('country').annotate(n=Count('pk')).order_by()
    )
    actions = Action.objects.restrict(user).filter(document__country__in=ids)
    action_counts = dict(actions.values_list('document__country').annotate(n=Count('pk')).order_by())
    upcoming = actions.filter(status__in=OPEN_STATUSES, end__gte=today)
    next_ends = dict(upcoming.values_list('document__country').annotate(end=Min('end')).order_by())
    next_actions = {}
    for action in upcoming.filter(end__in=set(next_ends.values())).select_related('document').order_by('pk'):
        if next_ends[action.document.country_id] == action.end:
            next_actions.setdefault(action.document.country_id, action)
    return [
        {
            'country': country,
            'assigned': country.assigned,
            'documents': documents.get(country.pk, 0),
            'actions': action_counts.get(country.pk, 0),
            'actors': actors.get(country.pk, 0),
            'next_action': next_actions.get(country.pk),
        }
        for country in countries
    ]


def _overdue(user, countries, today: date) -> tuple[list, int]:
    """The overdue actions of ``countries`` by the plan checks' rule, the longest overdue first (at most
    ``OVERDUE_SHOWN``), and how many there are."""
    keys = {
        finding.subject_key
        for country in countries
        for item in country_findings(country, today, user)
        for finding in item['findings']
        if finding.check == 'overdue'
    }
    actions = (
        Action.objects.restrict(user)
        .filter(pk__in=[int(key.split(':')[1]) for key in keys if key.startswith('action:')])
        .select_related('document__country', 'owner')
        .order_by('end', 'pk')
    )
    overdue = [action for action in actions if key_of(action) in keys]
    return overdue[:OVERDUE_SHOWN], len(overdue)


def home(request):
    user, today = request.user, date.today()
    missions = Mission.objects.restrict(user)
    context = {
        'frameworks': Framework.objects.restrict(user).prefetch_related('versions'),
        'missions_by_type': _missions_by_type(missions),
        'mission_count': missions.count(),
        'entity_count': UNEntity.objects.restrict(user).count(),
        'country_count': Country.objects.restrict(user).filter(missions__isnull=False).distinct().count(),
        'today': today,
    }
    if user.is_authenticated:
        countries = workspace_countries(user)
        # "Their countries": the assigned ones; a user assigned to none follows every workspace.
        mine = [country for country in countries if country.assigned] or countries
        overdue, overdue_count = _overdue(user, mine, today)
        own_changes = changes_table(request, limit=CHANGES_SHOWN, by=user)
        context |= {
            'workspaces': _workspaces(user, countries, today),
            'assigned': any(country.assigned for country in countries),
            'overdue': overdue,
            'overdue_count': overdue_count,
            # Overdue items other apps register (forum decisions), beside the overdue actions.
            'overdue_sections': [
                {**section, 'shown': section['items'][:OVERDUE_SHOWN]}
                for section in overdue_sections(user, mine, today)
            ],
            'own_changes': bool(own_changes),
            'changes_table': own_changes or changes_table(request, limit=CHANGES_SHOWN),
        }
    return render(request, 'site/home.html', context)
