"""Targets for the share of women that a country sets for its security sector or one of its institutions, under
``countries/<iso3>/workspace/actors/women-targets/``: the list, add, edit, delete and history. The gender page of
the monitoring tab draws them against the shares the headcounts give."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from ssrhub.core.views.generic import CountryObjectHistoryView, CountryObjectListView

from ..filtersets import WomenShareTargetFilterSet
from ..forms import WomenShareTargetForm
from ..models import WomenShareTarget
from ..tables import WomenShareTargetTable
from .actors import _MapDeleteView, _MapEditView

__all__ = [
    'WomenShareTargetDeleteView',
    'WomenShareTargetEditView',
    'WomenShareTargetHistoryView',
    'WomenShareTargetListView',
]


class WomenShareTargetListView(CountryObjectListView):
    queryset = WomenShareTarget.objects.select_related('actor')
    filterset = WomenShareTargetFilterSet
    table = WomenShareTargetTable
    tab = 'actors'
    template_name = 'countries/women_targets.html'


class _TargetPage:
    queryset = WomenShareTarget.objects.select_related('actor', 'country')
    anchor = '#target-{pk}'

    def on_map(self, obj) -> str:
        # The targets have their own list under the map.
        url = reverse('countries:women_target_list', args=[self.country.iso3])
        return url + self.anchor.format(pk=obj.pk) if obj.pk else url


class WomenShareTargetEditView(_TargetPage, _MapEditView):
    form = WomenShareTargetForm
    add_title = gettext_lazy('Add a target for the share of women')
    edit_title = gettext_lazy('Edit the target %(object)s')
    initial_actor = 'actor'

    def new_object(self, request, **kwargs):
        return WomenShareTarget(country=self.country)


class WomenShareTargetDeleteView(_TargetPage, _MapDeleteView):
    def get_success_url(self, obj) -> str:
        return reverse('countries:women_target_list', args=[self.country.iso3])


class WomenShareTargetHistoryView(CountryObjectHistoryView):
    queryset = WomenShareTarget.objects.all()
    tab = 'actors'
