"""Reading forum decisions for the follow-up: the overdue decisions of some countries, as a user may see them."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from ssrhub.core.dates import PartialDate
from ssrhub.core.fields import format_partial_date
from ssrhub.countries.overdue import OverdueItem, OverdueSource

from .filtersets import overdue_q
from .followup import deadline
from .models import Decision

__all__ = ['OVERDUE_DECISIONS', 'overdue_decisions']


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
)
