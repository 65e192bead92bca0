"""Security-sector map of a country: its actors by area and type, how they relate, their headcounts.

Pages under ``countries/<iso3>/workspace/actors/``: the map (a graph that ``static/countries/actor-graph.js`` draws
from ``graph.json`` above tables that hold the same data and stay when scripts do not run), add/edit/delete forms
for the country's editors and downloads (actors, relations or headcounts as CSV, XLSX or JSON). The CSV import is in
``actor_import.py``; the data behind these pages in ``sector.py``.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ssrhub.core.exports import EXPORT_FORMATS, export_response
from ssrhub.core.views.generic import CountryObjectDeleteView, CountryObjectEditView, CountryScopedView

from ..forms import ActorForm, ActorRelationForm, HeadcountForm
from ..models import Actor, ActorRelation, Headcount
from ..sector import (
    EXPORT_TABLE_LABELS,
    EXPORT_TABLES,
    actor_graph,
    actor_rows,
    areas_by_type,
    headcount_rows,
    load_sector,
    relation_rows,
)

__all__ = [
    'ActorDeleteView',
    'ActorEditView',
    'ActorExportView',
    'ActorGraphView',
    'ActorListView',
    'ActorRelationDeleteView',
    'ActorRelationEditView',
    'HeadcountDeleteView',
    'HeadcountEditView',
]


# Section: the map


class ActorListView(CountryScopedView):
    queryset = Actor.objects.all()
    tab = 'actors'
    template_name = 'countries/actors.html'

    def get(self, request):
        actors, relations = load_sector(request.user, self.country)
        headcounts = [
            (actor, headcount, headcount in actor.latest)
            for actor in actors
            for headcount in sorted(actor.headcounts.all(), key=lambda h: (h.date, h.pk), reverse=True)
        ]
        exports = [
            (
                EXPORT_TABLE_LABELS[table],
                [
                    (fmt, reverse('countries:actor_export', args=[self.country.iso3, fmt]) + f'?table={table}')
                    for fmt in EXPORT_FORMATS
                ],
            )
            for table in EXPORT_TABLES
        ]
        context = self.country_context(
            actors=actors,
            areas=areas_by_type(actors),
            relations=relations,
            headcounts=headcounts,
            exports=exports,
            graph_src=reverse('countries:actor_graph', args=[self.country.iso3]),
        )
        return render(request, self.template_name, context)

    def post(self, request):
        # The map itself takes no form: readers get the 403 of every write, editors are told to use GET.
        if not self.may('change'):
            raise PermissionDenied
        return HttpResponseNotAllowed(['GET'])


class ActorGraphView(CountryScopedView):
    queryset = Actor.objects.all()

    def get(self, request):
        actors, relations = load_sector(request.user, self.country)
        return JsonResponse(actor_graph(self.country, actors, relations))


class ActorExportView(CountryScopedView):
    """Actors (one row each, with their latest headcounts), or ``?table=relations`` / ``?table=headcounts``."""

    queryset = Actor.objects.all()

    def get(self, request, fmt):
        if fmt not in EXPORT_FORMATS:
            return HttpResponseBadRequest(_('Unknown export format.'))
        table = request.GET.get('table', 'actors')
        if table not in EXPORT_TABLES:
            return HttpResponseBadRequest(_('Unknown table; expected actors, relations or headcounts.'))
        actors, relations = load_sector(request.user, self.country)
        rows = {
            'actors': lambda: actor_rows(actors, fmt),
            'relations': lambda: relation_rows(relations),
            'headcounts': lambda: headcount_rows(actors),
        }[table]()
        name, columns = EXPORT_TABLES[table]
        return export_response(rows, [(key, key) for key in columns], fmt, f'{self.country.iso3.lower()}-{name}')


# Section: editing


class _MapRecordMixin:
    """Where a record of the map lives on the map page (``anchor``, formatted with its ``pk``)."""

    tab = 'actors'
    anchor = ''

    def on_map(self, obj) -> str:
        return reverse('countries:actors', args=[self.country.iso3]) + self.anchor.format(pk=obj.pk)


class _MapEditView(_MapRecordMixin, CountryObjectEditView):
    """Add (no ``pk``) or change one record of the map; ``initial_actor``: the field a ``?actor=`` link fills in."""

    template_name = 'countries/actors_edit.html'
    add_title = edit_title = ''
    initial_actor = ''

    def get_form(self, request, obj, data=None):
        initial = {self.initial_actor: request.GET.get('actor')} if self.initial_actor and not obj.pk else None
        return self.form(data=data, instance=obj, initial=initial, country=self.country, user=request.user)

    def get_success_url(self, saved) -> str:
        return self.on_map(saved)

    def get_extra_context(self, request, form) -> dict:
        obj = form.instance
        title = (self.edit_title if obj.pk else self.add_title) % {'object': obj}
        return {'title': title, 'cancel_url': self.on_map(obj)}


class ActorEditView(_MapEditView):
    queryset = Actor.objects.all()
    form = ActorForm
    anchor = '#actor-{pk}'
    add_title = gettext_lazy('Add an actor')
    edit_title = gettext_lazy('Edit %(object)s')

    def new_object(self, request, **kwargs):
        return Actor(country=self.country)

    def get_form(self, request, obj, data=None):
        return ActorForm(data=data, instance=obj, country=self.country)


class ActorRelationEditView(_MapEditView):
    queryset = ActorRelation.objects.all()
    form = ActorRelationForm
    anchor = '#relation-{pk}'
    add_title = gettext_lazy('Add a relation')
    edit_title = gettext_lazy('Edit the relation %(object)s')
    initial_actor = 'from_actor'


class HeadcountEditView(_MapEditView):
    queryset = Headcount.objects.all()
    form = HeadcountForm
    anchor = '#headcount-{pk}'
    add_title = gettext_lazy('Add a headcount')
    edit_title = gettext_lazy('Edit the headcount %(object)s')
    initial_actor = 'actor'


class _MapDeleteView(_MapRecordMixin, CountryObjectDeleteView):
    """Ask, then delete one record of the map (``after_delete``: where on the map page to land)."""

    template_name = 'countries/actors_delete.html'
    after_delete = ''

    def consequences(self, obj) -> list[str]:
        return []

    def get_cancel_url(self, obj) -> str:
        return self.on_map(obj)

    def get_success_url(self, obj) -> str:
        return reverse('countries:actors', args=[self.country.iso3]) + self.after_delete

    def get_extra_context(self, request, obj) -> dict:
        return {'consequences': self.consequences(obj)}


class ActorDeleteView(_MapDeleteView):
    queryset = Actor.objects.all()
    anchor = '#actor-{pk}'

    def consequences(self, obj) -> list[str]:
        relations = obj.relations_out.count() + obj.relations_in.count()
        found = []
        if relations:
            found.append(_('%(count)s relations with other actors are deleted with it.') % {'count': relations})
        if headcounts := obj.headcounts.count():
            found.append(_('%(count)s headcounts are deleted with it.') % {'count': headcounts})
        if actions := obj.actions.count():
            found.append(_('%(count)s plan actions lose their owner.') % {'count': actions})
        return found


class ActorRelationDeleteView(_MapDeleteView):
    queryset = ActorRelation.objects.all()
    anchor = '#relation-{pk}'
    after_delete = '#relations'


class HeadcountDeleteView(_MapDeleteView):
    queryset = Headcount.objects.all()
    anchor = '#headcount-{pk}'
    after_delete = '#headcounts'
