"""Alleged violations in the API: written by the due-diligence officers of the country, read by its HRDDP circle,
with their sources nested (read); the sources on their own; the country overview as JSON
(``/api/safeguards/countries/<iso3>/overview/``), the rows of the overview page."""

import datetime
from dataclasses import asdict

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from ssrhub.core.access import can_in_country
from ssrhub.core.api.fields import PartialDateField
from ssrhub.core.models import Country
from ssrhub.countries.api.serializers import ReachablePrimaryKeyRelatedField, WorkspaceSerializer, country_field
from ssrhub.countries.api.views import WorkspaceViewSet

from ..filtersets.allegations import AllegationFilterSet, AllegationSourceFilterSet
from ..models import Allegation, AllegationSource, SupportRequest
from ..overview import REASONS
from ..overview_queries import country_overview

__all__ = [
    'AllegationSerializer',
    'AllegationSourceSerializer',
    'AllegationSourceViewSet',
    'AllegationViewSet',
    'OverviewSerializer',
    'OverviewViewSet',
]


class SensitiveParentField(ReachablePrimaryKeyRelatedField):
    """A sensitive parent record by id: one the user may not read is a 404, as when it does not exist, so that
    guessing ids tells nothing (not a 400 naming the id)."""

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as error:
            if any(detail.code == 'does_not_exist' for detail in error.detail):
                raise NotFound from error
            raise


class AllegationSourceSerializer(WorkspaceSerializer):
    allegation = SensitiveParentField(queryset=Allegation.objects.all())

    class Meta:
        model = AllegationSource
        fields = ['id', 'allegation', 'name', 'information', 'reliability', 'credibility', 'created', 'last_updated']


class NestedSourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = AllegationSource
        fields = ['id', 'name', 'information', 'reliability', 'credibility']


class AllegationSerializer(WorkspaceSerializer):
    country = country_field()
    occurred = PartialDateField(date_field='occurred_on', precision_field='occurred_precision')
    sources = NestedSourceSerializer(many=True, read_only=True)

    class Meta:
        model = Allegation
        fields = ['id', 'country', 'recipient', 'occurred', 'place', 'violation', 'narrative', 'perpetrators',
                  'victims_women', 'victims_men', 'victims_girls', 'victims_boys', 'victims_unknown', 'victim_names',
                  'follow_up', 'reported_on', 'verified_on', 'communicated_on', 'accountability', 'sources',
                  'created', 'last_updated']  # fmt: skip


@extend_schema_view(
    list=extend_schema(
        description='Alleged violations the user may read, with their sources; `q` searches the '
        'narrative, the alleged perpetrators and the place (decrypted, never in SQL).'
    ),  # fmt: skip
    retrieve=extend_schema(description='One alleged violation with its sources.'),
)
class AllegationViewSet(WorkspaceViewSet):
    queryset = Allegation.objects.select_related('country').prefetch_related('sources')
    serializer_class = AllegationSerializer
    filterset_class = AllegationFilterSet


@extend_schema_view(
    list=extend_schema(description='Sources of alleged violations, graded A-F (reliability) and 1-6 (credibility).'),
    retrieve=extend_schema(description='One source of an alleged violation.'),
)
class AllegationSourceViewSet(WorkspaceViewSet):
    queryset = AllegationSource.objects.all()
    serializer_class = AllegationSourceSerializer
    filterset_class = AllegationSourceFilterSet


class OverviewCaseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.CharField()
    risk = serializers.IntegerField(
        allow_null=True, help_text='Overall risk of the current assessment, 1 low-4 very high'
    )
    outcome = serializers.CharField(help_text='The current decision, empty when none')
    decided_on = serializers.DateField(allow_null=True)
    expires_on = serializers.DateField(allow_null=True)
    expired = serializers.BooleanField()
    overdue_mitigations = serializers.IntegerField()
    active_interventions = serializers.ListField(child=serializers.CharField())


class OverviewRowSerializer(serializers.Serializer):
    recipient = serializers.IntegerField()
    name = serializers.CharField()
    cases = OverviewCaseSerializer(many=True)
    open_allegations = serializers.IntegerField()
    newest_allegation = serializers.DateField(allow_null=True)
    reasons = serializers.ListField(child=serializers.ChoiceField(choices=REASONS))


class OverviewSerializer(serializers.Serializer):
    date = serializers.DateField()
    rows = OverviewRowSerializer(many=True)


def _payload(rows, today) -> dict:
    return {
        'date': today,
        'rows': [
            {
                'recipient': row.recipient.id,
                'name': row.recipient.name,
                'cases': [{**asdict(case), 'expired': case.expired(today)} for case in row.recipient.cases],
                'open_allegations': row.recipient.open_allegations,
                'newest_allegation': row.recipient.newest_allegation,
                'reasons': list(row.reasons),
            }
            for row in rows
        ],
    }


class OverviewViewSet(viewsets.ViewSet):
    """The due-diligence overview of a country, as on its page."""

    permission_classes = [IsAuthenticated]
    lookup_field = 'iso3'
    lookup_value_regex = '[A-Za-z]{3}'
    serializer_class = OverviewSerializer

    @extend_schema(
        responses=OverviewSerializer,
        description='Every recipient with a current support request in the country: its cases with risk, decision '
        'and expiry, overdue measures and active interventions; its open allegations; the reasons it needs attention '
        f'({", ".join(REASONS)}), recipients needing attention first.',
    )
    @action(detail=True, methods=['get'])
    def overview(self, request, iso3=None):
        country = get_object_or_404(Country, iso3__iexact=iso3)
        if not can_in_country(request.user, 'view', SupportRequest, country):
            raise PermissionDenied
        today = datetime.date.today()
        return Response(OverviewSerializer(_payload(country_overview(request.user, country, today), today)).data)
