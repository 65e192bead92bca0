"""Write activity records as an IATI 2.03 activity file (elements in the schema's order), streamed to a binary file
so that a large selection does not build one tree."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from decimal import Decimal

from lxml import etree

from .records import ActivityRecord, DimensionValue, OrgRef

__all__ = ['activity_element', 'number_text', 'write_activities']

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
DATE_TYPES = (('1', 'planned_start'), ('2', 'actual_start'), ('3', 'planned_end'), ('4', 'actual_end'))


def number_text(value: Decimal) -> str:
    """A decimal as IATI writes it, without trailing zeros."""
    text = format(value, 'f')
    return text.rstrip('0').rstrip('.') if '.' in text else text


def _narrative(parent, text: str, language: str = '') -> None:
    node = etree.SubElement(parent, 'narrative')
    if language:
        node.set(XML_LANG, language)
    node.text = text


def _text_element(parent, tag: str, text: str, french: str = '', language: str = '', **attributes) -> None:
    node = etree.SubElement(parent, tag, {k.replace('_', '-'): v for k, v in attributes.items() if v})
    _narrative(node, text, language)
    if french and french != text:
        _narrative(node, french, 'fr')


def _org(parent, tag: str, org: OrgRef, **attributes):
    node = etree.SubElement(parent, tag)
    for name, value in (('ref', org.ref), *attributes.items(), ('type', org.type)):
        if value:
            node.set(name.replace('_', '-'), value)
    if org.name:
        _narrative(node, org.name)
    return node


def _value(parent, value: Decimal, currency: str, value_date) -> None:
    node = etree.SubElement(parent, 'value', {'currency': currency, 'value-date': value_date.isoformat()})
    node.text = number_text(value)


def _dimensions(period_node, tag: str, parts: list[DimensionValue]) -> None:
    """One ``<target>`` or ``<actual>`` per category after the total (which readers take as the first without a
    dimension)."""
    for part in parts:
        node = etree.SubElement(period_node, tag, value=part.value)
        etree.SubElement(node, 'dimension', name=part.name, value=part.category)


def activity_element(record: ActivityRecord):
    """The ``<iati-activity>`` element of ``record``; every part the schema requires is written (the description
    repeats the title when there is none, as IATI requires one)."""
    attributes = {}
    if record.last_updated:
        attributes['last-updated-datetime'] = record.last_updated.isoformat()
    if record.language:
        attributes[XML_LANG] = record.language
    if record.default_currency:
        attributes['default-currency'] = record.default_currency
    attributes['humanitarian'] = '1' if record.humanitarian else '0'
    activity = etree.Element('iati-activity', attributes)
    etree.SubElement(activity, 'iati-identifier').text = record.identifier
    # IATI requires the reporting organisation's identifier and type: an organisation without them is written with an
    # empty identifier and the type "90 Other".
    reporting = record.reporting_org
    node = _org(activity, 'reporting-org', reporting)
    node.set('ref', reporting.ref)
    node.set('type', reporting.type or '90')
    _text_element(activity, 'title', record.title, record.title_fr)
    _text_element(
        activity,
        'description',
        record.description or record.title,
        record.description_fr or ('' if record.description else record.title_fr),
        language=record.description_language if record.description else '',
        type='1',
    )
    for participant in record.participants:
        _org(activity, 'participating-org', participant.org, role=participant.role, activity_id=participant.activity_id)
    if not record.participants:
        # IATI requires a participant: the reporting organisation, accountable for an activity recorded without one.
        _org(activity, 'participating-org', reporting, role='2')
    etree.SubElement(activity, 'activity-status', code=record.status or '2')
    for code, attribute in DATE_TYPES:
        if (when := getattr(record, attribute)) is not None:
            etree.SubElement(activity, 'activity-date', {'iso-date': when.isoformat(), 'type': code})
    for country in record.recipient_countries:
        node = etree.SubElement(activity, 'recipient-country', code=country.code)
        if country.percentage is not None:
            node.set('percentage', number_text(country.percentage))
    for location in record.locations:
        node = etree.SubElement(activity, 'location')
        if location.name:
            _narrative(etree.SubElement(node, 'name'), location.name)
        if location.pcode:
            etree.SubElement(node, 'administrative', code=location.pcode)
        if location.latitude is not None and location.longitude is not None:
            point = etree.SubElement(node, 'point', srsName='http://www.opengis.net/def/crs/EPSG/0/4326')
            etree.SubElement(point, 'pos').text = f'{number_text(location.latitude)} {number_text(location.longitude)}'
    for sector in record.sectors:
        node = etree.SubElement(activity, 'sector', vocabulary=sector.vocabulary, code=sector.code)
        if sector.percentage is not None:
            node.set('percentage', number_text(sector.percentage))
        if sector.name:
            _narrative(node, sector.name)
    for marker in record.policy_markers:
        node = etree.SubElement(activity, 'policy-marker', vocabulary=marker.vocabulary, code=marker.code)
        if marker.significance:
            node.set('significance', marker.significance)
        if marker.name:
            _narrative(node, marker.name)
    for tag in ('default-flow-type', 'default-finance-type', 'default-aid-type', 'default-tied-status'):
        if code := getattr(record, tag.replace('-', '_')):
            etree.SubElement(activity, tag, code=code)
    for budget in record.budgets:
        node = etree.SubElement(activity, 'budget', type=budget.type, status=budget.status)
        etree.SubElement(node, 'period-start', {'iso-date': budget.period_start.isoformat()})
        etree.SubElement(node, 'period-end', {'iso-date': budget.period_end.isoformat()})
        _value(node, budget.value, budget.currency, budget.value_date)
    for transaction in record.transactions:
        node = etree.SubElement(activity, 'transaction')
        if transaction.ref:
            node.set('ref', transaction.ref)
        etree.SubElement(node, 'transaction-type', code=transaction.type)
        etree.SubElement(node, 'transaction-date', {'iso-date': transaction.date.isoformat()})
        _value(node, transaction.value, transaction.currency, transaction.value_date)
        if transaction.description:
            _narrative(etree.SubElement(node, 'description'), transaction.description)
        if transaction.provider is not None:
            _org(node, 'provider-org', transaction.provider, provider_activity_id=transaction.provider_activity_id)
        if transaction.receiver is not None:
            _org(node, 'receiver-org', transaction.receiver, receiver_activity_id=transaction.receiver_activity_id)
    for result in record.results:
        node = etree.SubElement(activity, 'result', type=result.type)
        _text_element(node, 'title', result.title)
        if result.description:
            _text_element(node, 'description', result.description)
        for indicator in result.indicators:
            indicator_node = etree.SubElement(
                node, 'indicator', measure=indicator.measure, ascending='1' if indicator.ascending else '0'
            )
            _text_element(indicator_node, 'title', indicator.title)
            if indicator.baseline_year is not None:
                baseline = etree.SubElement(indicator_node, 'baseline', year=str(indicator.baseline_year))
                if indicator.baseline_value:
                    baseline.set('value', indicator.baseline_value)
                if indicator.baseline_comment:
                    _narrative(etree.SubElement(baseline, 'comment'), indicator.baseline_comment)
            for period in indicator.periods:
                period_node = etree.SubElement(indicator_node, 'period')
                etree.SubElement(period_node, 'period-start', {'iso-date': period.period_start.isoformat()})
                etree.SubElement(period_node, 'period-end', {'iso-date': period.period_end.isoformat()})
                if period.target:
                    etree.SubElement(period_node, 'target', value=period.target)
                _dimensions(period_node, 'target', period.target_dimensions)
                if period.actual or period.comment:
                    actual = etree.SubElement(period_node, 'actual')
                    if period.actual:
                        actual.set('value', period.actual)
                    if period.comment:
                        _narrative(etree.SubElement(actual, 'comment'), period.comment)
                _dimensions(period_node, 'actual', period.actual_dimensions)
    return activity


def write_activities(records: Iterable[ActivityRecord], output, generated: datetime | None = None) -> int:
    """Write ``records`` to the binary file ``output`` as one ``iati-activities`` 2.03 file; return the count."""
    generated = generated or datetime.now(UTC).replace(microsecond=0)
    count = 0
    with etree.xmlfile(output, encoding='utf-8') as xml:
        xml.write_declaration()
        with xml.element('iati-activities', {'version': '2.03', 'generated-datetime': generated.isoformat()}):
            for record in records:
                xml.write(activity_element(record), pretty_print=True)
                count += 1
    return count
