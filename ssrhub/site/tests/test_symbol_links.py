"""UN symbols printed on pages are links (issue 11, item 10): to the stored document when the user may open it, else
to the UN's Official Document System (undocs.org)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from ssrhub.core.roles import Role
from ssrhub.core.symbol_links import symbol_url, undocs_url
from ssrhub.documents.models import Document

pytestmark = pytest.mark.django_db


def _render(symbol, user) -> str:
    request = RequestFactory().get('/')
    request.user = user
    return Template('{% load symbols %}{% symbol_link symbol %}').render(
        Context({'symbol': symbol, 'request': request, 'user': user})
    )


@pytest.fixture
def resolution():
    return Document.objects.create(
        symbol='S/RES/2151 (2014)',
        key='S/RES/2151 (2014)',
        title='Resolution 2151 (2014)',
        doc_type='resolution',
        language='en',
    )


def test_undocs_address_in_the_page_language():
    assert undocs_url('S/RES/2151 (2014)') == 'https://undocs.org/S/RES/2151(2014)'
    with translation.override('fr'):
        assert undocs_url('A/62/659-S/2008/39') == 'https://undocs.org/fr/A/62/659-S/2008/39'


def test_stored_document_for_who_may_open_it_else_undocs(resolution, make_user):
    analyst = make_user('ana', Role.ANALYST)
    assert symbol_url('s/res/2151(2014)', analyst) == f'/documents/{resolution.pk}/'
    assert symbol_url('S/RES/2151 (2014)', AnonymousUser()) == 'https://undocs.org/S/RES/2151(2014)'
    assert symbol_url('S/RES/2150 (2014)', analyst) == 'https://undocs.org/S/RES/2150(2014)'
    assert symbol_url('not a symbol', analyst) is None


def test_template_tag(resolution, make_user):
    html = _render('S/RES/2151 (2014)', make_user('ana', Role.ANALYST))
    assert html == f'<a class="symbol" href="/documents/{resolution.pk}/">S/RES/2151 (2014)</a>'
    assert _render('S/RES/2151 (2014)', AnonymousUser()) == (
        '<a class="symbol" href="https://undocs.org/S/RES/2151(2014)" rel="external">S/RES/2151 (2014)</a>'
    )
    assert _render('<b>not a symbol</b>', AnonymousUser()) == '&lt;b&gt;not a symbol&lt;/b&gt;'


def test_framework_citations_link_their_symbols(client):
    html = client.get('/framework/', follow=True).content.decode()
    assert 'class="symbol" href="https://undocs.org/' in html


def test_document_title_not_printed_twice(client, make_user):
    report = Document.objects.create(
        key='onumoz-report.txt', title='Report on ONUMOZ', doc_type='report', language='en'
    )
    client.force_login(make_user('ana', Role.ANALYST))
    html = client.get(report.get_absolute_url()).content.decode()
    heading = html[html.index('<h1') : html.index('</h1>')]
    assert heading.count('Report on ONUMOZ') == 1
