"""A list page with the shared filter panel, in English and French: the filters applied as they change and by the
Apply button, the panel beside the table on a laptop. Screenshots of the organisations list in both languages."""

import pytest
from playwright.sync_api import expect

from .language import switch_language

pytestmark = pytest.mark.browser

WORDS = {'en': ('Filter', 'Apply'), 'fr': ('Filtrer', 'Appliquer')}


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_the_organisations_list_filters_with_the_shared_panel(page, log_in, screenshot, axe_violations, language):
    heading, apply = WORDS[language]
    page.set_viewport_size({'width': 1280, 'height': 900})
    log_in(page, 'viewer')
    switch_language(page, language)
    page.goto('/coordination/organisations/')
    panel = page.locator('form.filter-form')
    expect(panel.get_by_role('heading', level=2)).to_have_text(heading)
    rows = page.locator('#object-table tbody tr')
    before = rows.count()
    panel.locator('input[name=q]').fill('UNMIL')
    panel.get_by_role('button', name=apply).click()
    expect(rows).not_to_have_count(before)
    expect(page.locator('#object-table')).to_contain_text('United Nations Mission in Liberia')
    screenshot(page, f'list-organisations-{language}')
    assert axe_violations(page) == []
