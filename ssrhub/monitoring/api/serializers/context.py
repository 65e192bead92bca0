"""Read-only serializers of the country statistics and conflict events."""

from rest_framework import serializers

from ...models import ConflictEvent, StatisticSeries, StatisticValue

__all__ = ['ConflictEventSerializer', 'StatisticSeriesSerializer', 'StatisticValueSerializer']


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
