"""The demo's due-diligence officer logs in for the first time: after the password, ssrhub asks them to set up an
authenticator app; they type the key by hand (the code computed here from the shown secret, as an app would), keep
their backup codes and land on the page they were going to, their session verified."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

GOING_TO = '/countries/COD/'


def test_hrdd_sets_up_the_second_factor_on_first_login(page, screenshot):
    page.goto(f'/accounts/login/?next={GOING_TO}')
    page.get_by_label('Username').fill('hrdd')
    page.get_by_label('Password').fill('ssrhub-demo-2026')
    page.get_by_role('button', name='Log in').click()
    page.wait_for_url('**/accounts/two-factor/?next=*')
    expect(page.get_by_role('heading', name='Set up two-factor authentication')).to_be_visible()
    expect(page.get_by_test_id('two-factor-qr').locator('svg')).to_be_visible()
    screenshot(page, 'two-factor-setup')
    secret = page.get_by_test_id('two-factor-secret').inner_text()
    page.get_by_role('textbox', name='Code').fill(f'{totp(b32decode(secret)):06d}')
    page.get_by_role('button', name='Confirm').click()
    codes = page.get_by_test_id('backup-codes').locator('li')
    expect(codes).to_have_count(10)
    screenshot(page, 'two-factor-backup-codes')
    page.get_by_test_id('two-factor-continue').click()
    page.wait_for_url(f'**{GOING_TO}')
    assert TOTPDevice.objects.get(user__username='hrdd').confirmed
    page.get_by_test_id('user-menu').click()
    page.get_by_test_id('two-factor').click()
    expect(page.get_by_test_id('two-factor-on')).to_be_visible()
