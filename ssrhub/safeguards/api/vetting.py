"""Vetting in the API: individuals (read and write, validated as the page validates), watch lists and their names
(read; lists are imported by the page), screenings (``POST`` runs one for an individual) and matches (``PATCH`` a
decision with its reason). Every queryset goes through ``restrict()``: another country's record is a 404."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from ssrhub.core.access import NONE, can_in_country, reach
from ssrhub.core.api.viewsets import RestrictedModelViewSet, RestrictedReadOnlyViewSet
from ssrhub.countries.api.serializers import WorkspaceSerializer, country_field
from ssrhub.countries.api.views import WorkspaceViewSet

from .. import vetting
from ..filtersets.vetting import IndividualFilterSet, ListedPersonFilterSet
from ..models import Individual, ListedPerson, MatchDecision, Screening, ScreeningMatch, WatchList
from ..screening import DEFAULT_THRESHOLD

__all__ = [
    'IndividualSerializer',
    'IndividualViewSet',
    'ListedPersonSerializer',
    'ListedPersonViewSet',
    'ScreeningMatchSerializer',
    'ScreeningMatchViewSet',
    'ScreeningRunSerializer',
    'ScreeningSerializer',
    'ScreeningViewSet',
    'WatchListSerializer',
    'WatchListViewSet',
]


class IndividualSerializer(WorkspaceSerializer):
    country = country_field()

    class Meta:
        model = Individual
        fields = ['id', 'country', 'name', 'aliases', 'position', 'category', 'unit', 'fictitious', 'last_updated']


class WatchListSerializer(serializers.ModelSerializer):
    country = country_field('country.iso3')

    class Meta:
        model = WatchList
        fields = ['id', 'country', 'title', 'organisation', 'imported_from', 'last_updated']


class ListedPersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = ListedPerson
        fields = ['id', 'watch_list', 'name', 'aliases', 'note', 'row']


class ScreeningMatchSerializer(serializers.ModelSerializer):
    decision = serializers.ChoiceField(choices=[MatchDecision.CONFIRMED, MatchDecision.REJECTED])
    reason = serializers.CharField(help_text='Why the match is confirmed or rejected (required).')
    decided_by = serializers.SlugRelatedField(slug_field='username', read_only=True, allow_null=True)

    class Meta:
        model = ScreeningMatch
        fields = ['id', 'screening', 'allegation', 'listed_person', 'matched_name', 'screened_name', 'score',
                  'decision', 'reason', 'decided_by', 'decided_at']  # fmt: skip
        read_only_fields = ['screening', 'allegation', 'listed_person', 'matched_name', 'screened_name', 'score',
                            'decided_at']  # fmt: skip


class ScreeningSerializer(serializers.ModelSerializer):
    screened_by = serializers.SlugRelatedField(slug_field='username', read_only=True)
    matches = ScreeningMatchSerializer(many=True, read_only=True)

    class Meta:
        model = Screening
        fields = ['id', 'individual', 'screened_at', 'screened_by', 'threshold', 'result', 'matches']


class ScreeningRunSerializer(serializers.Serializer):
    individual = serializers.IntegerField(help_text='The individual to screen.')
    threshold = serializers.IntegerField(min_value=60, max_value=100, default=DEFAULT_THRESHOLD)


class IndividualViewSet(WorkspaceViewSet):
    queryset = Individual.objects.select_related('country')
    serializer_class = IndividualSerializer
    filterset_class = IndividualFilterSet


class WatchListViewSet(RestrictedReadOnlyViewSet):
    queryset = WatchList.objects.select_related('country')
    serializer_class = WatchListSerializer
    filterset_fields = ['country']


class ListedPersonViewSet(RestrictedReadOnlyViewSet):
    queryset = ListedPerson.objects.all()
    serializer_class = ListedPersonSerializer
    filterset_class = ListedPersonFilterSet


class ScreeningViewSet(RestrictedModelViewSet):
    """Screenings, newest first; ``POST`` screens an individual now (a new screening: the earlier ones are kept)."""

    queryset = Screening.objects.select_related('screened_by').prefetch_related('matches__decided_by')
    serializer_class = ScreeningSerializer
    filterset_fields = ['individual', 'result']
    http_method_names = ['get', 'post', 'head', 'options']

    @extend_schema(request=ScreeningRunSerializer, responses={201: ScreeningSerializer})
    def create(self, request, *args, **kwargs):
        if reach(request.user, Screening, 'add') is NONE:  # refused before the payload is read
            raise PermissionDenied
        run = ScreeningRunSerializer(data=request.data)
        run.is_valid(raise_exception=True)
        individual = get_object_or_404(
            Individual.objects.restrict(request.user).select_related('country'), pk=run.validated_data['individual']
        )
        if not can_in_country(request.user, 'add', Screening, individual.country):
            raise PermissionDenied
        screening = vetting.screen([individual], request.user, run.validated_data['threshold'])[0]
        return Response(self.get_serializer(screening).data, status=status.HTTP_201_CREATED)


class ScreeningMatchViewSet(RestrictedModelViewSet):
    """Matches; ``PATCH`` records a person's decision (confirmed or rejected) with its reason."""

    queryset = ScreeningMatch.objects.select_related('screening', 'decided_by')
    serializer_class = ScreeningMatchSerializer
    filterset_fields = ['screening', 'decision']
    http_method_names = ['get', 'patch', 'head', 'options']

    def perform_update(self, serializer):
        data = serializer.validated_data
        if 'decision' not in data or 'reason' not in data:
            raise ValidationError({'decision': _('Give the decision and its reason together.')})
        try:
            vetting.review_match(serializer.instance, self.request.user, data['decision'], data['reason'])
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error
