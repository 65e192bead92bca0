"""A person logs in, switches to French, opens the framework tree and searches it."""

import re

import pytest
from playwright.sync_api import expect

from .language import switch_language

pytestmark = pytest.mark.browser


def test_login_french_framework_tree_and_search(page, log_in, screenshot):
    log_in(page, 'analyst')
    expect(page.get_by_role('button', name='analyst')).to_be_visible()
    screenshot(page, 'home-en', full_page=True)

    switch_language(page, 'fr')
    page.get_by_role('navigation').get_by_role('link', name='Cadre de référence', exact=True).click()
    expect(page.get_by_role('heading', level=1)).to_contain_text('Approche des Nations Unies')
    expect(page.locator('.framework-tree')).to_contain_text('Principes')

    page.get_by_label(re.compile('Rechercher dans ce cadre')).fill('ownership')
    expect(page.locator('#tree-status')).to_contain_text('ownership')
    tree = page.locator('.framework-tree')
    expect(tree.locator('mark').first).to_be_visible()
    expect(tree).to_contain_text('Appropriation nationale')
    expect(tree).not_to_contain_text('Justice pénale')
    assert 'q=ownership' in page.url
    screenshot(page, 'framework-tree-fr-ownership', full_page=True)

    page.get_by_role('link', name='Appropriation nationale').first.click()
    expect(page.get_by_role('heading', level=1)).to_contain_text('Appropriation nationale')
    expect(page.locator('.citations')).to_contain_text('Ebo')
    screenshot(page, 'framework-item-fr')


def test_phone_layout_and_wrong_login_message(page, screenshot):
    page.set_viewport_size({'width': 390, 'height': 844})
    page.goto('/accounts/login/')
    page.get_by_label('Username').fill('analyst')
    page.get_by_label('Password').fill('not-the-password')
    page.get_by_role('button', name='Log in').click()
    expect(page.get_by_role('alert')).to_contain_text("didn't match")
    page.goto('/framework/')
    expect(page.get_by_role('button', name='Toggle navigation')).to_be_visible()
    screenshot(page, 'framework-tree-phone', full_page=False)


@pytest.mark.parametrize('width', [1280, 1024])
def test_french_menu_fits_the_screen_when_logged_in(page, log_in, screenshot, width):
    log_in(page, 'analyst')
    switch_language(page, 'fr')
    page.set_viewport_size({'width': width, 'height': 800})
    assert page.evaluate('document.documentElement.scrollWidth') <= width
    expect(page.get_by_role('button', name='analyst')).to_be_in_viewport()
    coordination = page.get_by_test_id('menu-coordination')
    coordination.locator('.dropdown-toggle').click()
    expect(coordination.get_by_role('link', name='Taux de change')).to_be_in_viewport()
    screenshot(page, f'menu-coordination-fr-{width}')
