"""The rules of a framework's IATI export without a database: the IATI measure of each unit (a yes/no has none),
the direction as ``ascending``, values as IATI's text; and periods broken down by sex written by the coordination
writer, valid against the IATI 2.03 schema and read back the same."""

import datetime
import io
from decimal import Decimal

from lxml import etree

from ssrhub.coordination.iati import read_activities, validate_tree
from ssrhub.coordination.iati.records import (
    ActivityRecord,
    DimensionValue,
    IndicatorRecord,
    OrgRef,
    PeriodRecord,
    ResultRecord,
)
from ssrhub.coordination.iati.writer import write_activities
from ssrhub.monitoring.iati_results import MEASURES, ExportProblem, ascending, iati_value, unit_problems


def test_each_unit_but_yes_no_has_an_iati_measure():
    assert MEASURES == {'number': '1', 'percentage': '2', 'scale': '4'}
    assert unit_problems([('1.1.a', 'number'), ('1.1.b', 'yes-no'), ('2.1.a', 'scale'), ('3.1.a', 'percentage')]) == [
        ExportProblem('unit', {'code': '1.1.b', 'unit': 'yes-no'})
    ]


def test_only_a_decrease_is_written_as_not_ascending():
    assert [ascending(direction) for direction in ('increase', 'decrease', 'maintain')] == [True, False, True]


def test_values_are_written_without_trailing_zeros():
    assert [iati_value(value) for value in (None, Decimal('120.0000'), Decimal('37.5000'), Decimal('0'))] == [
        '',
        '120',
        '37.5',
        '0',
    ]


def _record(periods):
    return ActivityRecord(
        identifier='XM-TEST-RESULTS-1',
        reporting_org=OrgRef(ref='XM-TEST', name='Test partner', type='21'),
        title='Police training',
        planned_start=datetime.date(2024, 1, 1),
        results=[
            ResultRecord(
                type='1',
                title='Police officers trained',
                indicators=[
                    IndicatorRecord(
                        measure='1', title='Officers trained', baseline_year=2023, baseline_value='0', periods=periods
                    )
                ],
            )
        ],
    )


def test_a_period_by_sex_validates_and_reads_back_with_its_total_first(tmp_path):
    periods = [
        PeriodRecord(
            datetime.date(2024, 1, 1),
            datetime.date(2024, 12, 31),
            target='100',
            actual='120',
            actual_dimensions=[DimensionValue('sex', 'female', '35'), DimensionValue('sex', 'male', '85')],
        ),
        PeriodRecord(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), target='200'),
    ]
    output = io.BytesIO()
    write_activities([_record(periods)], output)
    root = etree.fromstring(output.getvalue())
    assert validate_tree(root) == []
    first = root.find('iati-activity/result/indicator/period')
    assert [(node.get('value'), [d.attrib for d in node.findall('dimension')]) for node in first.findall('actual')] == [
        ('120', []),
        ('35', [{'name': 'sex', 'value': 'female'}]),
        ('85', [{'name': 'sex', 'value': 'male'}]),
    ]
    path = tmp_path / 'results.xml'
    path.write_bytes(output.getvalue())
    (outcome,) = read_activities(path)
    assert outcome.valid, outcome.errors
    assert outcome.record.results[0].indicators[0].periods == periods
