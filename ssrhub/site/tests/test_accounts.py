"""Account pages in the site's layout (issue 11, item 9): password reset by e-mail end to end (offered only when mail
is sent), password change and its rules, "Forgot password?" on the login page, the login lockout still at work, and
idle sessions ending (issue 15)."""

import os
import re
import subprocess
import sys
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from ssrhub.core.roles import Role
from ssrhub.core.sessions import PUSHED_AT
from ssrhub.site.management.commands.demo import DEMO_PASSWORD, DEMO_USERS

pytestmark = pytest.mark.django_db

LAYOUT = 'data-testid="main-menu"'
OLD, NEW = 'correct-horse-battery', 'Tana-river-crossing-1994'


@pytest.fixture
def rita(make_user):
    return make_user('rita', Role.ANALYST, email='rita@example.org')


def _reset_link(message) -> str:
    return re.search(r'https?://testserver(/accounts/reset/\S+/)', message.body).group(1)


def test_login_page_offers_forgot_password(client):
    html = client.get('/accounts/login/').content.decode()
    assert 'href="/accounts/password_reset/"' in html and 'Forgot password?' in html


def test_password_reset_end_to_end(client, rita):
    form = client.get('/accounts/password_reset/')
    assert form.status_code == 200 and LAYOUT in form.content.decode() and 'Send me the link' in form.content.decode()
    response = client.post('/accounts/password_reset/', {'email': 'rita@example.org'}, follow=True)
    assert response.redirect_chain[-1][0] == '/accounts/password_reset/done/'
    assert 'data-testid="account-sent"' in response.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ['rita@example.org'] and message.subject == 'ssrhub: choose a new password'
    assert 'Hello rita,' in message.body and 'The ssrhub team' in message.body
    # The link redirects to the set-password form (the token moves into the session).
    page = client.get(_reset_link(message), follow=True)
    assert 'Choose a new password' in page.content.decode() and LAYOUT in page.content.decode()
    set_url = page.redirect_chain[-1][0]
    mismatch = client.post(set_url, {'new_password1': NEW, 'new_password2': NEW + 'x'})
    assert 'didn’t match' in mismatch.content.decode()
    done = client.post(set_url, {'new_password1': NEW, 'new_password2': NEW}, follow=True)
    assert done.redirect_chain[-1][0] == '/accounts/reset/done/'
    assert 'data-testid="account-complete"' in done.content.decode()
    logged_in = client.post('/accounts/login/', {'username': 'rita', 'password': NEW})
    assert logged_in.status_code == 302 and logged_in['Location'] == '/'
    # The link works once.
    client.logout()
    again = client.get(_reset_link(message), follow=True).content.decode()
    assert 'data-testid="reset-link-invalid"' in again


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, rita):
    response = client.post('/accounts/password_reset/', {'email': 'nobody@example.org'}, follow=True)
    assert 'data-testid="account-sent"' in response.content.decode()
    assert mail.outbox == []


def test_password_reset_mail_in_french(client, rita):
    client.post('/accounts/password_reset/', {'email': 'rita@example.org'}, HTTP_ACCEPT_LANGUAGE='fr')
    message = mail.outbox[0]
    assert message.subject == 'ssrhub\u00a0: choisissez un nouveau mot de passe'
    assert 'Bonjour rita,' in message.body


def _mail_settings(**environment) -> list[str]:
    code = 'from ssrhub import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS)'
    env = {key: value for key, value in os.environ.items() if not key.startswith('EMAIL_')} | environment
    result = subprocess.run([sys.executable, '-c', code], env=env, capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_mail_settings_come_from_the_environment_and_development_prints_mail_on_the_console():
    assert _mail_settings(SSRHUB_ENV='development') == ['django.core.mail.backends.console.EmailBackend', '25', 'False']
    named_server = _mail_settings(SSRHUB_ENV='development', EMAIL_HOST='smtp.example.org')
    assert named_server == ['django.core.mail.backends.smtp.EmailBackend', 'smtp.example.org', '25', 'False']
    configured = _mail_settings(
        SSRHUB_ENV='development',
        EMAIL_BACKEND='django.core.mail.backends.smtp.EmailBackend',
        EMAIL_HOST='smtp.example.org',
        EMAIL_PORT='587',
        EMAIL_USE_TLS='true',
    )
    assert configured == ['django.core.mail.backends.smtp.EmailBackend', 'smtp.example.org', '587', 'True']


def test_password_change_from_the_user_menu(client, rita):
    client.force_login(rita)
    home = client.get('/').content.decode()
    assert 'href="/accounts/password_change/"' in home
    page = client.get('/accounts/password_change/').content.decode()
    assert LAYOUT in page and 'Change your password' in page
    wrong = client.post(
        '/accounts/password_change/', {'old_password': 'nope', 'new_password1': NEW, 'new_password2': NEW}
    ).content.decode()
    assert 'aria-invalid="true"' in wrong and 'Your old password was entered incorrectly' in wrong
    done = client.post(
        '/accounts/password_change/', {'old_password': OLD, 'new_password1': NEW, 'new_password2': NEW}, follow=True
    )
    assert done.redirect_chain[-1][0] == '/accounts/password_change/done/'
    assert 'data-testid="account-changed"' in done.content.decode()
    rita.refresh_from_db()
    assert rita.check_password(NEW)


def test_password_change_needs_a_login(client):
    response = client.get('/accounts/password_change/')
    assert response.status_code == 302 and response['Location'].startswith('/accounts/login/')


def test_login_lockout_still_works(client, rita, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post('/accounts/login/', {'username': 'rita', 'password': 'wrong'})
    locked = client.post('/accounts/login/', {'username': 'rita', 'password': OLD})
    html = locked.content.decode()
    assert locked.status_code == 429 and 'Too many failed logins' in html and '/accounts/password_reset/' in html
    assert get_user_model().objects.get(username='rita').check_password(OLD)


def test_passwords_need_twelve_characters_and_not_a_common_one(client, rita):
    client.force_login(rita)
    for weak in ('hrdd1234', 'Short-pw-11', 'password1234'):
        response = client.post(
            '/accounts/password_change/', {'old_password': OLD, 'new_password1': weak, 'new_password2': weak}
        )
        assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode(), weak
    rita.refresh_from_db()
    assert rita.check_password(OLD)


def test_the_demo_password_satisfies_the_validators():
    for username, _role, _countries in DEMO_USERS:
        validate_password(DEMO_PASSWORD, get_user_model()(username=username))
    with pytest.raises(ValidationError):
        validate_password('ssrhub-demo')


def test_an_idle_session_ends_and_requests_push_the_end_on_at_most_once_a_minute(client, rita, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SSRHUB_SESSION_REFRESH_SECONDS == 60
    client.force_login(rita)
    soon = timezone.now() + timedelta(minutes=1)
    Session.objects.update(expire_date=soon)
    # Just logged in: a request does not write the session again.
    assert client.get('/accounts/password_change/').status_code == 200
    assert Session.objects.get().expire_date == soon
    # A minute later it does, and the end is 30 minutes away.
    session = client.session
    session[PUSHED_AT] -= 60
    session.save()
    Session.objects.update(expire_date=soon)
    assert client.get('/accounts/password_change/').status_code == 200
    pushed = Session.objects.get().expire_date - timezone.now()
    assert timedelta(minutes=29) < pushed <= timedelta(minutes=30)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get('/accounts/password_change/')
    assert response.status_code == 302 and response['Location'].startswith('/accounts/login/')


def test_password_reset_is_offered_only_when_mail_is_sent(client, settings):
    settings.EMAIL_BACKEND = 'django.core.mail.backends.console.EmailBackend'
    assert 'password_reset' not in client.get('/accounts/login/').content.decode()
    assert client.get('/accounts/password_reset/').status_code == 404
    assert client.post('/accounts/password_reset/', {'email': 'rita@example.org'}).status_code == 404
    settings.EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'
    assert 'href="/accounts/password_reset/"' in client.get('/accounts/login/').content.decode()
