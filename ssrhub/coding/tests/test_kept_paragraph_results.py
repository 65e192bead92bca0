"""The paragraph search's results are kept until a paragraph or what the coding panel shows of it changes
(``documents/views.py``, ``ParagraphPanel.sources``): a reviewer's code shows at once."""

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ssrhub.coding.review import record_decision
from ssrhub.core.roles import Role
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Paragraph
from ssrhub.documents.search import search_paragraphs

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'


@pytest.fixture(scope='module', autouse=True)
def resolution(module_transaction, django_db_blocker):
    with django_db_blocker.unblock():
        assert ingest_path(SAMPLE).status == 'created'


def _results(client, query: str) -> str:
    page = client.get('/paragraphs/', {'q': query}).content.decode()
    return page[page.index('id="paragraph-results"') :]


def test_results_are_kept_until_a_paragraph_or_its_codes_change(client, make_user):
    client.force_login(make_user('reader', Role.VIEWER))
    with CaptureQueriesContext(connection) as calculated:
        first = _results(client, 'police')
    with CaptureQueriesContext(connection) as kept:
        assert _results(client, 'police') == first
    assert len(kept) < len(calculated) - 3  # the paragraphs were not searched again
    assert client.get('/paragraphs/', {'q': 'police'}, HTTP_HX_REQUEST='true').content.decode() in first

    # A reviewer adds a code to the best hit: the results show it at once.
    best = search_paragraphs(Paragraph.objects.filter(version__is_current=True), 'police').first()
    record_decision(best, make_user('amara.k', Role.ANALYST), 'add', code='component.justice')
    assert 'amara.k' not in first and 'amara.k' in _results(client, 'police')
