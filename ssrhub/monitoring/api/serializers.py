"""Results frameworks for the API: frameworks, their levels, results (with their links), the activities that deliver
results, indicators and their periods with targets, writable as the pages write them (``WorkspaceSerializer``: the
country first, then the model's ``full_clean()``); the indicator library and SDG indicators, read only."""

from rest_framework import serializers

from ssrhub.core.api.fields import BilingualField, CitationsField
from ssrhub.countries.api.serializers import WorkspaceSerializer, choice_text, country_field

from ..models import (
    Direction,
    FrameworkResult,
    FrameworkStatus,
    Frequency,
    Indicator,
    IndicatorPeriod,
    LibraryIndicator,
    ResultActivity,
    ResultLevel,
    ResultsFramework,
    SdgIndicator,
    Unit,
)

__all__ = [
    'FrameworkResultSerializer',
    'IndicatorPeriodSerializer',
    'IndicatorSerializer',
    'LibraryIndicatorSerializer',
    'ResultActivitySerializer',
    'ResultLevelSerializer',
    'ResultsFrameworkSerializer',
    'SdgIndicatorSerializer',
]


class LinksMixin:
    """Many-to-many fields are set after the record is checked (the model's ``full_clean()`` cannot see them), and
    checked by ``check_links(record, links)``."""

    many_to_many: tuple[str, ...] = ()

    def check_links(self, record, links: dict) -> None:
        pass

    def validate(self, data):
        links = {name: data.pop(name) for name in self.many_to_many if name in data}
        data = super().validate(data)
        self.check_links(self.instance or self._validated_record(data), links)
        data.update(links)
        return data

    def _validated_record(self, data):
        record = self.new_record()
        for name, value in data.items():
            setattr(record, name, value)
        return record


class ResultsFrameworkSerializer(WorkspaceSerializer):
    country = country_field()
    status = choice_text(FrameworkStatus.choices, 'Status', required=False)
    citations = CitationsField()

    class Meta:
        model = ResultsFramework
        fields = [
            'id',
            'country',
            'title',
            'title_fr',
            'plan',
            'programme',
            'activity',
            'owner',
            'start',
            'end',
            'status',
            'description',
            'source',
            'citations',
        ]


class ResultLevelSerializer(WorkspaceSerializer):
    class Meta:
        model = ResultLevel
        fields = ['id', 'framework', 'order', 'name', 'name_fr', 'result_type']


class FrameworkResultSerializer(LinksMixin, WorkspaceSerializer):
    many_to_many = ('objectives', 'actions', 'framework_items')

    class Meta:
        model = FrameworkResult
        fields = [
            'id',
            'framework',
            'parent',
            'level',
            'code',
            'statement',
            'statement_fr',
            'description',
            'objectives',
            'actions',
            'framework_items',
        ]

    def check_links(self, record, links):
        problems = record.link_problems(links.get('objectives', ()), links.get('actions', ()))
        if problems:
            raise serializers.ValidationError({name: [str(message)] for name, message in problems.items()})


class ResultActivitySerializer(WorkspaceSerializer):
    class Meta:
        model = ResultActivity
        fields = ['id', 'result', 'activity', 'share', 'note']


class IndicatorSerializer(LinksMixin, WorkspaceSerializer):
    many_to_many = ('sdg_indicators',)
    unit = choice_text(Unit.choices, 'Unit', required=False)
    direction = choice_text(Direction.choices, 'Desired direction', required=False)
    frequency = choice_text(Frequency.choices, 'Frequency', required=False)
    sdg_indicators = serializers.SlugRelatedField(
        slug_field='number', queryset=SdgIndicator.objects.all(), many=True, required=False
    )
    copied_from = serializers.SlugRelatedField(slug_field='code', read_only=True, allow_null=True)
    citations = CitationsField()

    class Meta:
        model = Indicator
        ref_name = 'MonitoringIndicator'
        fields = [
            'id',
            'result',
            'code',
            'title',
            'title_fr',
            'definition',
            'unit',
            'numerator_label',
            'denominator_label',
            'scale_min',
            'scale_max',
            'scale_min_label',
            'scale_max_label',
            'direction',
            'cumulative',
            'decimal_places',
            'baseline_value',
            'baseline_numerator',
            'baseline_denominator',
            'baseline_date',
            'baseline_not_available',
            'baseline_reason',
            'frequency',
            'data_source',
            'means_of_verification',
            'responsible_organisation',
            'sdg_indicators',
            'itgn',
            'copied_from',
            'citations',
        ]


class IndicatorPeriodSerializer(WorkspaceSerializer):
    class Meta:
        model = IndicatorPeriod
        fields = [
            'id',
            'indicator',
            'label',
            'start',
            'end',
            'target',
            'target_numerator',
            'target_denominator',
            'target_note',
        ]


class LibraryIndicatorSerializer(serializers.ModelSerializer):
    title = BilingualField('title')
    definition = BilingualField('definition')
    source = BilingualField('source')
    sdg_indicators = serializers.SlugRelatedField(slug_field='number', many=True, read_only=True)
    itgn = serializers.SlugRelatedField(slug_field='code', read_only=True, allow_null=True)
    citations = CitationsField()

    class Meta:
        model = LibraryIndicator
        fields = [
            'code',
            'topic',
            'title',
            'definition',
            'unit',
            'numerator_en',
            'numerator_fr',
            'denominator_en',
            'denominator_fr',
            'scale_min',
            'scale_max',
            'direction',
            'cumulative',
            'decimal_places',
            'frequency',
            'disaggregations',
            'sdg_indicators',
            'itgn',
            'source',
            'citations',
        ]


class SdgIndicatorSerializer(serializers.ModelSerializer):
    title = BilingualField('title')
    target = serializers.SlugRelatedField(slug_field='number', read_only=True)
    goal = serializers.IntegerField(source='target.goal.number', read_only=True)

    class Meta:
        model = SdgIndicator
        fields = ['number', 'goal', 'target', 'title']
