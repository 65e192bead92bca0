"""Exports of the safeguards lists: counts by default (no name, no narrative); the records with their names only for
a stated reason, logged in ``NamedExport``; spreadsheet formulas neutralised."""

import csv
import io
import json

import pytest

from ssrhub.core.testing.two_factor import verified_login

from ..models import Allegation, NamedExport
from .reports_fixtures import safeguards_demo  # noqa: F401  (fixture)

EXPORTS = '/countries/COD/workspace/due-diligence/exports/'
REASON = 'The forum prepares the annual review of the suspended offensive and needs the named allegations.'


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode('utf-8-sig'))))


@pytest.mark.django_db
def test_aggregate_exports_count_allegations_requests_and_individuals_without_names(client, safeguards_demo):  # noqa: F811
    verified_login(client, safeguards_demo['taskforce'])
    allegations = csv_rows(client.get(f'{EXPORTS}allegations.csv'))
    assert {
        'Type of violation': 'Enforced disappearance',
        'Month reported': '2015-02',
        'Follow-up': 'Communicated to the authorities',
        'Number': '1',
    } in allegations
    assert sum(int(row['Number']) for row in allegations) == 4
    requests = json.loads(client.get(f'{EXPORTS}requests.json').content)
    assert {'status': 'Draft', 'kind': 'Joint operations', 'count': 1} in requests  # reassessed, support suspended
    individuals = csv_rows(client.get(f'{EXPORTS}individuals.csv'))
    assert {'Category': 'Commander', 'Latest screening result': 'Confirmed match', 'Number': '1'} in individuals
    assert {
        'Category': 'Candidate for integration',
        'Latest screening result': 'Not screened',
        'Number': '1',
    } in individuals
    every_text = ' '.join(
        client.get(f'{EXPORTS}{key}.{fmt}').content.decode('utf-8-sig')
        for key in ('allegations', 'requests', 'individuals')
        for fmt in ('csv', 'json')
    )
    for secret in ('Kalonda', 'Mbuyi', 'detainee', 'Detainees', 'Victim A'):
        assert secret not in every_text
    assert not NamedExport.objects.exists()


@pytest.mark.django_db
def test_a_named_export_needs_a_sentence_of_reason_and_is_logged(client, safeguards_demo):  # noqa: F811
    officer = verified_login(client, safeguards_demo['hrdd'])
    page = client.get(f'{EXPORTS}allegations/named/')
    assert page.status_code == 200 and 'The export holds 4 records' in page.content.decode()
    refused = client.post(f'{EXPORTS}allegations/named/', {'reason': 'audit', 'format': 'csv'})
    assert refused.status_code == 400 and not NamedExport.objects.exists()
    query = 'violation=enforced-disappearance&violation=torture'
    response = client.post(f'{EXPORTS}allegations/named/?{query}', {'reason': REASON, 'format': 'csv'})
    rows = csv_rows(response)
    assert len(rows) == 2
    assert any('Jean-Baptiste Kalonda Mwamba' in row['Alleged individual perpetrators'] for row in rows)
    export = NamedExport.objects.get()
    assert (export.user, export.country.iso3, export.model, export.rows, export.format) == (
        officer, 'COD', 'safeguards.Allegation', 2, 'csv'
    )  # fmt: skip
    assert export.reason == REASON and export.query == query
    counts = csv_rows(client.get(f'{EXPORTS}allegations.csv?follow_up=reported'))
    assert [row['Type of violation'] for row in counts] == ['Torture or ill-treatment']
    assert client.get(f'{EXPORTS}allegations.csv?follow_up=forgotten').status_code == 400


@pytest.mark.django_db
def test_cells_that_spreadsheets_would_run_are_prefixed(client, safeguards_demo):  # noqa: F811
    allegation = Allegation.objects.get(violation='torture')
    allegation.narrative = '=HYPERLINK("http://evil.example","open")'
    allegation.place = '@SUM(1+1)'
    allegation.save()
    verified_login(client, safeguards_demo['hrdd'])
    rows = csv_rows(client.post(f'{EXPORTS}allegations/named/', {'reason': REASON, 'format': 'csv'}))
    row = next(row for row in rows if row['Type of violation'] == 'Torture or ill-treatment')
    assert row['Narrative'] == '\'=HYPERLINK("http://evil.example","open")'
    assert row['Place'] == "'@SUM(1+1)"


@pytest.mark.django_db
def test_exports_refuse_sessions_without_second_factor_and_unknown_lists(client, safeguards_demo):  # noqa: F811
    client.force_login(safeguards_demo['hrdd'])  # no second factor: refused, or sent to verify it (302)
    for refused in (
        client.get(f'{EXPORTS}allegations.csv'),
        client.get(f'{EXPORTS}allegations/named/'),
        client.post(f'{EXPORTS}allegations/named/', {'reason': REASON, 'format': 'csv'}),
    ):
        assert refused.status_code in (302, 403) and b'Kalonda' not in refused.content
    assert not NamedExport.objects.exists()
    verified_login(client, safeguards_demo['hrdd'])
    assert client.get(f'{EXPORTS}passwords.csv').status_code == 404
    assert client.get(f'{EXPORTS}allegations.exe').status_code == 400
