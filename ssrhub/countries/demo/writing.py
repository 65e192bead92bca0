"""Writing a demo country to the database: one transaction per country, idempotent."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import NoReturn

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.models import HistoricalRecords

from ssrhub.core.loading import LoadReport, set_citations, upsert
from ssrhub.core.models import Country, SourceCitation
from ssrhub.framework.models import Mission

from ..models import (
    Action,
    Actor,
    ActorRelation,
    Engagement,
    EngagementStage,
    EventDate,
    Headcount,
    NationalDocument,
    Objective,
    Pillar,
    Threat,
    TimelineEvent,
    WomenShareTarget,
)
from .reading import DEMO_DIR, CountrySpec, DemoDataError, Record, read_country_file

__all__ = ['acting_as', 'load_country_demo', 'summary']


@contextmanager
def acting_as(user):
    """Record ``user`` as the author of the history entries written inside (unless a request already does)."""
    if user is None or getattr(HistoricalRecords.context, 'request', None) is not None:
        yield
        return
    HistoricalRecords.context.request = SimpleNamespace(user=user)
    try:
        yield
    finally:
        del HistoricalRecords.context.request


class _Writer:
    """Writes one checked country file, inside the transaction the caller opened."""

    def __init__(self, spec: CountrySpec, report: LoadReport):
        self.spec, self.report = spec, report
        self.reason = f'country demo data ({spec.name})'

    def fail(self, where: str, message: str) -> NoReturn:
        raise DemoDataError(f'{self.spec.name}: {where}: {message}')

    def put(self, record: Record, model, lookup: dict, extra: dict | None = None):
        try:
            obj = upsert(model, lookup, {**record.values, **(extra or {})}, self.report, reason=self.reason)
            set_citations(obj, record.cite, self.report)
        except ValidationError as error:
            self.fail(record.where, '; '.join(error.messages))
        return obj

    @staticmethod
    def split(record: Record, *keys: str) -> Record:
        """The record with its natural-key values taken out (they go into the lookup)."""
        values = {name: value for name, value in record.values.items() if name not in keys}
        return Record(record.where, values, record.cite, record.refs, record.children)

    def write(self) -> None:
        spec = self.spec
        country = Country.objects.filter(iso3=spec.iso3).first()
        if country is None:
            self.fail('country', f'no country {spec.iso3} in the database (run "ssrhub setup" first)')
        if spec.engagement:
            self.write_engagement(country)
        actors = {}
        for record in spec.actors:
            actors[record.values['name']] = actor = self.put(
                self.split(record, 'name'), Actor, {'country': country, 'name': record.values['name']}
            )
            for headcount in record.children['headcounts']:
                lookup = {'actor': actor, 'date': headcount.values['date'], 'basis': headcount.values['basis']}
                self.put(self.split(headcount, 'date', 'basis'), Headcount, lookup)
        for record in spec.relations:
            lookup = {
                'from_actor': actors[record.refs['from']],
                'kind': record.values['kind'],
                'to_actor': actors[record.refs['to']],
            }
            self.put(self.split(record, 'kind'), ActorRelation, lookup)
        self.write_documents(country, actors)
        for record in spec.women_share_targets:
            actor = actors[record.refs['actor']] if record.refs else None
            lookup = {'country': country, 'actor': actor, 'target_date': record.values['target_date']}
            self.put(self.split(record, 'target_date'), WomenShareTarget, lookup)
        for record in spec.events:
            event = self.put(self.split(record, 'title'), TimelineEvent, {'country': country, **_title(record)})
            for date in record.children['dates']:
                self.put(self.split(date, 'date'), EventDate, {'event': event, 'date': date.values['date']})

    def write_engagement(self, country) -> None:
        record = self.spec.engagement
        mission = None
        if record.refs['mission']:
            mission = Mission.objects.filter(acronym=record.refs['mission']).first()
            if mission is None:
                self.fail(record.where, f'unknown mission {record.refs["mission"]!r} (framework institutions data)')
            if not mission.countries.filter(pk=country.pk).exists():
                self.fail(record.where, f'mission {mission.acronym} does not serve {country.iso3}')
        engagement = self.put(record, Engagement, {'country': country}, {'mission': mission})
        for stage in self.spec.stages:
            self.put(
                self.split(stage, 'stage'), EngagementStage, {'engagement': engagement, 'stage': stage.values['stage']}
            )

    def write_documents(self, country, actors: dict) -> None:
        documents, parts = {}, {}
        for record in self.spec.documents:
            parent = documents.get(record.refs['parent'])
            document = self.put(
                self.split(record, 'title'),
                NationalDocument,
                {'country': country, **_title(record)},
                {'parent': parent},
            )
            documents[record.values['title']] = document
            for kind, model in (('pillars', Pillar), ('threats', Threat), ('objectives', Objective)):
                for part in record.children[kind]:
                    lookup = {'document': document, **_title(part)}
                    parts[kind, document.title, part.values['title']] = self.put(
                        self.split(part, 'title'), model, lookup
                    )
        for record in self.spec.documents:
            document = documents[record.values['title']]
            for objective in record.children['objectives']:
                obj = parts['objectives', document.title, objective.values['title']]
                self.set_related(obj.threats, [parts['threats', *ref] for ref in objective.refs['threats']])
            pillars = {
                label: parts['pillars', document.title, part.values['title']]
                for part in record.children['pillars']
                for label in (part.values['ref'], part.values['title'])
                if label
            }
            actions = {}
            for action in record.children['actions']:
                extra = {
                    'pillar': pillars.get(action.refs['pillar']),
                    'owner': actors.get(action.refs['owner']),
                }
                lookup = {'document': document, **_title(action)}
                obj = self.put(self.split(action, 'title'), Action, lookup, extra)
                for label in (action.values['ref'], action.values['title']):
                    if label:
                        actions[label] = obj
            for action in record.children['actions']:
                obj = actions[action.values['title']]
                self.set_related(obj.threats, [parts['threats', *ref] for ref in action.refs['threats']])
                self.set_related(obj.objectives, [parts['objectives', *ref] for ref in action.refs['objectives']])
                self.set_related(obj.depends_on, [actions[name] for name in action.refs['depends_on']])

    @staticmethod
    def set_related(manager, wanted: list) -> None:
        """Make a many-to-many set equal ``wanted``, touching it only when it differs."""
        if set(manager.values_list('pk', flat=True)) != {obj.pk for obj in wanted}:
            manager.set(wanted)


def _title(record: Record) -> dict:
    return {'title': record.values['title']}


def _files(path_or_dir) -> list[Path]:
    path = Path(path_or_dir)
    if path.is_dir():
        files = sorted(path.glob('*.yaml'))
        if not files:
            raise DemoDataError(f'{path}: no .yaml files')
        return files
    return [path]


def load_country_demo(path_or_dir=DEMO_DIR, user=None) -> dict[str, LoadReport]:
    """Load the demo country files (a folder of them, or one file): every file is checked before anything is
    written, then each country is written in one transaction. Returns a ``LoadReport`` per country (ISO alpha-3
    code): counts of records created, updated and unchanged, per model."""
    specs = [read_country_file(path) for path in _files(path_or_dir)]
    countries = [spec.iso3 for spec in specs]
    if len(set(countries)) != len(countries):
        raise DemoDataError(f'{path_or_dir}: two files describe the same country')
    reports = {}
    for spec in specs:
        reports[spec.iso3] = report = LoadReport()
        with transaction.atomic(), acting_as(user):
            _Writer(spec, report).write()
    return reports


def summary(report: LoadReport) -> str:
    """One line: how many records and citations were created, updated or left unchanged."""
    citations = str(SourceCitation._meta.verbose_name_plural)
    records = {
        outcome: sum(count for (name, kind), count in report.items() if kind == outcome and name != citations)
        for outcome in ('created', 'updated', 'unchanged')
    }
    cited = {outcome: report[(citations, outcome)] for outcome in ('created', 'unchanged')}
    return (
        f'{sum(records.values())} records ({records["created"]} created, {records["updated"]} updated, '
        f'{records["unchanged"]} unchanged), {sum(cited.values())} citations ({cited["created"]} written)'
    )
