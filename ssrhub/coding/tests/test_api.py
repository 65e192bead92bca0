"""The coding API: code assignments and reviews, read-only, filtered by the filter sets the pages would use."""

from pathlib import Path

import pytest
import yaml
from rest_framework.test import APIClient

from ssrhub.coding.review import record_decision
from ssrhub.core.roles import Role
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Paragraph

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'
SYMBOL = 'S/RES/2151 (2014)'


@pytest.fixture
def op15():
    ingest_path(SAMPLE)
    return Paragraph.objects.get(version__document__symbol=SYMBOL, ref='15')


@pytest.fixture
def api(make_user):
    client = APIClient()
    client.force_authenticate(make_user('vic', Role.VIEWER))
    return client


def test_code_assignments_filter_by_code_source_and_reviewer(api, make_user, op15):
    ana = make_user('ana', Role.ANALYST)
    record_decision(op15, ana, 'reject', 'component.defence')
    machine = api.get('/api/coding/code-assignments/', {'symbol': SYMBOL, 'source': 'machine', 'code': 'component'})
    codes = {row['code'] for row in machine.json()['results']}
    assert machine.status_code == 200 and 'component.defence' in codes
    assert all(code.startswith('component.') for code in codes)
    human = api.get('/api/coding/code-assignments/', {'coder': 'ana'}).json()['results']
    assert [(row['code'], row['present'], row['symbol'], row['ref']) for row in human] == [
        ('component.defence', False, SYMBOL, '15')
    ]
    assert api.get('/api/coding/code-assignments/', {'q': 'nothing-like-this'}).json()['count'] == 0


def test_reviews_list_who_reviewed_and_writes_are_refused(api, make_user, op15):
    record_decision(op15, make_user('ana', Role.ANALYST), 'done')
    rows = api.get('/api/coding/paragraph-reviews/', {'reviewer': 'ana'}).json()['results']
    assert [(row['reviewer'], row['symbol'], row['ref']) for row in rows] == [('ana', SYMBOL, '15')]
    assert api.post('/api/coding/paragraph-reviews/', {'paragraph': op15.pk}).status_code in {403, 405}


def test_the_schema_describes_the_coding_endpoints(api):
    paths = yaml.safe_load(api.get('/api/schema/').content)['paths']
    assert {'/api/coding/code-assignments/', '/api/coding/paragraph-reviews/'} <= set(paths)


def test_documents_and_paragraphs_carry_their_review(api, make_user, op15):
    ana = make_user('ana', Role.ANALYST)
    record_decision(op15, ana, 'reject-group', 'ssr.generic')
    record_decision(op15, ana, 'done')
    document = api.get(f'/api/documents/documents/{op15.version.document_id}/').json()
    assert (document['review_coded'], document['review_reviewed'], document['review_next']) == (41, 1, 'PP2')
    paragraph = api.get(f'/api/documents/paragraphs/{op15.pk}/').json()
    assert [review['reviewer'] for review in paragraph['reviews']] == ['ana']
    rejected = {row['code'] for row in paragraph['codes'] if row['source'] == 'human' and not row['present']}
    assert rejected == {'component.defence', 'component.police', 'component.justice'}
    schema = yaml.safe_load(api.get('/api/schema/').content)['components']['schemas']
    assert {'review_coded', 'review_reviewed', 'review_next'} <= set(schema['Document']['properties'])
