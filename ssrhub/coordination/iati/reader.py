"""Read an IATI activity file as a stream: one activity at a time, each validated against the IATI 2.03 schema and
checked (currencies, sector percentages, negative values), so memory stays flat however large the file is.

The whole file is refused (``IatiFileError``) for a DOCTYPE or entity declaration (an XML bomb), malformed XML, a
wrong root element or namespace, or a version other than 2.01-2.03; such an error can come at the end of the file,
so the caller stores inside one transaction and rolls back on it. An invalid activity is reported with its errors
(``ActivityOutcome.errors``) and the reading goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

import pycountry
from lxml import etree

from .messages import Finding, IatiFileError
from .records import (
    ActivityRecord,
    BudgetRecord,
    DimensionValue,
    IndicatorRecord,
    LocationRecord,
    OrgRef,
    ParticipantRecord,
    PeriodRecord,
    PolicyMarkerRecord,
    RecipientCountryRecord,
    ResultRecord,
    SectorRecord,
    TransactionRecord,
)

__all__ = ['READ_VERSIONS', 'SCHEMA_DIR', 'ActivityOutcome', 'activity_schema', 'read_activities', 'validate_tree']

SCHEMA_DIR = Path(__file__).resolve().parent.parent / 'data' / 'iati' / 'schemas'
READ_VERSIONS = ('2.01', '2.02', '2.03')
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
# Rounding tolerated in a vocabulary's sector percentages (IATI asks for 100; publishers round to 99.99).
SECTOR_TOLERANCE = Decimal('0.1')
# IATI's budget-support aid types: the money goes through the recipient's budget.
BUDGET_SUPPORT_AID_TYPES = ('A01', 'A02')
DATE_TYPES = {'1': 'planned_start', '2': 'actual_start', '3': 'planned_end', '4': 'actual_end'}
PROLOG_BYTES = 65536


@cache
def activity_schema() -> etree.XMLSchema:
    """The IATI 2.03 activity schema, read from the copy shipped with ssrhub (never from the network)."""
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / 'iati-activities-schema.xsd'), parser))


@dataclass
class ActivityOutcome:
    """One activity of the file: its record when valid, else its errors; notes on what was accepted with a remark."""

    identifier: str
    line: int | None
    record: ActivityRecord | None
    errors: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors


def validate_tree(root) -> list[tuple[int, str]]:
    """Schema errors of an ``iati-activities`` element as ``(line, message)``."""
    schema = activity_schema()
    if schema.validate(root):
        return []
    return [(error.line, error.message) for error in schema.error_log]


def _refuse_declarations(path: Path, name: str) -> None:
    """Refuse a DOCTYPE or ENTITY declaration in the prolog, before the parser sees it."""
    with open(path, 'rb') as handle:
        head = handle.read(PROLOG_BYTES)
    root_start = re.search(rb'<[A-Za-z_]', head)
    prolog = head[: root_start.start()] if root_start else head
    match = re.search(rb'<!(DOCTYPE|ENTITY)', prolog)
    if match:
        raise IatiFileError('entity', file=name, line=prolog[: match.start()].count(b'\n') + 1)


def read_activities(path, name: str | None = None) -> Iterator[ActivityOutcome]:
    """Yield each activity of the IATI file at ``path`` (``name`` is how messages call the file)."""
    path = Path(path)
    name = name or path.name
    _refuse_declarations(path, name)
    context = etree.iterparse(
        str(path),
        events=('start', 'end'),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    root = None
    seen: dict[str, int] = {}
    count = 0
    try:
        for event, element in context:
            if root is None:
                root = element
                _check_root(root, name)
                continue
            if event != 'end' or element.getparent() is not root:
                continue
            if element.tag != 'iati-activity':
                element.clear()
                continue
            count += 1
            yield _read_one(element, root, seen)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (error.lineno, 0)
        if 'entity' in (error.msg or '').lower() and 'declar' in (error.msg or '').lower():
            raise IatiFileError('entity', file=name, line=line) from error
        raise IatiFileError('malformed', file=name, line=line, column=column, detail=error.msg) from error
    if root is None:
        raise IatiFileError('malformed', file=name, line=1, column=0, detail='empty file')
    if not count:
        raise IatiFileError('no_activities', file=name)


def _check_root(root, name: str) -> None:
    if root.getroottree().docinfo.internalDTD is not None or root.getroottree().docinfo.doctype:
        raise IatiFileError('entity', file=name, line=1)
    qname = etree.QName(root)
    if qname.localname == 'iati-activities' and qname.namespace:
        raise IatiFileError('wrong_namespace', file=name, namespace=qname.namespace)
    if qname.localname != 'iati-activities':
        raise IatiFileError('wrong_root', file=name, tag=qname.localname)
    version = (root.get('version') or '').strip()
    if not version:
        raise IatiFileError('no_version', file=name)
    if version.startswith('1.'):
        raise IatiFileError('old_version', file=name, version=version)
    if version not in READ_VERSIONS:
        raise IatiFileError('unknown_version', file=name, version=version)


def _read_one(element, root, seen: dict[str, int]) -> ActivityOutcome:
    line = element.sourceline
    identifier = _text(element.find('iati-identifier'))
    language = (element.get(XML_LANG) or root.get(XML_LANG) or '').lower()
    wrapper = etree.Element('iati-activities', version='2.03')
    # Moving (not copying) the element keeps its source lines in the schema's messages and frees it afterwards.
    wrapper.append(element)
    errors = [Finding('schema', {'line': at, 'detail': message}) for at, message in validate_tree(wrapper)]
    if not identifier:
        errors.append(Finding('no_identifier', {'line': line}))
    elif identifier in seen:
        errors.append(Finding('duplicate', {'line': line, 'identifier': identifier, 'first': seen[identifier]}))
    else:
        seen[identifier] = line
    notes: list[Finding] = []
    record = None
    # An activity the schema refused is not read further: its parts may be missing, and its errors are reported.
    if not errors:
        try:
            record = _parse(element, language, errors, notes)
        except _Refused as refused:
            errors.append(refused.finding)
    element.clear()
    wrapper.remove(element)
    if errors:
        return ActivityOutcome(identifier, line, None, errors, [])
    return ActivityOutcome(identifier, line, record, [], notes)


# Section: reading the parts


class _Refused(Exception):
    def __init__(self, finding: Finding):
        self.finding = finding


def _text(element) -> str:
    return (element.text or '').strip() if element is not None else ''


def _narratives(element, language: str) -> tuple[str, str]:
    """The narrative in the activity's language (else the first) and the French one, if published."""
    main, french, _ = _narratives_in(element, language)
    return main, french


def _narratives_in(element, language: str) -> tuple[str, str, str]:
    """``_narratives()`` and the language of the main narrative."""
    if element is None:
        return '', '', language
    texts = [((n.get(XML_LANG) or language).lower(), _text(n)) for n in element.findall('narrative')]
    texts = [(lang, text) for lang, text in texts if text]
    if not texts:
        return '', '', language
    main_language, main = next(((lang, text) for lang, text in texts if lang == language), texts[0])
    french = next((text for lang, text in texts if lang == 'fr'), '')
    return main, french, main_language


def _decimal(value: str | None, element, line_of) -> Decimal | None:
    if value is None or not value.strip():
        return None
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        raise _Refused(
            Finding('bad_number', {'line': line_of.sourceline, 'value': value, 'element': element})
        ) from None
    if not number.is_finite():
        raise _Refused(Finding('bad_number', {'line': line_of.sourceline, 'value': value, 'element': element}))
    return number


def _date(value: str | None, element, line_of) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise _Refused(Finding('bad_date', {'line': line_of.sourceline, 'value': value, 'element': element})) from None


def _datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace('Z', '+00:00'))
    except ValueError:
        return None
    # IATI's dates without a time zone are read as UTC, so that they compare with the stored ones.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _currency(code: str, element: str, node) -> str:
    code = code.strip().upper()
    if pycountry.currencies.get(alpha_3=code) is None:
        raise _Refused(Finding('unknown_currency', {'line': node.sourceline, 'currency': code, 'element': element}))
    return code


def _org(element, language: str) -> OrgRef | None:
    if element is None:
        return None
    return OrgRef(
        ref=(element.get('ref') or '').strip(),
        name=_narratives(element, language)[0],
        type=(element.get('type') or '').strip(),
    )


def _value(node, element: str, default_currency: str, fallback_date: date | None):
    value_node = node.find('value')
    value = _decimal(_text(value_node), element, value_node)
    currency = value_node.get('currency') or default_currency
    if not currency:
        raise _Refused(Finding('no_currency', {'line': value_node.sourceline, 'element': element}))
    value_date = _date(value_node.get('value-date'), element, value_node) or fallback_date
    return value, _currency(currency, element, value_node), value_date


def _parse(element, language: str, errors: list[Finding], notes: list[Finding]) -> ActivityRecord:
    # The language of the title's main narrative is the activity's, for the narratives that do not say theirs.
    title, title_fr, language = _narratives_in(element.find('title'), language)
    descriptions = element.findall('description')
    general = next((d for d in descriptions if d.get('type', '1') == '1'), descriptions[0] if descriptions else None)
    description, description_fr, description_language = _narratives_in(general, language)
    default_currency = (element.get('default-currency') or '').strip().upper()
    if default_currency:
        default_currency = _currency(default_currency, 'iati-activity', element)
    record = ActivityRecord(
        identifier=_text(element.find('iati-identifier')),
        reporting_org=_org(element.find('reporting-org'), language) or OrgRef(),
        title=title,
        title_fr=title_fr,
        description=description,
        description_fr=description_fr,
        language=language,
        description_language='' if description_language == language else description_language,
        status=(element.find('activity-status').get('code', '') if element.find('activity-status') is not None else ''),
        humanitarian=(element.get('humanitarian') or '').strip().lower() in ('1', 'true'),
        default_currency=default_currency,
        last_updated=_datetime(element.get('last-updated-datetime')),
        line=element.sourceline,
    )
    for node in element.findall('activity-date'):
        if (attribute := DATE_TYPES.get(node.get('type', ''))) is not None:
            setattr(record, attribute, _date(node.get('iso-date'), 'activity-date', node))
    for tag in ('default-flow-type', 'default-finance-type', 'default-tied-status'):
        if (node := element.find(tag)) is not None:
            setattr(record, tag.replace('-', '_'), node.get('code', ''))
    aid_types = [
        node.get('code', '') for node in element.findall('default-aid-type') if node.get('vocabulary', '1') == '1'
    ]
    record.default_aid_type = aid_types[0] if aid_types else ''
    if any(code in BUDGET_SUPPORT_AID_TYPES for code in aid_types) or element.find('country-budget-items') is not None:
        record.on_budget = 'yes'
    for node in element.findall('recipient-country'):
        record.recipient_countries.append(
            RecipientCountryRecord(
                code=(node.get('code') or '').strip().upper(),
                percentage=_decimal(node.get('percentage'), 'recipient-country', node),
            )
        )
    for node in element.findall('participating-org'):
        record.participants.append(
            ParticipantRecord(
                org=_org(node, language), role=node.get('role', ''), activity_id=(node.get('activity-id') or '').strip()
            )
        )
    for node in element.findall('sector'):
        record.sectors.append(
            SectorRecord(
                vocabulary=node.get('vocabulary', '1'),
                code=(node.get('code') or '').strip(),
                percentage=_decimal(node.get('percentage'), 'sector', node),
                name=_narratives(node, language)[0],
            )
        )
    _check_sectors(record, element, errors, notes)
    for node in element.findall('policy-marker'):
        record.policy_markers.append(
            PolicyMarkerRecord(
                vocabulary=node.get('vocabulary', '1'),
                code=(node.get('code') or '').strip(),
                significance=(node.get('significance') or '').strip(),
                name=_narratives(node, language)[0],
            )
        )
    for node in element.findall('location'):
        latitude = longitude = None
        if (position := _text(node.find('point/pos'))) and len(parts := position.split()) == 2:
            latitude = _decimal(parts[0], 'pos', node.find('point/pos'))
            longitude = _decimal(parts[1], 'pos', node.find('point/pos'))
        record.locations.append(
            LocationRecord(name=_narratives(node.find('name'), language)[0], latitude=latitude, longitude=longitude)
        )
    for node in element.findall('budget'):
        start = _date(node.find('period-start').get('iso-date'), 'period-start', node.find('period-start'))
        value, currency, value_date = _value(node, 'budget', default_currency, start)
        record.budgets.append(
            BudgetRecord(
                type=node.get('type', '1'),
                status=node.get('status', '1'),
                period_start=start,
                period_end=_date(node.find('period-end').get('iso-date'), 'period-end', node.find('period-end')),
                value=value,
                currency=currency,
                value_date=value_date,
            )
        )
    for node in element.findall('transaction'):
        record.transactions.append(_transaction(node, record, language, notes))
    for node in element.findall('result'):
        record.results.append(_result(node, language))
    return record


def _check_sectors(record: ActivityRecord, element, errors: list[Finding], notes: list[Finding]) -> None:
    by_vocabulary: dict[str, list[Decimal | None]] = {}
    for sector in record.sectors:
        by_vocabulary.setdefault(sector.vocabulary, []).append(sector.percentage)
    for vocabulary, percentages in by_vocabulary.items():
        if len(percentages) == 1 and percentages[0] is None:
            continue
        total = sum((p or Decimal(0)) for p in percentages)
        if total == 100:
            continue
        params = {'vocabulary': vocabulary, 'total': _plain(total)}
        if abs(total - 100) <= SECTOR_TOLERANCE:
            notes.append(Finding('sector_rounding', params))
        else:
            errors.append(Finding('sector_sum', {'line': element.find('sector').sourceline, **params}))


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), 'f')
    return text


def _transaction(node, record: ActivityRecord, language: str, notes: list[Finding]) -> TransactionRecord:
    type_node, date_node = node.find('transaction-type'), node.find('transaction-date')
    type_code = type_node.get('code', '') if type_node is not None else ''
    when = _date(date_node.get('iso-date'), 'transaction-date', date_node) if date_node is not None else None
    value, currency, value_date = _value(node, 'transaction', record.default_currency, when)
    provider, receiver = node.find('provider-org'), node.find('receiver-org')
    transaction = TransactionRecord(
        type=type_code,
        date=when,
        value=value,
        currency=currency,
        value_date=value_date,
        ref=(node.get('ref') or '').strip(),
        description=_narratives(node.find('description'), language)[0],
        provider=_org(provider, language),
        provider_activity_id=(provider.get('provider-activity-id') or '').strip() if provider is not None else '',
        receiver=_org(receiver, language),
        receiver_activity_id=(receiver.get('receiver-activity-id') or '').strip() if receiver is not None else '',
        line=node.sourceline,
    )
    if value < 0:
        notes.append(
            Finding(
                'negative_value',
                {
                    'line': node.sourceline,
                    'type': type_code,
                    'value': _plain(value),
                    'currency': currency,
                    'date': when.isoformat(),
                },
            )
        )
    if record.start and when < record.start:
        notes.append(
            Finding(
                'before_start', {'line': node.sourceline, 'date': when.isoformat(), 'start': record.start.isoformat()}
            )
        )
    return transaction


def _result(node, language: str) -> ResultRecord:
    result = ResultRecord(
        type=node.get('type', '9'),
        title=_narratives(node.find('title'), language)[0],
        description=_narratives(node.find('description'), language)[0],
    )
    for indicator_node in node.findall('indicator'):
        baseline = indicator_node.find('baseline')
        indicator = IndicatorRecord(
            measure=indicator_node.get('measure', '1'),
            title=_narratives(indicator_node.find('title'), language)[0],
            ascending=(indicator_node.get('ascending') or '1').strip().lower() not in ('0', 'false'),
        )
        if baseline is not None:
            year = (baseline.get('year') or '').strip()
            indicator.baseline_year = int(year) if year.isdigit() else None
            indicator.baseline_value = (baseline.get('value') or '').strip()
            indicator.baseline_comment = _narratives(baseline.find('comment'), language)[0]
        for period_node in indicator_node.findall('period'):
            start, end = period_node.find('period-start'), period_node.find('period-end')
            target, target_dimensions = _period_values(period_node, 'target')
            actual, actual_dimensions = _period_values(period_node, 'actual')
            indicator.periods.append(
                PeriodRecord(
                    period_start=_date(start.get('iso-date'), 'period-start', start),
                    period_end=_date(end.get('iso-date'), 'period-end', end),
                    target=(target.get('value') or '').strip() if target is not None else '',
                    actual=(actual.get('value') or '').strip() if actual is not None else '',
                    comment=_narratives(actual.find('comment') if actual is not None else None, language)[0],
                    target_dimensions=target_dimensions,
                    actual_dimensions=actual_dimensions,
                )
            )
        result.indicators.append(indicator)
    return result


def _period_values(period_node, tag: str) -> tuple:
    """A period's total ``<target>`` or ``<actual>`` (the first without a dimension, else the first) and its values
    by dimension (a value with several dimensions is kept under each)."""
    nodes = period_node.findall(tag)
    total = next((node for node in nodes if node.find('dimension') is None), nodes[0] if nodes else None)
    parts = [
        DimensionValue(
            (dimension.get('name') or '').strip(),
            (dimension.get('value') or '').strip(),
            (node.get('value') or '').strip(),
        )
        for node in nodes
        if node is not total
        for dimension in node.findall('dimension')
    ]
    return total, parts
