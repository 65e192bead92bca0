from ssrhub.core.filtersets import CountryFilterSet
from ssrhub.core.models import Country

from .serializers import CountrySerializer
from .viewsets import RestrictedReadOnlyViewSet

__all__ = ['CountryViewSet']


class CountryViewSet(RestrictedReadOnlyViewSet):
    queryset = Country.objects.all()
    serializer_class = CountrySerializer
    filterset_class = CountryFilterSet
    lookup_field = 'iso3'
