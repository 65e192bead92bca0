"""Store the rows of a 3W table as activities (origin "3W table"), in one transaction, with bulk writes.

``hxl3w/`` reads and matches; this module writes. A row becomes an ``Activity`` whose identifier comes from the row's
key (``3W-AFG-<16 hex digits>``), so that applying the same file again changes nothing and a row whose
organisation type, status, area names or sector name changed is updated in place (the audit history keeps the old
values). A row is left out when its organisation is not known (a person has not confirmed or created it). The
administrative areas are created from the P-codes and names the table carries, never guessed; a row with names but
no P-code keeps the name as the location. The sector is kept as published (vocabulary 99, the table's own), and
the framework area or component it matches exactly is linked (``ActivityLink``); links a person made are kept.
The rows are read again from the file and stored ``CHUNK`` at a time, comparing each chunk with the stored state of
its own identifiers only: memory stays flat however large the table.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter

from django.db import connection, transaction
from django.db.models import DateField, DateTimeField, DecimalField, JSONField, Max
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ssrhub.core.models import Country
from ssrhub.framework.models import FrameworkItem

from .hxl3w.errors import HxlError
from .hxl3w.matching import fold
from .hxl3w.preview import Preview, accepted_rows, known_organisation, preview
from .hxl3w.reading import open_table
from .hxl3w.rows import ThreeWRow, map_columns
from .hxl_import import add_alias, create_unknown_values, organisation_matcher, sector_matcher
from .models import (
    Activity,
    ActivityLink,
    ActivityLocation,
    ActivitySector,
    ActivityStatus,
    AdminArea,
    LinkKind,
    Organisation,
    Origin,
    ThreeWImport,
    ThreeWStatus,
)
from .signals import activities_stored

__all__ = ['SECTOR_VOCABULARY', 'StoreReport', 'apply_import', 'identifier', 'store_rows']

SECTOR_VOCABULARY = '99'  # IATI SectorVocabulary 99: the publisher's own (a cluster's codes as the table gives them)
CHUNK = 2000  # rows read, compared and written together: the memory a storing takes is that of one chunk
BATCH = 1000  # rows per INSERT: under SQLite's 32,766 parameters for the widest model (Activity)
SHOWN_LEFT_OUT = 50  # organisations left out listed by name; the rest are counted
# Status words of 3W tables (folded) -> IATI ActivityStatus; any other value leaves the status empty.
STATUSES = {
    'planned': ActivityStatus.PIPELINE,
    'pipeline': ActivityStatus.PIPELINE,
    'prevu': ActivityStatus.PIPELINE,
    'planifie': ActivityStatus.PIPELINE,
    'ongoing': ActivityStatus.IMPLEMENTATION,
    'active': ActivityStatus.IMPLEMENTATION,
    'implementation': ActivityStatus.IMPLEMENTATION,
    'en cours': ActivityStatus.IMPLEMENTATION,
    'completed': ActivityStatus.CLOSED,
    'complete': ActivityStatus.CLOSED,
    'closed': ActivityStatus.CLOSED,
    'finished': ActivityStatus.CLOSED,
    'termine': ActivityStatus.CLOSED,
    'acheve': ActivityStatus.CLOSED,
    'suspended': ActivityStatus.SUSPENDED,
    'suspendu': ActivityStatus.SUSPENDED,
    'cancelled': ActivityStatus.CANCELLED,
    'canceled': ActivityStatus.CANCELLED,
    'annule': ActivityStatus.CANCELLED,
}
ACTIVITY_FIELDS = ('title', 'status', 'planned_start', 'planned_end', 'reporting_organisation_id', 'source')


@dataclass
class StoreReport:
    """What applying a table did (or, for a dry run, would do): activities created, updated, unchanged; rows left
    out with the reason and, for unknown organisations, their names and row counts."""

    file: str
    country: str
    read: int = 0
    refused: int = 0
    duplicates: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    areas_created: int = 0
    organisations_created: int = 0
    aliases_added: int = 0
    left_out: Counter = field(default_factory=Counter)  # organisation as the table names it -> rows
    dry_run: bool = False

    @property
    def left_out_rows(self) -> int:
        return sum(self.left_out.values())

    def as_dict(self) -> dict:
        return {
            'file': self.file,
            'country': self.country,
            'read': self.read,
            'refused': self.refused,
            'duplicates': self.duplicates,
            'created': self.created,
            'updated': self.updated,
            'unchanged': self.unchanged,
            'areas_created': self.areas_created,
            'organisations_created': self.organisations_created,
            'aliases_added': self.aliases_added,
            'left_out_rows': self.left_out_rows,
            'left_out': [[name, rows] for name, rows in self.left_out.most_common(SHOWN_LEFT_OUT)],
            'left_out_organisations': len(self.left_out),
            'dry_run': self.dry_run,
        }


class _DryRun(Exception):
    pass


def identifier(country: Country, row: ThreeWRow) -> str:
    """The activity identifier of a row: stable for the same row of the same country's table."""
    return f'3W-{country.iso3}-{row.key[:16]}'


def store_rows(
    result: Preview,
    country: Country,
    *,
    file_name: str,
    user=None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    before: Callable[[StoreReport], None] | None = None,
    chunk: int = CHUNK,
) -> StoreReport:
    """Store the rows ``result`` accepted as activities of ``country``, in one transaction: the rows are read again
    from the table and stored ``chunk`` at a time, so that memory holds one chunk, never the whole table.
    ``before(report)`` runs first in the same transaction (the person's decisions on organisations);
    ``progress(done, total)`` is called after each chunk (``total``: the rows the preview accepted). A dry run rolls
    everything back and reports what it would have done."""
    report = StoreReport(
        file_name,
        country.iso3,
        read=result.read,
        refused=result.refused,
        duplicates=result.duplicates,
        dry_run=dry_run,
    )
    try:
        with transaction.atomic():
            if before is not None:
                before(report)
            _Store(result, country, file_name, user, report, progress).run(chunk)
            activities_stored.send(sender=store_rows)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


class _Store:
    """One storing: the lookups below grow with the distinct organisations and areas met, not with the rows."""

    def __init__(self, result: Preview, country: Country, file_name: str, user, report: StoreReport, progress):
        self.result, self.country, self.file_name, self.user = result, country, file_name, user
        self.report, self.progress = report, progress
        self.now = timezone.now()
        self.reason = f'3W import {file_name}'  # the change reason of every history record the storing writes
        self.organisations: dict[str, int | None] = {}  # folded organisation as the table names it -> its pk
        self.areas: dict[str, tuple[int, int]] = {}  # P-code -> (pk, level) of the administrative area
        self.sectors: dict[str, int] = {}

    def run(self, chunk: int) -> None:
        self.matcher = organisation_matcher()  # read now: the person's decisions are in the database
        self.sectors = self._sectors()
        rows = accepted_rows(self.result)
        done = 0
        while batch := list(islice(rows, chunk)):
            self._store(batch)
            done += len(batch)
            self._tick(done, self.result.accepted)

    def _store(self, rows: list[ThreeWRow]) -> None:
        """Compare a chunk of rows with the stored state of their identifiers only; write what is new or changed."""
        self._know_organisations(rows)
        self._know_areas(rows)
        states = []
        for row in rows:
            organisation = self.organisations[fold(row.organisation)]
            if organisation is None:
                self.report.left_out[row.organisation] += 1
                continue
            states.append(self._state(row, organisation))
        stored = self._stored([state['identifier'] for state in states])
        new, changed = [], []
        for state in states:
            current = stored.get(state['identifier'])
            if current is None:
                new.append(state)
            elif _differs(current, state):
                changed.append((current, state))
            else:
                self.report.unchanged += 1
        self._create(new)
        self._update(changed)
        self.report.created += len(new)
        self.report.updated += len(changed)

    # Section: what is known

    def _know_organisations(self, rows: list[ThreeWRow]) -> None:
        """Match the organisations first met in ``rows`` (as spelt by the row that first names them) exactly."""
        met = {}
        for row in rows:
            key = fold(row.organisation)
            if key not in self.organisations and key not in met:
                met[key] = known_organisation(self.matcher, row.org_name, row.org_acronym)
        if not met:
            return
        found = set(
            Organisation.objects.filter(pk__in={pk for pk in met.values() if pk is not None}).values_list(
                'pk', flat=True
            )
        )
        self.organisations.update({key: pk if pk in found else None for key, pk in met.items()})

    def _sectors(self) -> dict[str, int]:
        """A sector as the table names it -> the pk of the framework area or component it matches exactly."""
        codes = {match.value: match.exact.id for match in self.result.sectors if match.known}
        pks = dict(FrameworkItem.objects.filter(code__in=set(codes.values())).order_by('pk').values_list('code', 'pk'))
        return {value: pks[code] for value, code in codes.items() if code in pks}

    def _know_areas(self, rows: list[ThreeWRow]) -> None:
        """Find the administrative areas ``rows`` name by P-code, creating those not stored yet (with their name),
        level 1 before the level 2 that names it as parent."""
        level1, level2 = {}, {}
        for row in rows:
            if row.adm1_code and row.adm1_code not in self.areas:
                level1.setdefault(row.adm1_code, row.adm1_name or row.adm1_code)
            if row.adm2_code and row.adm2_code not in self.areas:
                level2.setdefault(row.adm2_code, (row.adm2_name or row.adm2_code, row.adm1_code))
        if not level1 and not level2:
            return
        for pk, pcode, level in AdminArea.objects.filter(pcode__in=[*level1, *level2]).values_list(
            'pk', 'pcode', 'level'
        ):
            self.areas[pcode] = (pk, level)
        source = self.file_name[:300]
        new1 = [
            AdminArea(country=self.country, level=1, pcode=pcode[:30], name=name[:200], source=source)
            for pcode, name in level1.items()
            if pcode not in self.areas
        ]
        for area in self._bulk_create(new1, AdminArea):
            self.areas[area.pcode] = (area.pk, 1)
        new2 = []
        for pcode, (name, parent) in level2.items():
            if pcode in self.areas:
                continue
            parent_pk, parent_level = self.areas.get(parent, (None, 0))
            new2.append(
                AdminArea(
                    country=self.country,
                    level=2,
                    pcode=pcode[:30],
                    name=name[:200],
                    parent_id=parent_pk if parent_level == 1 else None,
                    source=source,
                )
            )
        for area in self._bulk_create(new2, AdminArea):
            self.areas[area.pcode] = (area.pk, 2)
        self.report.areas_created += len(new1) + len(new2)

    def _stored(self, identifiers: list[str]) -> dict[str, dict]:
        """The stored 3W activities among ``identifiers``, with what an import compares."""
        activities = Activity.objects.filter(origin=Origin.THREE_W, iati_identifier__in=identifiers)
        stored = {}
        for values in activities.values('pk', 'iati_identifier', *ACTIVITY_FIELDS):
            stored[values['iati_identifier']] = {**values, 'sector': None, 'location': None, 'links': set()}
        by_pk = {state['pk']: state for state in stored.values()}
        if not by_pk:
            return stored
        pks = list(by_pk)
        for pk, code, name in ActivitySector.objects.filter(activity_id__in=pks).values_list(
            'activity_id', 'code', 'name'
        ):
            by_pk[pk]['sector'] = (code, name)
        for pk, area, name in ActivityLocation.objects.filter(activity_id__in=pks).values_list(
            'activity_id', 'admin_area_id', 'name'
        ):
            by_pk[pk]['location'] = (area, name)
        for pk, item in ActivityLink.objects.filter(activity_id__in=pks, kind=LinkKind.FRAMEWORK).values_list(
            'activity_id', 'framework_item_id'
        ):
            by_pk[pk]['links'].add(item)
        return stored

    # Section: what a row should be

    def _state(self, row: ThreeWRow, organisation: int) -> dict:
        if row.adm2_code or row.adm2_name:
            area = self.areas.get(row.adm2_code)  # a district named without its P-code is kept by name, never guessed
        else:
            area = self.areas.get(row.adm1_code)
        place = row.area
        return {
            'identifier': identifier(self.country, row),
            'title': (row.activity or f'{row.sector} – {place}')[:500],
            'status': STATUSES.get(fold(row.status), ''),
            'planned_start': datetime.date.fromisoformat(row.start) if row.start else None,
            'planned_end': datetime.date.fromisoformat(row.end) if row.end else None,
            'reporting_organisation_id': organisation,
            'source': f'{self.file_name}:{row.row}'[:300],
            'sector': ((row.sector_code or row.sector_name)[:100], row.sector_name[:300]),
            'location': (area[0] if area else None, '' if area else place[:300]),
            'link': self.sectors.get(row.sector),
        }

    # Section: writing

    def _bulk_create(self, objects: list, model) -> list:
        if not objects:
            return []
        return bulk_create_with_history(
            objects, model, batch_size=BATCH, default_user=self.user, default_change_reason=self.reason
        )

    def _tick(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    def _create(self, states: list[dict]) -> None:
        if not states:
            return
        rows = [
            {
                'iati_identifier': state['identifier'],
                'country_id': self.country.pk,
                'origin': Origin.THREE_W,
                **{name: state[name] for name in ACTIVITY_FIELDS},
            }
            for state in states
        ]
        identifiers = [row['iati_identifier'] for row in rows]
        pks = self._insert(
            Activity, rows, lambda found: found.filter(iati_identifier__in=identifiers), 'iati_identifier'
        )
        self._create_parts([(pks[state['identifier']], state) for state in states])

    def _create_parts(self, pairs: list[tuple[int, dict]]) -> None:
        """The sector and the location of each activity, and the framework link its sector matches. The organisation
        is the reporting organisation and the country the recipient country: no participant or recipient-country
        rows, which would double the writes of a large table for nothing the matrix or the list need."""
        ids = [pk for pk, _state in pairs]
        sectors = [
            {'activity_id': pk, 'vocabulary': SECTOR_VOCABULARY, 'code': state['sector'][0], 'name': state['sector'][1]}
            for pk, state in pairs
        ]
        locations = [
            {'activity_id': pk, 'admin_area_id': state['location'][0], 'name': state['location'][1]}
            for pk, state in pairs
        ]
        links = [
            {'activity_id': pk, 'kind': LinkKind.FRAMEWORK, 'framework_item_id': state['link']}
            for pk, state in pairs
            if state['link'] and state['link'] not in state.get('links', ())
        ]
        for model, rows in ((ActivitySector, sectors), (ActivityLocation, locations), (ActivityLink, links)):
            self._insert(model, rows, lambda found: found.filter(activity_id__in=ids), 'activity_id')

    def _insert(self, model, rows: list[dict], written, key: str) -> dict:
        """Insert ``rows`` (field attname -> value) with one ``executemany`` and their history ('+' records), faster
        than ``bulk_create`` by an order of magnitude on a large table: Django prepares every value of a bulk insert
        through its compiler, which is most of the time of a 10,000-row import. ``written(queryset)`` finds the rows
        just inserted among those added since (their ids), keyed by ``key``, one row per key."""
        if not rows:
            return {}
        before = model.objects.aggregate(last=Max('pk'))['last'] or 0
        extra = {'created': self.now, 'last_updated': self.now}
        _execute_insert(model, [{**extra, **row} for row in rows])
        found = dict(written(model.objects.filter(pk__gt=before)).values_list(key, 'pk'))
        history = model.history.model
        user = self.user.pk if self.user is not None else None
        _execute_insert(
            history,
            [
                {**extra, **row, 'id': found[row[key]], 'history_date': self.now, 'history_type': '+',
                 'history_user_id': user, 'history_change_reason': self.reason}
                for row in rows
            ],
        )  # fmt: skip
        return found

    def _update(self, changed: list[tuple[dict, dict]]) -> None:
        """Update in place: the activity's fields (with history), its sector and location replaced."""
        if not changed:
            return
        pks = [current['pk'] for current, _state in changed]
        activities = Activity.objects.in_bulk(pks)
        pairs = []
        for current, state in changed:
            activity = activities[current['pk']]
            for name in ACTIVITY_FIELDS:
                setattr(activity, name, state[name])
            activity.last_updated = self.now
            pairs.append((activity, {**state, 'links': current['links']}))
        bulk_update_with_history(
            [activity for activity, _state in pairs],
            Activity,
            [*ACTIVITY_FIELDS, 'last_updated'],
            batch_size=BATCH,
            default_user=self.user,
            default_change_reason=self.reason,
        )
        for model in (ActivitySector, ActivityLocation):
            for part in model.objects.filter(activity_id__in=pks):
                part._change_reason = self.reason
                if self.user is not None:
                    part._history_user = self.user
                part.delete()
        self._create_parts([(activity.pk, state) for activity, state in pairs])


def _execute_insert(model, rows: list[dict]) -> None:
    """One INSERT ... executemany for ``rows`` (attname -> Python value); the other columns get their defaults."""
    given = rows[0].keys()
    readers = []
    columns = []
    for model_field in model._meta.concrete_fields:
        if isinstance(model_field, AutoFieldMixin):
            continue
        name = model_field.attname
        columns.append(connection.ops.quote_name(model_field.column))
        if name not in given:
            constant = model_field.get_db_prep_save(model_field.get_default(), connection)
            readers.append(lambda row, constant=constant: constant)
        elif isinstance(model_field, DateTimeField):
            readers.append(lambda row, name=name: connection.ops.adapt_datetimefield_value(row[name]))
        elif isinstance(model_field, DateField):
            readers.append(lambda row, name=name: connection.ops.adapt_datefield_value(row[name]))
        elif isinstance(model_field, JSONField | DecimalField):
            readers.append(lambda row, name=name, kept=model_field: kept.get_db_prep_save(row[name], connection))
        else:
            readers.append(itemgetter(name))
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f'INSERT INTO {table} ({", ".join(columns)}) VALUES ({", ".join(["%s"] * len(columns))})'
    values = [[read(row) for read in readers] for row in rows]
    with connection.cursor() as cursor:
        for start in range(0, len(values), BATCH * 5):
            cursor.executemany(sql, values[start : start + BATCH * 5])


def _differs(current: dict, state: dict) -> bool:
    if any(current[name] != state[name] for name in ACTIVITY_FIELDS):
        return True
    if current['sector'] != state['sector'] or current['location'] != state['location']:
        return True
    return bool(state['link']) and state['link'] not in current['links']


def apply_import(record: ThreeWImport) -> StoreReport | None:
    """Apply a previewed 3W import: read its file again, apply the person's decisions on organisations (aliases
    confirmed, organisations created) and store the rows, all in one transaction; the record follows the progress
    and keeps the report. A file refused as a whole leaves nothing written and the error in the report."""
    ThreeWImport.objects.filter(pk=record.pk).update(status=ThreeWStatus.RUNNING, progress=0)
    try:
        table = open_table(
            record.file.path,
            name=record.name,
            sheet=record.sheet or None,
            hashtags_from_titles=record.hashtags_from_titles,
        )
        result = preview(
            table, map_columns(table), organisation_matcher(), sector_matcher(), default_period=record.period
        )
    except HxlError as error:
        record.status = ThreeWStatus.REFUSED
        record.report = {'file_error': {'code': error.code, 'params': error.params}}
        record.save(update_fields=['status', 'report', 'last_updated'])
        return None

    def decisions(report: StoreReport) -> None:
        changeable = Organisation.objects.in_bulk([pk for pk, _value in record.decisions.get('aliases', [])])
        for pk, value in record.decisions.get('aliases', []):
            if pk in changeable:
                report.aliases_added += add_alias(changeable[pk], value)
        created = create_unknown_values(record.decisions.get('new', []), source=record.name)
        report.organisations_created = len(created)

    def progress(done: int, total: int) -> None:
        ThreeWImport.objects.filter(pk=record.pk).update(progress=done, total=total)

    report = store_rows(
        result, record.country, file_name=record.name, user=record.uploaded_by, before=decisions, progress=progress
    )
    record.refresh_from_db(fields=['progress', 'total'])
    record.status = ThreeWStatus.DONE
    record.report = report.as_dict()
    record.save(update_fields=['status', 'report', 'last_updated'])
    return report
