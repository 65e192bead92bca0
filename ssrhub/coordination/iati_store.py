"""Store an IATI activity file: one transaction per file, so a file refused as a whole (malformed, an XML bomb, the
wrong version, ``strict`` with an invalid activity) leaves nothing behind.

An activity is keyed by its iati-identifier: re-importing it replaces its IATI parts when the file's
``last-updated-datetime`` is newer than the stored one (the older values stay in the audit history), and changes
nothing otherwise. Links a person made (``ActivityLink``) are kept. Organisations are matched by IATI identifier
(and created from identifier and name when new: a published identifier is not a guess); a participant without one
is matched by exact name or confirmed alias only, and otherwise keeps its published name without a record.

Every row the import writes or removes (activities, their parts, organisations) has its history record, with the
importing user (none on the command line) and ``IATI import <file>`` as the change reason. The parts are written in
bulk, a few hundred activities at a time, with their history records in bulk as well (``_PartWriter``).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ssrhub.core.history import describe_part
from ssrhub.core.models import Country

from .iati import Finding, IatiFileError, read_activities
from .iati.records import ActivityRecord, OrgRef
from .models import (
    Activity,
    ActivityLocation,
    ActivityPolicyMarker,
    ActivitySector,
    AdminArea,
    Budget,
    OnBudget,
    Organisation,
    OrganisationType,
    Origin,
    ParticipatingOrganisation,
    RecipientCountry,
    Result,
    ResultIndicator,
    ResultPeriod,
    Transaction,
)

__all__ = [
    'ActivityLine',
    'ImportReport',
    'OrganisationMatcher',
    'describe_activity_part',
    'import_iati',
    'write_report',
]

# The parts an import replaces; links made by hand are not among them.
REPLACED_PARTS = (
    'recipient_countries',
    'participants',
    'sectors',
    'policy_markers',
    'locations',
    'budgets',
    'transactions',
    'results',
)
# Activities whose parts are kept in memory before they are written in bulk: memory stays flat on a large file.
FLUSH_EVERY = 200
BATCH = 500


@dataclass
class ActivityLine:
    """What happened to one activity of the file."""

    identifier: str
    line: int | None
    outcome: str  # imported, updated, unchanged or refused
    errors: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)
    stored: str = ''  # the stored activity's last-updated date, when unchanged

    def as_dict(self) -> dict:
        return {
            'identifier': self.identifier,
            'line': self.line,
            'outcome': self.outcome,
            'errors': [f.as_dict() for f in self.errors],
            'notes': [f.as_dict() for f in self.notes],
            'stored': self.stored,
        }


@dataclass
class ImportReport:
    """The outcome of one file: counts, and one line per activity (refused ones with their errors)."""

    file: str
    strict: bool = False
    file_error: Finding | None = None
    lines: list[ActivityLine] = field(default_factory=list)
    organisations_created: int = 0

    def count(self, outcome: str) -> int:
        return sum(line.outcome == outcome for line in self.lines)

    @property
    def read(self) -> int:
        return len(self.lines)

    @property
    def refused(self) -> list[ActivityLine]:
        return [line for line in self.lines if line.outcome == 'refused']

    @property
    def error_count(self) -> int:
        return sum(len(line.errors) for line in self.lines)

    def summary(self) -> dict:
        return {
            'read': self.read,
            'imported': self.count('imported'),
            'updated': self.count('updated'),
            'unchanged': self.count('unchanged'),
            'refused': self.count('refused'),
            'errors': self.error_count,
            'notes': sum(len(line.notes) for line in self.lines),
            'organisations_created': self.organisations_created,
        }

    def as_dict(self) -> dict:
        return {
            'file': self.file,
            'strict': self.strict,
            'file_error': self.file_error.as_dict() if self.file_error else None,
            'summary': self.summary(),
            'activities': [line.as_dict() for line in self.lines],
        }


class _Rollback(Exception):
    pass


class OrganisationMatcher:
    """Finds (or, for an IATI identifier, creates) the organisation an IATI element names; loads every organisation
    once, so an import asks the database only to create."""

    def __init__(self, user=None, reason: str = ''):
        self.user, self.reason = user, reason
        self.by_ref: dict[str, Organisation] = {}
        self.by_name: dict[str, Organisation] = {}
        self.created = 0
        for organisation in Organisation.objects.all():
            if organisation.iati_ref:
                self.by_ref[organisation.iati_ref.upper()] = organisation
            for name in (organisation.name, organisation.name_fr, organisation.acronym, *organisation.aliases):
                if name:
                    self.by_name.setdefault(name.casefold(), organisation)

    def find(self, org: OrgRef | None) -> Organisation | None:
        """The organisation named by ``org``: by identifier, then by exact name or alias."""
        if org is None:
            return None
        if org.ref and (found := self.by_ref.get(org.ref.upper())):
            return found
        if org.ref:
            return self._create(org)
        return self.by_name.get(org.name.casefold()) if org.name else None

    def reporting(self, org: OrgRef) -> Organisation:
        """The reporting organisation, created from its name when IATI gives no identifier and no name matches."""
        return self.find(org) or self._create(org)

    def _create(self, org: OrgRef) -> Organisation:
        name = org.name or org.ref
        by_same_name = self.by_name.get(name.casefold())
        if by_same_name is not None and not by_same_name.iati_ref and org.ref:
            by_same_name.iati_ref = org.ref
            _attribute_history(by_same_name, self.user, self.reason)
            by_same_name.save(update_fields=['iati_ref', 'last_updated'])
            self.by_ref[org.ref.upper()] = by_same_name
            return by_same_name
        if (
            by_same_name is not None
            or Organisation.objects.annotate(lower=Lower('name')).filter(lower=name.casefold()).exists()
        ):
            name = f'{name} ({org.ref})' if org.ref else name
        organisation = Organisation(
            name=name[:250],
            iati_ref=org.ref[:100],
            type=org.type if org.type in OrganisationType.values else '',
            source='IATI',
        )
        _attribute_history(organisation, self.user, self.reason)
        organisation.save()
        self.created += 1
        if org.ref:
            self.by_ref[org.ref.upper()] = organisation
        self.by_name.setdefault(organisation.name.casefold(), organisation)
        return organisation


def _attribute_history(record, user, reason: str) -> None:
    """Have the history record of ``record``'s next save carry ``reason`` and ``user`` (none on the command line)."""
    record._change_reason = reason
    if user is not None:
        record._history_user = user


class _PartWriter:
    """The parts of the activities an import stores, written in bulk every ``FLUSH_EVERY`` activities with their
    history records ('+'), after the parts of the activities replaced meanwhile are removed with theirs ('-'): the
    same user and reason on every record, and a few queries per model instead of one or two per part."""

    # Written in this order: an indicator needs its result's id, a period its indicator's.
    CREATED = (
        RecipientCountry,
        ParticipatingOrganisation,
        ActivitySector,
        ActivityPolicyMarker,
        ActivityLocation,
        Budget,
        Transaction,
        Result,
        ResultIndicator,
        ResultPeriod,
    )
    # Removed in this order (children first), each with the lookup from the part to the activity.
    REMOVED = (
        (ResultPeriod, 'indicator__result__activity_id'),
        (ResultIndicator, 'result__activity_id'),
        *((Activity._meta.get_field(part).related_model, 'activity_id') for part in REPLACED_PARTS),
    )

    def __init__(self, user, reason: str):
        self.user, self.reason = user, reason
        self.new: dict[type, list] = defaultdict(list)
        # Activities whose stored parts go at the next flush. An identifier is in a file once (the reader refuses a
        # second activity with the same one), so none of them has new parts waiting in ``new``.
        self.replaced: list[int] = []
        self.activities = 0

    def add(self, part) -> None:
        self.new[type(part)].append(part)

    def replace(self, activity: Activity) -> None:
        """Remove the stored parts of ``activity`` (at the next flush, before its new parts are written)."""
        self.replaced.append(activity.pk)

    def done(self) -> None:
        self.activities += 1
        if self.activities % FLUSH_EVERY == 0:
            self.flush()

    def flush(self) -> None:
        if self.replaced:
            self._remove(self.replaced)
        for model in self.CREATED:
            if objects := self.new.pop(model, None):
                bulk_create_with_history(
                    objects, model, batch_size=BATCH, default_user=self.user, default_change_reason=self.reason
                )
        self.replaced = []

    def _remove(self, activities: list[int]) -> None:
        """Delete the parts of ``activities`` after writing one '-' history record for each, in bulk. A queryset's
        ``delete()`` would write them one by one through simple-history's signal, without the user or the reason."""
        now = timezone.now()
        for model, lookup in self.REMOVED:
            parts = model.objects.filter(**{f'{lookup}__in': activities})
            history = model.history.model
            history.objects.bulk_create(
                [
                    history(
                        history_date=now,
                        history_type='-',
                        history_user=self.user,
                        history_change_reason=self.reason,
                        **{name.attname: getattr(part, name.attname) for name in history.tracked_fields},
                    )
                    for part in parts
                ],
                batch_size=BATCH,
            )
            parts._raw_delete(parts.db)  # no signal: the history records are written above


def describe_activity_part(record) -> str:
    """A part's change in an activity's history: its kind and value, and the import that made it."""
    described = describe_part(record)
    return f'{described} ({record.history_change_reason})' if record.history_change_reason else described


def import_iati(
    path,
    *,
    name: str | None = None,
    strict: bool = False,
    user=None,
    may_store: Callable[[Country | None], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import the IATI file at ``path`` in one transaction and return its report (``file_error`` set when the whole
    file was refused). ``may_store(country)`` says whether the user may add an activity for that recipient country
    (None: every country, as on the command line)."""
    path = Path(path)
    report = ImportReport(file=name or path.name, strict=strict)
    countries = {country.iso2: country for country in Country.objects.all()}
    try:
        with transaction.atomic():
            reason = f'IATI import {report.file}'
            matcher = OrganisationMatcher(user, reason)
            parts = _PartWriter(user, reason)
            stored = dict(Activity.objects.values_list('iati_identifier', 'last_updated_datetime'))
            for outcome in read_activities(path, report.file):
                report.lines.append(_store_one(outcome, report.file, countries, matcher, parts, may_store, stored))
                if progress and report.read % 25 == 0:
                    progress(report.read)
            parts.flush()
            report.organisations_created = matcher.created
            if strict and report.refused:
                raise _Rollback
    except IatiFileError as error:
        report.file_error = error.finding
        report.lines = [line for line in report.lines if line.outcome == 'refused']
    except _Rollback:
        report.file_error = Finding('strict', {'file': report.file, 'count': len(report.refused)})
        report.lines = report.refused
        report.organisations_created = 0
    if progress:
        progress(report.read)
    return report


def _store_one(outcome, file_name: str, countries: dict, matcher: OrganisationMatcher, parts, may_store, stored: dict):
    """Store one activity of the file; ``stored`` maps the identifiers already stored to their last-updated date."""
    if not outcome.valid:
        return ActivityLine(outcome.identifier, outcome.line, 'refused', outcome.errors)
    record: ActivityRecord = outcome.record
    notes = list(outcome.notes)
    recipients = []
    for recipient in record.recipient_countries:
        if (country := countries.get(recipient.code)) is None:
            notes.append(Finding('unknown_country', {'code': recipient.code}))
        else:
            recipients.append((country, recipient.percentage))
    main_country = _main_country(recipients)
    if may_store is not None and not may_store(main_country):
        label = main_country.name if main_country else '—'
        error = Finding('outside_reach', {'line': outcome.line, 'country': label})
        return ActivityLine(outcome.identifier, outcome.line, 'refused', [error])
    if record.identifier in stored and not _newer(record, stored[record.identifier]):
        when = stored[record.identifier].isoformat() if stored[record.identifier] else ''
        return ActivityLine(outcome.identifier, outcome.line, 'unchanged', notes=notes, stored=when)
    existing = (
        Activity.objects.filter(iati_identifier=record.identifier).first() if record.identifier in stored else None
    )
    activity = existing or Activity(iati_identifier=record.identifier)
    activity.reporting_organisation = matcher.reporting(record.reporting_org)
    activity.country = main_country
    for name in (
        'title',
        'title_fr',
        'description',
        'description_fr',
        'language',
        'description_language',
        'status',
        'planned_start',
        'actual_start',
        'planned_end',
        'actual_end',
        'humanitarian',
        'default_currency',
        'default_flow_type',
        'default_finance_type',
        'default_aid_type',
        'default_tied_status',
    ):
        setattr(activity, name, getattr(record, name))
    activity.title = activity.title[:500] or record.identifier
    activity.title_fr = activity.title_fr[:500]
    activity.last_updated_datetime = record.last_updated
    if record.on_budget == OnBudget.YES or existing is None:
        activity.on_budget = record.on_budget
    activity.origin = Origin.IATI
    activity.source = f'{file_name}:{outcome.line}'[:300]  # file:line, the same in every language
    activity.notes = [note.as_dict() for note in notes]
    _attribute_history(activity, parts.user, parts.reason)
    activity.save()
    stored[record.identifier] = activity.last_updated_datetime
    if existing is not None:
        parts.replace(activity)
    _store_parts(parts, activity, record, recipients, matcher)
    parts.done()
    return ActivityLine(outcome.identifier, outcome.line, 'updated' if existing else 'imported', notes=notes)


def _main_country(recipients) -> Country | None:
    """The recipient country of a single-country activity (one country, or one with 100%)."""
    if len(recipients) == 1:
        return recipients[0][0]
    whole = [country for country, percentage in recipients if percentage == 100]
    return whole[0] if len(whole) == 1 else None


def _newer(record: ActivityRecord, stored_date) -> bool:
    """A file that does not say when the activity was last updated is not newer than the stored activity."""
    if record.last_updated is None:
        return False
    return stored_date is None or record.last_updated > stored_date


def _store_parts(
    parts: _PartWriter, activity: Activity, record: ActivityRecord, recipients, matcher: OrganisationMatcher
) -> None:
    """Hand the parts ``record`` gives ``activity`` to ``parts``, which writes them in bulk."""
    for country, percentage in recipients:
        parts.add(RecipientCountry(activity=activity, country=country, percentage=percentage))
    for participant in record.participants:
        parts.add(
            ParticipatingOrganisation(
                activity=activity,
                organisation=matcher.find(participant.org),
                name=participant.org.name[:300] or participant.org.ref[:300],
                role=participant.role,
                type=participant.org.type[:2],
                activity_identifier=participant.activity_id[:200],
            )
        )
    for sector in record.sectors:
        parts.add(
            ActivitySector(
                activity=activity,
                vocabulary=sector.vocabulary[:3],
                code=sector.code[:100],
                name=sector.name[:300],
                percentage=sector.percentage,
            )
        )
    for marker in record.policy_markers:
        parts.add(
            ActivityPolicyMarker(
                activity=activity,
                vocabulary=marker.vocabulary[:3],
                code=marker.code[:20],
                significance=marker.significance[:2],
                name=marker.name[:300],
            )
        )
    pcodes = [location.pcode for location in record.locations if location.pcode]
    areas = {area.pcode: area for area in AdminArea.objects.filter(pcode__in=pcodes)} if pcodes else {}
    for location in record.locations:
        if location.name or location.pcode in areas:
            parts.add(
                ActivityLocation(
                    activity=activity,
                    admin_area=areas.get(location.pcode),
                    name=location.name[:300],
                    latitude=location.latitude,
                    longitude=location.longitude,
                )
            )
    for budget in record.budgets:
        parts.add(
            Budget(
                activity=activity,
                type=budget.type,
                status=budget.status,
                period_start=budget.period_start,
                period_end=budget.period_end,
                value=budget.value,
                currency=budget.currency,
                value_date=budget.value_date,
            )
        )
    for transaction_record in record.transactions:
        parts.add(
            Transaction(
                activity=activity,
                ref=transaction_record.ref[:200],
                type=transaction_record.type,
                date=transaction_record.date,
                value=transaction_record.value,
                currency=transaction_record.currency,
                value_date=transaction_record.value_date,
                description=transaction_record.description,
                provider_organisation=matcher.find(transaction_record.provider),
                provider_name=transaction_record.provider.name[:300] if transaction_record.provider else '',
                provider_activity_identifier=transaction_record.provider_activity_id[:200],
                receiver_organisation=matcher.find(transaction_record.receiver),
                receiver_name=transaction_record.receiver.name[:300] if transaction_record.receiver else '',
                receiver_activity_identifier=transaction_record.receiver_activity_id[:200],
            )
        )
    for result_record in record.results:
        result = Result(
            activity=activity,
            type=result_record.type,
            title=result_record.title[:500],
            description=result_record.description,
        )
        parts.add(result)
        for indicator_record in result_record.indicators:
            indicator = ResultIndicator(
                result=result,
                measure=indicator_record.measure,
                ascending=indicator_record.ascending,
                title=indicator_record.title[:500],
                baseline_year=indicator_record.baseline_year,
                baseline_value=indicator_record.baseline_value[:100],
                baseline_comment=indicator_record.baseline_comment,
            )
            parts.add(indicator)
            for period in indicator_record.periods:
                parts.add(
                    ResultPeriod(
                        indicator=indicator,
                        period_start=period.period_start,
                        period_end=period.period_end,
                        target=period.target[:100],
                        actual=period.actual[:100],
                        comment=period.comment,
                    )
                )


def write_report(report: ImportReport, path, gettext=None) -> None:
    """Write ``report`` as JSON (``.json``) or CSV (any other name: one row per error or note)."""
    path = Path(path)
    translate = gettext or (lambda message: message)
    if path.suffix.lower() == '.json':
        data = report.as_dict()
        for line, item in zip(report.lines, data['activities'], strict=True):
            for kind in ('errors', 'notes'):
                for finding, entry in zip(getattr(line, kind), item[kind], strict=True):
                    entry['message'] = finding.message(translate)
        if report.file_error:
            data['file_error']['message'] = report.file_error.message(translate)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding='utf-8')
        return
    with open(path, 'w', newline='', encoding='utf-8') as handle:
        writer = csv.writer(handle)
        writer.writerow(['identifier', 'line', 'outcome', 'kind', 'code', 'message'])
        if report.file_error:
            writer.writerow(['', '', 'refused', 'file', report.file_error.code, report.file_error.message(translate)])
        for line in report.lines:
            findings = [('error', f) for f in line.errors] + [('note', f) for f in line.notes]
            if not findings:
                writer.writerow([line.identifier, line.line, line.outcome, '', '', ''])
            for kind, finding in findings:
                writer.writerow(
                    [line.identifier, line.line, line.outcome, kind, finding.code, finding.message(translate)]
                )
