"""Paragraph pages without any panel registered show the plain text: documents needs no app above it."""

from pathlib import Path

import pytest

from ssrhub.core.roles import Role
from ssrhub.documents import panels
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Document

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'


def test_document_page_without_panels_shows_plain_paragraphs(client, make_user, monkeypatch):
    document = Document.objects.get(pk=ingest_path(SAMPLE, code=False).document_id)
    monkeypatch.setattr(panels, '_PANELS', [])
    client.force_login(make_user('reader', Role.VIEWER))
    page = client.get(document.get_absolute_url()).content.decode()
    paragraph = document.current_version.paragraphs.get(ref='15')
    assert f'<p class="mb-1" lang="en">{paragraph.text}</p>' in page
    assert 'class="small codes' not in page
