"""Read-only API of the country statistics and conflict events: everyone with a role reads them."""

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_view

from ssrhub.core.api.viewsets import RestrictedReadOnlyViewSet

from ...filtersets.context import ConflictEventFilterSet, StatisticValueFilterSet
from ...models import ConflictEvent, StatisticSeries, StatisticValue
from ..serializers.context import ConflictEventSerializer, StatisticSeriesSerializer, StatisticValueSerializer

__all__ = ['ConflictEventViewSet', 'StatisticSeriesViewSet', 'StatisticValueViewSet']


class StatisticSeriesFilterSet(django_filters.FilterSet):
    class Meta:
        model = StatisticSeries
        fields = ['code']


@extend_schema_view(list=extend_schema(description='Country-year statistic series, with their source and licence.'))
class StatisticSeriesViewSet(RestrictedReadOnlyViewSet):
    queryset = StatisticSeries.objects.all()
    serializer_class = StatisticSeriesSerializer
    filterset_class = StatisticSeriesFilterSet


@extend_schema_view(
    list=extend_schema(
        description='Values of the statistic series by country and year; current=true for the current values only '
        '(revised ones point to their successor).'
    )
)
class StatisticValueViewSet(RestrictedReadOnlyViewSet):
    queryset = StatisticValue.objects.select_related('series', 'country', 'load')
    serializer_class = StatisticValueSerializer
    filterset_class = StatisticValueFilterSet


@extend_schema_view(
    list=extend_schema(description='UCDP GED conflict events; current=true for the current version of each event.')
)
class ConflictEventViewSet(RestrictedReadOnlyViewSet):
    queryset = ConflictEvent.objects.select_related('country')
    serializer_class = ConflictEventSerializer
    filterset_class = ConflictEventFilterSet
