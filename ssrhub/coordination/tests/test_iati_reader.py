"""The IATI reader on the real files (the D-Portal export, DFID's 1.01 file) and on bad inputs; the writer's output
validates against the schema and reads back the same."""

import io
from decimal import Decimal

import pytest
from lxml import etree

from ssrhub.coordination.iati import IatiFileError, read_activities, validate_tree
from ssrhub.coordination.iati.codelists import CODELISTS, read_codelist
from ssrhub.coordination.iati.writer import write_activities

from .iati_samples import BOMB, activity, iati_file

DPORTAL = 'iati/dportal-covid-export-2.03.xml'


@pytest.fixture(scope='module')
def dportal(shared_data):
    return list(read_activities(shared_data(DPORTAL)))


def write(tmp_path, text, name='test.xml'):
    path = tmp_path / name
    path.write_text(text, encoding='utf-8')
    return path


def test_the_dportal_export_has_401_activities_of_which_119_break_the_schema_with_263_errors(dportal):
    invalid = [outcome for outcome in dportal if not outcome.valid]
    assert len(dportal) == 401
    assert len(invalid) == 119
    assert sum(len(outcome.errors) for outcome in invalid) == 263
    assert {error.code for outcome in invalid for error in outcome.errors} == {'schema'}


def test_every_error_names_the_activity_and_the_line_of_the_file(dportal, shared_data):
    lines = shared_data(DPORTAL).read_text(encoding='utf-8').splitlines()
    first = next(outcome for outcome in dportal if not outcome.valid)
    assert first.identifier == 'DAC-1601-INV-006200'
    error = first.errors[0]
    assert error.params['line'] > first.line
    assert 'budget-item' in lines[error.params['line'] - 1]
    assert str(error).startswith(f'Line {error.params["line"]}: does not follow the IATI 2.03 schema: ')


def test_real_imperfections_are_accepted_with_notes(dportal):
    notes = [note for outcome in dportal if outcome.valid for note in outcome.notes]
    codes = {note.code for note in notes}
    assert codes == {'sector_rounding', 'negative_value', 'before_start'}
    assert any(note.code == 'sector_rounding' and note.params['total'] == '99.99' for note in notes)
    negative = [t for outcome in dportal if outcome.valid for t in outcome.record.transactions if t.value < 0]
    assert negative and all(t.type for t in negative)


def test_the_parts_of_an_activity_are_read(dportal):
    records = [outcome.record for outcome in dportal if outcome.valid]
    assert any(r.results and r.results[0].indicators and r.results[0].indicators[0].periods for r in records)
    assert any(t.provider_activity_id for r in records for t in r.transactions)
    assert any(m.code == '1' and m.significance for r in records for m in r.policy_markers)
    assert all(r.last_updated is None or r.last_updated.tzinfo for r in records)


def test_budget_support_marks_an_activity_on_budget(tmp_path):
    support = activity('XM-TEST-1-BS').replace('  <budget ', '  <default-aid-type code="A01"/>\n  <budget ', 1)
    plain, budget_support = read_activities(write(tmp_path, iati_file(activity(), support)))
    assert budget_support.valid, budget_support.errors
    assert (plain.record.on_budget, budget_support.record.on_budget) == ('unknown', 'yes')


def test_a_1_01_file_is_refused_naming_its_version(shared_data):
    with pytest.raises(IatiFileError) as refused:
        list(read_activities(shared_data('iati/dfid-afghanistan-2011-1.01.xml')))
    assert refused.value.code == 'old_version'
    assert 'IATI 1.01 file' in str(refused.value)
    assert 'dfid-afghanistan-2011-1.01.xml' in str(refused.value)


def test_an_xml_bomb_is_refused_before_any_expansion(tmp_path):
    with pytest.raises(IatiFileError) as refused:
        list(read_activities(write(tmp_path, BOMB, 'bomb.xml')))
    assert refused.value.code == 'entity'
    assert 'bomb.xml' in str(refused.value)


def test_malformed_xml_is_refused_with_its_line_and_column(tmp_path):
    text = iati_file(activity()).replace('</title>', '</titl>', 1)
    with pytest.raises(IatiFileError) as refused:
        list(read_activities(write(tmp_path, text, 'broken.xml')))
    assert refused.value.code == 'malformed'
    assert refused.value.finding.params['line'] == 6  # the <title> line
    assert refused.value.finding.params['column'] > 0
    assert str(refused.value).startswith('broken.xml is not well-formed XML at line 6, column ')


@pytest.mark.parametrize(
    ('text', 'code'),
    [
        (iati_file(activity(), namespace='http://example.org/iati'), 'wrong_namespace'),
        (iati_file(activity(), root='iati-organisations'), 'wrong_root'),
        (iati_file(activity(), version='3.0'), 'unknown_version'),
        (iati_file(activity()).replace(' version="2.03"', ''), 'no_version'),
        (iati_file(), 'no_activities'),
    ],
)
def test_a_file_that_is_not_an_iati_2_0x_activity_file_is_refused(tmp_path, text, code):
    with pytest.raises(IatiFileError) as refused:
        list(read_activities(write(tmp_path, text)))
    assert refused.value.code == code


def test_an_unknown_currency_refuses_the_activity_naming_the_element(tmp_path):
    (outcome,) = read_activities(write(tmp_path, iati_file(activity(currency='XYZ'))))
    assert not outcome.valid
    assert [error.code for error in outcome.errors] == ['unknown_currency']
    assert 'XYZ in <iati-activity> is not an ISO 4217 currency code' in str(outcome.errors[0])


def test_sector_percentages_far_from_100_refuse_the_activity_and_rounding_is_a_note(tmp_path):
    far, rounded = read_activities(write(tmp_path, iati_file(
        activity('XM-TEST-1-FAR', first='60', second='30'), activity('XM-TEST-1-ROUND', first='60', second='39.95')
    )))  # fmt: skip
    assert [error.code for error in far.errors] == ['sector_sum']
    assert far.errors[0].params['total'] == '90'
    assert rounded.valid and [note.code for note in rounded.notes] == ['sector_rounding']


def test_a_negative_transaction_is_a_correction_with_a_note(tmp_path):
    (outcome,) = read_activities(write(tmp_path, iati_file(activity(value='-250.50'))))
    assert outcome.valid
    assert outcome.record.transactions[0].value == Decimal('-250.50')
    assert [note.code for note in outcome.notes] == ['negative_value']


def test_the_same_identifier_twice_in_a_file_refuses_the_second(tmp_path):
    first, second = read_activities(write(tmp_path, iati_file(activity(), activity())))
    assert first.valid
    assert [error.code for error in second.errors] == ['duplicate']


def test_the_written_file_validates_and_reads_back_the_same(dportal, tmp_path):
    records = [outcome.record for outcome in dportal if outcome.valid]
    output = io.BytesIO()
    assert write_activities(records, output) == 282
    assert validate_tree(etree.fromstring(output.getvalue())) == []
    again = list(read_activities(_saved(tmp_path, output)))
    assert all(outcome.valid for outcome in again)
    for record, outcome in zip(records, again, strict=True):
        assert _comparable(outcome.record) == _comparable(record)


def _saved(tmp_path, output):
    path = tmp_path / 'written.xml'
    path.write_bytes(output.getvalue())
    return path


def _comparable(record):
    record.line = None
    for transaction in record.transactions:
        transaction.line = None
    return record


def test_the_codelists_carry_english_and_french_names():
    rows = {name: read_codelist(name) for name in CODELISTS}
    sectors = {row['code']: row for row in rows['Sector']}
    assert sectors['15210']['name_en'] == 'Security system management and reform'
    assert sectors['15210']['name_fr']
    assert sectors['15210']['category'] == '152'
    significance = {row['code']: row for row in rows['PolicySignificance']}
    assert significance['2']['name_fr'] == 'objectif principal'
    active_without_french = [
        (name, row['code'])
        for name, items in rows.items()
        for row in items
        if not row['withdrawn'] and not row['name_fr']
    ]
    assert active_without_french == []
