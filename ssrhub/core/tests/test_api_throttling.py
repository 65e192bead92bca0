"""API rate limits: anonymous clients and people over their rate get a 429 with Retry-After; the suite runs without."""

import os
import subprocess
import sys

import pytest
from rest_framework.test import APIClient

from ssrhub.core.api.tokens import create_token
from ssrhub.core.roles import Role

pytestmark = pytest.mark.django_db

URL = '/api/core/countries/CIV/'


@pytest.fixture
def rates(settings):
    def set_rates(anon=None, user=None):
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, 'DEFAULT_THROTTLE_RATES': {'anon': anon, 'user': user}}

    return set_rates


def rates_in_environment(**variables) -> str:
    code = 'from django.conf import settings; print(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"])'
    env = {**os.environ, 'DJANGO_SETTINGS_MODULE': 'ssrhub.settings', **variables}
    run = subprocess.run([sys.executable, '-c', code], env=env, capture_output=True, text=True, check=True)
    return run.stdout.strip()


def test_the_rates_come_from_the_environment():
    assert rates_in_environment() == "{'anon': '60/minute', 'user': '1000/hour'}"
    # An empty value turns a limit off.
    assert rates_in_environment(SSRHUB_API_ANON_RATE='5/second', SSRHUB_API_USER_RATE='') == (
        "{'anon': '5/second', 'user': None}"
    )


def test_an_anonymous_client_over_its_rate_gets_429_with_retry_after(rates):
    rates(anon='3/minute')
    client = APIClient()
    assert [client.get(URL).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(URL)
    assert refused.status_code == 429
    assert 1 <= int(refused['Retry-After']) <= 60
    # A client cannot pass for another by writing an address in X-Forwarded-For (no proxy is configured)...
    assert client.get(URL, HTTP_X_FORWARDED_FOR='198.51.100.9').status_code == 429
    # ...but another address has its own count.
    assert client.get(URL, REMOTE_ADDR='192.0.2.7').status_code == 200


def test_a_token_holder_over_their_rate_gets_429_and_others_do_not(rates, make_user):
    rates(anon='1/minute', user='2/hour')
    heavy, other = (APIClient(), APIClient())
    heavy.credentials(HTTP_AUTHORIZATION=f'Token {create_token(make_user("heavy", Role.VIEWER), "script")[1]}')
    other.credentials(HTTP_AUTHORIZATION=f'Token {create_token(make_user("other", Role.VIEWER), "script")[1]}')
    assert [heavy.get(URL).status_code for _ in range(3)] == [200, 200, 429]
    assert int(heavy.get(URL)['Retry-After']) > 60
    assert other.get(URL).status_code == 200


def test_the_test_suite_is_not_rate_limited():
    client = APIClient()
    assert {client.get(URL).status_code for _ in range(65)} == {200}


def test_behind_a_proxy_clients_are_told_apart_by_the_address_it_forwards(rates, settings):
    rates(anon='1/minute')
    settings.SSRHUB_PROXY_COUNT = 1
    client = APIClient()
    assert client.get(URL, HTTP_X_FORWARDED_FOR='198.51.100.1').status_code == 200
    assert client.get(URL, HTTP_X_FORWARDED_FOR='198.51.100.1').status_code == 429
    assert client.get(URL, HTTP_X_FORWARDED_FOR='198.51.100.2').status_code == 200
