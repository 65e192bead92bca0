"""Coordination fora for the API: fora, their members, meetings, decisions and the decisions' status updates, each
with its free-text ``source`` and its ``citations``; writable as the pages write them (``WorkspaceSerializer``)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ssrhub.core.api.fields import CitationsField, PartialDateField
from ssrhub.countries.api.serializers import WorkspaceSerializer, choice_text, country_field

from ..models import (
    Decision,
    DecisionStatus,
    DecisionStatusUpdate,
    Forum,
    ForumKind,
    ForumLayer,
    ForumLevel,
    ForumMember,
    Meeting,
    MemberRole,
)

__all__ = [
    'DecisionSerializer',
    'DecisionStatusUpdateSerializer',
    'ForumMemberSerializer',
    'ForumSerializer',
    'MeetingSerializer',
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
