"""API of monitoring.

Results frameworks, levels, results, the activities delivering results, indicators and periods: like the workspace
pages, an account and a role that reads workspace records; rows go through ``restrict()`` and every list filters by
``country`` (ISO alpha-3). The indicator library and SDG indicators are public reference data (SDG 16 unless
``?goal=`` names another goal, or is empty for all).
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from ssrhub.core.api.permissions import RestrictedModelPermissions
from ssrhub.core.api.viewsets import RestrictedModelViewSet, RestrictedReadOnlyViewSet
from ssrhub.countries.api.views import CanViewWorkspace

from ..dashboard_queries import RULE, dashboard_data
from ..filtersets.frameworks import (
    FrameworkResultFilterSet,
    IndicatorFilterSet,
    IndicatorPeriodFilterSet,
    LibraryIndicatorFilterSet,
    ResultActivityFilterSet,
    ResultLevelFilterSet,
    ResultsFrameworkFilterSet,
    SdgIndicatorFilterSet,
)
from ..models import (
    FrameworkResult,
    Indicator,
    IndicatorPeriod,
    LibraryIndicator,
    ResultActivity,
    ResultLevel,
    ResultsFramework,
    SdgIndicator,
)
from .dashboard import DashboardSerializer, dashboard_payload
from .serializers import (
    FrameworkResultSerializer,
    IndicatorPeriodSerializer,
    IndicatorSerializer,
    LibraryIndicatorSerializer,
    ResultActivitySerializer,
    ResultLevelSerializer,
    ResultsFrameworkSerializer,
    SdgIndicatorSerializer,
)

__all__ = [
    'FrameworkResultViewSet',
    'IndicatorPeriodViewSet',
    'IndicatorViewSet',
    'LibraryIndicatorViewSet',
    'ResultActivityViewSet',
    'ResultLevelViewSet',
    'ResultsFrameworkViewSet',
    'SdgIndicatorViewSet',
]


class MonitoringViewSet(RestrictedModelViewSet):
    permission_classes = [IsAuthenticated, CanViewWorkspace, RestrictedModelPermissions]


@extend_schema_view(
    list=extend_schema(description='Results frameworks of countries: the plan or programme, period, owner, status.'),
    retrieve=extend_schema(description='One results framework.'),
)
class ResultsFrameworkViewSet(MonitoringViewSet):
    queryset = ResultsFramework.objects.select_related('country').prefetch_related('citations')
    serializer_class = ResultsFrameworkSerializer
    filterset_class = ResultsFrameworkFilterSet

    @extend_schema(
        description="The framework's dashboard: approved actuals against targets per indicator and period, the "
        "status by the on-track rule, the results at risk and the counts per level (the dashboard page's figures).",
        responses=DashboardSerializer,
    )
    @action(detail=True, methods=['get'], serializer_class=DashboardSerializer, filterset_class=None)
    def dashboard(self, request, pk=None):
        framework = self.get_object()
        data = dashboard_data(request.user, framework.country, framework)
        return Response(DashboardSerializer(dashboard_payload(data, str(RULE))).data)


class ResultLevelViewSet(MonitoringViewSet):
    queryset = ResultLevel.objects.select_related('framework__country')
    serializer_class = ResultLevelSerializer
    filterset_class = ResultLevelFilterSet


class FrameworkResultViewSet(MonitoringViewSet):
    queryset = FrameworkResult.objects.select_related('framework__country').prefetch_related(
        'objectives', 'actions', 'framework_items'
    )
    serializer_class = FrameworkResultSerializer
    filterset_class = FrameworkResultFilterSet


class ResultActivityViewSet(MonitoringViewSet):
    queryset = ResultActivity.objects.select_related('result__framework__country')
    serializer_class = ResultActivitySerializer
    filterset_class = ResultActivityFilterSet


class IndicatorViewSet(MonitoringViewSet):
    queryset = Indicator.objects.select_related('result__framework__country', 'copied_from').prefetch_related(
        'sdg_indicators', 'citations'
    )
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilterSet


class IndicatorPeriodViewSet(MonitoringViewSet):
    queryset = IndicatorPeriod.objects.select_related('indicator__result__framework__country')
    serializer_class = IndicatorPeriodSerializer
    filterset_class = IndicatorPeriodFilterSet


class LibraryIndicatorViewSet(RestrictedReadOnlyViewSet):
    queryset = LibraryIndicator.objects.select_related('itgn').prefetch_related('sdg_indicators', 'citations')
    serializer_class = LibraryIndicatorSerializer
    filterset_class = LibraryIndicatorFilterSet
    lookup_field = 'code'


class SdgIndicatorViewSet(RestrictedReadOnlyViewSet):
    queryset = SdgIndicator.objects.select_related('target__goal')
    serializer_class = SdgIndicatorSerializer
    filterset_class = SdgIndicatorFilterSet
    lookup_field = 'number'
    lookup_value_regex = r'[0-9]+\.[0-9a-z]+\.[0-9]+'
