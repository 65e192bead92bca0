"""Reading a demo country file: every record checked and cited before anything is written."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NoReturn

from django.db import models

from ssrhub.core.datafiles import DataFileError, SafeLoader, read_citations, read_yaml
from ssrhub.core.symbols import SymbolError, normalise_symbol
from ssrhub.framework.models import MissionTypeChoices

from ..models import (
    Action,
    ActionKind,
    ActionStatus,
    Actor,
    ActorRelation,
    ActorType,
    Area,
    DatePrecision,
    DocumentKind,
    DocumentStatus,
    Engagement,
    EngagementStage,
    EventKind,
    Headcount,
    Lead,
    NationalDocument,
    Objective,
    Pillar,
    RelationKind,
    Stage,
    StageStatus,
    Threat,
    Timeframe,
    TimelineEvent,
    WomenShareTarget,
)

__all__ = [
    'CountrySpec',
    'DEMO_DIR',
    'DemoDataError',
    'ISO3',
    'ISO_DATE',
    'MONTH',
    'Record',
    'YEAR',
    'read_country_file',
]

DEMO_DIR = Path(__file__).resolve().parents[1] / 'data' / 'demo'

ISO_DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
MONTH = re.compile(r'^(\d{4})-(\d{2})$')
YEAR = re.compile(r'^\d{4}$')
ISO3 = re.compile(r'^[A-Z]{3}$')


class DemoDataError(DataFileError):
    """A demo data file is unreadable, breaks the layout, or cannot be written."""


# Section: reading


class _Loader(SafeLoader):
    """Safe YAML where dates stay text, so that a bad date is reported with the record it belongs to."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != 'tag:yaml.org,2002:timestamp']
    for first, resolvers in SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Record:
    """One record to write: its model field values, its citations and the references it makes (by name)."""

    where: str
    values: dict
    cite: tuple
    refs: dict = field(default_factory=dict)
    children: dict = field(default_factory=dict)


@dataclass
class CountrySpec:
    """One checked country file, ready to write."""

    path: Path
    iso3: str
    engagement: Record | None
    stages: list[Record]
    actors: list[Record]
    relations: list[Record]
    documents: list[Record]
    events: list[Record]
    women_share_targets: list[Record] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


class _Reader:
    """Checks one file; every message names the file and the record."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, message: str) -> NoReturn:
        raise DemoDataError(f'{self.path.name}: {where}: {message}')

    # Section: values

    def mapping(self, raw, where: str, required: tuple, optional: tuple) -> dict:
        if not isinstance(raw, dict):
            self.fail(where, f'expected a mapping of keys, got {type(raw).__name__}')
        unknown = sorted(str(key) for key in raw if key not in required and key not in optional)
        if unknown:
            allowed = ', '.join(sorted((*required, *optional)))
            self.fail(where, f'unknown key(s) {", ".join(unknown)} (allowed: {allowed})')
        missing = [key for key in required if raw.get(key) in (None, '', [])]
        if missing:
            self.fail(where, f'missing {", ".join(missing)}')
        return raw

    def text(self, raw: dict, key: str, where: str, model=None) -> str:
        """Text for ``model``'s field ``key`` (runs of spaces folded, except in a long text), within its length."""
        value = raw.get(key)
        if value is None:
            return ''
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.fail(where, f'{key} must be text')
        model_field = model._meta.get_field(key) if model else None
        value = str(value).strip() if isinstance(model_field, models.TextField) else ' '.join(str(value).split())
        if model_field is not None and model_field.max_length and len(value) > model_field.max_length:
            self.fail(where, f'{key} is {len(value)} characters long; at most {model_field.max_length}')
        return value

    def choice(self, raw: dict, key: str, where: str, choices, required: bool = True) -> str:
        value = raw.get(key)
        if value in (None, ''):
            if required:
                self.fail(where, f'missing {key}')
            return ''
        if value not in choices.values:
            self.fail(where, f'{key} {value!r} is not one of: {", ".join(map(str, choices.values))}')
        return value

    def date(self, raw: dict, key: str, where: str) -> datetime.date | None:
        value = raw.get(key)
        if value in (None, ''):
            return None
        try:
            if isinstance(value, str) and ISO_DATE.match(value):
                return datetime.date.fromisoformat(value)
        except ValueError:
            pass
        self.fail(where, f'{key} {value!r} is not a valid date (YYYY-MM-DD)')

    def partial_date(self, value, where: str) -> tuple[datetime.date, str]:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``: the first day of the period and its precision."""
        text = str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ''
        try:
            if ISO_DATE.match(text):
                return datetime.date.fromisoformat(text), DatePrecision.DAY
            if match := MONTH.match(text):
                return datetime.date(int(match[1]), int(match[2]), 1), DatePrecision.MONTH
            if YEAR.match(text):
                return datetime.date(int(text), 1, 1), DatePrecision.YEAR
        except ValueError:
            pass
        self.fail(where, f'date {value!r} is not a valid date (YYYY-MM-DD, YYYY-MM or YYYY)')

    def boolean(self, raw: dict, key: str, where: str, default: bool) -> bool:
        value = raw.get(key, default)
        if not isinstance(value, bool):
            self.fail(where, f'{key} must be true or false')
        return value

    def count(self, raw: dict, key: str, where: str) -> int:
        value = raw.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.fail(where, f'{key} {value!r} must be a whole number, zero or more')
        return value

    def decimal(self, raw: dict, key: str, where: str) -> Decimal | None:
        value = raw.get(key)
        if value in (None, ''):
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if number is None or isinstance(value, bool) or not number.is_finite() or number < 0:
            self.fail(where, f'{key} {value!r} must be a number, zero or more')
        return number

    def names(self, raw: dict, key: str, where: str) -> list[str]:
        value = raw.get(key) or []
        if not isinstance(value, list) or not all(isinstance(item, str | int) for item in value):
            self.fail(where, f'{key} must be a list of references')
        return [str(item) for item in value]

    def items(self, raw: dict, key: str, where: str) -> list:
        value = raw.get(key) or []
        if not isinstance(value, list):
            self.fail(where, f'{key} must be a list')
        return value

    def citations(self, raw, where: str) -> tuple:
        return read_citations(raw, f'{self.path.name}: {where}', error=DemoDataError)

    # Section: records

    def read(self) -> CountrySpec:
        raw = read_yaml(self.path, error=DemoDataError, loader=_Loader)
        top = ('country', 'engagement', 'stages', 'actors', 'relations', 'documents', 'events', 'women_share_targets')
        self.mapping(raw, 'file', ('country',), top)
        iso3 = raw['country']
        if not isinstance(iso3, str) or not ISO3.match(iso3):
            self.fail('country', f'{iso3!r} is not an ISO alpha-3 code')
        if self.path.stem.upper() != iso3:
            self.fail('country', f'{iso3} does not match the file name')
        actors = [self.actor(item, index) for index, item in enumerate(self.items(raw, 'actors', 'file'))]
        actor_names = self.unique_names(actors)
        documents = self.documents(self.items(raw, 'documents', 'file'), actor_names)
        return CountrySpec(
            path=self.path,
            iso3=iso3,
            engagement=self.engagement(raw['engagement']) if raw.get('engagement') is not None else None,
            stages=self.unique(
                [self.stage(item, index) for index, item in enumerate(self.items(raw, 'stages', 'file'))],
                lambda record: record.values['stage'],
                'stage',
            ),
            actors=actors,
            relations=self.unique(
                [
                    self.relation(item, index, actor_names)
                    for index, item in enumerate(self.items(raw, 'relations', 'file'))
                ],
                lambda record: (record.refs['from'], record.values['kind'], record.refs['to']),
                'relation',
            ),
            documents=documents,
            events=self.unique(
                [self.event(item, index) for index, item in enumerate(self.items(raw, 'events', 'file'))],
                lambda record: record.values['title'],
                'event title',
            ),
            women_share_targets=self.unique(
                [
                    self.women_share_target(item, index, actor_names)
                    for index, item in enumerate(self.items(raw, 'women_share_targets', 'file'))
                ],
                lambda record: (record.refs.get('actor'), record.values['target_date']),
                'target (actor and date)',
            ),
        )

    def unique(self, records: list[Record], key, what: str) -> list[Record]:
        seen = {}
        for record in records:
            if key(record) in seen:
                self.fail(record.where, f'the same {what} as {seen[key(record)]}')
            seen[key(record)] = record.where
        return records

    def unique_names(self, actors: list[Record]) -> dict[str, str]:
        """Each actor's name and acronym, mapped to its name (the natural key); a name or acronym used twice is
        refused, since references could not tell the actors apart."""
        names = {}
        for record in actors:
            for label in dict.fromkeys(filter(None, (record.values['name'], record.values['acronym']))):
                if label in names:
                    self.fail(record.where, f'{label!r} already names another actor')
                names[label] = record.values['name']
        return names

    def engagement(self, raw) -> Record:
        where = 'engagement'
        optional = (
            'mission',
            'request_date',
            'request_by',
            'mandate_symbol',
            'mandate_paragraph',
            'national_lead',
            'national_lead_fr',
            'international_counterpart',
            'summary',
            'source',
        )
        self.mapping(raw, where, ('setting', 'cite'), optional)
        symbol = self.text(raw, 'mandate_symbol', where)
        if symbol:
            try:
                symbol = normalise_symbol(symbol)
            except SymbolError as error:
                self.fail(where, f'mandate_symbol: {error}')
        values = {
            'setting': self.choice(raw, 'setting', where, MissionTypeChoices),
            'request_date': self.date(raw, 'request_date', where),
            'mandate_symbol': symbol,
            **{
                name: self.text(raw, name, where, Engagement)
                for name in (
                    'request_by',
                    'mandate_paragraph',
                    'national_lead',
                    'national_lead_fr',
                    'international_counterpart',
                    'summary',
                    'source',
                )
            },
        }
        return Record(where, values, self.citations(raw['cite'], where), {'mission': self.text(raw, 'mission', where)})

    def stage(self, raw, index: int) -> Record:
        where = _label(f'stages[{index}]', raw, 'stage')
        optional = ('status', 'start', 'end', 'led_by', 'evidence', 'skip_reason', 'source')
        self.mapping(raw, where, ('stage', 'cite'), optional)
        values = {
            'stage': self.choice(raw, 'stage', where, Stage),
            'status': self.choice(raw, 'status', where, StageStatus, required=False) or StageStatus.PLANNED,
            'start': self.date(raw, 'start', where),
            'end': self.date(raw, 'end', where),
            'led_by': self.choice(raw, 'led_by', where, Lead, required=False),
            **{name: self.text(raw, name, where, EngagementStage) for name in ('evidence', 'skip_reason', 'source')},
        }
        return Record(where, values, self.citations(raw['cite'], where))

    def actor(self, raw, index: int) -> Record:
        where = _label(f'actors[{index}]', raw, 'name')
        optional = ('name_fr', 'acronym', 'statutory', 'note', 'source', 'headcounts')
        self.mapping(raw, where, ('name', 'area', 'type', 'cite'), optional)
        values = {
            'name': self.text(raw, 'name', where, Actor),
            'name_fr': self.text(raw, 'name_fr', where, Actor),
            'acronym': self.text(raw, 'acronym', where, Actor),
            'area': self.choice(raw, 'area', where, Area),
            'type': self.choice(raw, 'type', where, ActorType),
            'statutory': self.boolean(raw, 'statutory', where, default=True),
            'note': self.text(raw, 'note', where, Actor),
            'source': self.text(raw, 'source', where, Actor),
        }
        headcounts = []
        for number, item in enumerate(self.items(raw, 'headcounts', where)):
            here = f'{where} headcounts[{number}]'
            self.mapping(item, here, ('date', 'count', 'basis', 'cite'), ('women', 'source'))
            headcount = {
                'date': self.date(item, 'date', here),
                'count': self.count(item, 'count', here),
                'women': self.count(item, 'women', here) if item.get('women') is not None else None,
                'basis': self.text(item, 'basis', here, Headcount),
                'source': self.text(item, 'source', here, Headcount),
            }
            headcounts.append(Record(here, headcount, self.citations(item['cite'], here)))
        self.unique(headcounts, lambda record: (record.values['date'], record.values['basis']), 'date and basis')
        return Record(where, values, self.citations(raw['cite'], where), children={'headcounts': headcounts})

    def relation(self, raw, index: int, actors: dict) -> Record:
        where = _label(f'relations[{index}]', raw, 'from', 'kind', 'to')
        self.mapping(raw, where, ('from', 'kind', 'to', 'cite'), ('note', 'source'))
        refs = {end: self.actor_ref(raw[end], where, actors) for end in ('from', 'to')}
        values = {
            'kind': self.choice(raw, 'kind', where, RelationKind),
            'note': self.text(raw, 'note', where, ActorRelation),
            'source': self.text(raw, 'source', where, ActorRelation),
        }
        return Record(where, values, self.citations(raw['cite'], where), refs)

    def women_share_target(self, raw, index: int, actors: dict) -> Record:
        where = _label(f'women_share_targets[{index}]', raw, 'actor', 'target_date')
        self.mapping(raw, where, ('share', 'target_date', 'cite'), ('actor', 'source', 'note'))
        refs = {'actor': self.actor_ref(raw['actor'], where, actors)} if raw.get('actor') else {}
        share = self.decimal(raw, 'share', where)
        if share is None or share > 100:
            self.fail(where, f'share {raw.get("share")!r} must be a percentage between 0 and 100')
        values = {
            'share': share,
            'target_date': self.date(raw, 'target_date', where),
            'source': self.text(raw, 'source', where, WomenShareTarget),
            'note': self.text(raw, 'note', where, WomenShareTarget),
        }
        return Record(where, values, self.citations(raw['cite'], where), refs)

    def actor_ref(self, name, where: str, actors: dict) -> str:
        if str(name) not in actors:
            self.fail(where, f'unknown actor {name!r} (give the name or acronym of an actor of this file)')
        return actors[str(name)]

    def event(self, raw, index: int) -> Record:
        where = _label(f'events[{index}]', raw, 'title')
        self.mapping(raw, where, ('title', 'kind', 'cite', 'dates'), ('title_fr', 'description', 'source'))
        values = {
            'title': self.text(raw, 'title', where, TimelineEvent),
            'title_fr': self.text(raw, 'title_fr', where, TimelineEvent),
            'kind': self.choice(raw, 'kind', where, EventKind),
            'description': self.text(raw, 'description', where, TimelineEvent),
            'source': self.text(raw, 'source', where, TimelineEvent),
        }
        dates = []
        for number, item in enumerate(self.items(raw, 'dates', where)):
            here = f'{where} dates[{number}]'
            self.mapping(item, here, ('date', 'cite'), ())
            day, precision = self.partial_date(item['date'], here)
            dates.append(Record(here, {'date': day, 'precision': precision}, self.citations(item['cite'], here)))
        self.unique(dates, lambda record: record.values['date'], 'date')
        return Record(where, values, self.citations(raw['cite'], where), children={'dates': dates})

    # Section: documents

    def documents(self, items: list, actors: dict) -> list[Record]:
        records, keys = [], {}
        for index, raw in enumerate(items):
            where = _label(f'documents[{index}]', raw, 'title')
            optional = (
                'key',
                'title_fr',
                'parent',
                'adopted',
                'adopted_by',
                'due',
                'vision',
                'note',
                'source',
                'pillars',
                'threats',
                'objectives',
                'actions',
            )
            self.mapping(raw, where, ('kind', 'title', 'status', 'cite'), optional)
            values = {
                'kind': self.choice(raw, 'kind', where, DocumentKind),
                'title': self.text(raw, 'title', where, NationalDocument),
                'title_fr': self.text(raw, 'title_fr', where, NationalDocument),
                'status': self.choice(raw, 'status', where, DocumentStatus),
                'adopted': self.date(raw, 'adopted', where),
                'due': self.date(raw, 'due', where),
                **{name: self.text(raw, name, where, NationalDocument) for name in ('adopted_by', 'vision', 'note')},
                'source': self.text(raw, 'source', where, NationalDocument),
            }
            key = self.text(raw, 'key', where)
            for label in filter(None, (key, values['title'])):
                if label in keys:
                    self.fail(where, f'{label!r} already names another document')
                keys[label] = values['title']
            parent = self.text(raw, 'parent', where)
            if parent and parent not in keys:
                self.fail(where, f'unknown parent {parent!r} (give the key or title of a document listed before)')
            refs = {'key': key, 'parent': keys.get(parent, '')}
            record = Record(where, values, self.citations(raw['cite'], where), refs)
            chain = [record, *self.chain(records, refs['parent'])]
            record.children = {
                'pillars': self.pillars(raw, where),
                'threats': self.threats(raw, where),
            }
            record.children['objectives'] = self.objectives(raw, where, chain)
            record.children['actions'] = self.actions(raw, where, chain, actors)
            records.append(record)
        return records

    def chain(self, records: list[Record], title: str) -> list[Record]:
        by_title = {record.values['title']: record for record in records}
        found = []
        while title:
            found.append(by_title[title])
            title = by_title[title].refs['parent']
        return found

    def parts(self, raw: dict, key: str, where: str, required: tuple, optional: tuple) -> list[tuple]:
        found = []
        for index, item in enumerate(self.items(raw, key, where)):
            here = _label(f'{where} {key}[{index}]', item, 'title')
            self.mapping(item, here, required, optional)
            found.append((here, item))
        titles = [item['title'] for _here, item in found]
        refs = [str(item['ref']) for _here, item in found if item.get('ref')]
        if len(set(titles)) != len(titles) or len(set(refs)) != len(refs):
            self.fail(where, f'two {key} have the same title or ref')
        return found

    def pillars(self, raw: dict, where: str) -> list[Record]:
        return [
            Record(
                here,
                {'ref': self.text(item, 'ref', here, Pillar), 'title': self.text(item, 'title', here, Pillar)},
                self.citations(item['cite'], here),
            )
            for here, item in self.parts(raw, 'pillars', where, ('title', 'cite'), ('ref',))
        ]

    def threats(self, raw: dict, where: str) -> list[Record]:
        return [
            Record(
                here,
                {name: self.text(item, name, here, Threat) for name in ('ref', 'title', 'description', 'source')},
                self.citations(item['cite'], here),
            )
            for here, item in self.parts(raw, 'threats', where, ('title', 'cite'), ('ref', 'description', 'source'))
        ]

    def objectives(self, raw: dict, where: str, chain: list[Record]) -> list[Record]:
        found = []
        for here, item in self.parts(
            raw, 'objectives', where, ('title', 'cite'), ('ref', 'indicator', 'threats', 'source')
        ):
            values = {name: self.text(item, name, here, Objective) for name in ('ref', 'title', 'indicator', 'source')}
            threats = [self.part_ref(name, 'threats', here, chain) for name in self.names(item, 'threats', here)]
            found.append(Record(here, values, self.citations(item['cite'], here), {'threats': threats}))
        return found

    def actions(self, raw: dict, where: str, chain: list[Record], actors: dict) -> list[Record]:
        found = []
        optional = (
            'ref',
            'kind',
            'pillar',
            'owner',
            'owner_name',
            'start',
            'end',
            'timeframe',
            'cost',
            'currency',
            'status',
            'depends_on',
            'threats',
            'objectives',
            'indicators',
            'risks',
            'source',
        )
        parts = self.parts(raw, 'actions', where, ('title', 'cite'), optional)
        own = {str(label) for _here, item in parts for label in (item['title'], item.get('ref')) if label}
        for here, item in parts:
            values = {
                **{
                    name: self.text(item, name, here, Action)
                    for name in ('ref', 'title', 'owner_name', 'indicators', 'risks', 'source')
                },
                'kind': self.choice(item, 'kind', here, ActionKind, required=False) or ActionKind.SSR,
                'start': self.date(item, 'start', here),
                'end': self.date(item, 'end', here),
                'timeframe': self.choice(item, 'timeframe', here, Timeframe, required=False),
                'cost': self.decimal(item, 'cost', here),
                'currency': self.text(item, 'currency', here, Action) or 'USD',
                'status': self.choice(item, 'status', here, ActionStatus, required=False) or ActionStatus.NOT_STARTED,
            }
            pillar = self.text(item, 'pillar', here)
            if pillar and not any(pillar in (p.values['ref'], p.values['title']) for p in chain[0].children['pillars']):
                self.fail(here, f'unknown pillar {pillar!r} (give the ref or title of a pillar of this document)')
            depends_on = self.names(item, 'depends_on', here)
            for name in depends_on:
                if name not in own or name in (item['title'], str(item.get('ref') or '')):
                    self.fail(here, f'unknown action {name!r} in depends_on (another action of this document)')
            refs = {
                'pillar': pillar,
                'owner': self.actor_ref(item['owner'], here, actors) if item.get('owner') else '',
                'depends_on': depends_on,
                'threats': [self.part_ref(name, 'threats', here, chain) for name in self.names(item, 'threats', here)],
                'objectives': [
                    self.part_ref(name, 'objectives', here, chain) for name in self.names(item, 'objectives', here)
                ],
            }
            found.append(Record(here, values, self.citations(item['cite'], here), refs))
        return found

    def part_ref(self, name: str, kind: str, where: str, chain: list[Record]) -> tuple[str, str]:
        """A threat or objective of the document or of one it implements: (document title, part title)."""
        document_key, _colon, label = name.rpartition(':')
        for document in chain:
            if document_key and document_key not in (document.refs['key'], document.values['title']):
                continue
            for part in document.children.get(kind, ()):
                if label in (part.values['ref'], part.values['title']):
                    return document.values['title'], part.values['title']
        self.fail(where, f'unknown {kind[:-1]} {name!r} (of this document or of a document it implements)')


def _label(where: str, raw, *keys: str) -> str:
    """Where a record is, with the values that name it (its name, title...) when it has them."""
    if isinstance(raw, dict) and all(isinstance(raw.get(key), str | int) for key in keys):
        names = [str(raw[key]) for key in keys]
        return f'{where} {names[0]!r}' if len(names) == 1 else f'{where} {" ".join(names)}'
    return where


def read_country_file(path) -> CountrySpec:
    """Read and check one country file; raises ``DemoDataError`` naming the file and the record."""
    return _Reader(Path(path)).read()
