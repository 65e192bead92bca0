"""Security-sector map of a country: its actors by area and type, how they relate, their headcounts.

Pages under ``countries/<iso3>/workspace/actors/``: the map (a graph that ``static/countries/actor-graph.js`` draws
from ``graph.json`` above tables that hold the same data and stay when scripts do not run), add/edit/delete forms
for the country's editors, downloads (actors, relations or headcounts as CSV, XLSX or JSON) and a CSV import that
is previewed before it is applied (``actor_import.py`` reads and checks the file; the columns are documented there
and on the import page).
"""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseBadRequest, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ssrhub.core.exports import EXPORT_FORMATS, export_response

from .actor_forms import ActorForm, ActorImportConfirmForm, ActorImportForm, ActorRelationForm, HeadcountForm
from .actor_import import (
    ImportFileError,
    StoredActor,
    StoredRelation,
    Vocabulary,
    normalise_name,
    plan_import,
)
from .models import Actor, ActorRelation, ActorType, Area, Headcount, RelationKind
from .workspace import WorkspaceView

__all__ = [
    'ACTOR_EXPORT_COLUMNS',
    'EXPORT_TABLES',
    'HEADCOUNT_EXPORT_COLUMNS',
    'ISSUE_MESSAGES',
    'RELATION_EXPORT_COLUMNS',
    'ActorBulkImportView',
    'ActorDeleteView',
    'ActorEditView',
    'ActorExportView',
    'ActorGraphView',
    'ActorListView',
    'ActorRelationDeleteView',
    'ActorRelationEditView',
    'HeadcountDeleteView',
    'HeadcountEditView',
    'actor_graph',
    'issue_message',
    'latest_headcounts',
    'urlpatterns',
]

# Column keys are the header of the downloaded files and of the files the import reads: they stay English
# identifiers in every language (the ``*_label`` columns hold the translated labels for people).
ACTOR_EXPORT_COLUMNS = (
    'name',
    'acronym',
    'area',
    'area_label',
    'type',
    'type_label',
    'statutory',
    'note',
    'source',
    'latest_headcount',
    'latest_headcount_date',
    'latest_headcount_basis',
    'latest_headcount_source',
    'headcount_sources_disagree',
)
RELATION_EXPORT_COLUMNS = (
    'actor',
    'actor_acronym',
    'relation',
    'relation_label',
    'other_actor',
    'other_actor_acronym',
    'note',
    'source',
)
HEADCOUNT_EXPORT_COLUMNS = ('actor', 'actor_acronym', 'date', 'count', 'basis', 'source')
EXPORT_TABLES = {
    'actors': ('security-actors', ACTOR_EXPORT_COLUMNS),
    'relations': ('actor-relations', RELATION_EXPORT_COLUMNS),
    'headcounts': ('actor-headcounts', HEADCOUNT_EXPORT_COLUMNS),
}
EXPORT_TABLE_LABELS = {
    'actors': gettext_lazy('Actors'),
    'relations': gettext_lazy('Relations'),
    'headcounts': gettext_lazy('Headcounts'),
}
# Several latest headcounts (sources that disagree) share one CSV or XLSX cell; JSON gives a list.
JOIN = ' | '

IMPORT_SALT = 'ssrhub.countries.actor_import'
IMPORT_TOKEN_MAX_AGE = 60 * 60  # seconds between the preview and the confirmation

# The wording of actor_import.MESSAGES, translated.
ISSUE_MESSAGES = {
    'too-large': gettext_lazy('The file is larger than %(max_kb)s KB.'),
    'empty': gettext_lazy('The file is empty.'),
    'encoding': gettext_lazy(
        'The file is not UTF-8 text (first bad byte on line %(line)s). Save it as "CSV UTF-8" and upload it again.'
    ),
    'bad-csv': gettext_lazy('The file cannot be read as CSV (line %(line)s): %(detail)s.'),
    'no-rows': gettext_lazy('The file has a header but no rows.'),
    'duplicate-columns': gettext_lazy('These columns appear more than once: %(columns)s.'),
    'missing-columns': gettext_lazy('Required columns are missing: %(columns)s.'),
    'no-known-columns': gettext_lazy(
        'No known columns. An actors file needs the columns name, area and type; a relations file actor, relation '
        'and other_actor.'
    ),
    'unknown-record': gettext_lazy('Unknown record "%(value)s": write actor or relation.'),
    'required': gettext_lazy('The column %(column)s is required.'),
    'too-long': gettext_lazy('The column %(column)s is longer than %(max)s characters.'),
    'unknown-area': gettext_lazy('Unknown area "%(value)s".'),
    'unknown-type': gettext_lazy('Unknown type "%(value)s".'),
    'unknown-relation': gettext_lazy('Unknown relation "%(value)s".'),
    'bad-boolean': gettext_lazy('Statutory must be true or false, not "%(value)s".'),
    'non-state-statutory': gettext_lazy('A non-state actor is not statutory.'),
    'duplicate-actor': gettext_lazy('The actor "%(name)s" is already on row %(first_row)s.'),
    'duplicate-relation': gettext_lazy('The same relation is already on row %(first_row)s.'),
    'unknown-actor': gettext_lazy('No actor named "%(value)s" in the file or stored for this country (%(column)s).'),
    'ambiguous-actor': gettext_lazy('Several actors have the acronym "%(value)s": write the name (%(column)s).'),
    'self-relation': gettext_lazy('An actor cannot be related to itself.'),
}


# Section: reading the map


def latest_headcounts(headcounts) -> list[Headcount]:
    """The newest headcount of each source (its basis and source, case aside), newest first.

    Sources that disagree (the ministry's personnel database against the payroll) are all kept, whatever their date.
    """
    newest = {}
    for headcount in sorted(headcounts, key=lambda h: (h.date, h.pk), reverse=True):
        newest.setdefault((normalise_name(headcount.basis), normalise_name(headcount.source)), headcount)
    return list(newest.values())


def load_sector(user, country) -> tuple[list[Actor], list[ActorRelation]]:
    """The country's actors (by name, each with ``latest`` headcounts and ``disagree``) and relations."""
    actors = list(
        Actor.objects.restrict(user, 'view').filter(country=country).prefetch_related('headcounts').order_by('name')
    )
    for actor in actors:
        actor.latest = latest_headcounts(actor.headcounts.all())
        actor.disagree = len({headcount.count for headcount in actor.latest}) > 1
    relations = list(
        ActorRelation.objects.restrict(user, 'view')
        .filter(from_actor__country=country)
        .select_related('from_actor', 'to_actor')
        .order_by('from_actor__name', 'kind', 'to_actor__name')
    )
    return actors, relations


def areas_by_type(actors) -> list[dict]:
    """The four areas, each with its actors grouped by type (in the order of the type choices)."""
    type_order = {value: index for index, value in enumerate(ActorType.values)}
    areas = []
    for area in Area:
        members = [actor for actor in actors if actor.area == area]
        groups = []
        for value in sorted({actor.type for actor in members}, key=lambda value: type_order.get(value, 99)):
            group = [actor for actor in members if actor.type == value]
            groups.append({'type': value, 'label': group[0].get_type_display(), 'actors': group})
        areas.append({'key': area.value, 'label': area.label, 'count': len(members), 'groups': groups})
    return areas


def actor_graph(country, actors, relations) -> dict:
    """The JSON that ``actor-graph.js`` draws (contract in that file's header)."""
    return {
        'country': country.iso3,
        'areas': [
            {'key': area.value, 'label': str(area.label), 'count': sum(a.area == area for a in actors)} for area in Area
        ],
        'kinds': [{'key': kind.value, 'label': str(kind.label)} for kind in RelationKind],
        'nodes': [
            {
                'id': f'actor-{actor.pk}',
                'label': actor.acronym or actor.name,
                'name': actor.name,
                'acronym': actor.acronym,
                'area': actor.area,
                'type': actor.type,
                'type_label': actor.get_type_display(),
                'statutory': actor.statutory,
                'headcounts': [
                    {'count': h.count, 'date': h.date.isoformat(), 'basis': h.basis, 'source': h.source}
                    for h in actor.latest
                ],
                'anchor': f'#actor-{actor.pk}',
            }
            for actor in actors
        ],
        'edges': [
            {
                'id': f'relation-{relation.pk}',
                'source': f'actor-{relation.from_actor_id}',
                'target': f'actor-{relation.to_actor_id}',
                'kind': relation.kind,
                'label': relation.get_kind_display(),
                'note': relation.note,
            }
            for relation in relations
        ],
    }


# Section: downloads


def _several(values, fmt):
    """One cell for the values of the latest headcounts: a list in JSON, one value or joined text otherwise."""
    if fmt == 'json':
        return values
    if len(values) == 1:
        return values[0]
    return JOIN.join(value.isoformat() if hasattr(value, 'isoformat') else str(value) for value in values) or None


def actor_rows(actors, fmt) -> list[dict]:
    return [
        {
            'name': actor.name,
            'acronym': actor.acronym,
            'area': actor.area,
            'area_label': actor.get_area_display(),
            'type': actor.type,
            'type_label': actor.get_type_display(),
            'statutory': actor.statutory,
            'note': actor.note,
            'source': actor.source,
            'latest_headcount': _several([h.count for h in actor.latest], fmt),
            'latest_headcount_date': _several([h.date for h in actor.latest], fmt),
            'latest_headcount_basis': _several([h.basis for h in actor.latest], fmt),
            'latest_headcount_source': _several([h.source for h in actor.latest], fmt),
            'headcount_sources_disagree': actor.disagree,
        }
        for actor in sorted(actors, key=lambda actor: (Area.values.index(actor.area), actor.type, actor.name))
    ]


def relation_rows(relations) -> list[dict]:
    return [
        {
            'actor': relation.from_actor.name,
            'actor_acronym': relation.from_actor.acronym,
            'relation': relation.kind,
            'relation_label': relation.get_kind_display(),
            'other_actor': relation.to_actor.name,
            'other_actor_acronym': relation.to_actor.acronym,
            'note': relation.note,
            'source': relation.source,
        }
        for relation in relations
    ]


def headcount_rows(actors) -> list[dict]:
    return [
        {
            'actor': actor.name,
            'actor_acronym': actor.acronym,
            'date': headcount.date,
            'count': headcount.count,
            'basis': headcount.basis,
            'source': headcount.source,
        }
        for actor in actors
        for headcount in sorted(actor.headcounts.all(), key=lambda h: (h.date, h.pk), reverse=True)
    ]


# Section: import


def vocabulary() -> Vocabulary:
    """The values the import accepts, with their English labels (a file is read the same in every language)."""
    with translation.override('en'):
        return Vocabulary(
            areas={area.value: str(area.label) for area in Area},
            types={kind.value: str(kind.label) for kind in ActorType},
            kinds={kind.value: str(kind.label) for kind in RelationKind},
            max_lengths={
                'name': Actor._meta.get_field('name').max_length,
                'acronym': Actor._meta.get_field('acronym').max_length,
                'source': Actor._meta.get_field('source').max_length,
                'relation_note': ActorRelation._meta.get_field('note').max_length,
            },
            non_statutory_areas=frozenset({Area.NON_STATE.value}),
        )


FIELD_LABELS = {
    'name': gettext_lazy('name'),
    'acronym': gettext_lazy('acronym'),
    'area': gettext_lazy('area'),
    'type': gettext_lazy('type'),
    'statutory': gettext_lazy('statutory'),
    'note': gettext_lazy('note'),
    'source': gettext_lazy('source'),
    'actor': gettext_lazy('actor'),
    'kind': gettext_lazy('relation'),
    'other_actor': gettext_lazy('other actor'),
}


def _shown(name, value) -> str:
    if name == 'area' and value in Area.values:
        return str(Area(value).label)
    if name == 'type' and value in ActorType.values:
        return str(ActorType(value).label)
    if name == 'kind' and value in RelationKind.values:
        return str(RelationKind(value).label)
    if isinstance(value, bool):
        return _('yes') if value else _('no')
    return str(value)


def describe(change) -> dict:
    """One row of the preview: what the record will be, and for an update each changed field before and after."""
    if change.record == 'actor':
        title = change.values['name']
        shown = ('acronym', 'area', 'type', 'statutory', 'source')
    else:
        title = ' '.join(_shown(name, change.values[name]) for name in ('actor', 'kind', 'other_actor'))
        shown = ('note', 'source')
    return {
        'row': change.row,
        'record': _('Actor') if change.record == 'actor' else _('Relation'),
        'title': title,
        'values': [(FIELD_LABELS[name], _shown(name, change.values[name])) for name in shown if change.values[name]],
        'changes': [
            (FIELD_LABELS[name], _shown(name, old), _shown(name, new)) for name, (old, new) in change.changes.items()
        ],
    }


def issue_message(issue) -> str:
    return ISSUE_MESSAGES[issue.code] % dict(issue.params)


def plan_for(user, country, data: bytes, filename: str):
    """What importing ``data`` into ``country`` would change, against what is stored now."""
    actors = Actor.objects.restrict(user, 'change').filter(country=country)
    relations = (
        ActorRelation.objects.restrict(user, 'change')
        .filter(from_actor__country=country)
        .select_related('from_actor', 'to_actor')
    )
    return plan_import(
        data,
        vocabulary(),
        actors=[
            StoredActor(a.name, a.acronym, a.area, a.type, a.statutory, a.note, a.source) for a in actors.iterator()
        ],
        relations=[
            StoredRelation(r.from_actor.name, r.kind, r.to_actor.name, r.note, r.source) for r in relations.iterator()
        ],
        filename=filename[: Actor._meta.get_field('source').max_length],
    )


def apply_plan(user, country, plan) -> None:
    """Write the plan's creations and updates; call inside ``transaction.atomic()`` (model validation runs)."""
    stored = Actor.objects.restrict(user, 'change').filter(country=country)
    actors = {normalise_name(actor.name): actor for actor in stored}
    changes = [*plan.create, *plan.update]
    for change in changes:
        if change.record != 'actor':
            continue
        actor = actors.get(change.key[0]) or Actor(country=country)
        for name, value in change.values.items():
            setattr(actor, name, value)
        actor.full_clean()
        actor.save()
        actors[change.key[0]] = actor
    for change in changes:
        if change.record != 'relation':
            continue
        from_actor, to_actor = actors[change.key[0]], actors[change.key[2]]
        relation = (
            ActorRelation.objects.restrict(user, 'change')
            .filter(from_actor=from_actor, kind=change.key[1], to_actor=to_actor)
            .first()
        )
        relation = relation or ActorRelation(from_actor=from_actor, kind=change.key[1], to_actor=to_actor)
        relation.note, relation.source = change.values['note'], change.values['source']
        relation.full_clean()
        relation.save()


# Section: pages


class ActorListView(WorkspaceView):
    model = Actor
    tab = 'actors'
    template_name = 'countries/actors.html'

    def get(self, request, iso3):
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
        context = self.workspace_context(
            actors=actors,
            areas=areas_by_type(actors),
            relations=relations,
            headcounts=headcounts,
            exports=exports,
            graph_src=reverse('countries:actor_graph', args=[self.country.iso3]),
        )
        return render(request, self.template_name, context)

    def post(self, request, iso3):
        # The map itself takes no form: readers get the 403 of every write, editors are told to use GET.
        self.require_edit()
        return HttpResponseNotAllowed(['GET'])


class ActorGraphView(WorkspaceView):
    model = Actor
    tab = 'actors'

    def get(self, request, iso3):
        actors, relations = load_sector(request.user, self.country)
        return JsonResponse(actor_graph(self.country, actors, relations))


class ActorExportView(WorkspaceView):
    """Actors (one row each, with their latest headcounts), or ``?table=relations`` / ``?table=headcounts``."""

    model = Actor
    tab = 'actors'

    def get(self, request, iso3, fmt):
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


class _RecordEditView(WorkspaceView):
    """Add (no ``pk``) or change one record of the map; only the country's editors, saved in one transaction."""

    tab = 'actors'
    form_class = None
    template_name = 'countries/actors_edit.html'
    anchor = ''
    add_title = edit_title = ''

    def get_queryset(self):
        scope = self.model.country_scope
        return self.model.objects.restrict(self.request.user, 'change').filter(**{scope: self.country})

    def get_object(self, pk):
        return get_object_or_404(self.get_queryset(), pk=pk) if pk else self.new_object()

    def new_object(self):
        return self.model()

    def get_form(self, obj, data=None):
        return self.form_class(data=data, instance=obj, country=self.country, user=self.request.user)

    def success_url(self, saved) -> str:
        return reverse('countries:actors', args=[self.country.iso3]) + self.anchor.format(pk=saved.pk)

    def render_form(self, obj, form, status=200):
        title = (self.edit_title if obj.pk else self.add_title) % {'object': obj}
        context = self.workspace_context(object=obj, form=form, title=title, cancel_url=self.success_url(obj))
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, iso3, pk=None):
        self.require_edit()
        obj = self.get_object(pk)
        return self.render_form(obj, self.get_form(obj))

    def post(self, request, iso3, pk=None):
        self.require_edit()
        obj = self.get_object(pk)
        form = self.get_form(obj, data=request.POST)
        if not form.is_valid():
            return self.render_form(obj, form, status=400)
        with transaction.atomic():
            saved = form.save()
        messages.success(request, _('Saved %(object)s.') % {'object': saved})
        return redirect(self.success_url(saved))


class ActorEditView(_RecordEditView):
    model = Actor
    form_class = ActorForm
    anchor = '#actor-{pk}'
    add_title = gettext_lazy('Add an actor')
    edit_title = gettext_lazy('Edit %(object)s')

    def new_object(self):
        return Actor(country=self.country)

    def get_form(self, obj, data=None):
        return ActorForm(data=data, instance=obj, country=self.country)


class ActorRelationEditView(_RecordEditView):
    model = ActorRelation
    form_class = ActorRelationForm
    anchor = '#relation-{pk}'
    add_title = gettext_lazy('Add a relation')
    edit_title = gettext_lazy('Edit the relation %(object)s')

    def get_form(self, obj, data=None):
        initial = {'from_actor': self.request.GET.get('actor')} if not obj.pk else None
        form = self.form_class(data=data, instance=obj, initial=initial, country=self.country, user=self.request.user)
        return form


class HeadcountEditView(_RecordEditView):
    model = Headcount
    form_class = HeadcountForm
    anchor = '#headcount-{pk}'
    add_title = gettext_lazy('Add a headcount')
    edit_title = gettext_lazy('Edit the headcount %(object)s')

    def get_form(self, obj, data=None):
        initial = {'actor': self.request.GET.get('actor')} if not obj.pk else None
        return self.form_class(data=data, instance=obj, initial=initial, country=self.country, user=self.request.user)


class _RecordDeleteView(_RecordEditView):
    """Ask, then delete one record of the map (``after_delete``: where on the map page to land)."""

    template_name = 'countries/actors_delete.html'
    after_delete = ''

    def consequences(self, obj) -> list[str]:
        return []

    def get(self, request, iso3, pk):
        self.require_edit()
        obj = self.get_object(pk)
        context = self.workspace_context(
            object=obj, consequences=self.consequences(obj), cancel_url=self.success_url(obj)
        )
        return render(request, self.template_name, context)

    def post(self, request, iso3, pk):
        self.require_edit()
        obj = self.get_object(pk)
        label = str(obj)
        with transaction.atomic():
            obj.delete()
        messages.success(request, _('Deleted %(object)s.') % {'object': label})
        return redirect(reverse('countries:actors', args=[self.country.iso3]) + self.after_delete)


class ActorDeleteView(_RecordDeleteView):
    model = Actor
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


class ActorRelationDeleteView(_RecordDeleteView):
    model = ActorRelation
    anchor = '#relation-{pk}'
    after_delete = '#relations'


class HeadcountDeleteView(_RecordDeleteView):
    model = Headcount
    anchor = '#headcount-{pk}'
    after_delete = '#headcounts'


# Section: import


class ActorBulkImportView(WorkspaceView):
    """Upload a CSV file: a preview of what would change (nothing written), then a confirmation that applies it."""

    model = Actor
    tab = 'actors'
    template_name = 'countries/actors_import.html'

    def render_page(self, form, status=200, **extra):
        context = self.workspace_context(form=form, vocabulary=vocabulary(), **extra)
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, iso3):
        self.require_edit()
        return self.render_page(ActorImportForm())

    def post(self, request, iso3):
        self.require_edit()
        if 'token' in request.POST:
            return self.confirm(request)
        form = ActorImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(form, status=400)
        data, filename = form.read()
        try:
            plan = plan_for(request.user, self.country, data, filename)
        except ImportFileError as error:
            form.add_error('file', issue_message(error.issue))
            return self.render_page(form, status=400)
        return self.preview(form, plan, data.decode('utf-8-sig'), filename, status=200 if plan.ok else 400)

    def preview(self, form, plan, text, filename, status=200, **extra):
        token = signing.dumps(
            {
                'country': self.country.pk,
                'user': self.request.user.pk,
                'filename': filename,
                'text': text,
                'digest': plan.digest(),
            },
            salt=IMPORT_SALT,
            compress=True,
        )
        return self.render_page(
            form,
            status=status,
            plan=plan,
            filename=filename,
            create=[describe(change) for change in plan.create],
            update=[describe(change) for change in plan.update],
            unchanged=[describe(change) for change in plan.unchanged],
            errors=[(issue.row, issue_message(issue)) for issue in plan.errors],
            confirm_form=ActorImportConfirmForm(initial={'token': token}) if plan.ok and plan.has_changes else None,
            **extra,
        )

    def confirm(self, request):
        form = ActorImportConfirmForm(request.POST)
        try:
            payload = signing.loads(form.data.get('token', ''), salt=IMPORT_SALT, max_age=IMPORT_TOKEN_MAX_AGE)
        except signing.BadSignature:
            payload = None
        if not payload or payload['country'] != self.country.pk or payload['user'] != request.user.pk:
            message = _('This preview has expired or is not valid. Upload the file again.')
            return self.render_page(ActorImportForm(), status=400, page_error=message)
        data, filename = payload['text'].encode('utf-8'), payload['filename']
        try:
            with transaction.atomic():
                plan = plan_for(request.user, self.country, data, filename)
                if plan.digest() != payload['digest'] or not plan.ok:
                    raise _Stale(plan)
                apply_plan(request.user, self.country, plan)
        except _Stale as stale:
            warning = _('The stored data changed since the preview. Check this new preview before you confirm.')
            return self.preview(ActorImportForm(), stale.plan, payload['text'], filename, status=409, stale=warning)
        except ValidationError as error:
            message = _('Nothing was imported: %(errors)s') % {'errors': ' '.join(error.messages)}
            return self.render_page(ActorImportForm(), status=400, page_error=message)
        actors = sum(change.record == 'actor' for change in plan.create)
        relations = len(plan.create) - actors
        messages.success(
            request,
            _(
                'Imported %(file)s: %(actors)s actors and %(relations)s relations added, %(updated)s records updated, '
                '%(unchanged)s unchanged.'
            )
            % {
                'file': filename,
                'actors': actors,
                'relations': relations,
                'updated': len(plan.update),
                'unchanged': len(plan.unchanged),
            },
        )
        return redirect('countries:actors', iso3=self.country.iso3)


class _Stale(Exception):
    """The plan recomputed at confirmation differs from the preview: roll back, show the new preview."""

    def __init__(self, plan):
        super().__init__('stale import preview')
        self.plan = plan


W = 'countries/<str:iso3>/workspace/actors/'

urlpatterns = [
    path(W, ActorListView.as_view(), name='actors'),
    path(f'{W}graph.json', ActorGraphView.as_view(), name='actor_graph'),
    path(f'{W}export.<str:fmt>', ActorExportView.as_view(), name='actor_export'),
    path(f'{W}import/', ActorBulkImportView.as_view(), name='actor_import'),
    path(f'{W}add/', ActorEditView.as_view(), name='actor_add'),
    path(f'{W}<int:pk>/edit/', ActorEditView.as_view(), name='actor_edit'),
    path(f'{W}<int:pk>/delete/', ActorDeleteView.as_view(), name='actor_delete'),
    path(f'{W}relations/add/', ActorRelationEditView.as_view(), name='actor_relation_add'),
    path(f'{W}relations/<int:pk>/edit/', ActorRelationEditView.as_view(), name='actor_relation_edit'),
    path(f'{W}relations/<int:pk>/delete/', ActorRelationDeleteView.as_view(), name='actor_relation_delete'),
    path(f'{W}headcounts/add/', HeadcountEditView.as_view(), name='actor_headcount_add'),
    path(f'{W}headcounts/<int:pk>/edit/', HeadcountEditView.as_view(), name='actor_headcount_edit'),
    path(f'{W}headcounts/<int:pk>/delete/', HeadcountDeleteView.as_view(), name='actor_headcount_delete'),
]
