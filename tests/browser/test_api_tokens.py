"""An analyst creates an API token on their account page (English, then the page in French), uses it, and revokes
it: the key is shown once, the list says when it was created, last used and expires, and a revoked key gets 401."""

import pytest
from playwright.sync_api import expect

from .language import switch_language

pytestmark = pytest.mark.browser

API = '/api/framework/missions/'


def api_status(page, key: str) -> int:
    return page.request.get(API, headers={'Authorization': f'Token {key}'}).status


def test_an_analyst_creates_uses_and_revokes_a_token(page, log_in, screenshot, axe_violations):
    log_in(page, 'analyst')
    page.get_by_test_id('user-menu').click()
    page.get_by_test_id('api-tokens').click()
    expect(page.get_by_role('heading', name='API tokens', level=1)).to_be_visible()
    expect(page.get_by_test_id('no-tokens')).to_be_visible()
    page.get_by_label('Name').fill('Monthly export script')
    page.get_by_label('Expires after').select_option(label='365 days')
    page.get_by_role('button', name='Create the token').click()
    key = page.get_by_test_id('new-token-key').inner_text()
    assert len(key) == 64
    assert api_status(page, key) == 200
    page.reload()
    expect(page.get_by_test_id('new-token')).to_have_count(0)
    row = page.get_by_test_id('tokens').get_by_role('row', name='Monthly export script')
    expect(row).not_to_contain_text('never')
    assert axe_violations(page) == []
    switch_language(page, 'fr')
    expect(page.get_by_role('heading', name='Jetons d’API', level=1)).to_be_visible()
    expect(page.get_by_label('Expire après')).to_contain_text('90 jours')
    screenshot(page, 'api-tokens-fr')
    switch_language(page, 'en')
    screenshot(page, 'api-tokens')
    page.get_by_role('button', name='Revoke “Monthly export script”').click()
    expect(page.get_by_text('The token “Monthly export script” is revoked')).to_be_visible()
    expect(page.get_by_test_id('no-tokens')).to_be_visible()
    assert api_status(page, key) == 401
