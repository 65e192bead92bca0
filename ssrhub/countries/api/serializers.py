"""Country workspace records for the API: every record with its free-text ``source`` and its ``citations``.

The workspace records are writable (``WorkspaceSerializer``): related records by id, choices by their values,
validated as the pages validate them.
"""

from functools import reduce

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied

from ssrhub.core.access import can_in_country
from ssrhub.core.api.fields import CitationsField, PartialDateField
from ssrhub.core.api.serializers import ModelCleanMixin
from ssrhub.core.models import Country
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
    WomenShareTarget,
)
from ssrhub.countries.sector import latest_headcounts
from ssrhub.countries.views.assessments import latest_framework_version
from ssrhub.framework.models import Mission, MissionTypeChoices

__all__ = [
    'ActorRelationSerializer',
    'ActorSerializer',
    'AssessmentSerializer',
    'DocumentChecksSerializer',
    'EngagementSerializer',
    'HeadcountSerializer',
    'WomenShareTargetSerializer',
    'NationalDocumentSerializer',
    'TimelineEventSerializer',
    'WorkspaceSerializer',
]


def country_field(source: str | None = None, allow_null: bool = False):
    """The country as its ISO alpha-3 code: the record's own (writable), or read through ``source`` (``allow_null``
    when a relation on the way may be empty: the answer is then ``null``)."""
    help_text = 'ISO alpha-3 code of the country.'
    if source:
        return serializers.CharField(source=source, read_only=True, allow_null=allow_null, help_text=help_text)
    return serializers.SlugRelatedField(slug_field='iso3', queryset=Country.objects.all(), help_text=help_text)


def choice_text(choices, what: str, **kwargs) -> serializers.CharField:
    """A choice as a plain string: these field names already name another choice set in the schema (an enum here
    would rename the existing enum components). The model's ``full_clean()`` checks a written value."""
    values = ', '.join(value for value, _label in choices)
    return serializers.CharField(help_text=f'{what}: one of {values}.', **kwargs)


class ReachableMixin:
    """A related record chosen among those the requesting user may view."""

    def get_queryset(self):
        return super().get_queryset().restrict(self.context['request'].user, 'view')


class ReachablePrimaryKeyRelatedField(ReachableMixin, serializers.PrimaryKeyRelatedField):
    pass


class ReachableSlugRelatedField(ReachableMixin, serializers.SlugRelatedField):
    pass


class WorkspaceSerializer(ModelCleanMixin, serializers.ModelSerializer):
    """A writable country workspace record, validated as its edit page validates it.

    The record as it would be saved must lie in a country where the user may add or change it (a 403 otherwise,
    before any other check, as on the pages); then the model's ``full_clean()`` applies its rules and constraints.
    Related records are chosen among those the user may view.

    Hooks:
        new_record(): the unsaved record a create starts from.
    """

    serializer_related_field = ReachablePrimaryKeyRelatedField

    def check_record(self, record) -> None:
        # The country first, then the model's constraints: another country's record is a 403, not a 400.
        model = self.Meta.model
        try:
            country = reduce(getattr, model.country_scope.split('__'), record)
        except ObjectDoesNotExist:
            country = None  # full_clean() names what is missing
        action = 'change' if self.instance else 'add'
        if country is not None and not can_in_country(self.context['request'].user, action, model, country):
            raise PermissionDenied(_('You may not save this record with these values.'))


# Section: engagement


class EngagementStageSerializer(serializers.ModelSerializer):
    start = PartialDateField(date_field='start', precision_field='start_precision', read_only=True)
    end = PartialDateField(date_field='end', precision_field='end_precision', read_only=True)
    citations = CitationsField()

    class Meta:
        model = EngagementStage
        fields = ['id', 'stage', 'status', 'start', 'end', 'led_by', 'evidence', 'skip_reason', 'source', 'citations']


class EngagementSerializer(WorkspaceSerializer):
    country = country_field()
    setting = choice_text(MissionTypeChoices.choices, 'Mission setting (the values of a mission type)')
    mission = ReachableSlugRelatedField(
        slug_field='acronym', queryset=Mission.objects.all(), allow_null=True, required=False
    )
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
            'national_lead_fr',
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


WOMEN_SHARE_HELP = 'Women as a percentage of the personnel, one decimal; null when the source gives no split.'


class LatestHeadcountSerializer(serializers.ModelSerializer):
    women_share = serializers.DecimalField(
        max_digits=4, decimal_places=1, read_only=True, allow_null=True, help_text=WOMEN_SHARE_HELP
    )

    class Meta:
        model = Headcount
        fields = ['id', 'date', 'count', 'women', 'women_share', 'basis', 'source']


class ActorSerializer(WorkspaceSerializer):
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
            'name_fr',
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


class ActorRelationSerializer(WorkspaceSerializer):
    country = country_field(source='from_actor.country.iso3')
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


class HeadcountSerializer(WorkspaceSerializer):
    country = country_field(source='actor.country.iso3')
    actor_name = serializers.CharField(source='actor.name', read_only=True)
    citations = CitationsField()

    women_share = serializers.DecimalField(
        max_digits=4, decimal_places=1, read_only=True, allow_null=True, help_text=WOMEN_SHARE_HELP
    )

    class Meta:
        model = Headcount
        fields = [
            'id',
            'country',
            'actor',
            'actor_name',
            'date',
            'count',
            'women',
            'women_share',
            'basis',
            'source',
            'citations',
        ]


class WomenShareTargetSerializer(WorkspaceSerializer):
    country = country_field()
    actor_name = serializers.CharField(source='actor.name', read_only=True, allow_null=True)
    citations = CitationsField()

    class Meta:
        model = WomenShareTarget
        fields = ['id', 'country', 'actor', 'actor_name', 'share', 'target_date', 'source', 'note', 'citations']


# Section: assessments


class AssessmentRatingSerializer(serializers.ModelSerializer):
    item = serializers.CharField(source='item.code', read_only=True, help_text='Code of the framework item rated.')
    citations = CitationsField()

    class Meta:
        model = AssessmentRating
        fields = ['id', 'item', 'score', 'compliance', 'evidence', 'source', 'citations']


class AssessmentSerializer(WorkspaceSerializer):
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

    def new_record(self):
        return Assessment(framework_version=latest_framework_version())

    def create(self, validated_data):
        # A new assessment rates the current framework, as on the pages; its ratings are written there.
        return Assessment.objects.create(framework_version=latest_framework_version(), **validated_data)


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
    status = choice_text(ActionStatus.choices, 'Status of the action as of the date', read_only=True)

    class Meta:
        model = ActionStatusUpdate
        fields = ['date', 'status', 'note']


class ActionSerializer(serializers.ModelSerializer):
    start = PartialDateField(date_field='start', precision_field='start_precision', read_only=True)
    end = PartialDateField(date_field='end', precision_field='end_precision', read_only=True)
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


class NationalDocumentSerializer(WorkspaceSerializer):
    country = country_field()
    adopted = PartialDateField(
        date_field='adopted', precision_field='adopted_precision', required=False, allow_null=True
    )
    due = PartialDateField(date_field='due', precision_field='due_precision', required=False, allow_null=True)
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
            'title_fr',
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
    """One finding of the plan checks (``plan_messages.finding_dict()``)."""

    check = serializers.CharField(help_text='alignment, completeness, dependency-cycle, overdue, past-due...')
    code = serializers.CharField(
        help_text='The problem: not-answered, missing-information, overdue... (docs/countries.md)'
    )
    severity = serializers.ChoiceField(choices=['error', 'warning', 'info'])
    subject_key = serializers.CharField(help_text='What the finding is about: document:<id>, threat:<id>...')
    subject = serializers.CharField()
    params = serializers.DictField(help_text="The code's values: titles, ISO dates, counts, months.")
    related_keys = serializers.ListField(child=serializers.CharField())
    elements = serializers.ListField(
        child=serializers.CharField(), help_text='The plan elements (plan-element.*) it leaves missing or incomplete.'
    )
    label = serializers.CharField(help_text="A short label in the request's language.")
    message = serializers.CharField(help_text="The finding as a sentence in the request's language.")


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


class TimelineEventSerializer(WorkspaceSerializer):
    country = country_field()
    dates = EventDateSerializer(many=True, read_only=True)
    disputed = serializers.SerializerMethodField(help_text='The sources give different dates.')
    citations = CitationsField()

    class Meta:
        model = TimelineEvent
        fields = [
            'id',
            'country',
            'kind',
            'title',
            'title_fr',
            'description',
            'source',
            'citations',
            'dates',
            'disputed',
        ]

    def get_disputed(self, event) -> bool:
        return timeline.disagree(event.dates.all())
