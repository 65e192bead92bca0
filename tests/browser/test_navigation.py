"""Navigation, home page, error and account pages, favicon (issue 11, items 1 and 9), in English and French.

At phone width (390 px) the menu collapses behind its toggler; every area is in it, and a country editor's
workspaces are on the home page and in the Countries menu. Error pages keep the menu and the language switch.
"""

import pytest
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from ssrhub.core.models import Country

from .language import switch_language

pytestmark = pytest.mark.browser

LANGUAGES = ['en', 'fr']
PHONE = {'width': 390, 'height': 844}


def _(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def open_menu(page):
    toggler = page.locator('.navbar-toggler')
    if toggler.is_visible() and toggler.get_attribute('aria-expanded') != 'true':
        toggler.click()
        # A click while the menu still unfolds ("collapsing") can land before the dropdowns are in place.
        page.locator('#main-nav.show').wait_for()


def no_horizontal_scroll(page) -> bool:
    return page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')


@pytest.mark.parametrize('language', LANGUAGES)
def test_editor_home_and_menus_at_phone_width(page, log_in, screenshot, language):
    page.set_viewport_size(PHONE)
    log_in(page, 'editor')
    switch_language(page, language)
    workspaces = page.get_by_test_id('home-workspaces')
    expect(workspaces.get_by_role('heading', level=2)).to_have_text(_(language, "Your countries' SSR workspaces"))
    with translation.override(language):
        names = [country.name for country in Country.objects.filter(iso3__in=['CAF', 'CIV', 'LBR'])]
    for name in names:
        expect(workspaces.get_by_role('heading', name=name)).to_be_visible()
    # Their three countries, and the DRC, whose workspace the due-diligence demo fills with its security actors.
    expect(workspaces.locator('article')).to_have_count(4)
    expect(page.get_by_test_id('home-overdue').locator('tbody tr')).to_have_count(2)
    expect(page.get_by_test_id('home-changes')).to_contain_text(_(language, 'Your recent changes'))
    assert no_horizontal_scroll(page)
    screenshot(page, f'nav-home-editor-390-{language}', full_page=True)

    open_menu(page)
    countries = page.get_by_test_id('menu-countries')
    countries.get_by_role('button', name=_(language, 'Countries')).click()
    expect(countries.get_by_role('heading', name=_(language, 'SSR workspaces'))).to_be_visible()
    screenshot(page, f'nav-menu-countries-390-{language}')
    with translation.override(language):
        liberia = Country.objects.get(iso3='LBR').name
    countries.get_by_role('link', name=liberia).click()
    page.wait_for_url('**/countries/LBR/workspace/')
    expect(page.get_by_role('heading', level=1)).to_contain_text(liberia)

    open_menu(page)
    page.get_by_test_id('user-menu').click()
    expect(page.get_by_role('heading', name=_(language, 'My countries'))).to_be_visible()
    page.get_by_role('link', name=_(language, 'Change password')).click()
    expect(page.get_by_role('heading', level=1)).to_have_text(_(language, 'Change your password'))
    assert no_horizontal_scroll(page)


@pytest.mark.parametrize('language', LANGUAGES)
def test_anonymous_home_login_and_password_reset(page, screenshot, language):
    page.goto('/')
    switch_language(page, language)
    intro = page.get_by_test_id('home-introduction')
    expect(intro.get_by_role('link', name=_(language, 'Log in'))).to_be_visible()
    expect(page.get_by_test_id('home-workspaces')).to_have_count(0)
    screenshot(page, f'nav-home-anonymous-{language}')
    intro.get_by_role('link', name=_(language, 'Log in')).click()
    page.get_by_test_id('forgot-password').click()
    expect(page.get_by_role('heading', level=1)).to_have_text(_(language, 'Reset your password'))
    page.locator('input[type=email]').fill('editor@example.org')
    screenshot(page, f'account-reset-form-{language}')
    page.get_by_role('button', name=_(language, 'Send me the link')).click()
    expect(page.get_by_test_id('account-sent')).to_be_visible()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ['editor@example.org']
    assert mail.outbox[0].subject == _(language, 'ssrhub: choose a new password')
    link = next(line for line in mail.outbox[0].body.splitlines() if '/accounts/reset/' in line).strip()
    page.goto(link)
    expect(page.get_by_role('heading', level=1)).to_have_text(_(language, 'Choose a new password'))
    for field in page.locator('input[type=password]').all():
        field.fill('Zambezi-delta-1992')
    page.get_by_role('button', name=_(language, 'Save my new password')).click()
    expect(page.get_by_test_id('account-complete')).to_be_visible()
    screenshot(page, f'account-reset-complete-{language}')


@pytest.mark.parametrize('language', LANGUAGES)
def test_error_pages_keep_the_layout_and_say_what_to_do(page, log_in, screenshot, language):
    log_in(page, 'viewer')
    switch_language(page, language)
    response = page.goto('/missions/ONUMOZ/edit/')
    assert response.status == 403
    error = page.get_by_test_id('error-403')
    expect(error.get_by_role('heading', level=1)).to_have_text(_(language, 'You may not open this page'))
    expect(error).to_contain_text(_(language, 'Viewer'))
    expect(page.locator('#language-form')).to_be_attached()
    screenshot(page, f'error-403-{language}')

    response = page.goto('/missions/NO-SUCH-MISSION/')
    assert response.status == 404
    expect(page.get_by_test_id('error-404').get_by_role('heading', level=1)).to_have_text(_(language, 'Page not found'))
    screenshot(page, f'error-404-{language}')

    response = page.goto('/mandates/missions/ONUMOZ/in-force.csv?date=notadate')
    assert response.status == 400
    expect(page.get_by_test_id('error-400')).to_contain_text('notadate')
    expect(page.get_by_test_id('error-400')).not_to_contain_text('isoformat')
    screenshot(page, f'error-400-{language}')
    page.get_by_test_id('error-400').locator('a[href="/"]').click()
    page.wait_for_url('**/')


def test_favicon(page):
    page.goto('/')
    icons = page.locator('link[rel=icon]')
    expect(icons).to_have_count(2)
    for href in icons.evaluate_all('links => links.map(link => link.href)'):
        response = page.request.get(href)
        assert response.ok and response.headers['content-type'].startswith('image/')
    root = page.request.get('/favicon.ico')
    assert root.ok and root.body().startswith(b'\x00\x00\x01\x00')
