from ssrhub.core.api.viewsets import RestrictedReadOnlyViewSet
from ssrhub.framework.filtersets import (
    FrameworkItemFilterSet,
    FrameworkVersionFilterSet,
    MissionFilterSet,
    UNEntityFilterSet,
)
from ssrhub.framework.models import Framework, FrameworkItem, FrameworkVersion, Mission, UNEntity

from .serializers import (
    FrameworkItemSerializer,
    FrameworkSerializer,
    FrameworkVersionSerializer,
    MissionSerializer,
    UNEntitySerializer,
)

__all__ = [
    'FrameworkItemViewSet',
    'FrameworkVersionViewSet',
    'FrameworkViewSet',
    'MissionViewSet',
    'UNEntityViewSet',
]


class FrameworkViewSet(RestrictedReadOnlyViewSet):
    queryset = Framework.objects.prefetch_related('versions')
    serializer_class = FrameworkSerializer
    lookup_field = 'code'


class FrameworkVersionViewSet(RestrictedReadOnlyViewSet):
    queryset = FrameworkVersion.objects.select_related('framework')
    serializer_class = FrameworkVersionSerializer
    filterset_class = FrameworkVersionFilterSet


class FrameworkItemViewSet(RestrictedReadOnlyViewSet):
    queryset = FrameworkItem.objects.select_related('version__framework', 'parent').prefetch_related('citations')
    serializer_class = FrameworkItemSerializer
    filterset_class = FrameworkItemFilterSet


class UNEntityViewSet(RestrictedReadOnlyViewSet):
    queryset = UNEntity.objects.prefetch_related('names', 'member_of__group', 'member_of__citations', 'citations')
    serializer_class = UNEntitySerializer
    filterset_class = UNEntityFilterSet
    lookup_field = 'code'


class MissionViewSet(RestrictedReadOnlyViewSet):
    queryset = Mission.objects.prefetch_related('countries', 'predecessors', 'successors', 'citations')
    serializer_class = MissionSerializer
    filterset_class = MissionFilterSet
    lookup_field = 'acronym'
