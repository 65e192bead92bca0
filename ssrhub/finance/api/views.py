"""API of finance: exchange rates (every user with a role reads them; editors write) and duplication reviews
(filterable by country)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.permissions import BasePermission, IsAuthenticated

from ssrhub.core.api.permissions import RestrictedModelPermissions
from ssrhub.core.api.viewsets import RestrictedModelViewSet
from ssrhub.core.roles import permission_name

from ..filtersets import DuplicationReviewFilterSet, ExchangeRateFilterSet
from ..models import DuplicationReview, ExchangeRate
from .serializers import DuplicationReviewSerializer, ExchangeRateSerializer

__all__ = ['DuplicationReviewViewSet', 'ExchangeRateViewSet']


class CanView(BasePermission):
    def has_permission(self, request, view):
        return request.user.has_perm(permission_name(view.queryset.model, 'view'))


@extend_schema_view(
    list=extend_schema(description='Exchange rates: units of a currency per US dollar for a day, a month or a year.'),
)
class ExchangeRateViewSet(RestrictedModelViewSet):
    queryset = ExchangeRate.objects.all()
    serializer_class = ExchangeRateSerializer
    filterset_class = ExchangeRateFilterSet
    permission_classes = [IsAuthenticated, CanView, RestrictedModelPermissions]


@extend_schema_view(
    list=extend_schema(description='Decisions on possible duplications flagged on plan actions.'),
)
class DuplicationReviewViewSet(RestrictedModelViewSet):
    queryset = DuplicationReview.objects.select_related('action__document__country')
    serializer_class = DuplicationReviewSerializer
    filterset_class = DuplicationReviewFilterSet
    permission_classes = [IsAuthenticated, CanView, RestrictedModelPermissions]
