"""The second factor: set-up (QR code, secret, confirmation, backup codes), verification with throttling, the
redirects after the password and from sensitive pages, and the administrators' reset."""

from base64 import b32decode

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import device_of, verified_login
from ssrhub.countries.models import Actor, ActorType, Area

pytestmark = pytest.mark.django_db

SETUP, VERIFY = '/accounts/two-factor/', '/accounts/two-factor/verify/'
PASSWORD = 'correct-horse-battery'


def code_for(device) -> str:
    return f'{totp(device.bin_key):06d}'


def code_from_secret(secret: str) -> str:
    return f'{totp(b32decode(secret)):06d}'


def log_in(client, user, next_url=''):
    data = {'username': user.username, 'password': PASSWORD}
    return client.post(f'/accounts/login/?next={next_url}' if next_url else '/accounts/login/', data)


@pytest.fixture
def officer(make_user):
    return make_user('officer', Role.DUE_DILIGENCE_OFFICER, countries=('LBR',))


def test_a_sensitive_role_is_sent_to_set_up_after_the_password_and_lands_where_it_was_going(client, officer):
    response = log_in(client, officer, '/countries/LBR/')
    assert response.status_code == 302 and response['Location'] == f'{SETUP}?next=%2Fcountries%2FLBR%2F'
    page = client.get(response['Location'])
    html = page.content.decode()
    assert '<svg' in html and 'data-testid="two-factor-qr"' in html
    secret = html.split('data-testid="two-factor-secret">')[1].split('<')[0]
    assert not TOTPDevice.objects.get(user=officer).confirmed
    # A reload shows the same secret: the device being set up is kept until confirmed.
    assert secret in client.get(SETUP).content.decode()
    wrong = client.post(SETUP, {'code': '000000' if code_from_secret(secret) != '000000' else '111111'})
    assert wrong.status_code == 400 and 'aria-invalid="true"' in wrong.content.decode()
    TOTPDevice.objects.filter(user=officer).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    done = client.post(SETUP, {'code': code_from_secret(secret), 'next': '/countries/LBR/'})
    assert done.status_code == 200
    codes = done.content.decode().split('data-testid="backup-codes">')[1].split('</ul>')[0]
    assert codes.count('<li>') == 10
    assert 'href="/countries/LBR/"' in done.content.decode()
    assert TOTPDevice.objects.get(user=officer).confirmed
    assert StaticDevice.objects.get(user=officer).token_set.count() == 10
    # The session is verified: the set-up page now says so, and shows no secret.
    status = client.get(SETUP).content.decode()
    assert 'data-testid="two-factor-on"' in status and secret not in status


def test_a_user_with_a_device_verifies_with_a_code_or_a_backup_code_once(client, officer):
    device = device_of(officer)
    backup = StaticDevice.objects.create(user=officer, name='backup')
    backup.token_set.create(token='abcd2345')
    response = log_in(client, officer, '/changes/')
    assert response['Location'] == f'{VERIFY}?next=%2Fchanges%2F'
    # Before verifying, the set-up page does not offer a new device to whoever has the password.
    assert client.get(SETUP)['Location'].startswith(VERIFY)
    verified = client.post(VERIFY, {'code': code_for(device), 'next': '/changes/'})
    assert verified.status_code == 302 and verified['Location'] == '/changes/'
    other = type(client)()
    log_in(other, officer)
    assert other.post(VERIFY, {'code': 'abcd2345', 'next': '/'}).status_code == 302
    third = type(client)()
    log_in(third, officer)
    assert third.post(VERIFY, {'code': 'abcd2345', 'next': '/'}).status_code == 400  # used up


def test_next_keeps_to_this_site(client, officer):
    device = device_of(officer)
    log_in(client, officer)
    response = client.post(VERIFY, {'code': code_for(device), 'next': 'https://evil.example/'})
    assert response['Location'] == '/'


def test_wrong_codes_are_throttled(client, officer, settings):
    device = device_of(officer)
    log_in(client, officer)
    wrong = '000000' if code_for(device) != '000000' else '111111'
    first = client.post(VERIFY, {'code': wrong})
    assert first.status_code == 400
    # The next attempt comes within the wait django-otp imposes after a failure: even the right code is refused.
    throttled = client.post(VERIFY, {'code': code_for(device)})
    assert throttled.status_code == 400 and 'wait a little' in throttled.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1


def test_users_without_a_sensitive_role_are_never_asked(client, make_user):
    editor = make_user('editor', Role.COUNTRY_EDITOR, countries=('LBR',))
    response = log_in(client, editor, '/changes/')
    assert response['Location'] == '/changes/'
    assert 'Two-factor authentication' not in client.get('/').content.decode()


def test_the_account_menu_offers_the_page_to_sensitive_roles(client, officer):
    client.force_login(officer)
    assert f'href="{SETUP}"' in client.get('/').content.decode()


def test_a_sensitive_page_reached_unverified_redirects_to_the_second_factor(client, officer, monkeypatch):
    actor = Actor.objects.create(
        country=Country.objects.get(iso3='LBR'), name='Liberia National Police', area=Area.CORE, type=ActorType.POLICE
    )
    monkeypatch.setattr(Actor, 'access_kind', 'sensitive')
    url = reverse('countries:actor_edit', args=['LBR', actor.pk])
    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == 302 and response['Location'].startswith(f'{SETUP}?next=')
    device_of(officer)
    assert client.get(url)['Location'].startswith(f'{VERIFY}?next=')
    # A user whose role does not read the model keeps the 403 it had.
    client.force_login(officer.__class__.objects.create_user('nobody'))
    assert client.get(url).status_code == 403


def test_administrators_reset_a_users_devices_audited(admin_client, officer):
    device_of(officer)
    StaticDevice.objects.create(user=officer, name='backup')
    response = admin_client.post(
        '/admin/auth/user/', {'action': 'reset_two_factor', '_selected_action': [officer.pk]}, follow=True
    )
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticDevice.objects.filter(user=officer).exists()
    entry = LogEntry.objects.get(object_id=str(officer.pk))
    assert entry.user.username == 'admin' and 'two-factor' in entry.get_change_message()


def test_verified_login_helper_is_a_verified_session(client, officer):
    verified_login(client, officer)
    assert 'data-testid="two-factor-on"' in client.get(SETUP).content.decode()


@pytest.mark.parametrize('kind', ['administrator', 'staff'])
def test_an_administrator_verifies_before_any_admin_page_or_staff_action(client, make_user, kind):
    boss = make_user('boss', Role.ADMINISTRATOR if kind == 'administrator' else None, is_staff=True)
    assert log_in(client, boss, '/admin/')['Location'] == f'{SETUP}?next=%2Fadmin%2F'
    for url in ('/admin/', '/admin/auth/user/', '/countries/', '/changes/', '/'):
        response = client.get(url)
        assert response.status_code == 302 and response['Location'].startswith(SETUP), url
    # A staff action (any form sent) goes to the set-up too, and changes nothing.
    before = Country.objects.get(iso3='LBR').name_en
    sent = client.post('/admin/core/country/LBR/change/', {'name_en': 'Changed'})
    assert sent.status_code == 302 and sent['Location'].startswith(SETUP)
    assert Country.objects.get(iso3='LBR').name_en == before
    html = client.get(SETUP).content.decode()
    secret = html.split('data-testid="two-factor-secret">')[1].split('<')[0]
    assert client.post(SETUP, {'code': code_from_secret(secret)}).status_code == 200
    assert client.get('/admin/').status_code == 200
    assert client.get('/countries/').status_code == 200


def test_other_roles_are_not_stopped_before_their_pages(client, make_user):
    log_in(client, make_user('reader', Role.VIEWER))
    assert client.get('/countries/').status_code == 200


def test_the_test_clients_force_login_verifies_administrators_only(client, make_user, officer):
    client.force_login(make_user('boss', Role.ADMINISTRATOR))
    assert DEVICE_ID_SESSION_KEY in client.session and client.get('/countries/').status_code == 200
    client.force_login(officer)
    assert DEVICE_ID_SESSION_KEY not in client.session
