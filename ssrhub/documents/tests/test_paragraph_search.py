"""Paragraph search: a search that finds nothing says so and suggests close spellings and fewer filters; results
sort by relevance, date or symbol and download as CSV or XLSX with the same access rules."""

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ssrhub.core.roles import Role
from ssrhub.documents.ingest import ingest_path

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = [
    ROOT / 'tests' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt',
    ROOT / 'ssrhub' / 'documents' / 'data' / 'corpus' / 'unsc-1946-1994' / 'S_RES_0782_1992_EN_GOLD.txt',
    ROOT / 'ssrhub' / 'documents' / 'data' / 'corpus' / 'unsc-1946-1994' / 'S_RES_0898_1994_EN_GOLD.txt',
]
INVALID = 'Check the filters: some values are not valid.'


@pytest.fixture(scope='module', autouse=True)
def documents(module_transaction, django_db_blocker):
    with django_db_blocker.unblock():
        for path in SAMPLES:
            assert ingest_path(path).status == 'created'


@pytest.fixture
def reader(client, make_user):
    client.force_login(make_user('reader', Role.VIEWER))
    return client


def _suggestions(response) -> dict[str, int]:
    return {suggestion['label']: suggestion['count'] for suggestion in response.context['suggestions']}


@pytest.mark.parametrize('query', ['elephant', 'éléphant', 'maintien de la paix', 'sécurité'])
def test_a_search_without_result_says_no_result(reader, query):
    response = reader.get('/paragraphs/', {'q': query})
    page = response.content.decode()
    assert response.status_code == 200 and response.context['page'].paginator.count == 0
    assert 'No result: no paragraph matches this search.' in page and INVALID not in page


def test_french_words_get_english_spellings_from_the_index(reader):
    response = reader.get('/paragraphs/', {'q': 'réforme du secteur de la sécurité'})
    suggestions = _suggestions(response)
    assert '“reform sector security” (close spelling)' in suggestions
    hits = reader.get('/paragraphs/', {'q': 'reform sector security'}).context['page'].paginator.count
    assert suggestions['“reform sector security” (close spelling)'] == hits > 0
    closest = reader.get('/paragraphs/', {'q': 'securty'}).context['suggestions'][0]
    assert closest['label'] == '“security” (close spelling)'
    assert closest['count'] == reader.get('/paragraphs/', {'q': 'security'}).context['page'].paginator.count


def test_a_year_without_documents_suggests_the_nearest_years_and_no_filter(reader):
    response = reader.get('/paragraphs/', {'q': 'Mozambique', 'year': '1850'})
    assert 'No result' in response.content.decode()
    suggestions = _suggestions(response)
    assert set(suggestions) == {
        'The same search in 1992',
        'The same search in 1994',
        '“Mozambique” without any filter',
    }
    assert suggestions['“Mozambique” without any filter'] == (
        suggestions['The same search in 1992'] + suggestions['The same search in 1994']
    )
    link = next(s['url'] for s in response.context['suggestions'] if s['label'] == 'The same search in 1994')
    assert reader.get(f'/paragraphs/{link}').context['page'].paginator.count == suggestions['The same search in 1994']


def test_each_filter_that_empties_the_search_is_offered_away(reader):
    response = reader.get('/paragraphs/', {'q': 'security', 'kind': 'annex', 'year': '2014', 'sort': 'symbol'})
    suggestions = _suggestions(response)
    assert all('sort=symbol' in suggestion['url'] for suggestion in response.context['suggestions'])
    assert 'Without the filter Paragraph type: annex' in suggestions
    assert '“security” without any filter' in suggestions
    assert 'Without the filter Year: 2014' not in suggestions  # annex paragraphs are found in no year


def test_invalid_filter_values_still_say_so(reader):
    page = reader.get('/paragraphs/', {'q': 'security', 'year': 'not-a-year'}).content.decode()
    assert INVALID in page and 'Year: Enter a number.' in page


def _refs(response):
    return [(p.version.document.symbol, p.ref) for p in response.context['page'].object_list]


def test_results_sort_by_relevance_date_or_symbol(reader):
    relevance = _refs(reader.get('/paragraphs/', {'q': 'security sector reform', 'kind': 'operative'}))
    assert relevance[0][0] == 'S/RES/2151 (2014)'
    newest = _refs(reader.get('/paragraphs/', {'q': 'Secretary', 'sort': 'newest'}))
    oldest = _refs(reader.get('/paragraphs/', {'q': 'Secretary', 'sort': 'oldest'}))
    assert newest[0][0] == 'S/RES/2151 (2014)' and oldest[0][0] == 'S/RES/782 (1992)'
    symbols = [symbol for symbol, _ref in _refs(reader.get('/paragraphs/', {'q': 'Secretary', 'sort': 'symbol'}))]
    # Natural order within the series: 782 and 898 before 2151, although "2" < "7" as text.
    assert list(dict.fromkeys(symbols)) == ['S/RES/782 (1992)', 'S/RES/898 (1994)', 'S/RES/2151 (2014)']
    no_words = _refs(reader.get('/paragraphs/', {'kind': 'operative'}))
    assert no_words[0][0] == 'S/RES/2151 (2014)'  # without words, newest first


def test_results_download_as_csv_and_xlsx_in_their_order(reader):
    params = {'q': '"security sector reform"', 'sort': 'symbol'}
    shown = reader.get('/paragraphs/', params)
    count = shown.context['page'].paginator.count
    assert 'href="/paragraphs.csv?q=%22security+sector+reform%22&amp;sort=symbol"' in shown.content.decode()
    response = reader.get('/paragraphs.csv', params)
    assert response['Content-Disposition'].startswith('attachment; filename="ssrhub-paragraphs-')
    rows = list(csv.DictReader(io.StringIO(response.content.decode('utf-8-sig'))))
    assert len(rows) == count
    op15 = next(row for row in rows if row['Paragraph'] == '15 (d)')
    assert op15['Document symbol'] == 'S/RES/2151 (2014)' and op15['Date'] == '2014-04-28'
    assert 'ssr.generic' in op15['Codes in force'].split('; ')
    assert op15['Link'].endswith('#p-15-d') and 'security sector reform' in op15['Text']
    workbook = load_workbook(io.BytesIO(reader.get('/paragraphs.xlsx', params).content))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    assert header[:6] == ['Document symbol', 'Paragraph', 'Paragraph type', 'Date', 'Document title', 'Text']
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == [row['Paragraph'] for row in rows]
    assert reader.get('/paragraphs.pdf', params).status_code == 400


def test_downloads_follow_the_access_rules(client, make_user):
    assert client.get('/paragraphs.csv', {'q': 'security'}).status_code == 302  # to the login page
    client.force_login(make_user('no-role'))
    rows = list(csv.reader(io.StringIO(client.get('/paragraphs.csv', {'q': 'security'}).content.decode('utf-8-sig'))))
    assert len(rows) == 1  # the header only
