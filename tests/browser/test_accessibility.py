"""axe-core finds no serious or critical accessibility violation (WCAG 2.1 A/AA) on the main pages."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / 'vendor' / 'axe-core' / 'axe.min.js'
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


def _violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    return [
        f'{violation["id"]} ({violation["impact"]}): {node["target"]}'
        for violation in result['violations']
        if violation['impact'] in ('serious', 'critical')
        for node in violation['nodes']
    ]


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_main_pages_have_no_serious_accessibility_violations(page, language):
    found = {}
    page.goto('/')
    if language == 'fr':
        page.get_by_role('button', name='FR').click()
    for url in PAGES:
        page.goto(url)
        violations = _violations(page)
        if violations:
            found[url] = violations
    assert not found, found


def test_mission_edit_form_errors_are_announced(page):
    page.goto('/accounts/login/')
    page.get_by_label('Username').fill('editor')
    page.get_by_label('Password').fill('ssrhub-demo')
    page.get_by_role('button', name='Log in').click()
    page.goto('/missions/MINUSCA/edit/')
    page.get_by_label('Established by').fill('S/RES/21x9 (2014)')
    page.get_by_role('button', name='Save').click()
    field = page.get_by_label('Established by')
    assert field.get_attribute('aria-invalid') == 'true'
    error = page.locator(f'#{field.get_attribute("aria-describedby")}')
    assert "'S/RES/21x9 (2014)' is not a valid UN document symbol" in error.inner_text()
    assert not _violations(page)
