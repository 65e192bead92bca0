from django.db.models import Case, Count, Value, When

from ssrhub.core.filtersets import CountryFilterSet
from ssrhub.core.i18n import get_language_code, sort_key
from ssrhub.core.models import Country
from ssrhub.core.tables import CountryTable
from ssrhub.core.views import generic

__all__ = ['CountryHistoryView', 'CountryListView', 'CountryView']


class CountryListView(generic.ObjectListView):
    """Countries by name in the UI language, accents and case ignored ("Égypte" among the E)."""

    queryset = Country.objects.annotate(mission_count=Count('missions'))
    filterset = CountryFilterSet
    table = CountryTable

    def get_queryset(self, request, action=None):
        queryset = super().get_queryset(request, action)
        field = f'name_{get_language_code()}'
        names = sorted(queryset.values_list('pk', field), key=lambda row: sort_key(row[1] or ''))
        rank = Case(*(When(pk=pk, then=Value(index)) for index, (pk, _name) in enumerate(names)), default=Value(0))
        return queryset.annotate(name_rank=rank).order_by('name_rank')


class CountryView(generic.ObjectView):
    queryset = Country.objects.all()
    template_name = 'core/country.html'

    def get_extra_context(self, request, obj):
        return {'missions': obj.missions.restrict(request.user).order_by('start')}


class CountryHistoryView(generic.ObjectHistoryView):
    queryset = Country.objects.all()
