"""Filters of the roster's lists, shared by the pages and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import FilterSet, SearchFilterSet
from ssrhub.core.models import Country
from ssrhub.framework.models import UNEntity

from .models import Availability, ExpertProfile, Region, RosterExport, Status, SupportRequest, language_choices

__all__ = ['ExpertProfileFilterSet', 'RosterExportFilterSet', 'SupportRequestFilterSet']


class ExpertProfileFilterSet(SearchFilterSet):
    """Profiles by expertise (a framework code and everything under it), language, region and availability."""

    search_fields = (
        'name',
        'summary',
        'expertise__item__code',
        'expertise__item__label_en',
        'expertise__item__label_fr',
    )
    expertise = django_filters.CharFilter(method='filter_expertise', label=_('Expertise (framework code)'))
    language = django_filters.ChoiceFilter(
        field_name='languages__language', choices=language_choices, distinct=True, label=_('Language')
    )
    region = django_filters.ChoiceFilter(
        field_name='regions__region', choices=Region.choices, distinct=True, label=_('Region')
    )
    country = django_filters.CharFilter(
        field_name='regions__country__iso3', lookup_expr='iexact', distinct=True, label=_('Country known (ISO alpha-3)')
    )
    available_from = django_filters.DateFilter(method='filter_available', label=_('Available from'))
    available_to = django_filters.DateFilter(method='filter_available', label=_('Available to'))

    class Meta:
        model = ExpertProfile
        fields = ['clearance']

    def filter_expertise(self, queryset, name, value):
        code = value.strip()
        return queryset.filter(
            Q(expertise__item__code=code) | Q(expertise__item__code__startswith=f'{code}.')
        ).distinct()

    def filter_available(self, queryset, name, value):
        # Both bounds are read together: a profile with one period overlapping [from, to] (one day when only one).
        start = self.form.cleaned_data.get('available_from') or value
        end = self.form.cleaned_data.get('available_to') or start
        if name == 'available_to' and self.form.cleaned_data.get('available_from'):
            return queryset  # already applied with available_from
        periods = Availability.objects.filter(start__lte=end).exclude(end__lt=start)
        return queryset.filter(pk__in=periods.values('profile'))


class SupportRequestFilterSet(SearchFilterSet):
    search_fields = ('title', 'terms_of_reference', 'requested_by')
    country = django_filters.ModelChoiceFilter(
        field_name='country',
        queryset=Country.objects.filter(support_requests__isnull=False).distinct(),
        to_field_name='iso3',
        label=_('Country'),
    )
    status = django_filters.MultipleChoiceFilter(choices=Status.choices, label=_('Status'))
    addressee = django_filters.ModelChoiceFilter(
        field_name='addressees', queryset=UNEntity.objects.all(), to_field_name='code', label=_('Addressed to')
    )
    skill = django_filters.CharFilter(method='filter_skill', label=_('Skill (framework code)'))

    class Meta:
        model = SupportRequest
        fields = []

    def filter_skill(self, queryset, name, value):
        code = value.strip()
        return queryset.filter(Q(skills__code=code) | Q(skills__code__startswith=f'{code}.')).distinct()


class RosterExportFilterSet(FilterSet):
    contacts = django_filters.BooleanFilter(label=_('With contact details'))

    class Meta:
        model = RosterExport
        fields = ['contacts']
