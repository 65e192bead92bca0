"""One filter set per model, serving the list pages, the downloads, ``ssrhub iati export`` and the API alike."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import SearchFilterSet

from .models import Activity, ActivityStatus, IatiImport, Organisation, OrganisationRole, OrganisationType, Origin

__all__ = ['ActivityFilterSet', 'IatiImportFilterSet', 'OrganisationFilterSet']


class OrganisationFilterSet(SearchFilterSet):
    search_fields = ('name', 'name_fr', 'acronym', 'iati_ref')
    type = django_filters.MultipleChoiceFilter(choices=OrganisationType.choices, label=_('Type'))
    country = django_filters.CharFilter(
        field_name='country__iso3', lookup_expr='iexact', label=_('Country of origin (ISO alpha-3)')
    )
    iati_ref = django_filters.CharFilter(lookup_expr='iexact', label=_('IATI organisation identifier'))

    class Meta:
        model = Organisation
        fields = ['type', 'country', 'iati_ref']


class ActivityFilterSet(SearchFilterSet):
    """Filters of the activity list, its downloads and the IATI export: country, organisation (and its role),
    sector, status, period and origin."""

    search_fields = ('iati_identifier', 'title', 'title_fr', 'description')
    country = django_filters.CharFilter(
        field_name='country__iso3', lookup_expr='iexact', label=_('Country (ISO alpha-3), e.g. LBR')
    )
    organisation = django_filters.CharFilter(method='filter_organisation', label=_('Organisation'))
    role = django_filters.ChoiceFilter(
        choices=OrganisationRole.choices, method='filter_role', label=_('Role of the organisation')
    )
    sector = django_filters.CharFilter(method='filter_sector', label=_('Sector code, e.g. 15210'))
    status = django_filters.MultipleChoiceFilter(choices=ActivityStatus.choices, label=_('Status'))
    origin = django_filters.MultipleChoiceFilter(choices=Origin.choices, label=_('Origin'))
    active_from = django_filters.DateFilter(method='filter_active_from', label=_('Running on or after'))
    active_to = django_filters.DateFilter(method='filter_active_to', label=_('Started on or before'))
    admin_area = django_filters.CharFilter(
        field_name='locations__admin_area__pcode', lookup_expr='iexact', distinct=True, label=_('P-code')
    )

    class Meta:
        model = Activity
        fields = ['country', 'organisation', 'role', 'sector', 'status', 'origin', 'active_from', 'active_to']

    def _organisation_q(self) -> Q:
        value = (self.data.get('organisation') or '').strip()
        if not value:
            return Q()
        named = (
            Q(participants__organisation__iati_ref__iexact=value)
            | Q(participants__organisation__name__iexact=value)
            | Q(participants__organisation__acronym__iexact=value)
            | Q(participants__name__iexact=value)
        )
        if value.isdigit():
            named |= Q(participants__organisation_id=int(value))
        return named

    def filter_organisation(self, queryset, name, value):
        if not value.strip():
            return queryset
        role = self.data.get('role')
        condition = self._organisation_q() & (Q(participants__role=role) if role else Q())
        reporting = Q(reporting_organisation__iati_ref__iexact=value.strip()) | Q(
            reporting_organisation__name__iexact=value.strip()
        )
        matching = Activity.objects.filter(condition if role else condition | reporting).values('pk')
        return queryset.filter(pk__in=matching)

    def filter_role(self, queryset, name, value):
        if not value or (self.data.get('organisation') or '').strip():
            return queryset  # with an organisation, the role is applied to it
        return queryset.filter(pk__in=Activity.objects.filter(participants__role=value).values('pk'))

    def filter_sector(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(pk__in=Activity.objects.filter(sectors__code__iexact=value).values('pk'))

    def filter_active_from(self, queryset, name, value):
        return queryset.filter(
            Q(actual_end__gte=value)
            | Q(actual_end__isnull=True, planned_end__gte=value)
            | Q(actual_end__isnull=True, planned_end__isnull=True)
        )

    def filter_active_to(self, queryset, name, value):
        return queryset.filter(
            Q(actual_start__lte=value)
            | Q(actual_start__isnull=True, planned_start__lte=value)
            | Q(actual_start__isnull=True, planned_start__isnull=True)
        )


class IatiImportFilterSet(django_filters.FilterSet):
    class Meta:
        model = IatiImport
        fields = ['status']
