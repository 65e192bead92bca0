"""Tables of the coordination fora: the decisions list (page and downloads)."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ssrhub.core.dates import PartialDate, iso_text
from ssrhub.core.fields import format_partial_date
from ssrhub.core.tables import BaseTable

from .models import Activity, Decision, IatiImport, Organisation, OrganisationRole

__all__ = [
    'ACTIVITY_EXPORT_COLUMNS',
    'ActivityTable',
    'DecisionExportTable',
    'DecisionTable',
    'IatiImportTable',
    'OrganisationTable',
    'WorkspaceActivityTable',
    'decision_row',
]


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


class OrganisationTable(BaseTable):
    name = tables.Column(accessor='display_name', order_by=('name',), linkify=True, verbose_name=_('Name'))
    acronym = tables.Column(verbose_name=_('Acronym'))
    iati_ref = tables.Column(verbose_name=_('IATI identifier'))
    type = tables.Column(verbose_name=_('Type'))
    country = tables.Column(verbose_name=_('Country of origin'))

    class Meta(BaseTable.Meta):
        model = Organisation
        fields = ('name', 'acronym', 'iati_ref', 'type', 'country')


class ActivityTable(BaseTable):
    title = tables.Column(accessor='display_title', order_by=('title',), linkify=True, verbose_name=_('Title'))
    reporting_organisation = tables.Column(verbose_name=_('Reported by'))
    country = tables.Column(verbose_name=_('Country'), default='—')
    status = tables.Column(verbose_name=_('Status'))
    start = tables.Column(verbose_name=_('Start'), order_by=('actual_start', 'planned_start'))
    end = tables.Column(verbose_name=_('End'), order_by=('actual_end', 'planned_end'))
    origin = tables.Column(verbose_name=_('Origin'))

    class Meta(BaseTable.Meta):
        model = Activity
        fields = ('title', 'reporting_organisation', 'country', 'status', 'start', 'end', 'origin')


class WorkspaceActivityTable(BaseTable):
    """A country's activities with their funders and how many of the country's plan actions each serves."""

    title = tables.Column(accessor='display_title', order_by=('title',), linkify=True, verbose_name=_('Title'))
    funders = tables.Column(verbose_name=_('Funded by'), accessor='pk', orderable=False)
    reporting_organisation = tables.Column(verbose_name=_('Reported by'), order_by=('reporting_organisation__name',))
    status = tables.Column(verbose_name=_('Status'))
    start = tables.Column(verbose_name=_('Start'), order_by=('actual_start', 'planned_start'))
    end = tables.Column(verbose_name=_('End'), order_by=('actual_end', 'planned_end'))
    origin = tables.Column(verbose_name=_('Origin'))
    action_count = tables.Column(verbose_name=_('Plan actions'), attrs={'td': {'class': 'text-end'}})

    class Meta(BaseTable.Meta):
        model = Activity
        fields = ('title', 'funders', 'reporting_organisation', 'status', 'start', 'end', 'origin', 'action_count')
        row_attrs = {'id': lambda record: f'activity-{record.pk}'}

    def render_funders(self, value, record):
        names = [
            part.organisation.display_name if part.organisation_id else part.name
            for part in record.participants.all()
            if part.role == OrganisationRole.FUNDING
        ]
        return ', '.join(names) or '—'

    def render_action_count(self, value, record):
        return value or format_html('<span class="badge text-bg-light border">{}</span>', _('not linked'))


class IatiImportTable(BaseTable):
    name = tables.Column(linkify=True, verbose_name=_('File'))
    created = tables.DateTimeColumn(verbose_name=_('Uploaded'), format='Y-m-d H:i')
    uploaded_by = tables.Column(verbose_name=_('By'))
    status = tables.Column(verbose_name=_('Status'))

    class Meta(BaseTable.Meta):
        model = IatiImport
        fields = ('name', 'created', 'uploaded_by', 'status')


# The columns of the activity download (key, label): one row per activity, money per transaction type summed in
# the currencies as published (the finance pages convert).
ACTIVITY_EXPORT_COLUMNS = [
    ('iati_identifier', _('IATI identifier')),
    ('title', _('Title')),
    ('reporting_organisation', _('Reported by')),
    ('reporting_ref', _('Reporting organisation identifier')),
    ('country', _('Country (ISO alpha-3)')),
    ('status', _('Status')),
    ('planned_start', _('Planned start')),
    ('actual_start', _('Actual start')),
    ('planned_end', _('Planned end')),
    ('actual_end', _('Actual end')),
    ('sectors', _('Sectors')),
    ('participants', _('Participating organisations')),
    ('default_currency', _('Default currency')),
    ('on_budget', _('On budget')),
    ('origin', _('Origin')),
    ('source', _('Source')),
]
