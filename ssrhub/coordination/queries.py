"""Reading coordination records for countries' pages: the overdue decisions of some countries, and the activities
linked to plan actions (the panel under each action of a plan's page), as a user may see them."""

from datetime import date

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.access import can_in_country
from ssrhub.core.dates import PartialDate
from ssrhub.core.fields import format_partial_date
from ssrhub.countries.overdue import OverdueItem, OverdueSource
from ssrhub.countries.panels import ActionPanel

from .filtersets import overdue_q
from .followup import deadline
from .models import (
    Activity,
    ActivityLink,
    Decision,
    Forum,
    LinkKind,
    Meeting,
    OrganisationRole,
    ParticipatingOrganisation,
)

__all__ = ['ACTION_ACTIVITIES', 'OVERDUE_DECISIONS', 'action_activities', 'overdue_decisions']


def overdue_decisions(user, countries, today: date, queryset=None) -> list[Decision]:
    """The decisions of ``countries`` that ``user`` may view and that are overdue on ``today``, the longest
    overdue first (``followup.is_overdue()``)."""
    decisions = (queryset if queryset is not None else Decision.objects.restrict(user)).filter(
        overdue_q(today), meeting__forum__country__in=countries
    )
    found = decisions.select_related('meeting__forum__country', 'owner')
    return sorted(found, key=lambda d: (deadline(d.due, d.due_precision), d.pk))


def _items(user, countries, today: date) -> list[OverdueItem]:
    return [
        OverdueItem(
            country=decision.meeting.forum.country,
            label=str(decision),
            url=decision.get_absolute_url(),
            context=(
                (str(decision.meeting.forum), decision.meeting.forum.get_absolute_url()),
                (
                    format_partial_date(PartialDate(decision.meeting.date, decision.meeting.date_precision)),
                    decision.meeting.get_absolute_url(),
                ),
            ),
            owner=decision.owner_label,
            due=decision.due,
            due_precision=decision.due_precision,
            status=decision.get_status_display(),
        )
        for decision in overdue_decisions(user, countries, today)
    ]


OVERDUE_DECISIONS = OverdueSource(
    key='decisions',
    heading=_('Overdue forum decisions'),
    empty=_('No forum decision is overdue.'),
    items=_items,
    column=_('Decision'),
    list_url_name='coordination:decision_list',
    list_label=_('All open decisions'),
    sources=(Decision, Meeting, Forum),
)


def action_activities(user, country, actions) -> dict:
    """Action pk -> ``{'links', 'add_url'}``: the activities linked to each action that ``user`` may view, each with
    its funders, and where to add one already linked (when the user may add activities in ``country``)."""
    funders = ParticipatingOrganisation.objects.filter(role=OrganisationRole.FUNDING).select_related('organisation')
    links = (
        ActivityLink.objects.restrict(user)
        .filter(kind=LinkKind.ACTION, action__in=actions, activity__in=Activity.objects.restrict(user))
        .select_related('activity__reporting_organisation')
        .prefetch_related(Prefetch('activity__participants', funders, 'funders'))
        .order_by('activity__planned_start', 'pk')
    )
    found = {action.pk: {'links': [], 'add_url': ''} for action in actions}
    for link in links:
        link.funder_names = [
            part.organisation.display_name if part.organisation_id else part.name for part in link.activity.funders
        ]
        found[link.action_id]['links'].append(link)
    if can_in_country(user, 'add', Activity, country):
        add = reverse('coordination:workspace_activity_add', args=[country.iso3])
        for pk, item in found.items():
            item['add_url'] = f'{add}?action={pk}'
    return found


ACTION_ACTIVITIES = ActionPanel(
    key='action-activities', template='coordination/includes/action_activities.html', items=action_activities
)
