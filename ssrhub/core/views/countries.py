from django.db.models import Count

from ssrhub.core.filtersets import CountryFilterSet
from ssrhub.core.models import Country
from ssrhub.core.tables import CountryTable
from ssrhub.core.views import generic

__all__ = ['CountryHistoryView', 'CountryListView', 'CountryView']


class CountryListView(generic.ObjectListView):
    queryset = Country.objects.annotate(mission_count=Count('missions'))
    filterset = CountryFilterSet
    table = CountryTable


class CountryView(generic.ObjectView):
    queryset = Country.objects.all()
    template_name = 'core/country.html'

    def get_extra_context(self, request, obj):
        return {'missions': obj.missions.restrict(request.user).order_by('start')}


class CountryHistoryView(generic.ObjectHistoryView):
    queryset = Country.objects.all()
