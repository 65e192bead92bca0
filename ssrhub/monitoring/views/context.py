"""The Context tab of a country workspace, under ``/countries/<iso3>/workspace/context/``: the country statistics
(a chart and a table per series, downloads), the UCDP conflict events per year, the events list with filters, an
event's page with its versions, a value's page with its revisions; and what the dashboard and the timeline show."""

from decimal import Decimal

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_tables2 import RequestConfig

from ssrhub.core.exports import EXPORT_FORMATS, export_response
from ssrhub.core.forms import style_widgets
from ssrhub.core.views.generic import (
    CountryObjectHistoryView,
    CountryObjectListView,
    CountryObjectView,
    CountryScopedView,
)
from ssrhub.countries.panels import TimelineEntry

from ..context_chart import draw_line
from ..context_queries import country_series, current_events, events_by_month, events_by_year
from ..filtersets.context import ConflictEventFilterSet
from ..models import ConflictEvent, StatisticLoad, StatisticValue
from ..tables.context import ConflictEventTable, deaths_text

__all__ = [
    'ConflictEventHistoryView',
    'ConflictEventListView',
    'ConflictEventView',
    'ContextView',
    'StatisticValueHistoryView',
    'StatisticValueView',
    'StatisticsExportView',
    'dashboard_context',
    'timeline_entries',
]

TAB = 'context'
DOWNLOAD_FORMATS = ('csv', 'xlsx')
DEADLIEST = 3  # events the dashboard names, by best estimate of deaths
# The timeline shows one entry per month with events: a month of UCDP's busiest years holds dozens of events, and
# one point per event would bury the country's own events.
TIMELINE_RULE = gettext_lazy(
    'One entry per month with UCDP events (current versions, by start date): the number of events and the deaths, '
    'best estimate (low–high). Each opens the events of that year.'
)


def value_text(value) -> str:
    """A statistic in the page's language, without trailing zeros (1 234,5)."""
    return number_format(value.normalize(), use_l10n=True, force_grouping=True)


def _series_blocks(user, country) -> list[dict]:
    blocks = []
    for entry in country_series(user, country):
        points = [(year, float(value.value), value.revised) for year, value in entry.values.items()]
        blocks.append(
            {'series': entry.series, 'values': entry.values, 'latest': entry.latest, 'chart': draw_line(points)}
        )
    return blocks


def _year_rows(blocks) -> list[dict]:
    """One row per year with a value in any series, latest first: the value of each series (or None)."""
    years = sorted({year for block in blocks for year in block['values']}, reverse=True)
    return [{'year': year, 'cells': [block['values'].get(year) for block in blocks]} for year in years]


class ContextMixin:
    queryset = StatisticValue.objects.all()
    tab = TAB


class ContextView(ContextMixin, CountryScopedView):
    """The country's statistics (a chart and a table per series) and its conflict events per year."""

    def get(self, request):
        blocks = _series_blocks(request.user, self.country)
        loads = StatisticLoad.objects.restrict(request.user).order_by('-created')
        context = self.country_context(
            blocks=blocks,
            year_rows=_year_rows(blocks),
            event_years=events_by_year(request.user, self.country),
            event_count=current_events(request.user, self.country).count(),
            downloads=[
                (fmt.upper(), reverse('monitoring:statistics_export', args=[self.country.iso3, fmt]))
                for fmt in DOWNLOAD_FORMATS
            ],
            last_statistics=loads.filter(dataset='statistics').first(),
            last_events=loads.filter(dataset='ucdp').first(),
        )
        return render(request, 'monitoring/context/context.html', context)


EXPORT_COLUMNS = (
    ('series', gettext_lazy('Series')),
    ('code', gettext_lazy('Code')),
    ('year', gettext_lazy('Year')),
    ('value', gettext_lazy('Value')),
    ('unit', gettext_lazy('Unit')),
    ('revised', gettext_lazy('Revised')),
    ('source', gettext_lazy('Source')),
    ('underlying_source', gettext_lazy('Underlying source')),
    ('licence', gettext_lazy('Licence')),
    ('loaded_from', gettext_lazy('Loaded from')),
    ('loaded_at', gettext_lazy('Loaded at')),
)


class StatisticsExportView(ContextMixin, CountryScopedView):
    """The country's current values, one row per series and year, with source, licence and load."""

    def get(self, request, fmt):
        if fmt not in DOWNLOAD_FORMATS or fmt not in EXPORT_FORMATS:
            raise Http404
        rows = [
            {
                'series': entry.series.name,
                'code': entry.series.code,
                'year': year,
                'value': Decimal(format(value.value.normalize(), 'f')),  # 47000, not 47000.000000 nor 4.7E+4
                'unit': entry.series.unit,
                'revised': value.revised,
                'source': entry.series.source,
                'underlying_source': entry.series.underlying_source,
                'licence': entry.series.licence,
                'loaded_from': value.load.file_name,
                'loaded_at': value.load.created.isoformat(timespec='seconds'),
            }
            for entry in country_series(request.user, self.country)
            for year, value in entry.values.items()
        ]
        return export_response(rows, EXPORT_COLUMNS, fmt, f'{self.country.iso3}-statistics')


class StatisticValueView(ContextMixin, CountryObjectView):
    """A value with its source and every version the loads gave for its series, country and year."""

    template_name = 'monitoring/context/statistic_value.html'

    def get_extra_context(self, request, obj) -> dict:
        versions = (
            self.get_queryset(request)
            .filter(series=obj.series, year=obj.year)
            .select_related('load', 'superseded_by')
            .order_by('-created', '-pk')
        )
        return {'versions': versions, 'value_text': value_text(obj.value)}


class StatisticValueHistoryView(ContextMixin, CountryObjectHistoryView):
    pass


class EventMixin:
    queryset = ConflictEvent.objects.all()
    tab = TAB


class ConflictEventListView(EventMixin, CountryObjectListView):
    """The country's current UCDP events (all versions with ``?current=false``), with filters."""

    table = ConflictEventTable
    template_name = 'monitoring/context/event_list.html'

    def get_table_context(self, request) -> dict:
        queryset = self.get_queryset(request).filter(valid_until__isnull=True)
        areas = sorted(set(queryset.exclude(adm_1='').values_list('adm_1', flat=True)))
        filterset = ConflictEventFilterSet(request.GET, queryset=queryset, request=request, areas=areas)
        del filterset.filters['country'], filterset.filters['current']  # the page is the country's current events
        style_widgets(filterset.form)
        table = self.table(filterset.qs, request=request)
        RequestConfig(request, paginate={'per_page': 50}).configure(table)
        return {'title': _('Conflict events'), 'table': table, 'filter_form': filterset.form, 'model': ConflictEvent}


class ConflictEventView(EventMixin, CountryObjectView):
    """An event as UCDP gives it, with every version the releases loaded gave."""

    template_name = 'monitoring/context/event.html'

    def get_extra_context(self, request, obj) -> dict:
        versions = self.get_queryset(request).filter(ucdp_id=obj.ucdp_id).select_related('load').order_by('-created')
        return {'versions': versions, 'deaths': deaths_text(obj.best, obj.low, obj.high)}


class ConflictEventHistoryView(EventMixin, CountryObjectHistoryView):
    pass


# Section: what the dashboard and the timeline show


def dashboard_context(user, country) -> dict:
    """The dashboard's Context panel: each series' chart and latest value, the events per year, the deadliest
    events."""
    blocks = _series_blocks(user, country)
    return {
        'blocks': blocks,
        'event_years': events_by_year(user, country),
        'deadliest': current_events(user, country)
        .filter(best__gt=0)
        .order_by('-best', '-date_start', 'pk')[:DEADLIEST],
        'has_values': any(block['values'] for block in blocks),
    }


def timeline_entries(user, country) -> list[TimelineEntry]:
    """One entry per month with UCDP events (``TIMELINE_RULE``)."""
    list_url = reverse('monitoring:conflict_event_list', args=[country.iso3])
    entries = []
    for month in events_by_month(user, country):
        deaths = ngettext('%(deaths)s death', '%(deaths)s deaths', month.total_best) % {
            'deaths': deaths_text(month.total_best, month.total_low, month.total_high)
        }
        label = ngettext(
            '%(count)s UCDP event, %(deaths)s (%(releases)s)',
            '%(count)s UCDP events, %(deaths)s (%(releases)s)',
            month.total,
        ) % {'count': month.total, 'deaths': deaths, 'releases': ', '.join(sorted(month.releases))}
        entries.append(TimelineEntry(month.period, 'month', label, f'{list_url}?year={month.period.year}'))
    return entries
