"""axe-core finds no serious or critical accessibility violation (WCAG 2.1 A/AA) on the main pages."""

import pytest

from .language import switch_language

pytestmark = pytest.mark.browser

PAGES = [
    '/',
    '/framework/un-ssr/2026.1/?q=ownership',
    '/framework/un-ssr/2026.1/items/principle.national-ownership/',
    '/missions/?type=pko',
    '/missions/MINUSCA/',
    '/entities/IASSRTF/',
    '/countries/CAF/',
    '/search/?q=Liberia',
    '/accounts/login/',
]


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_main_pages_have_no_serious_accessibility_violations(page, language, axe_violations):
    found = {}
    page.goto('/')
    switch_language(page, language)
    for url in PAGES:
        page.goto(url)
        violations = axe_violations(page)
        if violations:
            found[url] = violations
    assert not found, found


def test_mission_edit_form_errors_are_announced(page, log_in, axe_violations):
    log_in(page, 'editor')
    page.goto('/missions/MINUSCA/edit/')
    page.get_by_label('Established by').fill('S/RES/21x9 (2014)')
    page.get_by_role('button', name='Save').click()
    field = page.get_by_label('Established by')
    assert field.get_attribute('aria-invalid') == 'true'
    error = page.locator(f'#{field.get_attribute("aria-describedby")}')
    assert "'S/RES/21x9 (2014)' is not a valid UN document symbol" in error.inner_text()
    assert not axe_violations(page)
