"""Filter sets of the finance records, serving the pages and the API alike."""

import django_filters
from django.utils.translation import gettext_lazy as _

from ssrhub.core.fields import DatePrecision
from ssrhub.core.filtersets import SearchFilterSet

from .models import DuplicationReview, ExchangeRate, ReviewDecision

__all__ = ['DuplicationReviewFilterSet', 'ExchangeRateFilterSet']


class ExchangeRateFilterSet(SearchFilterSet):
    search_fields = ('currency', 'source')
    currency = django_filters.CharFilter(lookup_expr='iexact', label=_('Currency (ISO 4217), e.g. EUR'))
    period_precision = django_filters.ChoiceFilter(choices=DatePrecision.choices, label=_('Period'))
    applies_on = django_filters.DateFilter(method='filter_applies_on', label=_('Applies on (YYYY-MM-DD)'))

    class Meta:
        model = ExchangeRate
        fields = ['currency', 'period_precision']

    def filter_applies_on(self, queryset, name, value):
        """Rates whose day, month or year holds ``value``."""
        return (
            queryset.filter(period_precision='day', period=value)
            | queryset.filter(period_precision='month', period__year=value.year, period__month=value.month)
            | queryset.filter(period_precision='year', period__year=value.year)
        )


class DuplicationReviewFilterSet(SearchFilterSet):
    search_fields = ('activities', 'note')
    country = django_filters.CharFilter(
        field_name='action__document__country__iso3', lookup_expr='iexact', label=_('Country (ISO alpha-3), e.g. LBR')
    )
    document = django_filters.NumberFilter(field_name='action__document', label=_('Plan'))
    decision = django_filters.ChoiceFilter(choices=ReviewDecision.choices, label=_('Decision'))

    class Meta:
        model = DuplicationReview
        fields = ['country', 'document', 'action', 'decision']
