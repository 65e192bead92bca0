"""Document pages: access, upload refusals, and bounded query counts."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ssrhub.core.roles import Role
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Document

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / 'documents' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'


@pytest.fixture
def document():
    return Document.objects.get(pk=ingest_path(SAMPLE).document_id)


def test_documents_need_an_account(client, document):
    for url in ('/documents/', document.get_absolute_url(), '/paragraphs/?q=reform', '/documents/upload/'):
        assert client.get(url)['Location'].startswith('/accounts/login/')
    assert client.get('/api/documents/paragraphs/').json()['count'] == 0


def test_viewer_reads_but_cannot_upload(client, make_user, document):
    client.force_login(make_user('reader', Role.VIEWER))
    page = client.get(document.get_absolute_url()).content.decode()
    assert '18 preambular, 20 operative, 0 annex paragraphs' in page and 'Mark reviewed' not in page
    assert client.get('/documents/upload/').status_code == 403


def test_upload_refuses_bad_files_with_a_message(client, make_user):
    client.force_login(make_user('ana', Role.ANALYST))
    response = client.post('/documents/upload/', {'file': SimpleUploadedFile('scan.pdf', b'%PDF-1.4 garbage')})
    assert response.status_code == 400 and 'scan.pdf' in response.content.decode()
    assert not Document.objects.exists()
    response = client.post('/documents/upload/', {'file': SimpleUploadedFile('empty.txt', b'')})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ('url', 'most'),
    [('DOCUMENT', 12), ('/documents/', 8), ('/paragraphs/?q=security+sector', 12), ('/api/documents/paragraphs/', 10)],
)
def test_pages_use_a_bounded_number_of_queries(client, make_user, django_assert_max_num_queries, document, url, most):
    client.force_login(make_user('ana', Role.ANALYST))
    url = document.get_absolute_url() if url == 'DOCUMENT' else url
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200


def test_original_file_is_kept_once_and_downloadable(client, make_user, document, settings, tmp_path):
    version = document.current_version
    assert version.original.name.endswith(f'{version.sha256}.txt')
    assert Path(settings.MEDIA_ROOT, version.original.name).read_bytes() == SAMPLE.read_bytes()
    client.force_login(make_user('reader', Role.VIEWER))
    response = client.get(f'/documents/{document.pk}/versions/{version.number}/original/')
    assert response.status_code == 200
    assert response['Content-Disposition'] == 'attachment; filename="S_RES_2151_2014_EN.txt"'
    assert b''.join(response.streaming_content) == SAMPLE.read_bytes()
    assert client.get(f'/documents/{document.pk}/versions/9/original/').status_code == 404
