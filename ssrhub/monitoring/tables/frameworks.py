"""Tables of results frameworks (a country's list) and of the indicator library."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from ..display import format_value
from ..models import Indicator, LibraryIndicator, ResultsFramework

__all__ = ['AllFrameworksTable', 'IndicatorTable', 'LibraryIndicatorTable', 'ResultsFrameworkTable']


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


class AllFrameworksTable(ResultsFrameworkTable):
    """Frameworks of every country the user may see, with the country."""

    title = tables.Column(verbose_name=_('Framework'), linkify=True, accessor='pk', order_by=('title',))
    country = tables.Column(verbose_name=_('Country'), order_by=('country__name_en',))

    class Meta(ResultsFrameworkTable.Meta):
        fields = ('title', 'country', 'follows', 'period', 'status', 'result_count', 'indicator_count')
        sequence = ('title', 'country', 'follows', 'period', 'status', 'result_count', 'indicator_count')


class IndicatorTable(BaseTable):
    """Indicators of the frameworks the user may see: framework, unit, baseline and SDG links."""

    title = tables.Column(verbose_name=_('Indicator'), linkify=True, accessor='pk', order_by=('code', 'title'))
    framework = tables.Column(verbose_name=_('Framework'), accessor='result__framework', orderable=False)
    country = tables.Column(verbose_name=_('Country'), accessor='result__framework__country', orderable=False)
    unit = tables.Column(verbose_name=_('Unit'))
    baseline = tables.Column(verbose_name=_('Baseline'), accessor='pk', orderable=False)
    sdg = tables.Column(verbose_name=_('SDG'), accessor='pk', orderable=False)
    actuals = tables.Column(verbose_name=_('Latest approved value'), accessor='pk', orderable=False)

    class Meta(BaseTable.Meta):
        model = Indicator
        fields = ('title', 'framework', 'country', 'unit', 'baseline', 'sdg', 'actuals')
        row_attrs = {'id': lambda record: f'indicator-{record.pk}'}

    def render_title(self, value, record):
        return str(record)

    def render_framework(self, value, record):
        return format_html('<a href="{}">{}</a>', value.get_absolute_url(), value.display_title)

    def render_country(self, value, record):
        return value.iso3

    def render_baseline(self, value, record):
        if record.baseline_not_available:
            return _('not available')
        return format_value(record.baseline_value, record)

    def render_actuals(self, value, record):
        """The latest approved total and its period, linked to its report; the indicator's actuals page."""
        iso3 = record.result.framework.country.iso3
        actuals = format_html(
            '<a href="{}">{}</a>', reverse('monitoring:indicator_actuals', args=[iso3, record.pk]), _('all periods')
        )
        if record.latest_report is None:
            return format_html('— · {}', actuals)
        return format_html(
            '<a href="{}">{} ({})</a> · {}',
            reverse('monitoring:actual_report', args=[iso3, record.latest_report]),
            format_value(record.latest_value, record),
            record.latest_period,
            actuals,
        )

    def value_actuals(self, value, record):
        if record.latest_report is None:
            return ''
        return f'{format_value(record.latest_value, record)} ({record.latest_period})'

    def render_sdg(self, value, record):
        return ', '.join(indicator.number for indicator in record.sdg_indicators.all()) or '—'
