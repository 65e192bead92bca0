import django_filters
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BooleanWidget

from .models import Country
from .searching import folded_match

__all__ = ['AnyYesNoWidget', 'CountryFilterSet', 'SearchFilterSet']


class AnyYesNoWidget(BooleanWidget):
    """A yes/no filter whose empty choice reads "Any" (not django-filter's "Unknown")."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [('', _('Any')), ('true', _('Yes')), ('false', _('No'))]


class SearchFilterSet(django_filters.FilterSet):
    """Adds ``q``: every word or "quoted phrase" in one of ``search_fields``, accents and case folded."""

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(method='search', label=_('Search'))

    def search(self, queryset, name, value):
        # Matching through a subquery keeps one row per record when a field crosses a to-many relation.
        found = queryset.model.objects.filter(folded_match(self.search_fields, value)).values('pk')
        return queryset.filter(pk__in=found) if value.strip() else queryset


class CountryFilterSet(SearchFilterSet):
    search_fields = ('name_en', 'name_fr', 'iso3', 'iso2', 'official_name_en')
    has_missions = django_filters.BooleanFilter(
        field_name='missions',
        lookup_expr='isnull',
        exclude=True,
        distinct=True,
        label=_('Has missions'),
        widget=AnyYesNoWidget,
    )

    class Meta:
        model = Country
        fields = ['iso3', 'iso2', 'numeric']
