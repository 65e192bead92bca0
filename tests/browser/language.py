"""Switching the interface language the way a user does, in every browser test."""

from playwright.sync_api import expect


def switch_language(page, language: str):
    """Switch the interface language with the menu's buttons, opening the folded menu at phone width, and wait for
    the page in that language (a navigation started before the switch lands would keep the old one)."""
    if page.locator('html').get_attribute('lang') == language:
        return
    toggler = page.locator('.navbar-toggler')
    if toggler.is_visible() and toggler.get_attribute('aria-expanded') != 'true':
        toggler.click()
        page.locator('#main-nav.show').wait_for()
    page.locator('#language-form').get_by_role('button', name=language.upper()).click()
    expect(page.locator('html')).to_have_attribute('lang', language)
