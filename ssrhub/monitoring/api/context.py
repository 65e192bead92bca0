"""Read-only API of the country statistics and conflict events: everyone with a role reads them."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from ssrhub.core.api.viewsets import RestrictedReadOnlyViewSet
from ssrhub.core.filtersets import FilterSet

from ..filtersets.context import ConflictEventFilterSet, StatisticValueFilterSet
from ..models import ConflictEvent, StatisticSeries, StatisticValue


class StatisticSeriesSerializer(serializers.ModelSerializer):
    class Meta:
        model = StatisticSeries
        fields = ['id', 'code', 'name_en', 'name_fr', 'unit_en', 'unit_fr', 'source', 'licence', 'underlying_source',
                  'wdi_code']  # fmt: skip


class StatisticValueSerializer(serializers.ModelSerializer):
    series = serializers.SlugRelatedField(slug_field='code', read_only=True)
    country = serializers.SlugRelatedField(slug_field='iso3', read_only=True)
    source = serializers.CharField(source='series.source', read_only=True)
    loaded_from = serializers.CharField(source='load.file_name', read_only=True)
    loaded_at = serializers.DateTimeField(source='load.created', read_only=True)

    class Meta:
        model = StatisticValue
        fields = ['id', 'series', 'country', 'year', 'value', 'source', 'loaded_from', 'loaded_at', 'valid_until',
                  'superseded_by']  # fmt: skip


class ConflictEventSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field='iso3', read_only=True)
    type_of_violence_label = serializers.CharField(source='get_type_of_violence_display', read_only=True)
    date_precision_label = serializers.CharField(source='get_date_precision_display', read_only=True)
    where_precision_label = serializers.CharField(source='get_where_precision_display', read_only=True)

    class Meta:
        model = ConflictEvent
        exclude = ['fingerprint', 'load', 'created', 'last_updated']


__all__ = ['ConflictEventViewSet', 'StatisticSeriesViewSet', 'StatisticValueViewSet']


class StatisticSeriesFilterSet(FilterSet):
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
