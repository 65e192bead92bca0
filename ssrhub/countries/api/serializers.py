"""Country workspace records for the API: every record with its free-text ``source`` and its ``citations``."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ssrhub.core.api.fields import CitationsField
from ssrhub.countries import timeline
from ssrhub.countries.models import (
    Action,
    ActionStatus,
    ActionStatusUpdate,
    Actor,
    ActorRelation,
    ActorType,
    Assessment,
    AssessmentRating,
    Engagement,
    EngagementStage,
    EventDate,
    Headcount,
    NationalDocument,
    Objective,
    Pillar,
    Threat,
    TimelineEvent,
)
from ssrhub.countries.sector import latest_headcounts
from ssrhub.framework.models import MissionTypeChoices

__all__ = [
    'ActorRelationSerializer',
    'ActorSerializer',
    'AssessmentSerializer',
    'DocumentChecksSerializer',
    'EngagementSerializer',
    'HeadcountSerializer',
    'NationalDocumentSerializer',
    'TimelineEventSerializer',
]


def country_field(source: str = 'country.iso3') -> serializers.CharField:
    return serializers.CharField(source=source, read_only=True, help_text='ISO alpha-3 code of the country.')


def choice_text(choices, what: str) -> serializers.CharField:
    """A choice as a plain string: these field names already name another choice set in the schema (an enum here
    would rename the existing enum components)."""
    values = ', '.join(value for value, _label in choices)
    return serializers.CharField(read_only=True, help_text=f'{what}: one of {values}.')


# Section: engagement


class EngagementStageSerializer(serializers.ModelSerializer):
    citations = CitationsField()

    class Meta:
        model = EngagementStage
        fields = ['id', 'stage', 'status', 'start', 'end', 'led_by', 'evidence', 'skip_reason', 'source', 'citations']


class EngagementSerializer(serializers.ModelSerializer):
    country = country_field()
    setting = choice_text(MissionTypeChoices.choices, 'Mission setting (the values of a mission type)')
    mission = serializers.SlugRelatedField(slug_field='acronym', read_only=True, allow_null=True)
    stages = serializers.SerializerMethodField(help_text='The stages recorded, in the order of the lifecycle.')
    citations = CitationsField()

    class Meta:
        model = Engagement
        fields = [
            'id',
            'country',
            'setting',
            'mission',
            'request_date',
            'request_by',
            'mandate_symbol',
            'mandate_paragraph',
            'national_lead',
            'international_counterpart',
            'summary',
            'source',
            'citations',
            'stages',
        ]

    @extend_schema_field(EngagementStageSerializer(many=True))
    def get_stages(self, engagement):
        stages = sorted(engagement.stages.all(), key=lambda stage: stage.order)
        return EngagementStageSerializer(stages, many=True, context=self.context).data


# Section: security-sector map


class LatestHeadcountSerializer(serializers.ModelSerializer):
    class Meta:
        model = Headcount
        fields = ['id', 'date', 'count', 'basis', 'source']


class ActorSerializer(serializers.ModelSerializer):
    country = country_field()
    type = choice_text(ActorType.choices, 'Type of actor')
    latest_headcounts = serializers.SerializerMethodField(
        help_text='The newest headcount of each source (basis and source), newest first; sources that disagree are '
        'all kept.'
    )
    headcounts_disagree = serializers.SerializerMethodField(help_text='The latest headcounts give different counts.')
    citations = CitationsField()

    class Meta:
        model = Actor
        fields = [
            'id',
            'country',
            'name',
            'acronym',
            'area',
            'type',
            'statutory',
            'note',
            'source',
            'citations',
            'latest_headcounts',
            'headcounts_disagree',
        ]

    def _latest(self, actor) -> list[Headcount]:
        if not hasattr(actor, '_latest_headcounts'):
            actor._latest_headcounts = latest_headcounts(actor.headcounts.all())
        return actor._latest_headcounts

    @extend_schema_field(LatestHeadcountSerializer(many=True))
    def get_latest_headcounts(self, actor):
        return LatestHeadcountSerializer(self._latest(actor), many=True, context=self.context).data

    def get_headcounts_disagree(self, actor) -> bool:
        return len({headcount.count for headcount in self._latest(actor)}) > 1


class ActorRelationSerializer(serializers.ModelSerializer):
    country = country_field('from_actor.country.iso3')
    from_actor_name = serializers.CharField(source='from_actor.name', read_only=True)
    to_actor_name = serializers.CharField(source='to_actor.name', read_only=True)
    citations = CitationsField()

    class Meta:
        model = ActorRelation
        fields = [
            'id',
            'country',
            'from_actor',
            'from_actor_name',
            'kind',
            'to_actor',
            'to_actor_name',
            'note',
            'source',
            'citations',
        ]


class HeadcountSerializer(serializers.ModelSerializer):
    country = country_field('actor.country.iso3')
    actor_name = serializers.CharField(source='actor.name', read_only=True)
    citations = CitationsField()

    class Meta:
        model = Headcount
        fields = ['id', 'country', 'actor', 'actor_name', 'date', 'count', 'basis', 'source', 'citations']


# Section: assessments


class AssessmentRatingSerializer(serializers.ModelSerializer):
    item = serializers.CharField(source='item.code', read_only=True, help_text='Code of the framework item rated.')
    citations = CitationsField()

    class Meta:
        model = AssessmentRating
        fields = ['id', 'item', 'score', 'compliance', 'evidence', 'source', 'citations']


class AssessmentSerializer(serializers.ModelSerializer):
    country = country_field()
    framework = serializers.CharField(source='framework_version.framework.code', read_only=True)
    framework_version = serializers.CharField(source='framework_version.version', read_only=True)
    ratings = AssessmentRatingSerializer(many=True, read_only=True)
    citations = CitationsField()

    class Meta:
        model = Assessment
        fields = [
            'id',
            'country',
            'title',
            'date',
            'assessed_by',
            'framework',
            'framework_version',
            'note',
            'source',
            'citations',
            'ratings',
        ]


# Section: policy, strategy, plan


class ThreatSerializer(serializers.ModelSerializer):
    citations = CitationsField()

    class Meta:
        model = Threat
        fields = ['id', 'ref', 'title', 'description', 'source', 'citations']


class ObjectiveSerializer(serializers.ModelSerializer):
    threats = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    citations = CitationsField()

    class Meta:
        model = Objective
        fields = ['id', 'ref', 'title', 'indicator', 'threats', 'source', 'citations']


class PillarSerializer(serializers.ModelSerializer):
    citations = CitationsField()

    class Meta:
        model = Pillar
        fields = ['id', 'ref', 'title', 'source', 'citations']


class ActionStatusUpdateSerializer(serializers.ModelSerializer):
    status = choice_text(ActionStatus.choices, 'Status of the action as of the date')

    class Meta:
        model = ActionStatusUpdate
        fields = ['date', 'status', 'note']


class ActionSerializer(serializers.ModelSerializer):
    depends_on = serializers.PrimaryKeyRelatedField(many=True, read_only=True, help_text='Ids of earlier actions.')
    threats = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    objectives = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    status_history = ActionStatusUpdateSerializer(
        source='status_updates', many=True, read_only=True, help_text='Status updates, oldest first.'
    )
    citations = CitationsField()

    class Meta:
        model = Action
        fields = [
            'id',
            'ref',
            'title',
            'kind',
            'pillar',
            'owner',
            'owner_name',
            'start',
            'end',
            'timeframe',
            'cost',
            'currency',
            'status',
            'status_history',
            'depends_on',
            'threats',
            'objectives',
            'indicators',
            'risks',
            'source',
            'citations',
        ]


class NationalDocumentSerializer(serializers.ModelSerializer):
    country = country_field()
    threats = ThreatSerializer(many=True, read_only=True)
    objectives = ObjectiveSerializer(many=True, read_only=True)
    pillars = PillarSerializer(many=True, read_only=True)
    actions = ActionSerializer(many=True, read_only=True)
    citations = CitationsField()

    class Meta:
        model = NationalDocument
        fields = [
            'id',
            'country',
            'kind',
            'title',
            'parent',
            'status',
            'adopted',
            'adopted_by',
            'due',
            'vision',
            'note',
            'source',
            'citations',
            'threats',
            'objectives',
            'pillars',
            'actions',
        ]
        extra_kwargs = {'parent': {'help_text': 'Id of the document this one implements.'}}


class FindingSerializer(serializers.Serializer):
    """One finding of the plan checks (``plans.Finding.as_dict()``)."""

    check = serializers.CharField(help_text='alignment, completeness, dependency-cycle, overdue, past-due...')
    severity = serializers.ChoiceField(choices=['error', 'warning', 'info'])
    subject_key = serializers.CharField(help_text='What the finding is about: document:<id>, threat:<id>...')
    subject = serializers.CharField()
    message = serializers.CharField()
    related_keys = serializers.ListField(child=serializers.CharField())


class DocumentChecksSerializer(serializers.Serializer):
    document = serializers.IntegerField()
    date = serializers.DateField(help_text='The day the checks were run for.')
    findings = FindingSerializer(many=True)


# Section: timeline


class EventDateSerializer(serializers.ModelSerializer):
    iso = serializers.SerializerMethodField(help_text="'2016-11-16', '2016-11' or '2016', as precise as the source.")
    citations = CitationsField()

    class Meta:
        model = EventDate
        fields = ['id', 'date', 'precision', 'iso', 'source', 'citations']

    def get_iso(self, dated) -> str:
        return timeline.iso(dated)


class TimelineEventSerializer(serializers.ModelSerializer):
    country = country_field()
    dates = EventDateSerializer(many=True, read_only=True)
    disputed = serializers.SerializerMethodField(help_text='The sources give different dates.')
    citations = CitationsField()

    class Meta:
        model = TimelineEvent
        fields = ['id', 'country', 'kind', 'title', 'description', 'source', 'citations', 'dates', 'disputed']

    def get_disputed(self, event) -> bool:
        return timeline.disagree(event.dates.all())
