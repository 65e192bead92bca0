"""An analyst correcting a document's metadata types a symbol without its number and is told why, in the page's
language, next to the field; nothing is saved."""

import pytest
from playwright.sync_api import expect

from ssrhub.documents.models import Document

from .language import switch_language

pytestmark = pytest.mark.browser

MESSAGE = {
    'en': "'S/RES/' is not a valid UN document symbol: the resolution number is missing after 'S/RES'.",
    'fr': '«\u00a0S/RES/\u00a0» n’est pas une cote ONU valide\u00a0: le numéro de résolution manque après '
    '«\u00a0S/RES\u00a0».',
}


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_a_symbol_without_its_number_is_explained_in_the_page_language(page, log_in, screenshot, language):
    document = Document.objects.filter(symbol__startswith='S/RES/').order_by('pk').first()
    log_in(page, 'analyst')
    switch_language(page, language)
    page.goto(f'/documents/{document.pk}/edit/')
    page.locator('#id_symbol').fill('S/RES/')
    page.locator('#id_symbol').press('Enter')
    expect(page.locator('#id_symbol')).to_have_attribute('aria-invalid', 'true')
    expect(page.locator('main')).to_contain_text(MESSAGE[language])
    expect(page.locator('main')).not_to_contain_text(MESSAGE['fr' if language == 'en' else 'en'])
    screenshot(page, f'symbol-error-{language}', full_page=True)
    document.refresh_from_db()
    assert document.symbol.startswith('S/RES/') and document.symbol != 'S/RES/'
