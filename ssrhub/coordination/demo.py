"""The demo's coordination fora (``data/demo/fora.yaml``): checked whole, then written in one transaction,
idempotently (a second load changes nothing). Loaded by ``ssrhub demo`` after the country workspaces, whose plan
actions the decisions name."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from ssrhub.core.datafiles import DataFileError, read_citations, read_yaml
from ssrhub.core.dates import DAY, PartialDateError, parse_partial_date
from ssrhub.core.loading import LoadReport, set_citations, upsert
from ssrhub.core.models import Country
from ssrhub.countries.demo.writing import _acting_as
from ssrhub.countries.models import Action
from ssrhub.framework.models import FrameworkItem, UNEntity

from .forms.fora import covered_items
from .models import (
    Decision,
    DecisionStatus,
    DecisionStatusUpdate,
    Forum,
    ForumKind,
    ForumLayer,
    ForumLevel,
    ForumMember,
    Meeting,
    MemberRole,
    Organisation,
    OrganisationType,
)

__all__ = ['DEMO_FILE', 'load_fora_demo']

DEMO_FILE = Path(__file__).resolve().parent / 'data' / 'demo' / 'fora.yaml'
REASON = 'coordination demo data'


class _Loader:
    def __init__(self, path: Path, report: LoadReport):
        self.path, self.report = path, report
        self.organisations: dict[str, Organisation] = {}

    def fail(self, where: str, message: str):
        raise DataFileError(f'{self.path.name}: {where}: {message}')

    def choice(self, record: dict, name: str, choices, where: str, default=None) -> str:
        value = record.get(name, default)
        if value not in choices.values:
            self.fail(where, f'{name} "{value}" is not one of {", ".join(choices.values)}')
        return value

    def partial(self, text, where: str) -> tuple[datetime.date | None, str]:
        if text in (None, ''):
            return None, DAY
        try:
            found = parse_partial_date(str(text))
        except PartialDateError:
            self.fail(where, f'"{text}" is not a date (2019-03-14, 2019-03 or 2019)')
        return found.date, found.precision

    def day(self, text, where: str) -> datetime.date:
        try:
            return datetime.date.fromisoformat(str(text))
        except ValueError:
            self.fail(where, f'"{text}" is not a day (YYYY-MM-DD)')

    def put(self, model, lookup: dict, values: dict, cite, where: str):
        try:
            record = upsert(model, lookup, values, self.report, reason=REASON)
        except ValidationError as error:
            self.fail(where, '; '.join(error.messages))
        if cite is not None:
            set_citations(record, read_citations(cite, f'{self.path.name}: {where}'), self.report)
        return record

    def organisation(self, key: str, spec: dict) -> Organisation:
        where = f'organisation {key}'
        name = spec.get('name') or self.fail(where, 'a name is required')
        found = Organisation.objects.filter(name__iexact=name).first()
        if found is None and spec.get('acronym'):
            found = Organisation.objects.filter(acronym__iexact=spec['acronym'], type=spec.get('type', '')).first()
        if found:  # kept as the imports or people wrote it
            self.report.add(Organisation, 'unchanged')
            return found
        values = {'acronym': spec.get('acronym', ''), 'type': self.choice(spec, 'type', OrganisationType, where)}
        if spec.get('country'):
            values['country'] = Country.objects.get(iso3=spec['country'])
        if spec.get('un_entity'):
            values['un_entity'] = UNEntity.objects.filter(code=spec['un_entity']).first() or self.fail(
                where, f'no UN entity {spec["un_entity"]}'
            )
        values['source'] = REASON
        return self.put(Organisation, {'name': name}, values, None, where)

    def org(self, key, where: str) -> Organisation | None:
        if key in (None, ''):
            return None
        return self.organisations.get(key) or self.fail(where, f'unknown organisation "{key}"')

    def items(self, codes: list[str], where: str) -> list[FrameworkItem]:
        """The framework items of these codes in the current version of the UN SSR framework."""
        found = {item.code: item for item in covered_items().filter(code__in=codes)}
        if missing := set(codes) - set(found):
            self.fail(where, f'unknown framework components: {", ".join(sorted(missing))}')
        return [found[code] for code in codes]

    def load(self, data: dict) -> None:
        if not isinstance(data, dict) or not isinstance(data.get('countries'), dict):
            self.fail('file', 'expected "organisations" and "countries"')
        for key, spec in (data.get('organisations') or {}).items():
            self.organisations[key] = self.organisation(key, spec)
        for iso3, fora in data['countries'].items():
            country = Country.objects.filter(iso3=iso3).first() or self.fail(iso3, 'unknown country')
            keys: dict[str, Forum] = {}
            for spec in fora:
                self.forum(country, spec, keys)

    def forum(self, country, spec: dict, keys: dict) -> None:
        where = f'{country.iso3} forum {spec.get("key")}'
        established, established_precision = self.partial(spec.get('established'), where)
        parent = spec.get('parent')
        if parent and parent not in keys:
            self.fail(where, f'parent "{parent}" must come before it')
        values = {
            'name_fr': spec.get('name_fr', ''),
            'acronym': spec.get('acronym', ''),
            'kind': self.choice(spec, 'kind', ForumKind, where, 'other'),
            'level': self.choice(spec, 'level', ForumLevel, where),
            'layer': self.choice(spec, 'layer', ForumLayer, where, 'national'),
            'parent': keys.get(parent),
            'chair': self.org(spec.get('chair'), where),
            'chair_name': spec.get('chair_name', ''),
            'mandate': ' '.join(str(spec.get('mandate', '')).split()),
            'cadence': spec.get('cadence', ''),
            'established': established,
            'established_precision': established_precision,
        }
        forum = self.put(Forum, {'country': country, 'name': spec['name']}, values, spec.get('cite'), where)
        keys[spec['key']] = forum
        items = self.items(spec.get('components', []), where)
        if set(forum.components.values_list('pk', flat=True)) != {item.pk for item in items}:
            forum.components.set(items)
        for number, member in enumerate(spec.get('members', []), 1):
            self.member(forum, member, f'{where} member {number}')
        for number, meeting in enumerate(spec.get('meetings', []), 1):
            self.meeting(forum, meeting, f'{where} meeting {number}')

    def member(self, forum, spec: dict, where: str) -> None:
        start, start_precision = self.partial(spec.get('start'), where)
        lookup = {
            'forum': forum,
            'organisation': self.org(spec.get('organisation'), where)
            or self.fail(where, 'an organisation is required'),
            'role': self.choice(spec, 'role', MemberRole, where, 'member'),
            'start': start,
        }
        values = {'start_precision': start_precision, 'note': spec.get('note', '')}
        self.put(ForumMember, lookup, values, spec.get('cite'), where)

    def meeting(self, forum, spec: dict, where: str) -> None:
        day, precision = self.partial(spec.get('date'), where)
        if day is None:
            self.fail(where, 'a date is required')
        values = {
            'date_precision': precision,
            'number': spec.get('number'),
            'place': spec.get('place', ''),
            'summary': ' '.join(str(spec.get('summary', '')).split()),
        }
        meeting = self.put(Meeting, {'forum': forum, 'date': day}, values, spec.get('cite'), where)
        for number, decision in enumerate(spec.get('decisions', []), 1):
            self.decision(meeting, decision, f'{where} decision {number}')

    def decision(self, meeting, spec: dict, where: str) -> None:
        due, due_precision = self.partial(spec.get('due'), where)
        updates = spec.get('updates') or self.fail(where, 'at least one status update is required')
        history = []
        for number, update in enumerate(updates, 1):
            history.append(
                (
                    self.day(update.get('date'), f'{where} update {number}'),
                    self.choice(update, 'status', DecisionStatus, f'{where} update {number}'),
                    update,
                )
            )
        values = {
            'text': ' '.join(str(spec.get('text', '')).split()),
            'owner': self.org(spec.get('owner'), where),
            'owner_name': spec.get('owner_name', ''),
            'due': due,
            'due_precision': due_precision,
            'status': max(history, key=lambda entry: entry[0])[1],
        }
        decision = self.put(Decision, {'meeting': meeting, 'ref': spec.get('ref', '')}, values, spec.get('cite'), where)
        items = self.items(spec.get('components', []), where)
        if set(decision.components.values_list('pk', flat=True)) != {item.pk for item in items}:
            decision.components.set(items)
        actions = []
        for link in spec.get('actions', []):
            action = Action.objects.filter(
                document__country=meeting.forum.country, document__title=link.get('document'), ref=link.get('ref')
            ).first()
            actions.append(action or self.fail(where, f'no plan action {link.get("ref")} in "{link.get("document")}"'))
        if set(decision.actions.values_list('pk', flat=True)) != {action.pk for action in actions}:
            decision.actions.set(actions)
        for number, (day, status, update) in enumerate(history, 1):
            self.put(
                DecisionStatusUpdate,
                {'decision': decision, 'date': day, 'status': status},
                {'note': ' '.join(str(update.get('note', '')).split())},
                update.get('cite'),
                f'{where} update {number}',
            )


def load_fora_demo(path: Path = DEMO_FILE, user=None) -> LoadReport:
    """Load the demo fora file; nothing is written when any record is refused (a ``DataFileError`` naming the file
    and the record)."""
    report = LoadReport()
    data = read_yaml(path)
    with transaction.atomic(), _acting_as(user):
        _Loader(path, report).load(data)
    return report


THREEW_DEMO_FILE = Path(__file__).resolve().parent / 'data' / 'demo' / 'afghanistan-3w-2024q1.csv'


def threew_demo(path: Path = THREEW_DEMO_FILE, user=None):
    """Import OCHA's Afghanistan 3W of 2024Q1 into Afghanistan, if the file is in the repository: the demo is the
    person who decides, so the organisations no known one matches exactly are created. Returns the store report
    (``organisations_created`` says how many), or None without the file."""
    from ssrhub.core.models import Country

    from .hxl3w.preview import preview
    from .hxl3w.reading import open_table
    from .hxl3w.rows import map_columns, parse_period
    from .hxl_import import create_unknown, organisation_matcher, sector_matcher
    from .threew_store import store_rows

    if not path.exists():
        return None
    table = open_table(path)
    result = preview(
        table, map_columns(table), organisation_matcher(), sector_matcher(), default_period=parse_period('2024Q1'),
        keep_rows=True,
    )  # fmt: skip

    def decisions(report):
        report.organisations_created = len(create_unknown(result, source=table.file))

    return store_rows(result, Country.objects.get(iso3='AFG'), file_name=table.file, user=user, before=decisions)
