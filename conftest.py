"""Shared pytest fixtures: reference data is loaded once into the test database; shared data files or a failure."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from hypothesis import HealthCheck, settings

from ssrhub.core.models import Country, CountryAssignment
from ssrhub.core.roles import COUNTRY_ROLES, Role
from ssrhub.core.testing.ports import free_port
from ssrhub.core.testing.rows import insert_rows, stored_rows
from ssrhub.core.testing.two_factor import AdministratorsVerifiedClient

# PEMA and CRSV may not be redistributed and the whole CR-UNSC corpus is too big to copy (docs/development/testing.md).
# Property tests judge results, not speed: a busy 2-core CI machine must not turn a slow example into a failure.
settings.register_profile('ssrhub', deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile('ssrhub')

SHARED_DATA = Path(os.environ.get('SSRHUB_SHARED_DATA') or Path(__file__).resolve().parent.parent / 'shared' / 'data')


@pytest.fixture(scope='session', autouse=True)
def fast_password_hashing():
    """Tests create users by the hundred and log them in; the production hasher would spend minutes on that."""
    with override_settings(PASSWORD_HASHERS=['django.contrib.auth.hashers.MD5PasswordHasher']):
        yield


@pytest.fixture(scope='session', autouse=True)
def no_api_rate_limits():
    """Tests call the API thousands of times from one address and a handful of accounts: the production rate limits
    are off for the suite (``ssrhub/core/tests/test_api_throttling.py`` turns them on again to check them)."""
    rates = {'anon': None, 'user': None}
    with override_settings(REST_FRAMEWORK={**django_settings.REST_FRAMEWORK, 'DEFAULT_THROTTLE_RATES': rates}):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the test database reuses the ids of rolled-back rows, so a key made of
    the newest ids (``finance.queries.funding_version``) could name another test's result."""
    cache.clear()


@pytest.fixture(scope='session')
def django_db_setup(django_db_setup, django_db_blocker):
    """Countries, frameworks, institutions and roles, as `make run` loads them (no demo accounts)."""
    with django_db_blocker.unblock():
        call_command('setup', verbosity=0)


@pytest.fixture(scope='module')
def module_transaction(django_db_setup, django_db_blocker, tmp_path_factory):
    """A transaction around a whole module, rolled back after its last test.

    Slow set-ups (ingesting documents, loading a demo country) run once in a module-scoped fixture that requests this
    one; each test still runs in its own transaction inside it and rolls back to that state.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp('media')):
        yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


# The demo's real IATI and 3W files (about 11,000 activities, for volume) are left out: inserting their rows again
# before every browser test would cost more than the tests; ssrhub/site/tests/test_demo.py loads them.
# The demo's corpus is cut to the resolutions of 1992-1994 (175 of 902: the ONUMOZ, UNTAC, UNOSOM, UNPROFOR,
# UNAMIR... tracks). The whole corpus takes about 90 s to load and makes the rows to insert again four times as many
# (docs/development/testing.md).
DEMO_CORPUS_YEARS = '1992-1994'


@pytest.fixture(scope='session')
def demo_rows(django_db_setup, django_db_blocker):
    """Every row of the database after `ssrhub setup --demo`, loaded once per session and then rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command('setup', '--demo', '--corpus-years', DEMO_CORPUS_YEARS, '--without-volume', verbosity=0)
        rows = stored_rows()
        transaction.set_rollback(True)
    return rows


@pytest.fixture(scope='module')
def module_demo(module_transaction, demo_rows, django_db_blocker):
    """The demo in the database for a whole module (a second or two), rolled back after its last test."""
    with django_db_blocker.unblock():
        insert_rows(demo_rows, missing_only=True)


@pytest.fixture(scope='session')
def shared_data():
    """Path of a file or folder under ../shared/data (or $SSRHUB_SHARED_DATA); the test fails if it is missing."""

    def path(relative: str) -> Path:
        found = SHARED_DATA / relative
        if not found.exists():
            pytest.fail(
                f'{found} is missing: the tests of PEMA, CRSV and the whole corpus need ../shared/data beside the '
                'repository (or SSRHUB_SHARED_DATA pointing at it), see docs/development/testing.md',
                pytrace=False,
            )
        return found

    return path


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Files stored by a test (original documents) go to a temporary folder, never into var/."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp('media')


@pytest.fixture(autouse=True)
def no_learned_model(settings, tmp_path_factory):
    """No learned model file unless a test trains one: one trained in var/ would add proposals to every ingest."""
    settings.SSRHUB_LEARNED_MODEL = tmp_path_factory.getbasetemp() / 'no-model' / 'coding-learned.joblib'


@pytest.fixture
def make_user(db):
    """Create a user with one role and, for a role held per country, the countries (ISO alpha-3 codes) they hold it
    in; the other roles act wherever they act, so their countries are not stored."""

    def make(username: str, role: Role | None = None, countries: tuple[str, ...] = (), **extra):
        user = get_user_model().objects.create_user(username=username, password='correct-horse-battery', **extra)
        if role:
            user.groups.add(Group.objects.get(name=role))
        for iso3 in countries if role in COUNTRY_ROLES else ():
            CountryAssignment.objects.create(user=user, country=Country.objects.get(iso3=iso3), role=role)
        return user

    return make


@pytest.fixture
def client():
    """The test client; ``force_login`` of an administrator verifies the session with their second factor, as the
    site requires before any page (``core/two_factor.py``). Log in with ``client.login()`` for an unverified one."""
    return AdministratorsVerifiedClient()


@pytest.fixture
def admin_client(admin_user):
    client = AdministratorsVerifiedClient()
    client.force_login(admin_user)
    return client


@pytest.fixture
def redis_url(tmp_path):
    """A throw-away redis-server on a free loopback port (skipped without it, except in CI where it must be there)."""
    server_binary = shutil.which('redis-server')
    if not server_binary:
        if os.environ.get('CI'):
            pytest.fail('redis-server is required in CI (Debian package "redis-server")')
        pytest.skip('redis-server is not installed')
    port = free_port()
    server = subprocess.Popen(
        [server_binary, '--port', str(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        with socket.socket() as probe:
            if probe.connect_ex(('127.0.0.1', port)) == 0:
                break
        time.sleep(0.1)
    yield f'redis://127.0.0.1:{port}/0'
    server.terminate()
    server.wait(timeout=10)


def pytest_report_header(config):
    from django.db import connection

    return f'database: {connection.vendor} ({connection.settings_dict["NAME"]})'


def pytest_collection_modifyitems(config, items):
    """The browser tests first: their files are the longest, and handed out last (in collection order, a file per
    worker at a time) one of them kept a worker busy for minutes while the other had nothing left to do."""
    items.sort(key=lambda item: not item.nodeid.startswith('tests/browser/'))
