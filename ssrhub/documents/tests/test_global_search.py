"""Global search over framework items, documents and paragraphs: facets counted per kind, one kind page by page,
hits ranked and highlighted, accents folded, only what the user may view."""

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from ssrhub.core.roles import Role
from ssrhub.core.searching import global_search
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Document, Paragraph
from ssrhub.documents.search import search_paragraphs

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = [
    ROOT / 'tests' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt',
    ROOT / 'ssrhub' / 'documents' / 'data' / 'corpus' / 'unsc-1946-1994' / 'S_RES_0782_1992_EN_GOLD.txt',
]
# Two paragraphs in French, with the accents a French text carries.
FRENCH = (
    'Stratégie nationale de réforme du secteur de la sécurité\n\n'
    '1. Le Gouvernement conduit la réforme du secteur de la sécurité avec ses partenaires.\n\n'
    '2. Les autorités nationales prennent en main la réforme du secteur de la sécurité.\n'
)


pytestmark = pytest.mark.django_db


@pytest.fixture(scope='module', autouse=True)
def documents(module_transaction, django_db_blocker, tmp_path_factory):
    french = tmp_path_factory.mktemp('fr') / 'strategie-rss.txt'
    french.write_text(FRENCH, encoding='utf-8')
    with django_db_blocker.unblock():
        for path in [*SAMPLES, french]:
            assert ingest_path(path).status == 'created'


@pytest.fixture
def viewer(make_user):
    return make_user('reader', Role.VIEWER)


def _texts(segments) -> tuple[str, list[str]]:
    return ''.join(part for part, _ in segments), [part for part, matched in segments if matched]


def test_security_sector_reform_finds_framework_items_documents_and_paragraphs(viewer):
    results = global_search(viewer, 'security sector reform')
    counts = {facet['kind']: facet['count'] for facet in results.facets}
    assert {'framework-items', 'documents', 'paragraphs'} <= set(counts)
    current = Paragraph.objects.filter(version__is_current=True)
    assert counts['paragraphs'] == search_paragraphs(current, 'security sector reform').count() >= 10
    documents = next(group for group in results.groups if group['kind'] == 'documents')
    assert _texts(documents['hits'][0]['title'])[0] == 'S/RES/2151 (2014)'
    assert results.total == sum(counts.values())


def test_paragraph_hits_link_to_the_paragraph_in_its_document(client, viewer):
    results = global_search(viewer, '"oversight of security sector reform"')
    paragraphs = next(group for group in results.groups if group['kind'] == 'paragraphs')
    hit = paragraphs['hits'][0]
    title, _marked = _texts(hit['title'])
    assert title == 'S/RES/2151 (2014) ¶ 15 (d)'
    url, anchor = hit['url'].split('#')
    assert anchor == 'p-15-d'
    client.force_login(viewer)
    assert f'id="{anchor}"' in client.get(url).content.decode()
    text, marked = _texts(hit['text'])
    assert 'Security Council oversight of security sector reform activities' in text
    assert [part.lower() for part in marked] == ['oversight of security sector reform']


def test_one_kind_page_by_page(viewer):
    total = global_search(viewer, 'security').facets
    count = next(facet['count'] for facet in total if facet['kind'] == 'paragraphs')
    assert count > 20
    first = global_search(viewer, 'security', kind='paragraphs').page
    last = global_search(viewer, 'security', kind='paragraphs', page_number=first.paginator.num_pages).page
    assert len(first.object_list) == 20 and first.paginator.count == count
    assert first.object_list[0]['url'] != last.object_list[-1]['url']
    assert all(any(matched for _part, matched in hit['text']) for hit in first.object_list)


def test_accents_are_folded_in_paragraphs_and_documents(client, viewer):
    results = global_search(viewer, 'reforme securite')
    paragraphs = next(group for group in results.groups if group['kind'] == 'paragraphs')
    assert paragraphs['count'] == 3  # the title and both paragraphs
    assert set(_texts(paragraphs['hits'][0]['text'])[1]) == {'réforme', 'sécurité'}
    client.force_login(viewer)
    rows = client.get('/api/documents/paragraphs/', {'q': 'reforme securite'}).json()['results']
    assert len(rows) == 3 and all('réforme du secteur de la sécurité' in row['text'] for row in rows)


def test_the_country_named_exactly_comes_first():
    results = global_search(AnonymousUser(), 'Liberia')
    assert results.groups[0]['kind'] == 'countries'


def test_anonymous_users_find_reference_data_only(viewer):
    anonymous = {facet['kind'] for facet in global_search(AnonymousUser(), 'security sector reform').facets}
    assert 'framework-items' in anonymous
    assert not anonymous & {'documents', 'paragraphs', 'actors', 'national-documents', 'assessments', 'timeline'}
    assert {'documents', 'paragraphs'} <= {facet['kind'] for facet in global_search(viewer, 'security').facets}
    assert global_search(AnonymousUser(), 'security', kind='paragraphs').page is None


def test_search_page_shows_facets_highlights_and_suggestions(client, viewer):
    client.force_login(viewer)
    page = client.get('/search/', {'q': 'security sector reform'}).content.decode()
    assert 'data-kind="paragraphs"' in page and '<mark>' in page
    one_kind = client.get('/search/', {'q': 'security sector reform', 'kind': 'documents'})
    assert (
        one_kind.context['results'].page.paginator.count
        == Document.objects.filter(symbol__startswith='S/RES/2151').count()
    )
    nothing = client.get('/search/', {'q': 'securty sectr'})
    assert 'No result for' in nothing.content.decode()
    assert nothing.context['suggestions'][0]['query'] == 'security sector'
    assert nothing.context['suggestions'][0]['count'] > 0
