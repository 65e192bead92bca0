"""Tables of the coordination pages and the columns of their downloads."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from .models import Activity, IatiImport, Organisation

__all__ = ['ACTIVITY_EXPORT_COLUMNS', 'ActivityTable', 'IatiImportTable', 'OrganisationTable']


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
