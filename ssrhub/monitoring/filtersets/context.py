"""Filters of the conflict events list (page and API) and of the statistic values API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import FilterSet, SearchFilterSet

from ..models import ConflictEvent, StatisticValue, ViolenceType

__all__ = ['ConflictEventFilterSet', 'StatisticValueFilterSet']


class ConflictEventFilterSet(SearchFilterSet):
    """Year, type of violence, first-order administrative area, a floor on the best estimate of deaths; the search
    reads the conflict, dyad, sides, place and sources."""

    search_fields = ('conflict_name', 'dyad_name', 'side_a', 'side_b', 'where_description', 'adm_1', 'adm_2',
                     'source_office', 'source_headline')  # fmt: skip
    year = django_filters.NumberFilter(label=_('Year'))
    type_of_violence = django_filters.ChoiceFilter(choices=ViolenceType.choices, label=_('Type of violence'))
    adm_1 = django_filters.ChoiceFilter(label=_('First-order administrative area'), choices=())
    min_deaths = django_filters.NumberFilter(
        field_name='best', lookup_expr='gte', min_value=0, label=_('Deaths (best estimate) at least')
    )
    country = django_filters.CharFilter(field_name='country__iso3', lookup_expr='iexact', label=_('Country (ISO3)'))
    current = django_filters.BooleanFilter(field_name='valid_until', lookup_expr='isnull', label=_('Current version'))

    class Meta:
        model = ConflictEvent
        fields = ['year', 'type_of_violence', 'adm_1', 'min_deaths', 'release']

    def __init__(self, *args, areas=None, **kwargs):
        super().__init__(*args, **kwargs)
        if areas is None:  # the API: any area
            self.filters['adm_1'] = django_filters.CharFilter(
                field_name='adm_1', label=_('First-order administrative area')
            )
        else:
            self.filters['adm_1'].extra['choices'] = [(area, area) for area in areas]


class StatisticValueFilterSet(FilterSet):
    country = django_filters.CharFilter(field_name='country__iso3', lookup_expr='iexact', label=_('Country (ISO3)'))
    series = django_filters.CharFilter(field_name='series__code', label=_('Series'))
    current = django_filters.BooleanFilter(field_name='valid_until', lookup_expr='isnull', label=_('Current value'))

    class Meta:
        model = StatisticValue
        fields = ['year']
