import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import AnyYesNoWidget, SearchFilterSet

from .models import FrameworkItem, FrameworkVersion, Mission, MissionTypeChoices, UNEntity

__all__ = ['FrameworkItemFilterSet', 'FrameworkVersionFilterSet', 'MissionFilterSet', 'UNEntityFilterSet']


class FrameworkVersionFilterSet(SearchFilterSet):
    search_fields = ('version', 'notes_en', 'notes_fr')
    framework = django_filters.CharFilter(field_name='framework__code', label=_('Framework (code)'))

    class Meta:
        model = FrameworkVersion
        fields = ['version', 'released']


class FrameworkItemFilterSet(SearchFilterSet):
    search_fields = ('code', 'ref', 'label_en', 'label_fr', 'definition_en', 'definition_fr')
    framework = django_filters.CharFilter(field_name='version__framework__code', label=_('Framework (code)'))
    version = django_filters.CharFilter(field_name='version__version', label=_('Version'))
    group = django_filters.CharFilter(method='filter_group', label=_('Group (code prefix)'))
    parent = django_filters.CharFilter(field_name='parent__code', label=_('Parent (code)'))
    symbol = django_filters.CharFilter(field_name='citations__symbol', distinct=True, label=_('Cited document'))

    class Meta:
        model = FrameworkItem
        fields = ['code', 'depth']

    def filter_group(self, queryset, name, value):
        return queryset.filter(Q(code=value) | Q(code__startswith=f'{value}.'))


class UNEntityFilterSet(SearchFilterSet):
    search_fields = ('code', 'names__acronym', 'names__name_en', 'names__name_fr')
    member_of = django_filters.CharFilter(field_name='member_of__group__code', distinct=True, label=_('Member of'))

    class Meta:
        model = UNEntity
        fields = ['code', 'kind']

    def search(self, queryset, name, value):
        return super().search(queryset, name, value).distinct()


class MissionFilterSet(SearchFilterSet):
    search_fields = ('acronym', 'acronym_fr', 'name_en', 'name_fr', 'established_by')
    type = django_filters.MultipleChoiceFilter(choices=MissionTypeChoices.choices, label=_('Type'))
    country = django_filters.CharFilter(field_name='countries__iso3', distinct=True, label=_('Country (ISO alpha-3)'))
    active = django_filters.BooleanFilter(
        field_name='end', lookup_expr='isnull', label=_('Active'), widget=AnyYesNoWidget
    )
    active_on = django_filters.DateFilter(method='filter_active_on', label=_('Active on'))

    class Meta:
        model = Mission
        fields = ['acronym', 'start', 'end']

    def filter_active_on(self, queryset, name, value):
        return queryset.filter(start__lte=value).exclude(end__lt=value)
