"""API of monitoring.

Results frameworks, levels, results, the activities delivering results, indicators and periods: like the workspace
pages, an account and a role that reads workspace records; rows go through ``restrict()`` and every list filters by
``country`` (ISO alpha-3). The indicator library and SDG indicators are public reference data (SDG 16 unless
``?goal=`` names another goal, or is empty for all).
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.permissions import IsAuthenticated

from ssrhub.core.api.permissions import RestrictedModelPermissions
from ssrhub.core.api.viewsets import RestrictedModelViewSet, RestrictedReadOnlyViewSet
from ssrhub.countries.api.views import CanViewWorkspace

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
