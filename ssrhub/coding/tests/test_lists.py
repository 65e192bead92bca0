"""The lists of code assignments and reviews: tables filtered by the filter sets the API uses."""

from pathlib import Path

import pytest

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


def test_code_assignments_list_filters_by_reviewer_and_sorts(client, make_user, op15):
    ana = make_user('ana', Role.ANALYST)
    record_decision(op15, ana, 'reject', 'component.defence')
    client.force_login(make_user('vic', Role.VIEWER))
    page = client.get('/coding/code-assignments/', {'coder': 'ana', 'sort': 'document'})
    assert page.status_code == 200 and op15.version.document.get_absolute_url() in page.content.decode()
    table = client.get('/coding/code-assignments/', {'coder': 'ana'}, HTTP_HX_REQUEST='true').content.decode()
    assert 'component.defence' in table and 'component.police' not in table
    table = client.get(
        '/coding/code-assignments/', {'source': 'machine', 'code': 'component.police'}, HTTP_HX_REQUEST='true'
    )
    assert table.status_code == 200 and 'component.police' in table.content.decode()
    assert 'component.defence' not in table.content.decode()


def test_reviews_list_shows_who_reviewed_what(client, make_user, op15):
    record_decision(op15, make_user('ana', Role.ANALYST), 'done')
    client.force_login(make_user('vic', Role.VIEWER))
    page = client.get('/coding/reviews/', {'reviewer': 'ana', 'sort': '-created'})
    assert page.status_code == 200 and SYMBOL in page.content.decode()
    assert SYMBOL not in client.get('/coding/reviews/', {'reviewer': 'bob'}).content.decode()
