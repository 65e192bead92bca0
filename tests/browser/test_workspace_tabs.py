"""The country workspace's tab bar: one line at 1280 px in English and French, the coordination pages grouped under
one tab that opens with the keyboard on their list and shows them as a second row on their own pages; wrapped
buttons on a phone, the group's list opened in place; a due-diligence reader's tabs also on one line. Screenshots in
both languages at both widths."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from .language import switch_language
from .sessions import verified_page

pytestmark = pytest.mark.browser

LIBERIA = '/countries/LBR/workspace/'
GROUP = {'en': ('Coordination', 'Fora and decisions'), 'fr': ('Coordination', 'Instances et décisions')}


def tops(page) -> set[float]:
    return set(page.locator('#workspace-tabs > li').evaluate_all('items => items.map(item => item.offsetTop)'))


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_the_tab_bar_is_one_line_and_the_coordination_pages_one_tab(page, log_in, screenshot, axe_violations, language):
    group, fora = GROUP[language]
    page.set_viewport_size({'width': 1280, 'height': 900})
    log_in(page, 'editor')
    switch_language(page, language)
    page.goto(LIBERIA)
    assert len(tops(page)) == 1, 'the tabs wrap onto a second line at 1280 px'
    menu = page.locator('#workspace-tabs .tab-group[data-group="coordination"]')
    expect(menu.get_by_role('link', name=fora)).to_be_hidden()
    menu.locator('summary').focus()
    page.keyboard.press('Enter')
    expect(menu.get_by_role('link', name=fora)).to_be_visible()
    screenshot(page, f'workspace-tabs-1280-{language}')
    assert axe_violations(page) == []
    page.keyboard.press('Tab')  # the first link of the group, then the second
    page.keyboard.press('Tab')
    page.keyboard.press('Enter')
    expect(page).to_have_url(f'{page.url.split("/countries/")[0]}{LIBERIA}fora/')
    expect(page.locator('#workspace-tabs .tab-group[data-group="coordination"] summary')).to_have_class(
        'nav-link active'
    )
    expect(page.locator('#workspace-subtabs').get_by_role('link', name=fora)).to_have_attribute('aria-current', 'page')
    assert len(tops(page)) == 1
    screenshot(page, f'workspace-subtabs-1280-{language}')

    page.set_viewport_size({'width': 390, 'height': 844})
    page.goto(LIBERIA)
    page.locator('#workspace-tabs .tab-group[data-group="coordination"] summary').click()
    expect(menu.get_by_role('link', name=fora)).to_be_visible()
    assert page.evaluate('document.documentElement.scrollWidth') <= 390
    screenshot(page, f'workspace-tabs-390-{language}')
    assert axe_violations(page) == []


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_every_tab_of_a_due_diligence_reader_fits_on_one_line(browser, live_server, demo, screenshot, language):
    """The demo's due-diligence officer sees the most tabs (coordination, monitoring and due diligence)."""
    page = verified_page(browser, live_server, get_user_model().objects.get(username='hrdd'))
    page.goto('/countries/COD/workspace/')
    switch_language(page, language)
    page.goto('/countries/COD/workspace/')
    expect(page.locator('#workspace-tabs .tab-group[data-group="due-diligence"]')).to_be_visible()
    assert len(tops(page)) == 1, 'the tabs wrap onto a second line at 1280 px'
    screenshot(page, f'workspace-tabs-due-diligence-1280-{language}')
