"""The CSV import of a country's security-sector map: a preview of what would change (nothing written), then a
confirmation, signed and checked against the stored data, that applies it in one transaction. ``actor_import.py``
reads and checks the file; the columns are documented there and on the import page."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ssrhub.core.views.generic import CountryScopedView

from ..actor_import import (
    ImportFileError,
    StoredActor,
    StoredRelation,
    Vocabulary,
    normalise_name,
    plan_import,
)
from ..forms import ActorImportConfirmForm, ActorImportForm
from ..models import Actor, ActorRelation, ActorType, Area, RelationKind

__all__ = ['ISSUE_MESSAGES', 'ActorBulkImportView', 'apply_plan', 'describe', 'issue_message', 'plan_for', 'vocabulary']

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
                'name_fr': Actor._meta.get_field('name_fr').max_length,
                'acronym': Actor._meta.get_field('acronym').max_length,
                'source': Actor._meta.get_field('source').max_length,
                'relation_note': ActorRelation._meta.get_field('note').max_length,
            },
            non_statutory_areas=frozenset({Area.NON_STATE.value}),
        )


FIELD_LABELS = {
    'name': gettext_lazy('name'),
    'name_fr': gettext_lazy('French name'),
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
        shown = ('name_fr', 'acronym', 'area', 'type', 'statutory', 'source')
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
            StoredActor(a.name, a.acronym, a.area, a.type, a.statutory, a.note, a.source, a.name_fr)
            for a in actors.iterator()
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


# Section: page


class ActorBulkImportView(CountryScopedView):
    """Upload a CSV file: a preview of what would change (nothing written), then a confirmation that applies it."""

    queryset = Actor.objects.all()
    action = 'change'
    tab = 'actors'
    template_name = 'countries/actors_import.html'

    def render_page(self, form, status=200, **extra):
        english = vocabulary()
        # The file is read in English; each English label is shown with the label of the page's language.
        values = {
            'areas': [(a.value, english.areas[a.value], a.label) for a in Area],
            'types': [(t.value, english.types[t.value], t.label) for t in ActorType],
            'kinds': [(k.value, english.kinds[k.value], k.label) for k in RelationKind],
        }
        context = self.country_context(form=form, vocabulary=values, **extra)
        return render(self.request, self.template_name, context, status=status)

    def get(self, request):
        return self.render_page(ActorImportForm())

    def post(self, request):
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
