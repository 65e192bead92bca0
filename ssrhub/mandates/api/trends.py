"""Trends API: every trend table as JSON, and each measure's line chart in the ``charts.js`` contract."""

from django.core.exceptions import PermissionDenied
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from ssrhub.coding.codebook import GROUPS
from ssrhub.core.roles import permission_name
from ssrhub.core.views.generic import RestrictedViewMixin
from ssrhub.documents.models import MissionLink
from ssrhub.mandates.forms import read_filters
from ssrhub.mandates.trend_queries import resolution_records
from ssrhub.mandates.trend_views import trend_chart, unknown_measure
from ssrhub.mandates.trends import MEASURE_ROWS, MEASURES, year_range

__all__ = ['TrendAPIView', 'TrendChartView', 'TrendTablesView']

YEAR_FROM = OpenApiParameter(
    'from', OpenApiTypes.INT, description='First year (inclusive); default the year of the first resolution stored.'
)
YEAR_TO = OpenApiParameter(
    'to', OpenApiTypes.INT, description='Last year (inclusive); default the year of the last resolution stored.'
)
GROUP = OpenApiParameter(
    'group', OpenApiTypes.STR, enum=GROUPS, description='Codes measure only: keep the codes of this group.'
)
LINE_CHART = inline_serializer(
    'TrendLineChart',
    fields={
        'kind': serializers.ChoiceField(choices=['line']),
        'labels': serializers.ListField(child=serializers.CharField(), help_text='Years.'),
        'series': serializers.ListField(
            child=inline_serializer(
                'TrendSeries',
                fields={
                    'key': serializers.CharField(),
                    'label': serializers.CharField(),
                    'values': serializers.ListField(child=serializers.FloatField(allow_null=True)),
                },
            )
        ),
        'y_label': serializers.CharField(),
        'x_label': serializers.CharField(),
    },
)
TABLES = inline_serializer(
    'TrendTables',
    fields={
        'from': serializers.IntegerField(allow_null=True),
        'to': serializers.IntegerField(allow_null=True),
        'tables': serializers.DictField(
            child=serializers.ListField(child=serializers.DictField()),
            help_text='Measure -> rows (one per year; codes: one per year and code). Keys: ' + ', '.join(MEASURES),
        ),
    },
)


class TrendAPIView(RestrictedViewMixin, APIView):
    """The trends API, as its pages (``TrendAnalysisView``): the user needs to read mission links (403 otherwise)."""

    permission_classes = [IsAuthenticated]
    queryset = MissionLink.objects.all()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not request.user.has_perm(permission_name(self.queryset.model, 'view')):
            raise PermissionDenied


def _filters(request):
    form = read_filters(request.query_params)
    if not form.is_valid():
        raise ValidationError(form.errors)
    data = form.cleaned_data
    records = resolution_records(request.user, data['from'], data['to'])
    return data, records, year_range(records, data['from'], data['to'])


class TrendTablesView(TrendAPIView):
    @extend_schema(
        parameters=[
            YEAR_FROM,
            YEAR_TO,
            OpenApiParameter('measure', OpenApiTypes.STR, enum=MEASURES, description='Only this table.'),
            GROUP,
        ],
        responses=TABLES,
        description=(
            'Trends by year of the resolutions stored: with SSR language (ssr-language), per code (codes), per '
            'mission setting (settings), per force of the strongest verb (force), and the share of country-specific '
            'resolutions with SSR language (country-specific). A year without any resolution stored has '
            'resolutions 0 and null measures. Definitions: ssrhub/mandates/trends.py.'
        ),
    )
    def get(self, request):
        data, records, years = _filters(request)
        tables = {}
        for measure in [data['measure']] if data['measure'] else MEASURES:
            rows = MEASURE_ROWS[measure](records, years)
            if measure == 'codes' and data['group']:
                rows = [row for row in rows if row['group'] == data['group']]
            tables[measure] = rows
        return Response({'from': years[0] if years else None, 'to': years[-1] if years else None, 'tables': tables})


class TrendChartView(TrendAPIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                'measure', OpenApiTypes.STR, OpenApiParameter.PATH, enum=MEASURES, description='The measure drawn.'
            ),
            YEAR_FROM,
            YEAR_TO,
            GROUP,
        ],
        responses=LINE_CHART,
        description=(
            "A measure's trend lines in the charts.js line contract (kind, labels = years, series, y_label, "
            'x_label); labels in the language of the request. The codes chart has one series per code found.'
        ),
    )
    def get(self, request, measure):
        if measure not in MEASURES:
            raise ValidationError({'measure': [unknown_measure(measure)]})
        data, records, years = _filters(request)
        return Response(trend_chart(measure, records, years, data['group']))
