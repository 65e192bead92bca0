"""Filters of the individuals list and API. Name and position are encrypted: ``q`` reads them in Python over the
rows the user may view (``vetting.matching_individuals()``), never in SQL."""

import django_filters
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import FilterSet
from ssrhub.countries.filtersets import country_filter
from ssrhub.countries.models import Actor

from ..models import Individual, IndividualCategory, ListedPerson, Screening, ScreeningResult
from ..vetting import matching_individuals

__all__ = ['IndividualFilterSet', 'ListedPersonFilterSet', 'NOT_SCREENED', 'with_latest_result']

NOT_SCREENED = 'none'


def with_latest_result(queryset):
    """``latest_result``: the result of each individual's latest screening (None when never screened)."""
    latest = Screening.objects.filter(individual=OuterRef('pk')).order_by('-screened_at', '-pk')
    return queryset.annotate(latest_result=Subquery(latest.values('result')[:1]))


def _units(request):
    if request is None:
        return Actor.objects.none()
    return Actor.objects.restrict(request.user).filter(screened_individuals__isnull=False).distinct()


class IndividualFilterSet(FilterSet):
    q = django_filters.CharFilter(method='search', label=_('Search'))
    country = country_filter('country')
    category = django_filters.MultipleChoiceFilter(choices=IndividualCategory.choices, label=_('Category'))
    unit = django_filters.ModelChoiceFilter(queryset=_units, label=_('Unit or force'))
    result = django_filters.ChoiceFilter(
        choices=[*ScreeningResult.choices, (NOT_SCREENED, _('Not screened'))],
        method='by_result',
        label=_('Latest screening'),
        empty_label=_('Any'),
    )

    class Meta:
        model = Individual
        fields = ['q', 'category', 'unit', 'result']

    def search(self, queryset, name, value):
        return matching_individuals(queryset, value)

    def by_result(self, queryset, name, value):
        queryset = with_latest_result(queryset)
        if value == NOT_SCREENED:
            return queryset.filter(latest_result__isnull=True)
        return queryset.filter(latest_result=value)


class ListedPersonFilterSet(FilterSet):
    class Meta:
        model = ListedPerson
        fields = ['watch_list']
