"""API of the coordination app: organisations and activities (with their parts nested), read and written within
the user's reach, each list filterable as the pages are (``country`` in ISO alpha-3 for activities)."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.permissions import IsAuthenticated

from ssrhub.core.api.permissions import RestrictedModelPermissions
from ssrhub.core.api.viewsets import RestrictedModelViewSet
from ssrhub.countries.api.views import CanViewWorkspace

from ..filtersets import ActivityFilterSet, OrganisationFilterSet
from ..models import Activity, Organisation, Result, ResultIndicator
from .serializers import ActivitySerializer, OrganisationSerializer

__all__ = ['ActivityViewSet', 'OrganisationViewSet']


class CoordinationViewSet(RestrictedModelViewSet):
    permission_classes = [IsAuthenticated, CanViewWorkspace, RestrictedModelPermissions]


@extend_schema_view(
    list=extend_schema(description='Organisations that fund, implement or coordinate support, with IATI identifiers.'),
    retrieve=extend_schema(description='One organisation.'),
)
class OrganisationViewSet(CoordinationViewSet):
    queryset = Organisation.objects.all()
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related('country').prefetch_related('citations')


@extend_schema_view(
    list=extend_schema(description='Activities (IATI, 3W or recorded by hand) with their parts; filter by country.'),
    retrieve=extend_schema(description='One activity with its organisations, sectors, money, results and links.'),
)
class ActivityViewSet(CoordinationViewSet):
    queryset = Activity.objects.all()
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilterSet

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related('country')
            .prefetch_related(
                'citations',
                'recipient_countries__country',
                'participants',
                'sectors',
                'policy_markers',
                'locations__admin_area',
                'budgets',
                'transactions',
                'links',
                Prefetch(
                    'results',
                    Result.objects.prefetch_related(
                        Prefetch('indicators', ResultIndicator.objects.prefetch_related('periods'))
                    ),
                ),
            )
        )
