"""API of the roster, with the pages' rules: profiles and candidates for roster managers (and each person their
own profile), support requests for every role that reads workspace records, steps written by roster managers,
the export log for administrators."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.permissions import IsAuthenticated

from ssrhub.core.api.permissions import RestrictedModelPermissions
from ssrhub.core.api.viewsets import RestrictedModelViewSet, RestrictedReadOnlyViewSet
from ssrhub.countries.api.views import CanViewWorkspace
from ssrhub.roster.filtersets import ExpertProfileFilterSet, RosterExportFilterSet, SupportRequestFilterSet
from ssrhub.roster.models import Candidate, Deployment, ExpertProfile, RequestStep, RosterExport, SupportRequest

from .serializers import (
    CandidateSerializer,
    DeploymentRecordSerializer,
    ExpertProfileSerializer,
    RequestStepSerializer,
    RosterExportSerializer,
    SupportRequestSerializer,
)

__all__ = [
    'CandidateViewSet',
    'DeploymentViewSet',
    'ExpertProfileViewSet',
    'RequestStepViewSet',
    'RosterExportViewSet',
    'SupportRequestViewSet',
]

PERMISSIONS = [IsAuthenticated, RestrictedModelPermissions]


@extend_schema_view(
    list=extend_schema(description='Roster profiles the user may see: all for roster managers, else their own.'),
)
class ExpertProfileViewSet(RestrictedModelViewSet):
    queryset = ExpertProfile.objects.all()
    serializer_class = ExpertProfileSerializer
    filterset_class = ExpertProfileFilterSet
    permission_classes = PERMISSIONS

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related('nationality', 'user')
            .prefetch_related('expertise__item', 'languages', 'regions__country', 'availability', 'deployments')
        )


@extend_schema_view(list=extend_schema(description='Support requests, filterable by country (ISO alpha-3).'))
class SupportRequestViewSet(RestrictedModelViewSet):
    queryset = SupportRequest.objects.all()
    serializer_class = SupportRequestSerializer
    filterset_class = SupportRequestFilterSet
    permission_classes = [IsAuthenticated, CanViewWorkspace, RestrictedModelPermissions]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related('country', 'mission')
            .prefetch_related('addressees', 'skills', 'citations', Prefetch('candidates'))
        )


class RequestStepViewSet(RestrictedModelViewSet):
    """Steps are recorded, never changed: read them, or add the next one."""

    queryset = RequestStep.objects.select_related('request')
    serializer_class = RequestStepSerializer
    permission_classes = PERMISSIONS
    http_method_names = ['get', 'post', 'head', 'options']
    filterset_fields = ['request', 'status']


class CandidateViewSet(RestrictedModelViewSet):
    queryset = Candidate.objects.select_related('profile')
    serializer_class = CandidateSerializer
    permission_classes = PERMISSIONS
    filterset_fields = ['request', 'profile', 'selected']


@extend_schema_view(
    list=extend_schema(
        description='Deployments with their ratings: roster managers read and write them, each person reads their own.'
    ),
)
class DeploymentViewSet(RestrictedModelViewSet):
    queryset = Deployment.objects.select_related('country', 'mission')
    serializer_class = DeploymentRecordSerializer
    permission_classes = PERMISSIONS
    filterset_fields = ['profile', 'request', 'country', 'mission']


class RosterExportViewSet(RestrictedReadOnlyViewSet):
    queryset = RosterExport.objects.select_related('user')
    serializer_class = RosterExportSerializer
    filterset_class = RosterExportFilterSet
    permission_classes = PERMISSIONS
