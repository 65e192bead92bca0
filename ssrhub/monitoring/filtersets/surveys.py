"""Filters of the surveys' API (and of any list page that grows out of them)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import FilterSet, SearchFilterSet
from ssrhub.countries.filtersets import country_filter

from ..models import Submission, Survey, SurveyImport, SurveyVersion

__all__ = ['SubmissionFilterSet', 'SurveyFilterSet', 'SurveyImportFilterSet', 'SurveyVersionFilterSet']


class SurveyFilterSet(SearchFilterSet):
    search_fields = ('title', 'description')
    country = country_filter('country')

    class Meta:
        model = Survey
        fields = ['country', 'status']


class SurveyVersionFilterSet(FilterSet):
    country = country_filter('survey__country')

    class Meta:
        model = SurveyVersion
        fields = ['country', 'survey', 'web_form']


class SubmissionFilterSet(FilterSet):
    country = country_filter('survey__country')
    submitted_after = django_filters.IsoDateTimeFilter(
        field_name='submitted_at', lookup_expr='gte', label=_('Submitted at or after')
    )

    class Meta:
        model = Submission
        fields = ['country', 'survey', 'version', 'source']


class SurveyImportFilterSet(FilterSet):
    country = country_filter('survey__country')

    class Meta:
        model = SurveyImport
        fields = ['country', 'survey', 'status']
