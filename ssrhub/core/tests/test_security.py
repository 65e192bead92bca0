"""Deployment checks, secrets from the environment, and rate-limited logins."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    'SSRHUB_ENV': 'production',
    'SSRHUB_SECRET_KEY': 'a' * 20 + 'b' * 20 + 'c' * 20 + '-production-test-key',
    'SSRHUB_ALLOWED_HOSTS': 'ssrhub.example.org',
    'DATABASE_URL': 'sqlite:////tmp/ssrhub-deploy-check.sqlite3',
}


def _ssrhub(*args, env=None):
    # The browser tests' worker lets Playwright's event loop call the ORM; a deployment never does.
    inherited = {name: value for name, value in os.environ.items() if name != 'DJANGO_ALLOW_ASYNC_UNSAFE'}
    return subprocess.run(
        [sys.executable, '-m', 'ssrhub.cli', *args],
        capture_output=True,
        text=True,
        env={**inherited, **(env or {})},
        cwd=settings.BASE_DIR,
        timeout=120,
    )


def test_deploy_check_is_clean_under_production_settings():
    result = _ssrhub('check', '--deploy', '--fail-level', 'WARNING', env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'no issues' in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, 'SSRHUB_SECRET_KEY': ''}
    result = _ssrhub('check', env=env)
    assert result.returncode != 0
    assert 'SSRHUB_SECRET_KEY must be set' in result.stderr


def test_demo_accounts_are_never_created_in_production():
    result = _ssrhub('demo', env=PRODUCTION_ENV)
    assert result.returncode != 0 and 'never created in production' in result.stderr


def test_wrong_logins_are_rate_limited(client, make_user):
    make_user('target')
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post('/accounts/login/', {'username': 'target', 'password': 'wrong'})
        assert response.status_code == 200
    assert client.post('/accounts/login/', {'username': 'target', 'password': 'wrong'}).status_code == 429
    response = client.post('/accounts/login/', {'username': 'target', 'password': 'correct-horse-battery'})
    assert response.status_code == 429
    assert 'Too many failed logins' in response.content.decode()


def test_a_correct_login_works(client, make_user):
    make_user('someone')
    response = client.post('/accounts/login/', {'username': 'someone', 'password': 'correct-horse-battery'})
    assert response.status_code == 302 and response['Location'] == '/'
