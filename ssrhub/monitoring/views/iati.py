"""IATI results on the monitoring side: a country's page of the results its partners publish in IATI (imported with
their activities by the coordination app), and a results framework's download as IATI results."""

import io

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tables2 import RequestConfig

from ssrhub.coordination.models import ResultIndicator, ResultType
from ssrhub.core.forms import style_widgets
from ssrhub.core.views.generic import CountryObjectListView, CountryScopedView

from ..filtersets.iati import IatiResultFilterSet
from ..iati_export import FrameworkExportError, export_framework
from ..models import ResultsFramework
from ..tables.iati import IatiResultTable

__all__ = ['COUNT_RULE', 'FrameworkIatiExportView', 'IatiResultListView', 'count_by_type']

TAB = 'iati-results'
COUNT_RULE = gettext_lazy(
    'Each result counts once, at the level of its IATI result type (outputs apart from outcomes and impacts, as the '
    "frameworks' levels are counted); an indicator counts with its result, a period when the publisher gives its "
    "actual. They are the publishers' own figures: they are never added to a framework's approved actuals."
)


def count_by_type(indicators) -> list[dict]:
    """Results, indicators and periods with an actual per IATI result type, in the order impact, outcome, output,
    other (types without results left out), counted in the database."""
    rows = {
        row['result__type']: row
        for row in indicators.order_by()
        .values('result__type')
        .annotate(
            results=Count('result', distinct=True),
            indicators=Count('pk', distinct=True),
            actuals=Count('periods', filter=~Q(periods__actual=''), distinct=True),
            activities=Count('result__activity', distinct=True),
        )
    }
    order = (ResultType.IMPACT, ResultType.OUTCOME, ResultType.OUTPUT, ResultType.OTHER)
    return [{**rows[code], 'label': ResultType(code).label} for code in order if code in rows]


class IatiResultListView(CountryObjectListView):
    """The results of the country's activities as their publishers report them in IATI: each result's type, its
    indicators (measure, direction, baseline) with the target and actual of each period, filterable by activity,
    reporting organisation, result type and measure; the country's counted per level above the table."""

    queryset = ResultIndicator.objects.select_related('result__activity__reporting_organisation').prefetch_related(
        'periods'
    )
    table = IatiResultTable
    tab = TAB
    template_name = 'monitoring/iati/results.html'

    def get_table_context(self, request) -> dict:
        indicators = self.get_queryset(request)
        filterset = IatiResultFilterSet(request.GET, queryset=indicators, request=request, indicators=indicators)
        style_widgets(filterset.form)
        table = self.table(filterset.qs, request=request)
        RequestConfig(request, paginate={'per_page': 25}).configure(table)
        self.counts = count_by_type(indicators)
        return {'title': _('IATI results'), 'table': table, 'filter_form': filterset.form, 'model': ResultIndicator}

    def get_extra_context(self, request) -> dict:
        return {'counts': self.counts, 'count_rule': COUNT_RULE}


class FrameworkIatiExportView(CountryScopedView):
    """A framework's results, indicators, targets and approved actuals as the results of its IATI activity (an XML
    download); refused with the reason on the framework's page."""

    queryset = ResultsFramework.objects.select_related('activity')
    tab = 'frameworks'

    def get(self, request, pk):
        framework = self.get_object(request, pk=pk)
        content = io.BytesIO()
        try:
            record = export_framework(framework, content, user=request.user)
        except FrameworkExportError as error:
            for message in error.messages():
                messages.error(request, message)
            return redirect(framework)
        response = HttpResponse(content.getvalue(), content_type='application/xml')
        name = f'{record.identifier}-results.xml'.replace('/', '-')
        response['Content-Disposition'] = f'attachment; filename="{name}"'
        return response
