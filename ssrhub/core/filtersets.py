import django_filters
from django.utils.translation import gettext_lazy as _
from django_filters.widgets import BooleanWidget

from .models import Country
from .searching import folded_match

__all__ = ['AnyYesNoWidget', 'CountryFilterSet', 'FilterSet', 'SearchFilterSet']

# A number in a query string stays within what every database compares (SQLite's integers are 64-bit), and a year
# within what Python's dates hold: outside, the form says so (400 in the API) instead of the database failing (500).
LARGEST = 2**63 - 1
YEARS = (1, 9999)


def _bound(filter_) -> None:
    """Bounds a number filter's field (before the field is made) with an error message saying what to type."""
    if not isinstance(filter_, django_filters.NumberFilter) or hasattr(filter_, '_field'):
        return
    if filter_.lookup_expr == 'year' or filter_.field_name == 'year':
        low, high = YEARS
        message = _('Enter a year between %(low)s and %(high)s.')
    else:
        low, high = -LARGEST, LARGEST
        message = _('Enter a number between %(low)s and %(high)s.')
    filter_.extra.setdefault('min_value', low)
    filter_.extra.setdefault('max_value', high)
    text = message % {'low': filter_.extra['min_value'], 'high': filter_.extra['max_value']}
    filter_.extra.setdefault('error_messages', {}).update(min_value=text, max_value=text)


class FilterSet(django_filters.FilterSet):
    """The base of every filterset of the project (pages and API): a number or a year out of range is a form error."""

    def get_form_class(self):
        for filter_ in self.filters.values():
            _bound(filter_)
        return super().get_form_class()


class AnyYesNoWidget(BooleanWidget):
    """A yes/no filter whose empty choice reads "Any" (not django-filter's "Unknown")."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [('', _('Any')), ('true', _('Yes')), ('false', _('No'))]


class SearchFilterSet(FilterSet):
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
