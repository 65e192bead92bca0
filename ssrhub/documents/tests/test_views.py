"""Document pages: access, upload refusals, and bounded query counts."""

import html
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from ssrhub.core.roles import Role
from ssrhub.documents.ingest import ingest_path
from ssrhub.documents.models import Document

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / 'documents' / 'data' / 'samples' / 'S_RES_2151_2014_EN.txt'


@pytest.fixture
def document(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the original is moved into place on commit
        return Document.objects.get(pk=ingest_path(SAMPLE).document_id)


def test_documents_need_an_account(client, document):
    for url in ('/documents/', document.get_absolute_url(), '/paragraphs/?q=reform', '/documents/upload/'):
        assert client.get(url)['Location'].startswith('/accounts/login/')
    assert client.get('/api/documents/paragraphs/').json()['count'] == 0


def test_viewer_reads_but_cannot_upload(client, make_user, document):
    client.force_login(make_user('reader', Role.VIEWER))
    page = client.get(document.get_absolute_url()).content.decode()
    assert '38 paragraphs: 18 preambular, 20 operative, 0 annex' in page and 'Mark reviewed' not in page
    assert client.get('/documents/upload/').status_code == 403


def test_upload_refuses_bad_files_with_a_message(client, make_user):
    client.force_login(make_user('ana', Role.ANALYST))
    response = client.post('/documents/upload/', {'file': SimpleUploadedFile('scan.pdf', b'%PDF-1.4 garbage')})
    assert response.status_code == 302 and response['Location'].startswith('/documents/jobs/')
    page = client.get(response['Location']).content.decode()
    assert 'scan.pdf' in page and 'Nothing was stored.' in page and 'is a corrupt PDF' in page
    assert not Document.objects.exists()
    response = client.post('/documents/upload/', {'file': SimpleUploadedFile('empty.txt', b'')})
    assert response.status_code == 400


# A first request (the cache is emptied before each test) also reads the countries menu's version and countries; a
# resolution's page also reads its mandates given by reference (mandates' document panel), and the coding panel reads
# its paragraphs' learned proposals in one query more (issue 16).
@pytest.mark.parametrize(
    ('url', 'most'),
    [('DOCUMENT', 16), ('/documents/', 8), ('/paragraphs/?q=security+sector', 13), ('/api/documents/paragraphs/', 10)],
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


def test_page_counts_are_pluralised(client, make_user, document):
    client.force_login(make_user('reader', Role.VIEWER))
    version = document.current_version
    for pages, text in ((1, '1 page)'), (3, '3 pages)')):
        version.pages = pages
        version.save()
        page = client.get(document.get_absolute_url()).content.decode()
        assert f'<span id="page-count">{text[:-1]}</span>' in page, pages


def _metadata(document, **changes):
    values = {
        'symbol': document.symbol,
        'title': document.title,
        'date': document.date.isoformat() if document.date else '',
        'doc_type': document.doc_type,
        'language': document.language,
        'last_updated': document.last_updated.isoformat(),
    }
    return {**values, **changes}


def test_an_analyst_corrects_a_report_s_metadata_and_the_change_is_in_its_history(client, make_user, tmp_path):
    report = tmp_path / 'onumoz-progress.txt'
    report.write_text(
        'Report of the Secretary-General on the United Nations Operation in Mozambique\n\n'
        '1. The police component of ONUMOZ monitored the activities of the Mozambican police.\n',
        encoding='utf-8',
    )
    document = Document.objects.get(pk=ingest_path(report).document_id)
    assert document.symbol == '' and document.key == 'onumoz-progress'
    client.force_login(make_user('ana', Role.ANALYST))
    url = f'/documents/{document.pk}/edit/'
    assert client.get(url).status_code == 200

    # Every mistake at once: a malformed symbol and a bad date; nothing is saved.
    response = client.post(url, _metadata(document, symbol='S/1994/ABC', date='1994-13-40'))
    assert response.status_code == 400
    errors = response.context['form'].errors
    assert set(errors) == {'symbol', 'date'}
    document.refresh_from_db()
    assert document.symbol == ''

    response = client.post(
        url, _metadata(document, symbol='S/1994/430', date='1994-04-07', doc_type='sg-report', title='Progress')
    )
    assert response.status_code == 302 and response['Location'] == document.get_absolute_url()
    document.refresh_from_db()
    assert (document.symbol, document.key, document.title, str(document.date)) == (
        'S/1994/430',
        'S/1994/430',
        'Progress',
        '1994-04-07',
    )
    history = client.get(f'/documents/{document.pk}/history/').content.decode()
    assert 'S/1994/430' in history and 'ana' in history


@pytest.mark.parametrize(
    ('language', 'message'),
    [
        (
            'en',
            "'S/RES/2151 (2014' is not a valid UN document symbol: the parenthesis after 'S/RES/2151' is not closed.",
        ),
        (
            'fr',
            '«\u00a0S/RES/2151 (2014\u00a0» n’est pas une cote ONU valide\u00a0: '
            'la parenthèse qui suit «\u00a0S/RES/2151\u00a0» n’est pas fermée.',
        ),
    ],
)
def test_a_malformed_symbol_is_explained_in_the_user_language(client, make_user, document, language, message):
    client.force_login(make_user('ana', Role.ANALYST))
    with translation.override('en'):
        response = client.post(
            f'/documents/{document.pk}/edit/',
            _metadata(document, symbol='S/RES/2151 (2014'),
            HTTP_ACCEPT_LANGUAGE=language,
        )
    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    document.refresh_from_db()
    assert document.symbol == 'S/RES/2151 (2014)'


def test_a_symbol_another_document_has_is_refused(client, make_user, document, tmp_path):
    other = tmp_path / 'note.txt'
    other.write_text('A note\n\n1. Security sector reform in Liberia was discussed at length.\n', encoding='utf-8')
    note = Document.objects.get(pk=ingest_path(other).document_id)
    client.force_login(make_user('ana', Role.ANALYST))
    response = client.post(f'/documents/{note.pk}/edit/', _metadata(note, symbol=document.symbol))
    assert response.status_code == 400
    assert 'Another document already has this symbol' in response.content.decode()


def test_a_viewer_cannot_correct_metadata(client, make_user, document):
    client.force_login(make_user('reader', Role.VIEWER))
    assert client.get(f'/documents/{document.pk}/edit/').status_code == 403
    assert f'href="/documents/{document.pk}/edit/"' not in client.get(document.get_absolute_url()).content.decode()
