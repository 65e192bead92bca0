"""Reading and checking a rates file (plain Python, no database)."""

import datetime
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from ssrhub.finance.rate_import import ImportFileError, StoredRate, plan_import

GOOD = (
    '\ufeffDate,Currency,Rate,Source\n'
    '2024-03-15,EUR,0.9190,ECB reference rate\n'
    '2024-03,EUR,0.9240,ECB monthly average\n'
    '2024,xof,606.3,BCEAO annual average\n'
    '2024;LRD;"190,45";CBL\n'
).encode()


def codes(plan):
    return [(issue.row, issue.code) for issue in plan.errors]


def test_a_good_file_plans_each_period_precisely():
    plan = plan_import(GOOD.replace(b'2024;LRD;"190,45";CBL', b'2024,LRD,"190,45",CBL'))
    assert plan.ok and [row.period_text for row in plan.create] == ['2024-03-15', '2024-03', '2024', '2024']
    assert plan.create[2].currency == 'XOF' and plan.create[3].rate == Decimal('190.45')


def test_every_bad_row_is_named_and_nothing_is_planned_to_be_written():
    data = (
        b'date,currency,rate,source\n'
        b'2024-13,EUR,0.92,x\n'  # no such month
        b'2024,EUX,0.92,x\n'
        b'2024,GBP,0,x\n'
        b'2024,JPY,-150,x\n'
        b'2024,CHF,abc,x\n'
        b'March 2024,SEK,10.5,x\n'
        b'2024-03,SEK,10.6,x\n'  # the same month as row 7
        b'2024,USD,1,x\n'
        b'2024,NOK,10.7,\n'
    )
    plan = plan_import(data)
    assert codes(plan) == [
        (2, 'bad-date'),
        (3, 'unknown-currency'),
        (4, 'rate-not-positive'),
        (5, 'rate-not-positive'),
        (6, 'bad-rate'),
        (8, 'duplicate'),
        (9, 'dollar'),
        (10, 'required'),
    ]
    assert not plan.ok and plan.errors[5].message() == 'Row 8: The SEK rate for 2024-03 is already on row 7.'


def test_stored_rates_are_changed_or_left_alone():
    stored = [
        StoredRate('EUR', datetime.date(2024, 3, 15), 'day', Decimal('0.91900000'), 'ECB reference rate'),
        StoredRate('EUR', datetime.date(2024, 3, 1), 'month', Decimal('0.9200'), 'ECB monthly average'),
    ]
    plan = plan_import(GOOD.replace(b'2024;LRD;"190,45";CBL\n', b''), stored)
    assert [row.period_text for row in plan.unchanged] == ['2024-03-15']
    [update] = plan.update
    assert update.changes == (('rate', Decimal('0.9200'), Decimal('0.9240')),)
    assert [row.currency for row in plan.create] == ['XOF']


@pytest.mark.parametrize(
    ('data', 'code'),
    [
        (b'', 'empty'),
        (b'date,currency,rate\n2024,EUR,1\n', 'missing-columns'),
        (b'date,currency,rate,source,note\n2024,EUR,1,x,y\n', 'unknown-columns'),
        (b'date,currency,rate,source\n', 'no-rows'),
        (b'date,currency,rate,source\n2024,EUR,0.9,\xe9\n', 'encoding'),
        (b'PK\x03\x04 not really a workbook', 'bad-xlsx'),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole(data, code):
    with pytest.raises(ImportFileError) as raised:
        plan_import(data, filename='rates.csv')
    assert raised.value.issue.code == code


def workbook(rows, macros=False) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    if not macros:
        return buffer.getvalue()
    with zipfile.ZipFile(buffer, 'a') as archive:
        archive.writestr('xl/vbaProject.bin', b'\x00')
    return buffer.getvalue()


def test_xlsx_reads_date_cells_years_and_numbers():
    data = workbook([
        ['date', 'currency', 'rate', 'source', 'url'],
        [datetime.datetime(2024, 3, 15), 'EUR', 0.919, 'ECB', 'https://www.ecb.europa.eu/'],
        [2023, 'XOF', 606.57, 'BCEAO', None],
        ['2024-02', 'GBP', '0.79', 'BoE', None],
    ])  # fmt: skip
    plan = plan_import(data, filename='rates.xlsx')
    assert plan.ok, plan.errors
    assert [(row.currency, row.period_text, row.rate) for row in plan.create] == [
        ('EUR', '2024-03-15', Decimal('0.919')),
        ('XOF', '2023', Decimal('606.57')),
        ('GBP', '2024-02', Decimal('0.79')),
    ]


def test_a_workbook_with_macros_is_refused():
    with pytest.raises(ImportFileError) as raised:
        plan_import(workbook([['date', 'currency', 'rate', 'source']], macros=True), filename='rates.xlsm')
    assert raised.value.issue.code == 'macros'
