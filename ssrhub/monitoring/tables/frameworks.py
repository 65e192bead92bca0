"""Tables of results frameworks (a country's list) and of the indicator library."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from ..models import LibraryIndicator, ResultsFramework

__all__ = ['LibraryIndicatorTable', 'ResultsFrameworkTable']


class ResultsFrameworkTable(BaseTable):
    title = tables.Column(verbose_name=_('Framework'), linkify=True, accessor='pk', order_by=('title',))
    follows = tables.Column(verbose_name=_('Follows'), accessor='pk', orderable=False)
    period = tables.Column(verbose_name=_('Period'), accessor='start', order_by=('start', 'end'))
    status = tables.Column(verbose_name=_('Status'))
    result_count = tables.Column(verbose_name=_('Results'))
    indicator_count = tables.Column(verbose_name=_('Indicators'))

    class Meta(BaseTable.Meta):
        model = ResultsFramework
        fields = ('title', 'follows', 'period', 'status', 'result_count', 'indicator_count')
        row_attrs = {'id': lambda record: f'framework-{record.pk}'}

    def render_title(self, value, record):
        return record.display_title

    def render_follows(self, value, record):
        return record.plan or record.programme or record.activity or '—'

    def render_period(self, value, record):
        if not (record.start or record.end):
            return '—'
        return f'{record.start.year if record.start else "…"}–{record.end.year if record.end else "…"}'


class LibraryIndicatorTable(BaseTable):
    title = tables.Column(verbose_name=_('Indicator'), linkify=True, accessor='code', order_by=('title_en',))
    topic = tables.Column(verbose_name=_('Topic'))
    unit = tables.Column(verbose_name=_('Unit'))
    sdg = tables.Column(verbose_name=_('SDG'), accessor='code', orderable=False)
    source = tables.Column(verbose_name=_('Where it comes from'), accessor='code', orderable=False)

    class Meta(BaseTable.Meta):
        model = LibraryIndicator
        fields = ('title', 'topic', 'unit', 'sdg', 'source')
        row_attrs = {'id': lambda record: f'library-{record.code}'}
        order_by = ('topic',)

    def render_title(self, value, record):
        return record.title

    def render_sdg(self, value, record):
        numbers = [indicator.number for indicator in record.sdg_indicators.all()]
        return ', '.join(numbers) if numbers else '—'

    def render_source(self, value, record):
        return format_html('<span class="small">{}</span>', record.source)
