"""The first hour of a new user (issue 11, acceptance): every demo role, English and French in turn.

Starting from the home page and following links only (menus, lists, tabs), the user opens every area, searches,
opens the ONUMOZ mandate track with its tasks in force, opens the review panel of a paragraph of resolution 2151 (or,
without the role to review, sees none), opens a country workspace from the Countries menu and downloads its brief.
Selectors are roles, labels, ids and ``data-testid`` values, so that the pages can change around them.
"""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from ssrhub.core.models import Country

from .language import switch_language

pytestmark = pytest.mark.browser

# Every role once, the languages alternating so that each language meets a reviewer, a reader and an editor (the
# ten combinations would take four minutes of the suite's six).
WALKS = [('admin', 'en'), ('analyst', 'fr'), ('viewer', 'fr'), ('editor', 'en'), ('hrdd', 'fr')]
REVIEWERS = {'admin', 'analyst'}
# The home page's workspaces: the three demo countries, and COD too for hrdd, who works there.
# The demo's workspaces: CAF, CIV, LBR and the DRC (its due-diligence demo maps its security actors).
WORKSPACES = 4
# Menu (its data-testid, None for a plain link of the main menu) -> the entries it leads to.
AREAS = [
    (None, 'Framework'),
    (None, 'Missions'),
    (None, 'Entities'),
    ('menu-countries', 'All countries'),
    ('menu-documents', 'All documents'),
    ('menu-documents', 'Paragraph search'),
    ('menu-mandates', 'Mission tracks'),
    ('menu-mandates', 'Trends'),
    ('menu-review', 'Paragraph reviews'),
    ('menu-review', 'Codes added by reviewers'),
    ('menu-review', 'Agreement between reviewers'),
    (None, 'Changes'),
]


def _(language: str, text: str, context: str = '') -> str:
    with translation.override(language):
        return translation.pgettext(context, text) if context else translation.gettext(text)


def home(page):
    page.locator('.navbar-brand').click()
    page.wait_for_url('**/')


def follow(page, menu: str | None, entry: str, exact: bool = True):
    """Open ``entry`` from the main menu, through its dropdown when it has one."""
    nav = page.get_by_test_id('main-menu')
    if menu:
        nav = page.get_by_test_id(menu)
        nav.locator('.dropdown-toggle').click()
    nav.get_by_role('link', name=entry, exact=exact).click()
    page.wait_for_load_state()


def is_a_page(page):
    expect(page.locator('[data-testid^="error-"]')).to_have_count(0)
    expect(page.get_by_role('heading', level=1)).to_be_visible()


@pytest.mark.parametrize(('role', 'language'), WALKS)
def test_first_hour(page, log_in, screenshot, role, language):
    log_in(page, role)
    switch_language(page, language)
    expect(page.get_by_test_id('home-workspaces').locator('article')).to_have_count(WORKSPACES)
    screenshot(page, f'first-hour-home-{role}-{language}')

    expect(page.get_by_test_id('menu-review').locator('.dropdown-toggle')).to_have_text(_(language, 'Review', 'menu'))
    # Every area by the menus of the home page (the same menus on every page, so one area leads to the next).
    for menu, entry in AREAS:
        follow(page, menu, _(language, entry))
        is_a_page(page)
    home(page)

    # Search from the box of the menu.
    page.get_by_role('search').get_by_role('searchbox').fill('police')
    page.keyboard.press('Enter')
    page.wait_for_url('**/search/?q=police')
    expect(page.locator('main')).to_contain_text('component.police')
    home(page)

    # The ONUMOZ mandate track, with the tasks in force on its last day.
    follow(page, 'menu-mandates', _(language, 'Mission tracks'))
    page.locator('main').get_by_role('link', name='ONUMOZ', exact=True).click()
    expect(page.get_by_role('heading', level=1)).to_contain_text('ONUMOZ')
    expect(page.locator('#in-force-table tbody tr').first).to_be_visible()
    expect(page.locator('#in-force-table')).to_contain_text('S/RES/')
    screenshot(page, f'first-hour-track-{role}-{language}')
    home(page)

    # A paragraph of resolution 2151 and its review panel.
    follow(page, 'menu-documents', _(language, 'All documents'))
    # The demo holds some two hundred documents: the list's own search finds the one to open.
    search = page.locator('main').locator('input[name="q"]')
    search.fill('2151')
    search.press('Enter')
    page.locator('main').get_by_role('link', name='S/RES/2151 (2014)', exact=True).click()
    paragraph = page.locator('#p-15')
    expect(paragraph).to_be_visible()
    review_forms = paragraph.locator('[hx-post$="/review/"]')
    if role in REVIEWERS:
        chip = paragraph.locator('.chip-code').first
        chip.locator('summary').first.click()
        expect(chip.locator('.chip-info').first).to_be_visible()
        expect(chip.locator('[hx-post$="/review/"]').first).to_be_visible()
        screenshot(page, f'first-hour-review-{role}-{language}')
    else:
        expect(review_forms).to_have_count(0)
    home(page)

    # A workspace from the Countries menu, and its brief as a PDF.
    with translation.override(language):
        liberia = Country.objects.get(iso3='LBR').name
    follow(page, 'menu-countries', liberia, exact=False)  # the user's own countries carry a badge
    expect(page.get_by_role('heading', level=1)).to_contain_text(liberia)
    page.locator('#workspace-tabs').get_by_role('link', name=_(language, 'Brief', 'workspace tab'), exact=True).click()
    with page.expect_download() as download:
        page.locator('#brief-pdf').click()
    with open(download.value.path(), 'rb') as pdf:
        assert pdf.read(5) == b'%PDF-'
