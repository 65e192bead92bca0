"""`ssrhub framework export` and the API give the same items, with codes, EN/FR labels and citations."""

import codecs
import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def _export(fmt, *extra):
    out = io.StringIO()
    call_command('framework', 'export', '--format', fmt, *extra, stdout=out)
    return out.getvalue()


@pytest.fixture
def exported(capsys):
    call_command('framework', 'export', '--format', 'json')
    return json.loads(capsys.readouterr().out)


def test_json_export_lists_principles_areas_and_features(exported):
    assert exported['framework'] == 'un-ssr' and exported['version'] == '2026.1'
    items = exported['items']
    for group, count in (('principle', 10), ('area', 4), ('feature', 5)):
        children = [item for item in items if item['parent'] == group]
        assert len(children) == count
        for item in children:
            assert item['code'].startswith(f'{group}.')
            assert item['label']['en'] and item['label']['fr']
            assert item['citations'] and all(citation['text'] for citation in item['citations'])


def test_csv_export_has_one_row_per_item(exported, capsys):
    call_command('framework', 'export', '--format', 'csv')
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row['code'] for row in rows] == [item['code'] for item in exported['items']]
    ownership = next(row for row in rows if row['code'] == 'principle.national-ownership')
    assert ownership['label_fr'] and ownership['citations']


def test_export_to_a_file_and_of_an_unknown_version(tmp_path):
    target = tmp_path / 'framework.json'
    call_command('framework', 'export', '--format', 'json', '--output', str(target))
    assert json.loads(target.read_text(encoding='utf-8'))['items']
    with pytest.raises(CommandError, match="no version '1999.1'"):
        call_command('framework', 'export', '--version', '1999.1')


def test_api_returns_the_same_items_as_the_export(exported):
    client = APIClient()
    response = client.get('/api/framework/items/', {'framework': 'un-ssr', 'version': '2026.1', 'page_size': 1000})
    assert response.status_code == 200
    api_items = response.json()['results']
    assert response.json()['count'] == len(exported['items'])
    keys = ('code', 'parent', 'ref', 'depth', 'label', 'definition', 'citations')
    assert [{key: item[key] for key in keys} for item in api_items] == exported['items']


def test_download_from_the_tree_page_honours_the_search(client):
    response = client.get('/framework/un-ssr/2026.1/export.csv', {'q': 'ownership'})
    assert response.status_code == 200
    assert response['Content-Disposition'] == 'attachment; filename="un-ssr-2026.1.csv"'
    assert response.content.startswith(codecs.BOM_UTF8)  # so that Excel reads "Côte d'Ivoire" as UTF-8
    codes = [row['code'] for row in csv.DictReader(io.StringIO(response.content.decode('utf-8-sig')))]
    assert 'principle.national-ownership' in codes and 'area.justice' not in codes
