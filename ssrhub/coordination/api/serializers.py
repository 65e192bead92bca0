"""Coordination fora for the API: fora, their members, meetings, decisions and the decisions' status updates, each
with its free-text ``source`` and its ``citations``; writable as the pages write them (``WorkspaceSerializer``)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ssrhub.core.api.fields import CitationsField, PartialDateField
from ssrhub.core.api.serializers import ModelCleanMixin
from ssrhub.countries.api.serializers import (
    ReachablePrimaryKeyRelatedField,
    WorkspaceSerializer,
    choice_text,
    country_field,
)

from ..models import (
    Activity,
    ActivityLink,
    ActivityLocation,
    ActivityPolicyMarker,
    ActivitySector,
    AdminArea,
    Budget,
    BudgetStatus,
    BudgetType,
    CodelistItem,
    Decision,
    DecisionStatus,
    DecisionStatusUpdate,
    Forum,
    ForumKind,
    ForumLayer,
    ForumLevel,
    ForumMember,
    IatiImport,
    IndicatorMeasure,
    LinkKind,
    Meeting,
    MemberRole,
    Organisation,
    OrganisationRole,
    ParticipatingOrganisation,
    RecipientCountry,
    Result,
    ResultIndicator,
    ResultPeriod,
    ResultType,
    ThreeWImport,
    Transaction,
    TransactionType,
)

__all__ = [
    'ActivityLinkRecordSerializer',
    'ActivitySerializer',
    'AdminAreaSerializer',
    'BudgetRecordSerializer',
    'CodelistItemSerializer',
    'IatiImportSerializer',
    'LocationRecordSerializer',
    'DecisionSerializer',
    'DecisionStatusUpdateSerializer',
    'ForumMemberSerializer',
    'ForumSerializer',
    'MeetingSerializer',
    'OrganisationSerializer',
    'ParticipantRecordSerializer',
    'PolicyMarkerRecordSerializer',
    'SectorRecordSerializer',
    'ThreeWImportSerializer',
    'TransactionRecordSerializer',
]


class ForumSerializer(WorkspaceSerializer):
    country = country_field()
    kind = choice_text(ForumKind.choices, 'Kind of forum', required=False)
    level = choice_text(ForumLevel.choices, 'Level')
    layer = choice_text(ForumLayer.choices, 'Coordination layer', required=False)
    established = PartialDateField(
        date_field='established', precision_field='established_precision', required=False, allow_null=True
    )
    dissolved = PartialDateField(
        date_field='dissolved', precision_field='dissolved_precision', required=False, allow_null=True
    )
    citations = CitationsField()

    class Meta:
        model = Forum
        fields = [
            'id',
            'country',
            'name',
            'name_fr',
            'acronym',
            'kind',
            'level',
            'layer',
            'parent',
            'chair',
            'chair_name',
            'mandate',
            'cadence',
            'established',
            'dissolved',
            'components',
            'source',
            'citations',
        ]


class ForumMemberSerializer(WorkspaceSerializer):
    country = country_field('forum.country.iso3')
    role = choice_text(MemberRole.choices, 'Role in the forum', required=False)
    start = PartialDateField(date_field='start', precision_field='start_precision', required=False, allow_null=True)
    end = PartialDateField(date_field='end', precision_field='end_precision', required=False, allow_null=True)
    citations = CitationsField()

    class Meta:
        model = ForumMember
        fields = ['id', 'country', 'forum', 'organisation', 'role', 'start', 'end', 'note', 'source', 'citations']


class MeetingSerializer(WorkspaceSerializer):
    country = country_field('forum.country.iso3')
    date = PartialDateField(date_field='date', precision_field='date_precision')
    minutes = serializers.SerializerMethodField(
        help_text='Where to download the uploaded minutes (null when none); minutes are uploaded on the meeting page.'
    )
    citations = CitationsField()

    class Meta:
        model = Meeting
        fields = [
            'id',
            'country',
            'forum',
            'number',
            'date',
            'place',
            'attendees',
            'other_attendees',
            'agenda',
            'summary',
            'minutes',
            'minutes_document',
            'source',
            'citations',
        ]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_minutes(self, meeting) -> str | None:
        if not meeting.minutes:
            return None
        url = reverse('coordination:meeting_minutes', args=[meeting.forum.country.iso3, meeting.pk])
        request = self.context.get('request')
        return request.build_absolute_uri(url) if request else url


class DecisionStatusUpdateSerializer(WorkspaceSerializer):
    """A status of a decision as of a day; the decision takes the status of its latest update."""

    country = country_field('decision.meeting.forum.country.iso3')
    status = choice_text(DecisionStatus.choices, 'Status of the decision as of the date')
    citations = CitationsField()

    class Meta:
        model = DecisionStatusUpdate
        fields = ['id', 'country', 'decision', 'date', 'status', 'note', 'source', 'citations']


class DecisionSerializer(WorkspaceSerializer):
    country = country_field('meeting.forum.country.iso3')
    forum = serializers.IntegerField(source='meeting.forum_id', read_only=True)
    due = PartialDateField(date_field='due', precision_field='due_precision', required=False, allow_null=True)
    status = serializers.CharField(
        read_only=True, help_text='The status of the latest update: open, in-progress, done or dropped.'
    )
    overdue = serializers.SerializerMethodField(
        help_text='Due date (the end of its month or year) passed, neither done nor dropped, on the day asked '
        '(?date=YYYY-MM-DD, default today).'
    )
    status_updates = serializers.SerializerMethodField(help_text='The dated status history, oldest first.')
    citations = CitationsField()

    class Meta:
        model = Decision
        fields = [
            'id',
            'country',
            'forum',
            'meeting',
            'ref',
            'text',
            'owner',
            'owner_name',
            'due',
            'status',
            'overdue',
            'actions',
            'components',
            'status_updates',
            'source',
            'citations',
        ]

    def get_overdue(self, decision) -> bool:
        return decision.overdue_on(self.context['today'])

    @extend_schema_field(
        {
            'type': 'array',
            'items': {
                'type': 'object',
                'properties': {'date': {'type': 'string'}, 'status': {'type': 'string'}, 'note': {'type': 'string'}},
            },
        }
    )
    def get_status_updates(self, decision) -> list[dict]:
        return [
            {'date': update.date.isoformat(), 'status': update.status, 'note': update.note}
            for update in decision.status_updates.all()
        ]


class OrganisationSerializer(ModelCleanMixin, serializers.ModelSerializer):
    country = serializers.SlugRelatedField(
        slug_field='iso3',
        queryset=country_field().queryset,
        allow_null=True,
        required=False,
        help_text='Country of origin, ISO alpha-3.',
    )
    citations = CitationsField()

    class Meta:
        model = Organisation
        fields = [
            'id',
            'name',
            'name_fr',
            'acronym',
            'iati_ref',
            'type',
            'country',
            'un_entity',
            'website',
            'aliases',
            'source',
            'citations',
        ]


class RecipientCountrySerializer(serializers.ModelSerializer):
    country = serializers.CharField(source='country.iso3', read_only=True)

    class Meta:
        model = RecipientCountry
        fields = ['country', 'percentage']


class ParticipantSerializer(serializers.ModelSerializer):
    class Meta:
        model = ParticipatingOrganisation
        fields = ['organisation', 'name', 'role', 'type', 'activity_identifier']


class SectorSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivitySector
        fields = ['vocabulary', 'code', 'name', 'percentage']


class PolicyMarkerSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityPolicyMarker
        fields = ['vocabulary', 'code', 'significance', 'name']


class LocationSerializer(serializers.ModelSerializer):
    pcode = serializers.CharField(source='admin_area.pcode', read_only=True, allow_null=True)

    class Meta:
        model = ActivityLocation
        fields = ['name', 'pcode', 'latitude', 'longitude']


class BudgetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Budget
        fields = ['type', 'status', 'period_start', 'period_end', 'value', 'currency', 'value_date']


class TransactionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Transaction
        fields = [
            'id',
            'ref',
            'type',
            'date',
            'value',
            'currency',
            'value_date',
            'description',
            'provider_organisation',
            'provider_name',
            'provider_activity_identifier',
            'receiver_organisation',
            'receiver_name',
            'receiver_activity_identifier',
            'note',
        ]


class PeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = ResultPeriod
        fields = ['period_start', 'period_end', 'target', 'actual', 'comment']


class IndicatorSerializer(serializers.ModelSerializer):
    periods = PeriodSerializer(many=True, read_only=True)

    class Meta:
        model = ResultIndicator
        fields = ['measure', 'ascending', 'title', 'baseline_year', 'baseline_value', 'baseline_comment', 'periods']


class ResultSerializer(serializers.ModelSerializer):
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Result
        fields = ['type', 'title', 'description', 'indicators']


class LinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActivityLink
        fields = ['id', 'kind', 'action', 'share', 'framework_item', 'mission', 'code', 'paragraph', 'note']


class ActivitySerializer(WorkspaceSerializer):
    """An activity: its own fields are writable (in the user's countries); its parts are read here and edited on
    the activity's page or by an IATI import."""

    serializer_related_field = ReachablePrimaryKeyRelatedField
    country = serializers.SlugRelatedField(
        slug_field='iso3',
        queryset=country_field().queryset,
        allow_null=True,
        required=False,
        help_text='Recipient country, ISO alpha-3; empty for a regional activity (administrators only).',
    )
    recipient_countries = RecipientCountrySerializer(many=True, read_only=True)
    participants = ParticipantSerializer(many=True, read_only=True)
    sectors = SectorSerializer(many=True, read_only=True)
    policy_markers = PolicyMarkerSerializer(many=True, read_only=True)
    locations = LocationSerializer(many=True, read_only=True)
    budgets = BudgetSerializer(many=True, read_only=True)
    transactions = TransactionSerializer(many=True, read_only=True)
    results = ResultSerializer(many=True, read_only=True)
    links = LinkSerializer(many=True, read_only=True)
    citations = CitationsField()

    class Meta:
        model = Activity
        fields = [
            'id',
            'iati_identifier',
            'reporting_organisation',
            'country',
            'title',
            'title_fr',
            'description',
            'description_fr',
            'language',
            'description_language',
            'status',
            'planned_start',
            'actual_start',
            'planned_end',
            'actual_end',
            'humanitarian',
            'default_currency',
            'default_flow_type',
            'default_finance_type',
            'default_aid_type',
            'default_tied_status',
            'last_updated_datetime',
            'on_budget',
            'origin',
            'source',
            'notes',
            'citations',
            'recipient_countries',
            'participants',
            'sectors',
            'policy_markers',
            'locations',
            'budgets',
            'transactions',
            'results',
            'links',
        ]
        read_only_fields = ['notes', 'last_updated_datetime']


# Section: an activity's parts, written one by one (as its page's forms write them)

PART_FIELDS = ['id', 'country', 'activity']


class PartSerializer(WorkspaceSerializer):
    """A part of an activity: saved only in a country where the user may change the activity's country records."""

    country = country_field('activity.country.iso3', allow_null=True)


class ParticipantRecordSerializer(PartSerializer):
    role = choice_text(OrganisationRole.choices, 'Role in the activity (IATI OrganisationRole)')

    class Meta:
        model = ParticipatingOrganisation
        fields = PART_FIELDS + ParticipantSerializer.Meta.fields


class SectorRecordSerializer(PartSerializer):
    class Meta:
        model = ActivitySector
        fields = PART_FIELDS + SectorSerializer.Meta.fields


class PolicyMarkerRecordSerializer(PartSerializer):
    class Meta:
        model = ActivityPolicyMarker
        fields = PART_FIELDS + PolicyMarkerSerializer.Meta.fields


class BudgetRecordSerializer(PartSerializer):
    type = choice_text(BudgetType.choices, 'Budget type (IATI BudgetType)', required=False)
    status = choice_text(BudgetStatus.choices, 'Budget status (IATI BudgetStatus)', required=False)

    class Meta:
        model = Budget
        fields = PART_FIELDS + BudgetSerializer.Meta.fields


class TransactionRecordSerializer(PartSerializer):
    type = choice_text(TransactionType.choices, 'Transaction type (IATI TransactionType)')

    class Meta:
        model = Transaction
        fields = PART_FIELDS + TransactionSerializer.Meta.fields[1:]


class ActivityLinkRecordSerializer(PartSerializer):
    kind = choice_text(LinkKind.choices, 'What the activity serves')

    class Meta:
        model = ActivityLink
        fields = PART_FIELDS + LinkSerializer.Meta.fields[1:]
        # The uniqueness constraints name every target; a link has one of them (the model checks which).
        extra_kwargs = {name: {'required': False} for name in ('action', 'framework_item', 'mission', 'code')}


class LocationRecordSerializer(PartSerializer):
    class Meta:
        model = ActivityLocation
        fields = PART_FIELDS + ['admin_area', 'name', 'latitude', 'longitude']


class RecipientCountryRecordSerializer(PartSerializer):
    recipient_country = serializers.SlugRelatedField(
        source='country',
        slug_field='iso3',
        queryset=country_field().queryset,
        help_text='ISO alpha-3 code of the country the activity benefits.',
    )

    class Meta:
        model = RecipientCountry
        fields = PART_FIELDS + ['recipient_country', 'percentage']


class ResultRecordSerializer(PartSerializer):
    type = choice_text(ResultType.choices, 'Result type (IATI ResultType)')

    class Meta:
        model = Result
        fields = PART_FIELDS + ['type', 'title', 'description']


class IndicatorRecordSerializer(WorkspaceSerializer):
    country = country_field('result.activity.country.iso3', allow_null=True)
    measure = choice_text(IndicatorMeasure.choices, 'Measure (IATI IndicatorMeasure)')

    class Meta:
        model = ResultIndicator
        fields = ['id', 'country', 'result'] + [name for name in IndicatorSerializer.Meta.fields if name != 'periods']


class PeriodRecordSerializer(WorkspaceSerializer):
    country = country_field('indicator.result.activity.country.iso3', allow_null=True)

    class Meta:
        model = ResultPeriod
        fields = ['id', 'country', 'indicator'] + PeriodSerializer.Meta.fields


class AdminAreaSerializer(WorkspaceSerializer):
    country = country_field()

    class Meta:
        model = AdminArea
        fields = ['id', 'country', 'level', 'pcode', 'name', 'parent', 'source']


# Section: imports and codelists, read only (imports are made by uploading a file; codelists are reference data)


class IatiImportSerializer(serializers.ModelSerializer):
    class Meta:
        model = IatiImport
        fields = ['id', 'name', 'strict', 'status', 'progress', 'report', 'created']


class ThreeWImportSerializer(serializers.ModelSerializer):
    country = country_field('country.iso3')

    class Meta:
        model = ThreeWImport
        fields = ['id', 'country', 'name', 'sheet', 'period_start', 'period_end', 'status', 'progress', 'total',
                  'report', 'created']  # fmt: skip


class CodelistItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = CodelistItem
        fields = ['id', 'codelist', 'code', 'name_en', 'name_fr', 'description_en', 'description_fr', 'category',
                  'withdrawn']  # fmt: skip
