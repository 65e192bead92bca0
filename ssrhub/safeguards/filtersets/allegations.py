"""Filters of the alleged violations (list page and API) and of the shared decisions."""

import django_filters
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import FilterSet
from ssrhub.core.searching import folded_match
from ssrhub.countries.filtersets import country_filter
from ssrhub.countries.models import Actor

from ..models import Allegation, AllegationSource, FollowUp, Outcome, SharedDecision, ViolationType
from ..search.allegations import matching_allegations

__all__ = ['AllegationFilterSet', 'AllegationSourceFilterSet', 'SharedDecisionFilterSet']


def _recipients(request):
    """The security actors the user may view (cut to the page's country by the page's queryset)."""
    return Actor.objects.restrict(request.user) if request else Actor.objects.none()


class AllegationFilterSet(FilterSet):
    """``q`` looks in the encrypted narrative and alleged perpetrators (and the place) by decrypting the rows
    already restricted to the user, in Python; the other filters are SQL on plain columns."""

    q = django_filters.CharFilter(label=_('Search'))
    country = country_filter('country')
    recipient = django_filters.ModelChoiceFilter(queryset=_recipients, label=_('Alleged perpetrator'))
    violation = django_filters.MultipleChoiceFilter(choices=ViolationType.choices, label=_('Type of violation'))
    follow_up = django_filters.MultipleChoiceFilter(choices=FollowUp.choices, label=_('Follow-up'))
    occurred_after = django_filters.DateFilter(
        field_name='occurred_on', lookup_expr='gte', label=_('Facts on or after (YYYY-MM-DD)')
    )
    occurred_before = django_filters.DateFilter(
        field_name='occurred_on', lookup_expr='lte', label=_('Facts on or before (YYYY-MM-DD)')
    )
    place = django_filters.CharFilter(method='filter_place', label=_('Place'))

    class Meta:
        model = Allegation
        fields = ['q', 'country', 'recipient', 'violation', 'follow_up', 'occurred_after', 'occurred_before', 'place']

    def __init__(self, *args, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        if country is not None:
            recipient = self.filters['recipient']
            recipient.queryset = _recipients(self.request).filter(country=country)
            del self.filters['country']

    def filter_place(self, queryset, name, value):
        return queryset.filter(folded_match(('place',), value)) if value.strip() else queryset

    def filter_queryset(self, queryset):
        # The SQL filters first; the Python search only over the rows they kept.
        for name, value in self.form.cleaned_data.items():
            if name != 'q':
                queryset = self.filters[name].filter(queryset, value)
        return matching_allegations(queryset, self.form.cleaned_data.get('q') or '')


class AllegationSourceFilterSet(FilterSet):
    country = country_filter('allegation__country')

    class Meta:
        model = AllegationSource
        fields = ['country', 'allegation', 'reliability', 'credibility']


class SharedDecisionFilterSet(FilterSet):
    recipient = django_filters.ModelChoiceFilter(queryset=_recipients, label=_('Recipient'))
    outcome = django_filters.MultipleChoiceFilter(choices=Outcome.choices, label=_('Decision'))

    class Meta:
        model = SharedDecision
        fields = ['recipient', 'outcome']

    def __init__(self, *args, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        if country is not None:
            self.filters['recipient'].queryset = _recipients(self.request).filter(country=country)
