"""Filters of a country's IATI results page: activity, reporting organisation, result type, measure, and a search in
the titles."""

import django_filters
from django.utils.translation import gettext_lazy as _

from ssrhub.coordination.models import Activity, IndicatorMeasure, Organisation, ResultIndicator, ResultType
from ssrhub.core.filtersets import SearchFilterSet

__all__ = ['IatiResultFilterSet']


class IatiResultFilterSet(SearchFilterSet):
    """The choices of activity and organisation are those of the page's indicators (``indicators``)."""

    search_fields = ('title', 'result__title', 'result__activity__title', 'result__activity__iati_identifier')
    activity = django_filters.ModelChoiceFilter(
        field_name='result__activity', queryset=Activity.objects.none(), label=_('Activity')
    )
    organisation = django_filters.ModelChoiceFilter(
        field_name='result__activity__reporting_organisation',
        queryset=Organisation.objects.none(),
        label=_('Reporting organisation'),
    )
    result_type = django_filters.ChoiceFilter(
        field_name='result__type', choices=ResultType.choices, label=_('Result type')
    )
    measure = django_filters.ChoiceFilter(choices=IndicatorMeasure.choices, label=_('Measure'))

    class Meta:
        model = ResultIndicator
        fields = ['activity', 'organisation', 'result_type', 'measure']

    def __init__(self, *args, indicators=None, **kwargs):
        super().__init__(*args, **kwargs)
        if indicators is not None:
            self.filters['activity'].queryset = Activity.objects.filter(
                pk__in=indicators.values('result__activity')
            ).order_by('title')
            self.filters['organisation'].queryset = Organisation.objects.filter(
                pk__in=indicators.values('result__activity__reporting_organisation')
            ).order_by('name')
