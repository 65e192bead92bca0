"""Filter sets of results frameworks, their levels, results, indicators and periods, and of the reference data (the
indicator library and SDG indicators); every workspace filter set filters by ``country`` (ISO alpha-3)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import AnyYesNoWidget, FilterSet, SearchFilterSet
from ssrhub.countries.filtersets import country_filter

from ..models import (
    Direction,
    FrameworkResult,
    FrameworkStatus,
    Indicator,
    IndicatorPeriod,
    LibraryIndicator,
    ResultActivity,
    ResultLevel,
    ResultsFramework,
    SdgGoal,
    SdgIndicator,
    Topic,
    Unit,
)

__all__ = [
    'FrameworkResultFilterSet',
    'IndicatorFilterSet',
    'IndicatorPeriodFilterSet',
    'LibraryIndicatorFilterSet',
    'ResultActivityFilterSet',
    'ResultLevelFilterSet',
    'ResultsFrameworkFilterSet',
    'SdgIndicatorFilterSet',
]

DEFAULT_GOAL = 16


class ResultsFrameworkFilterSet(SearchFilterSet):
    search_fields = ('title', 'title_fr', 'programme', 'description')
    country = country_filter('country')
    status = django_filters.MultipleChoiceFilter(choices=FrameworkStatus.choices, label=_('Status'))

    class Meta:
        model = ResultsFramework
        fields = ['q', 'country', 'status', 'plan', 'owner']


class ResultLevelFilterSet(FilterSet):
    country = country_filter('framework__country')

    class Meta:
        model = ResultLevel
        fields = ['country', 'framework', 'result_type']


class FrameworkResultFilterSet(SearchFilterSet):
    search_fields = ('code', 'statement', 'statement_fr', 'description')
    country = country_filter('framework__country')

    class Meta:
        model = FrameworkResult
        fields = ['q', 'country', 'framework', 'parent', 'level']


class ResultActivityFilterSet(FilterSet):
    country = country_filter('result__framework__country')

    class Meta:
        model = ResultActivity
        fields = ['country', 'result', 'activity']


class IndicatorFilterSet(SearchFilterSet):
    search_fields = ('code', 'title', 'title_fr', 'definition')
    country = country_filter('result__framework__country')
    framework = django_filters.NumberFilter(field_name='result__framework', label=_('Framework'))
    unit = django_filters.MultipleChoiceFilter(choices=Unit.choices, label=_('Unit'))
    sdg = django_filters.CharFilter(field_name='sdg_indicators__number', label=_('SDG indicator, e.g. 16.3.2'))

    class Meta:
        model = Indicator
        fields = ['q', 'country', 'framework', 'result', 'unit', 'sdg', 'copied_from']


class IndicatorPeriodFilterSet(FilterSet):
    country = country_filter('indicator__result__framework__country')

    class Meta:
        model = IndicatorPeriod
        fields = ['country', 'indicator']


class LibraryIndicatorFilterSet(SearchFilterSet):
    search_fields = ('code', 'title_en', 'title_fr', 'definition_en', 'definition_fr', 'source_en', 'source_fr')
    topic = django_filters.ChoiceFilter(choices=Topic.choices, label=_('Topic'))
    unit = django_filters.ChoiceFilter(choices=Unit.choices, label=_('Unit'))
    direction = django_filters.ChoiceFilter(choices=Direction.choices, label=_('Desired direction'))
    sdg = django_filters.ChoiceFilter(method='filter_sdg', label=_('SDG indicator'), empty_label=_('Any'))

    class Meta:
        model = LibraryIndicator
        fields = ['q', 'topic', 'unit', 'direction', 'sdg']

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        linked = SdgIndicator.objects.filter(library_indicators__isnull=False).distinct().order_by('order')
        self.filters['sdg'].extra['choices'] = [(indicator.number, indicator.number) for indicator in linked]

    def filter_sdg(self, queryset, name, value: str):
        return queryset.filter(sdg_indicators__number=value).distinct() if value else queryset


class SdgIndicatorFilterSet(SearchFilterSet):
    """SDG indicators of one goal (16 unless another, or every goal, is asked for)."""

    search_fields = ('number', 'title_en', 'title_fr')
    goal = django_filters.ChoiceFilter(method='filter_goal', label=_('Goal'), empty_label=_('All goals'))
    linked = django_filters.BooleanFilter(
        method='filter_linked', label=_('In the indicator library'), widget=AnyYesNoWidget
    )

    class Meta:
        model = SdgIndicator
        fields = ['q', 'goal', 'linked']

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and 'goal' not in data:
            data = data.copy()
            data['goal'] = str(DEFAULT_GOAL)
        super().__init__(data, *args, **kwargs)
        self.filters['goal'].extra['choices'] = [(str(goal.number), str(goal)) for goal in SdgGoal.objects.all()]

    def filter_goal(self, queryset, name, value: str):
        return queryset.filter(target__goal__number=value) if value else queryset

    def filter_linked(self, queryset, name, value):
        if value is None:
            return queryset
        linked = Q(library_indicators__isnull=False)
        return queryset.filter(linked).distinct() if value else queryset.exclude(linked)
