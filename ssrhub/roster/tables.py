import django_tables2 as tables
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from .models import ExpertProfile, RosterExport, SupportRequest

__all__ = ['ExpertProfileTable', 'RosterExportTable', 'SupportRequestTable']


class ExpertProfileTable(BaseTable):
    name = tables.Column(verbose_name=_('Name'), linkify=True)
    nationality = tables.Column(
        verbose_name=_('Nationality'), accessor='nationality__name', order_by=('nationality__name_en',)
    )
    expertise = tables.Column(verbose_name=_('Expertise'), empty_values=(), orderable=False)
    languages = tables.Column(verbose_name=_('Languages'), empty_values=(), orderable=False)
    clearance = tables.Column(verbose_name=_('Security clearance'))

    class Meta(BaseTable.Meta):
        model = ExpertProfile
        fields = ('name', 'nationality', 'expertise', 'languages', 'clearance')
        row_attrs = {'id': lambda record: f'profile-{record.pk}'}

    def render_expertise(self, record):
        return (
            format_html_join(
                ', ', '<span title="{}">{}</span>', ((e.item.label, e.item.code) for e in record.expertise.all())
            )
            or '—'
        )

    def render_languages(self, record):
        return ', '.join(str(skill.get_language_display()) for skill in record.languages.all()) or '—'


class SupportRequestTable(BaseTable):
    title = tables.Column(verbose_name=_('Title'), linkify=True)
    country = tables.Column(verbose_name=_('Country'), accessor='country__name', order_by=('country__name_en',))
    requested_by = tables.Column(verbose_name=_('Requesting office'))
    period = tables.Column(verbose_name=_('Period'), empty_values=(), order_by=('start',))
    status = tables.Column(verbose_name=_('Status'))
    status_date = tables.DateColumn(verbose_name=_('Since'), format='Y-m-d')

    class Meta(BaseTable.Meta):
        model = SupportRequest
        fields = ('title', 'country', 'requested_by', 'period', 'status', 'status_date')
        row_attrs = {'id': lambda record: f'request-{record.pk}'}

    def render_period(self, record):
        if not record.start:
            return '—'
        return f'{record.start:%Y-%m-%d} – {record.end:%Y-%m-%d}' if record.end else f'{record.start:%Y-%m-%d} –'


class RosterExportTable(BaseTable):
    created = tables.DateTimeColumn(verbose_name=_('When'), format='Y-m-d H:i')
    user = tables.Column(verbose_name=_('Who'))
    query = tables.Column(verbose_name=_('Filter'))
    format = tables.Column(verbose_name=_('Format'))
    rows = tables.Column(verbose_name=_('Rows'))
    contacts = tables.BooleanColumn(verbose_name=_('With contact details'))

    class Meta(BaseTable.Meta):
        model = RosterExport
        fields = ('created', 'user', 'query', 'format', 'rows', 'contacts')
        row_attrs = {'id': lambda record: f'export-{record.pk}'}
