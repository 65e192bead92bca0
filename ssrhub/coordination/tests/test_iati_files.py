"""Storing small IATI files in an empty database: re-import by identifier with the newer last-updated date winning,
matching by exact name, nothing written for a refused file, strict mode, the user's countries, the upload task."""

import io
import re

import pytest
from lxml import etree

from ssrhub.coordination.iati import validate_tree
from ssrhub.coordination.iati_export import export_activities
from ssrhub.coordination.iati_store import import_iati
from ssrhub.coordination.models import (
    Activity,
    ActivitySector,
    IatiImport,
    Organisation,
    ParticipatingOrganisation,
    Transaction,
)
from ssrhub.core.models import Country
from ssrhub.core.roles import Role

from .iati_samples import BOMB, activity, iati_file

DPORTAL = 'iati/dportal-covid-export-2.03.xml'


def write(tmp_path, text, name='test.xml'):
    path = tmp_path / name
    path.write_text(text, encoding='utf-8')
    return path


def test_a_newer_file_updates_in_place_and_history_keeps_the_older_values(tmp_path, db):
    import_iati(write(tmp_path, iati_file(activity(title='Police support', updated='2021-01-01T00:00:00'))))
    record = Activity.objects.get(iati_identifier='XM-TEST-1-001')
    newer = import_iati(write(tmp_path, iati_file(activity(title='Police reform', updated='2022-01-01T00:00:00'))))
    assert newer.count('updated') == 1
    record.refresh_from_db()
    assert record.title == 'Police reform'
    assert Activity.objects.filter(iati_identifier='XM-TEST-1-001').count() == 1
    assert list(record.history.order_by('history_date').values_list('title', flat=True)) == [
        'Police support',
        'Police reform',
    ]
    older = import_iati(write(tmp_path, iati_file(activity(title='Old title', updated='2020-01-01T00:00:00'))))
    assert older.count('unchanged') == 1
    assert older.lines[0].stored.startswith('2022-01-01')
    record.refresh_from_db()
    assert record.title == 'Police reform'


def test_a_reimport_that_changes_a_transaction_leaves_the_old_value_in_its_history(tmp_path, client, make_user):
    user = make_user('importer', Role.COUNTRY_EDITOR, countries=('LBR',))
    import_iati(write(tmp_path, iati_file(activity(value='5000'))), user=user)
    first = Transaction.objects.get()
    newer = iati_file(activity(value='7500', updated='2022-01-01T00:00:00'))
    assert import_iati(write(tmp_path, newer, name='newer.xml'), user=user).count('updated') == 1
    second = Transaction.objects.get()
    assert second.value == 7500 and second.pk != first.pk
    history = Transaction.history.order_by('history_date', 'history_id')
    assert [
        (record.id, record.history_type, record.value, record.history_user, record.history_change_reason)
        for record in history
    ] == [
        (first.pk, '+', 5000, user, 'IATI import test.xml'),
        (first.pk, '-', 5000, user, 'IATI import newer.xml'),
        (second.pk, '+', 7500, user, 'IATI import newer.xml'),
    ]
    # Every other part replaced as well, each with its removal and its new record; the activity changed in place.
    sectors = ActivitySector.history.values_list('history_type', 'history_change_reason')
    assert (
        sorted(sectors)
        == [('+', 'IATI import newer.xml')] * 2
        + [('+', 'IATI import test.xml')] * 2
        + [('-', 'IATI import newer.xml')] * 2
    )
    changes = Activity.history.order_by('history_date').values_list(
        'history_type', 'history_user', 'history_change_reason'
    )
    assert list(changes) == [('+', user.pk, 'IATI import test.xml'), ('~', user.pk, 'IATI import newer.xml')]
    client.force_login(user)
    page = client.get(f'/coordination/activities/{second.activity_id}/history/').content.decode()
    removed = re.escape('Transaction: Disbursement 2020-03-01 5000.00 USD (IATI import newer.xml)')
    assert re.search(rf'deleted</span>\s*<div[^>]*>{removed}</div>', page)
    assert 'Transaction: Disbursement 2020-03-01 7500.00 USD (IATI import newer.xml)' in page


def test_a_participant_without_identifier_is_matched_by_exact_name_or_alias_only(tmp_path, db):
    police = Organisation.objects.create(name='LNP', aliases=['Liberia National Police'])
    import_iati(write(tmp_path, iati_file(activity(), activity('XM-TEST-1-002', implementer='Liberia Natl Police'))))
    implementers = dict(
        ParticipatingOrganisation.objects.filter(role='4').values_list('activity__iati_identifier', 'organisation')
    )
    assert implementers == {'XM-TEST-1-001': police.pk, 'XM-TEST-1-002': None}


@pytest.mark.parametrize(
    'text',
    [
        BOMB,
        iati_file(activity()).replace('</title>', '</titl>', 1),
        iati_file(activity(), namespace='http://example.org/iati'),
        iati_file(activity(), activity('XM-TEST-1-002')) + '<trailing/>',
    ],
    ids=['bomb', 'malformed', 'namespace', 'error-at-the-end'],
)
def test_a_refused_file_writes_nothing(tmp_path, db, text):
    organisations = Organisation.objects.count()
    report = import_iati(write(tmp_path, text))
    assert report.file_error is not None
    assert Activity.objects.count() == 0
    assert Organisation.objects.count() == organisations


def test_strict_refuses_the_whole_file_when_one_activity_is_invalid(tmp_path, db):
    text = iati_file(activity(), activity('XM-TEST-1-BAD', currency='XYZ'))
    report = import_iati(write(tmp_path, text), strict=True)
    assert report.file_error.code == 'strict'
    assert [line.identifier for line in report.refused] == ['XM-TEST-1-BAD']
    assert Activity.objects.count() == 0
    relaxed = import_iati(write(tmp_path, text))
    assert (relaxed.count('imported'), relaxed.count('refused')) == (1, 1)


def test_activities_outside_the_users_countries_are_refused(tmp_path, db):
    text = iati_file(activity())
    report = import_iati(write(tmp_path, text), may_store=lambda country: country.iso3 == 'CAF')
    assert [error.code for error in report.refused[0].errors] == ['outside_reach']
    assert Activity.objects.count() == 0


def test_an_activity_recorded_by_hand_exports_as_valid_iati(db):
    partner = Organisation.objects.create(name='Hand partner', iati_ref='XM-HAND-1')
    record = Activity.objects.create(
        iati_identifier='XM-HAND-1-1', reporting_organisation=partner, country=Country.objects.get(iso3='LBR'),
        title='Court houses', status='2', planned_start='2024-01-01', default_currency='USD',
    )  # fmt: skip
    ActivitySector.objects.create(activity=record, code='15130', percentage=100)
    output = io.BytesIO()
    export_activities(Activity.objects.filter(pk=record.pk), output)
    assert validate_tree(etree.fromstring(output.getvalue())) == []
    assert b'<recipient-country code="LR"/>' in output.getvalue()


def test_an_uploaded_file_is_imported_by_the_task_for_its_user(tmp_path, db, make_user):
    from django.core.files.base import ContentFile

    from ssrhub.coordination.tasks import import_iati_task
    from ssrhub.core.roles import Role

    editor = make_user('lbr-editor', Role.COUNTRY_EDITOR, countries=('LBR',))
    upload = IatiImport(name='upload.xml', uploaded_by=editor)
    upload.file.save('upload.xml', ContentFile(iati_file(activity()).encode()), save=False)
    upload.save()
    import_iati_task(upload.pk)
    upload.refresh_from_db()
    assert upload.status == 'done'
    assert upload.report['summary']['imported'] == 1
    assert Activity.objects.get().history.first().history_user == editor


def test_the_command_imports_reports_and_exports(tmp_path, db, capsys):
    import subprocess
    import sys

    from django.core.management import CommandError, call_command

    text = iati_file(activity(), activity('XM-TEST-1-BAD', currency='XYZ'))
    call_command('iati', 'import', str(write(tmp_path, text)), report=str(tmp_path / 'report.csv'))
    out = capsys.readouterr().out
    assert '2 activities read, 1 imported, 0 updated, 0 unchanged, 1 refused (1 errors)' in out
    assert 'refused XM-TEST-1-BAD (line ' in out
    assert 'XYZ in <iati-activity> is not an ISO 4217 currency code' in (tmp_path / 'report.csv').read_text()
    old = write(tmp_path, iati_file(activity()).replace('version="2.03"', 'version="1.03"'), 'old.xml')
    with pytest.raises(CommandError, match='old.xml is an IATI 1.03 file'):
        call_command('iati', 'import', str(old))
    # The export writes to standard output, as a process: an invalid filter is refused before anything is read.
    result = subprocess.run(
        [sys.executable, '-m', 'ssrhub.cli', 'iati', 'export', '--country', 'XXX', '--status', '9'],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode != 0
    assert 'status' in result.stderr
