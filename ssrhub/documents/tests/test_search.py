"""Full-text search over paragraphs behind one interface (FTS5 on SQLite, PostgreSQL full text)."""

from pathlib import Path

import pytest

from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Paragraph
from ssrhub.documents.search import fts5_query, search_paragraphs

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[3].parent / 'shared' / 'data'
SAMPLE = DATA / 'samples' / 'S_RES_2151_2014_EN.txt'


def test_fts5_query_quotes_every_term():
    assert fts5_query('national ownership') == '"national" "ownership"'
    assert fts5_query('"security sector" reform') == '"security sector" "reform"'
    assert fts5_query('AND OR * ( )') == '"AND" "OR"'
    assert fts5_query('***') == ''


@pytest.mark.skipif(not SAMPLE.exists(), reason='shared/data is not beside the repository')
def test_search_finds_words_and_phrases_in_ingested_paragraphs():
    ingest_path(SAMPLE)
    paragraphs = Paragraph.objects.all()
    hits = list(search_paragraphs(paragraphs, 'national ownership'))
    assert hits and all('national' in p.text.lower() and 'ownership' in p.text.lower() for p in hits)
    phrase = list(search_paragraphs(paragraphs, '"security sector reform"'))
    assert phrase and all('security sector reform' in p.text.lower() for p in phrase)
    assert not search_paragraphs(paragraphs, 'zzzunknownword').exists()
    assert search_paragraphs(paragraphs, '').count() == paragraphs.count()


@pytest.mark.skipif(not SAMPLE.exists(), reason='shared/data is not beside the repository')
def test_paragraph_search_page_combines_full_text_and_coding_filters(client, make_user):
    from ssrhub.core.roles import Role

    ingest_path(SAMPLE)
    client.force_login(make_user('reader', Role.VIEWER))
    response = client.get(
        '/paragraphs/', {'q': 'security sector', 'code': 'ssr.generic', 'force': ['5'], 'kind': 'operative'}
    )
    refs = [paragraph.ref for paragraph in response.context['page'].object_list]
    assert refs and '15' in refs
    assert all(p.reading.force == 5 and any(c.code == 'ssr.generic' for c in p.machine_codes)
               for p in response.context['page'].object_list)  # fmt: skip
    assert client.get('/paragraphs/', {'q': 'security', 'year': 'not-a-year'}).status_code == 200
    api = client.get('/api/documents/paragraphs/', {'q': '"security sector reform"', 'symbol': 'S/RES/2151 (2014)'})
    body = api.json()
    assert body['count'] >= 10 and all('security sector reform' in row['text'].lower() for row in body['results'])
    assert {'force', 'verb', 'addressee', 'codes'} <= set(body['results'][0])
