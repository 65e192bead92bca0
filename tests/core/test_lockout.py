"""Login lockout behind a reverse proxy: by (username, real client address) read from the proxy's header only when
the request comes from the proxy, a cool-off limit by username alone, and the administrators' audited unlock."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import DELETION, LogEntry
from django.test import RequestFactory
from django.utils import timezone

from ssrhub.core.lockout import client_address
from ssrhub.core.roles import Role

pytestmark = pytest.mark.django_db

PROXY, OUTSIDER = '10.0.0.1', '198.51.100.7'
PASSWORD = 'correct-horse-battery'
LOGIN = '/accounts/login/'


@pytest.fixture(autouse=True)
def behind_a_proxy(settings):
    settings.SSRHUB_PROXY_COUNT = 1
    settings.SSRHUB_TRUSTED_PROXIES = [PROXY]
    settings.AXES_FAILURE_LIMIT = 3
    settings.SSRHUB_LOGIN_USERNAME_FAILURE_LIMIT = 7


@pytest.fixture
def rita(make_user):
    return make_user('rita', Role.ANALYST)


def attempt(client, password, forwarded=None, remote=PROXY):
    headers = {'REMOTE_ADDR': remote} | ({'HTTP_X_FORWARDED_FOR': forwarded} if forwarded else {})
    return client.post(LOGIN, {'username': 'rita', 'password': password}, **headers)


def test_the_client_address_is_the_proxys_last_entry_and_only_from_the_proxy():
    factory = RequestFactory()
    assert client_address(factory.get('/', REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR='203.0.113.5')) == '203.0.113.5'
    # What the client wrote itself stays on the left of what the proxy appended.
    spoofed = factory.get('/', REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR='1.2.3.4, 203.0.113.5')
    assert client_address(spoofed) == '203.0.113.5'
    assert client_address(factory.get('/', REMOTE_ADDR=OUTSIDER, HTTP_X_FORWARDED_FOR='1.2.3.4')) == OUTSIDER
    assert client_address(factory.get('/', REMOTE_ADDR=PROXY)) == PROXY


def test_one_clients_failures_behind_the_proxy_do_not_lock_out_another(client, rita):
    assert attempt(client, 'wrong', '203.0.113.5').status_code == 200
    attempt(client, 'wrong', '203.0.113.5')
    assert attempt(client, 'wrong', '203.0.113.5').status_code == 429
    assert attempt(client, PASSWORD, '203.0.113.5').status_code == 429
    assert attempt(client, PASSWORD, '1.2.3.4, 203.0.113.5').status_code == 429
    assert attempt(client, PASSWORD, '203.0.113.6').status_code == 302
    assert AccessAttempt.objects.get().ip_address == '203.0.113.5'


def test_a_header_from_an_address_that_is_not_the_proxy_is_not_trusted(client, rita):
    for number in range(3):
        attempt(client, 'wrong', f'203.0.113.{number}', remote=OUTSIDER)
    assert attempt(client, PASSWORD, '203.0.113.99', remote=OUTSIDER).status_code == 429
    assert list(AccessAttempt.objects.values_list('ip_address', flat=True)) == [OUTSIDER]


def test_the_username_limit_locks_every_address_for_one_cool_off_only(client, rita):
    for number in range(7):
        attempt(client, 'wrong', f'203.0.113.{number // 2}')
    assert attempt(client, PASSWORD, '203.0.113.50').status_code == 429
    # Failures refused during the lockout are not counted: they cannot extend it.
    for number in range(10):
        attempt(client, 'wrong', f'203.0.113.{100 + number}')
    assert sum(AccessAttempt.objects.values_list('failures_since_start', flat=True)) == 7
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert attempt(client, PASSWORD, '203.0.113.50').status_code == 302


def test_an_administrator_unlocks_from_the_admin_and_the_unlock_is_logged(client, rita, make_user):
    for _ in range(3):
        attempt(client, 'wrong', '203.0.113.5')
    assert attempt(client, PASSWORD, '203.0.113.5').status_code == 429
    admin = make_user('boss', Role.ADMINISTRATOR, is_staff=True)
    staff = type(client)()
    staff.force_login(admin)
    listing = staff.get('/admin/axes/accessattempt/').content.decode()
    assert 'rita' in listing and '203.0.113.5' in listing
    locked = AccessAttempt.objects.get()
    response = staff.post(
        '/admin/axes/accessattempt/', {'action': 'unlock', '_selected_action': [locked.pk]}, follow=True
    )
    assert 'unlocked' in response.content.decode()
    assert not AccessAttempt.objects.exists()
    entry = LogEntry.objects.get(user=admin)
    assert entry.action_flag == DELETION and entry.object_id == str(locked.pk)
    assert attempt(client, PASSWORD, '203.0.113.5').status_code == 302
