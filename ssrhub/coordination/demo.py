"""The demo's coordination data, built from the source book: the fora (``data/demo/fora.yaml``) and the partners'
activities (``data/demo/activities.yaml``). Each file is checked whole, then written in one transaction, idempotently
(a second load changes nothing). Loaded by ``ssrhub demo`` after the country workspaces, whose plan actions the
decisions and the activities name."""

from __future__ import annotations

import datetime
import gzip
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from ssrhub.core.datafiles import DataFileError, read_citations, read_yaml
from ssrhub.core.dates import DAY, PartialDateError, parse_partial_date, period_end
from ssrhub.core.loading import LoadReport, set_citations, upsert
from ssrhub.core.models import Country
from ssrhub.countries.demo.writing import acting_as
from ssrhub.countries.models import Action
from ssrhub.framework.models import FrameworkItem, UNEntity

from .forms.fora import covered_items
from .iati_store import ImportReport, import_iati
from .models import (
    Activity,
    ActivityLink,
    ActivitySector,
    ActivityStatus,
    Codelist,
    CodelistItem,
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
    OrganisationRole,
    OrganisationType,
    Origin,
    ParticipatingOrganisation,
)

__all__ = ['ACTIVITIES_FILE', 'DEMO_FILE', 'IATI_FILE', 'import_demo_iati', 'load_activities_demo', 'load_fora_demo']

DEMO_FILE = Path(__file__).resolve().parent / 'data' / 'demo' / 'fora.yaml'
ACTIVITIES_FILE = DEMO_FILE.with_name('activities.yaml')
# A real IATI 2.03 file for volume (401 activities of many publishers; provenance in data/demo/README.md), kept
# compressed: 165 KB instead of 2.6 MB.
IATI_FILE = DEMO_FILE.with_name('dportal-covid-export-2.03.xml.gz')
ACTIVITY_KEYS = {
    'identifier', 'title', 'title_fr', 'description', 'reporting', 'status', 'start', 'end', 'participants',
    'sectors', 'actions', 'cite',
}  # fmt: skip
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
        ref = spec.get('iati_ref', '')
        found = Organisation.objects.filter(iati_ref__iexact=ref).first() if ref else None
        found = found or Organisation.objects.filter(name__iexact=name).first()
        if found is None and spec.get('acronym'):
            found = Organisation.objects.filter(acronym__iexact=spec['acronym'], type=spec.get('type', '')).first()
        if found and ref and not found.iati_ref:  # the published identifier lets the IATI import find it
            return self.put(Organisation, {'pk': found.pk}, {'iati_ref': ref}, None, where)
        if found:  # kept as the imports or people wrote it
            self.report.add(Organisation, 'unchanged')
            return found
        values = {
            'acronym': spec.get('acronym', ''),
            'iati_ref': ref,
            'type': self.choice(spec, 'type', OrganisationType, where),
        }
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
        actions = [self.plan_action(meeting.forum.country, link, where) for link in spec.get('actions', [])]
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

    def plan_action(self, country, link: dict, where: str) -> Action:
        """The plan action of the country demo a record names: document title and action reference (or title)."""
        found = Action.objects.filter(document__country=country, document__title=link.get('document'))
        if link.get('ref'):
            found = found.filter(ref=link['ref'])
        elif link.get('title'):
            found = found.filter(title=link['title'])
        else:
            self.fail(where, 'a plan action is named by its "ref" or its "title"')
        action = found.first()
        named = link.get('ref') or link.get('title')
        return action or self.fail(where, f'no plan action "{named}" in "{link.get("document")}"')


class _ActivityLoader(_Loader):
    """Organisations and activities with their participants, sectors and plan action links."""

    def load(self, data: dict) -> None:
        if not isinstance(data, dict) or not isinstance(data.get('countries'), dict):
            self.fail('file', 'expected "organisations" and "countries"')
        for key, spec in (data.get('organisations') or {}).items():
            self.organisations[key] = self.organisation(key, spec)
        for iso3, activities in data['countries'].items():
            country = Country.objects.filter(iso3=iso3).first() or self.fail(iso3, 'unknown country')
            for number, spec in enumerate(activities or [], 1):
                self.activity(country, spec, f'{iso3} activity {spec.get("identifier") or number}')

    def bound(self, text, where: str, *, end: bool) -> datetime.date | None:
        """A start as the first day of the month or year the book gives, an end as its last day."""
        day, precision = self.partial(text, where)
        return period_end(day, precision) if day and end else day

    def activity(self, country, spec: dict, where: str) -> None:
        if unknown := set(spec) - ACTIVITY_KEYS:
            self.fail(where, f'unknown keys: {", ".join(sorted(unknown))}')
        identifier = spec.get('identifier') or self.fail(where, 'an identifier is required')
        start, end = self.bound(spec.get('start'), where, end=False), self.bound(spec.get('end'), where, end=True)
        if start and end and end < start:
            self.fail(where, 'the activity ends before it starts')
        values = {
            'country': country,
            'reporting_organisation': self.org(spec.get('reporting'), where)
            or self.fail(where, 'a reporting organisation is required'),
            'title': spec.get('title') or self.fail(where, 'a title is required'),
            'title_fr': spec.get('title_fr', ''),
            'description': ' '.join(str(spec.get('description', '')).split()),
            'language': 'en',
            'status': self.choice(spec, 'status', ActivityStatus, where, '') if spec.get('status') else '',
            'actual_start': start,
            'actual_end': end,
            'origin': Origin.MANUAL,
            'source': f'{self.path.name} (demo, from the source book)',
        }
        activity = self.put(Activity, {'iati_identifier': identifier}, values, spec.get('cite', []), where)
        for number, participant in enumerate(spec.get('participants') or [], 1):
            here = f'{where} participant {number}'
            organisation = self.org(participant.get('organisation'), here) or self.fail(
                here, 'an organisation is required'
            )
            lookup = {
                'activity': activity,
                'organisation': organisation,
                'role': self.choice(participant, 'role', OrganisationRole, here),
            }
            self.put(ParticipatingOrganisation, lookup, {'type': organisation.type}, None, here)
        sectors = spec.get('sectors') or self.fail(where, 'at least one sector is required')
        known = set(
            CodelistItem.objects.filter(
                codelist=Codelist.SECTOR, code__in=[str(s.get('code')) for s in sectors]
            ).values_list('code', flat=True)
        )
        for number, sector in enumerate(sectors, 1):
            here, code = f'{where} sector {number}', str(sector.get('code'))
            if code not in known:
                self.fail(here, f'"{code}" is not a DAC 5-digit sector code')
            share = sector.get('percentage')
            values = {'percentage': None if share is None else Decimal(str(share))}
            self.put(ActivitySector, {'activity': activity, 'vocabulary': '1', 'code': code}, values, None, here)
        for number, link in enumerate(spec.get('actions') or [], 1):
            here = f'{where} action {number}'
            action = self.plan_action(country, link, here)
            citations = read_citations(link.get('cite'), f'{self.path.name}: {here}')
            note = 'Source: ' + '; '.join(
                f'book, chapter {c["book_chapter"]}, lines {c["book_lines"]}' if c.get('book_chapter') else
                c.get('symbol') or c.get('url', '') for c in citations
            )  # fmt: skip
            self.put(
                ActivityLink, {'activity': activity, 'kind': 'action', 'action': action}, {'note': note}, None, here
            )


def load_activities_demo(path: Path = ACTIVITIES_FILE, user=None) -> LoadReport:
    """Load the demo activities file; nothing is written when any record is refused (a ``DataFileError`` naming
    the file and the record)."""
    report = LoadReport()
    data = read_yaml(path)
    with transaction.atomic(), acting_as(user):
        _ActivityLoader(path, report).load(data)
    return report


def load_fora_demo(path: Path = DEMO_FILE, user=None) -> LoadReport:
    """Load the demo fora file; nothing is written when any record is refused (a ``DataFileError`` naming the file
    and the record)."""
    report = LoadReport()
    data = read_yaml(path)
    with transaction.atomic(), acting_as(user):
        _Loader(path, report).load(data)
    return report


def import_demo_iati(path: Path = IATI_FILE, user=None) -> ImportReport:
    """Import the demo's real IATI file as ``ssrhub iati import`` does (not strict): activities already stored with
    the same last-updated date are left unchanged."""
    with tempfile.NamedTemporaryFile(suffix='.xml') as plain:
        with gzip.open(path) as packed:
            shutil.copyfileobj(packed, plain)
        plain.flush()
        return import_iati(plain.name, name=path.name.removesuffix('.gz'), user=user)


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
        table, map_columns(table), organisation_matcher(), sector_matcher(), default_period=parse_period('2024Q1')
    )

    def decisions(report):
        report.organisations_created = len(create_unknown(result, source=table.file))

    return store_rows(result, Country.objects.get(iso3='AFG'), file_name=table.file, user=user, before=decisions)
