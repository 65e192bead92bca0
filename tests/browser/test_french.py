"""French that is French, in English for contrast: the Central African and Ivorian dashboards and briefs (HTML and
PDF) give the institutions, documents and events their official French names, statuses agree with the documents
they describe, and an API error comes in the language of the browser."""

import unicodedata
from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

pytestmark = pytest.mark.browser

# What each page shows in each language: the actors (without acronyms, so the map shows their names), a document
# and its status, an event, the mission's acronym.
EXPECTED = {
    'CAF': {
        'en': ('Police', 'National Security Policy', 'Adopted', 'Special Criminal Court'),
        'fr': ('Police centrafricaine', 'Politique de sécurité nationale', 'Adoptée', 'Cour pénale spéciale'),
    },
    'CIV': {
        'en': ('Police', 'National SSR Strategy (2012)', 'UNOCI closes', 'Peacekeeping operation (UNOCI)'),
        'fr': (
            'Police nationale',
            'Stratégie nationale de réforme du secteur de la sécurité (2012)',
            "Fermeture de l'ONUCI",
            'Opération de maintien de la paix (ONUCI)',
        ),
    },
}
API_REFUSAL = {
    'en': 'Authentication credentials were not provided.',
    'fr': "Informations d'authentification non fournies.",
}


def _speak(page, live_server, language):
    page.context.add_cookies([{'name': 'django_language', 'value': language, 'url': live_server.url}])
    page.context.set_extra_http_headers({'Accept-Language': language})


def _pdf_text(content: bytes) -> str:
    text = ' '.join(page.extract_text() or '' for page in PdfReader(BytesIO(content)).pages)
    return ' '.join(unicodedata.normalize('NFC', text).split())


@pytest.mark.parametrize('language', ['en', 'fr'])
@pytest.mark.parametrize('iso3', ['CAF', 'CIV'])
def test_dashboard_and_brief_name_the_country_in_its_language(page, live_server, log_in, screenshot, iso3, language):
    log_in(page, 'viewer')
    _speak(page, live_server, language)
    workspace = f'/countries/{iso3}/workspace/'

    page.goto(workspace)
    expect(page.locator('html')).to_have_attribute('lang', language)
    if iso3 == 'CAF':  # the policy with its status, in the feminine in French
        title, status = EXPECTED[iso3][language][1:3]
        documents = page.locator('section[aria-labelledby="documents-heading"]')
        item = documents.locator('li', has=page.get_by_role('link', name=title, exact=True))
        expect(item).to_contain_text(f'· {status}')
    screenshot(page, f'french-{iso3.lower()}-dashboard-{language}', full_page=True)

    page.goto(f'{workspace}brief/?lang={language}')
    brief = page.locator('.brief')
    expect(brief).to_have_attribute('lang', language)
    for text in EXPECTED[iso3][language]:
        expect(brief).to_contain_text(text)
    if language == 'fr':
        for text in EXPECTED[iso3]['en'][1:]:
            expect(brief).not_to_contain_text(text)
    screenshot(page, f'french-{iso3.lower()}-brief-{language}', full_page=True)

    response = page.request.get(f'{workspace}brief.pdf?lang={language}')
    assert response.ok
    text = _pdf_text(response.body())
    for expected in EXPECTED[iso3][language]:
        assert expected.replace("'", '’') in text.replace("'", '’')


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_api_error_in_the_language_of_the_browser(page, live_server, screenshot, language):
    _speak(page, live_server, language)
    response = page.request.get('/api/countries/actors/', headers={'Accept': 'application/json'})
    assert response.status in (401, 403)
    assert response.json() == {'detail': API_REFUSAL[language]}
    page.goto('/api/countries/actors/')
    expect(page.get_by_text(API_REFUSAL[language]).first).to_be_visible()
    screenshot(page, f'french-api-error-{language}')
