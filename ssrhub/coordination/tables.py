"""Tables of the coordination fora: the decisions list (page and downloads)."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ssrhub.core.dates import PartialDate, iso_text
from ssrhub.core.fields import format_partial_date
from ssrhub.core.tables import BaseTable

from .models import Decision

__all__ = ['DecisionExportTable', 'DecisionTable', 'decision_row']


class DecisionTable(BaseTable):
    """Decisions with their forum, meeting, owner, due date and status; an overdue one is marked."""

    text = tables.Column(verbose_name=_('Decision'), linkify=True, accessor='pk', order_by=('ref', 'text'))
    forum = tables.Column(verbose_name=_('Forum'), accessor='meeting__forum', order_by=('meeting__forum__name',))
    meeting = tables.Column(verbose_name=_('Meeting'), accessor='meeting__date', order_by=('meeting__date',))
    owner = tables.Column(verbose_name=_('Owner'), accessor='owner_label', orderable=False, empty_values=())
    due = tables.Column(verbose_name=_('Due'), order_by=('due',))
    status = tables.Column(verbose_name=_('Status'))

    class Meta(BaseTable.Meta):
        model = Decision
        fields = ('text', 'forum', 'meeting', 'owner', 'due', 'status')
        row_attrs = {'id': lambda record: f'decision-{record.pk}'}
        order_by = ('due',)

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def render_text(self, value, record):
        return str(record)

    def render_meeting(self, value, record):
        return format_partial_date(PartialDate(record.meeting.date, record.meeting.date_precision))

    def render_owner(self, value, record):
        return record.owner_label or '—'

    def render_due(self, value, record):
        due = format_partial_date(PartialDate(record.due, record.due_precision))
        if self.today and record.overdue_on(self.today):
            return format_html('{} <span class="badge text-bg-warning">{}</span>', due, _('overdue'))
        return due


class DecisionExportTable(tables.Table):
    """The columns of the decisions download."""

    id = tables.Column(verbose_name='id')
    country = tables.Column(verbose_name=_('Country'))
    forum = tables.Column(verbose_name=_('Forum'))
    meeting = tables.Column(verbose_name=_('Meeting'))
    ref = tables.Column(verbose_name=_('Reference'))
    text = tables.Column(verbose_name=_('Decision'))
    owner = tables.Column(verbose_name=_('Owner'))
    due = tables.Column(verbose_name=_('Due'))
    status = tables.Column(verbose_name=_('Status'))
    status_date = tables.Column(verbose_name=_('Status as of'))
    overdue = tables.Column(verbose_name=_('Overdue'))
    actions = tables.Column(verbose_name=_('Plan actions'))
    url = tables.Column(verbose_name=_('Link'))


def decision_row(decision, today, request) -> dict:
    """One download row: dates in ISO form as precise as known, the status with the day of its latest update."""
    updates = list(decision.status_updates.all())
    return {
        'id': decision.pk,
        'country': decision.meeting.forum.country.iso3,
        'forum': str(decision.meeting.forum),
        'meeting': iso_text(decision.meeting.date, decision.meeting.date_precision),
        'ref': decision.ref,
        'text': decision.text,
        'owner': decision.owner_label,
        'due': iso_text(decision.due, decision.due_precision) if decision.due else '',
        'status': decision.status,
        'status_date': max((u.date for u in updates), default=None),
        'overdue': decision.overdue_on(today),
        'actions': [str(action) for action in decision.actions.all()],
        'url': request.build_absolute_uri(decision.get_absolute_url()),
    }
