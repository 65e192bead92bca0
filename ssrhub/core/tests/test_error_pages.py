"""Error pages inside the site's layout (issue 11, item 9), bad query values as translated 400 pages, the favicon;
under ``/api/`` the same errors in JSON."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.template import loader
from django.test import Client, RequestFactory
from django.utils import translation

from ssrhub.core.roles import Role
from ssrhub.core.views import errors

pytestmark = pytest.mark.django_db

LAYOUT = ('data-testid="main-menu"', 'id="language-form"')


def _in_layout(html: str) -> bool:
    return all(marker in html for marker in LAYOUT)


def test_404_is_a_page_of_the_site_with_what_to_do(client):
    response = client.get('/missions/NO-SUCH-MISSION/')
    html = response.content.decode()
    assert response.status_code == 404
    assert _in_layout(html) and 'data-testid="error-404"' in html
    assert '/missions/NO-SUCH-MISSION/' in html and 'Log in' in html and 'name="q"' in html


def test_404_in_french(client):
    html = client.get('/nowhere/', HTTP_ACCEPT_LANGUAGE='fr').content.decode()
    assert 'Page introuvable' in html and 'Page not found' not in html


def test_403_names_the_role_and_countries_and_what_to_ask_for(client, make_user):
    client.force_login(make_user('vera', Role.VIEWER))
    response = client.get('/missions/ONUMOZ/edit/')
    html = response.content.decode()
    assert response.status_code == 403
    assert _in_layout(html) and 'data-testid="error-403"' in html
    assert 'You are logged in as vera' in html and 'Viewer' in html and 'none assigned' in html
    assert 'ask an administrator for the role' in html


def test_403_of_a_country_editor_outside_their_country(client, make_user):
    client.force_login(make_user('eddie', Role.COUNTRY_EDITOR, countries=('LBR',)))
    response = client.get('/countries/CAF/workspace/engagement/edit/')
    html = response.content.decode()
    assert response.status_code == 403
    assert 'Country editor' in html and 'Liberia' in html


def test_refused_security_token_is_explained_in_the_layout():
    client = Client(enforce_csrf_checks=True)
    response = client.post('/accounts/login/', {'username': 'someone', 'password': 'secret'})
    html = response.content.decode()
    assert response.status_code == 403
    assert _in_layout(html) and 'The form could not be sent' in html and 'CSRF verification failed' not in html


def test_bad_date_in_the_address_is_a_translated_400_page_not_python(client, make_user):
    client.force_login(make_user('ana', Role.ANALYST))
    response = client.get('/mandates/missions/ONUMOZ/in-force.csv', {'date': 'notadate'})
    html = response.content.decode()
    assert response.status_code == 400
    assert _in_layout(html) and 'data-testid="error-400"' in html
    assert '“notadate” is not a date' in html and 'isoformat' not in html
    french = client.get(
        '/mandates/missions/ONUMOZ/in-force.csv', {'date': 'notadate'}, HTTP_ACCEPT_LANGUAGE='fr'
    ).content.decode()
    assert '«\u00a0notadate\u00a0» n’est pas une date' in french


def test_unknown_download_format_is_a_400_page(client, make_user):
    client.force_login(make_user('ana', Role.ANALYST))
    response = client.get('/mandates/missions/ONUMOZ/carry.pdf')
    assert response.status_code == 400
    assert 'There is no “pdf” download: choose CSV, XLSX or JSON.' in response.content.decode()


def test_500_page_renders_with_the_request():
    request = RequestFactory().get('/somewhere/')
    request.user = AnonymousUser()
    response = errors.server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert _in_layout(html) and 'Something went wrong on our side' in html


def test_500_page_survives_a_failing_request_context(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError('database unavailable')

    monkeypatch.setattr(errors, 'render', broken)
    response = errors.server_error(RequestFactory().get('/somewhere/'))
    assert response.status_code == 500
    assert 'Something went wrong on our side' in response.content.decode()


def _answer_during_outage(path, language='en'):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    with translation.override(language):
        try:
            raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
        except OperationalError:
            return errors.server_error(request)


def test_database_outage_answers_503_saying_so():
    response = _answer_during_outage('/countries/')
    assert response.status_code == 503 and response['Retry-After'] == '30'
    assert 'The database cannot be reached at the moment' in response.content.decode()
    assert 'La base de données est injoignable pour le moment' in _answer_during_outage('/', 'fr').content.decode()
    api = _answer_during_outage('/api/core/countries/')
    assert api.status_code == 503 and json.loads(api.content) == {
        'detail': 'The database cannot be reached at the moment.'
    }


def test_database_outage_page_needs_no_request_context(monkeypatch):
    monkeypatch.setattr(errors, 'render', lambda *args, **kwargs: 1 / 0)
    response = _answer_during_outage('/countries/')
    assert response.status_code == 503 and 'The database cannot be reached' in response.content.decode()


def test_500_template_needs_no_context():
    html = loader.get_template('500.html').render({})
    assert 'Something went wrong on our side' in html and 'data-testid="main-menu"' in html


def test_favicon_is_served_at_the_root_and_from_static(client):
    response = client.get('/favicon.ico')
    assert response.status_code == 301 and response['Location'].endswith('/ssrhub/favicon.ico')
    icon = client.get(response['Location'])
    assert icon.status_code == 200
    assert b''.join(icon.streaming_content).startswith(b'\x00\x00\x01\x00')  # the ICO header
    svg = client.get('/static/ssrhub/favicon.svg')
    assert svg.status_code == 200 and b'<svg' in b''.join(svg.streaming_content)


@pytest.mark.parametrize('path', ['/api/core/countries/A.B/', '/api/core/countries/LBR/x/', '/api/nowhere/'])
def test_api_url_that_no_route_matches_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response['Content-Type'] == 'application/json'
    assert response.json() == {'detail': 'Not found.'}
    assert client.get(path, HTTP_ACCEPT_LANGUAGE='fr').json() == {'detail': 'Pas trouvé.'}


def test_api_errors_outside_a_view_answer_json():
    request = RequestFactory().get('/api/core/countries/')
    request.user = AnonymousUser()
    with translation.override('en'):
        answers = {
            400: errors.bad_request(request, SuspiciousOperation('bad')),
            403: errors.permission_denied(request, PermissionDenied()),
            500: errors.server_error(request),
        }
    for status, response in answers.items():
        assert response.status_code == status and response['Content-Type'] == 'application/json'
        assert set(json.loads(response.content)) == {'detail'}
    assert json.loads(answers[500].content) == {'detail': 'A server error occurred.'}
