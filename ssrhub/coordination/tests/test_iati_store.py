"""Storing the D-Portal export (401 activities, imported once for the module): the valid activities stored with their
parts, the invalid ones reported, organisations matched by identifier, a re-import that changes nothing, the report
file, and the export of the stored activities, valid and imported back the same."""

import io

import pytest
from lxml import etree

from ssrhub.coordination.iati import read_activities, validate_tree
from ssrhub.coordination.iati_export import activity_records, export_activities
from ssrhub.coordination.iati_store import REPLACED_PARTS, import_iati, write_report
from ssrhub.coordination.models import (
    Activity,
    Organisation,
    ParticipatingOrganisation,
    ResultIndicator,
    ResultPeriod,
    Transaction,
)

DPORTAL = 'iati/dportal-covid-export-2.03.xml'


@pytest.fixture(scope='module')
def dportal_report(module_transaction, django_db_blocker, shared_data):
    with django_db_blocker.unblock():
        return import_iati(shared_data(DPORTAL))


@pytest.fixture
def stored(dportal_report, db):
    return dportal_report


def write(tmp_path, text, name='test.xml'):
    path = tmp_path / name
    path.write_text(text, encoding='utf-8')
    return path


def test_the_valid_activities_are_imported_and_the_invalid_ones_reported(stored):
    assert stored.file_error is None
    assert stored.summary() | {'organisations_created': None} == {
        'read': 401, 'imported': 282, 'updated': 0, 'unchanged': 0, 'refused': 119, 'errors': 263, 'notes': 245,
        'organisations_created': None,
    }  # fmt: skip
    assert Activity.objects.filter(origin='iati').count() == 282
    refused = stored.refused[0]
    assert refused.identifier and refused.line and refused.errors


def test_an_imported_activity_keeps_its_parts_and_its_source(stored):
    activity = Activity.objects.get(iati_identifier='XM-DAC-41114-PROJECT-00127336')
    assert activity.country.iso3 == 'ARG'
    assert activity.reporting_organisation.iati_ref == 'XM-DAC-41114'
    assert activity.source == 'dportal-covid-export-2.03.xml:2'
    assert list(activity.sectors.values_list('vocabulary', 'code')) == [
        ('1', '16050'),
        ('8', '3.2'),
        ('8', '3.8'),
        ('8', '5.6'),
    ]
    roles = set(activity.participants.values_list('role', flat=True))
    assert roles == {'1', '2', '4'}
    assert Transaction.objects.filter(value__lt=0).exists()


def test_organisations_are_matched_by_identifier_and_never_duplicated(stored):
    undp = Organisation.objects.filter(iati_ref='XM-DAC-41114')
    assert undp.count() == 1
    assert Activity.objects.filter(reporting_organisation=undp.get()).count() > 10
    # A participant without an identifier keeps its published name unless a record has exactly that name.
    assert ParticipatingOrganisation.objects.filter(organisation__isnull=True).exclude(name='').exists()


def test_every_row_the_import_writes_has_its_history_record_with_the_import_as_reason(stored):
    reason = 'IATI import dportal-covid-export-2.03.xml'
    parts = [Activity._meta.get_field(part).related_model for part in REPLACED_PARTS]
    for model in (Activity, Organisation, *parts, ResultIndicator, ResultPeriod):
        history = model.history.filter(history_type='+')
        assert model.objects.exists(), model
        assert sorted(history.values_list('id', flat=True)) == sorted(model.objects.values_list('pk', flat=True))
        assert set(history.values_list('history_change_reason', flat=True)) == {reason}, model
    period = ResultPeriod.history.first()
    assert period.indicator_id == period.instance.indicator_id and period.indicator.result.activity_id


def test_reimporting_the_same_file_changes_nothing(stored, shared_data):
    history = Activity.history.count()
    report = import_iati(shared_data(DPORTAL))
    assert (report.count('imported'), report.count('updated'), report.count('unchanged')) == (0, 0, 282)
    assert Activity.history.count() == history


def test_the_report_file_lists_every_refused_activity(stored, tmp_path):
    write_report(stored, tmp_path / 'report.csv')
    rows = (tmp_path / 'report.csv').read_text(encoding='utf-8').splitlines()
    errors = [row for row in rows[1:] if ',refused,error,' in row]
    assert len(errors) == 263
    write_report(stored, tmp_path / 'report.json')
    assert '"refused": 119' in (tmp_path / 'report.json').read_text(encoding='utf-8')


def test_the_stored_activities_export_as_valid_iati_and_import_back_the_same(stored, tmp_path):
    output = io.BytesIO()
    assert export_activities(Activity.objects.all(), output) == 282
    assert validate_tree(etree.fromstring(output.getvalue())) == []
    path = tmp_path / 'export.xml'
    path.write_bytes(output.getvalue())
    before = {record.identifier: _comparable(record) for record in activity_records(Activity.objects.all())}
    again = {outcome.identifier: _comparable(outcome.record) for outcome in read_activities(path)}
    assert again == before
    assert import_iati(path).count('unchanged') == 282


def _comparable(record):
    record.line = None
    for transaction in record.transactions:
        transaction.line = None
    return record
