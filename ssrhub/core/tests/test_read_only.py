"""A read-only SQLite database serves reads (docs/operations.md, "Read-only database"): pages and the API, anonymous
and logged in; a write answers 503 saying the database is read-only.

Reproduced as a server meets it: a copy of the database, put in WAL mode by `migrate` as every ssrhub database is,
then the file and its folder made read-only and the server started in a new process. Root writes read-only files
anyway, so under root (CI) that process runs without the capability to override file permissions (setpriv), which
gives it the refusals an ordinary user gets."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from ssrhub.core.read_only import read_only_message

# The embedded SQLite file is what an operator can make read-only; PostgreSQL's read-only modes are the server's.
pytestmark = pytest.mark.skipif(connection.vendor != 'sqlite', reason='a read-only SQLite file: SQLite runs only')

# Runs with the copy still writable: `migrate` (which sets WAL), a country editor of CAF logged in; prints the session.
PREPARE = """
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from ssrhub.core.models import Country, CountryAssignment
call_command('migrate', interactive=False, verbosity=0)
user = get_user_model().objects.create_user('reader', password='correct-horse-battery')
user.groups.add(Group.objects.get(name='country-editor'))
CountryAssignment.objects.create(user=user, country=Country.objects.get(iso3='CAF'), role='country-editor')
client = Client()
client.force_login(user)
print(client.cookies[settings.SESSION_COOKIE_NAME].value)
"""
# Runs in the read-only server's process: the responses' status codes (and the writes' answers), as JSON.
SERVE = """
import json, os, django
django.setup()
from django.conf import settings
from django.test import Client
anonymous, reader = Client(), Client()
reader.cookies[settings.SESSION_COOKIE_NAME] = os.environ['SESSION_KEY']
answers = {url: anonymous.get(url, follow=True).status_code for url in os.environ['URLS'].split()}
pages = ('/', '/mandates/', '/countries/CAF/workspace/', '/api/core/countries/')
answers['logged in'] = [reader.get(url).status_code for url in pages]
response = anonymous.post('/accounts/login/', {'username': 'nobody', 'password': 'wrong-password'})
answers['write'] = [response.status_code, response.content.decode()]
rate = {'currency': 'XOF', 'period': '2024', 'rate': '600', 'source': 'BCEAO'}
response = reader.post('/api/finance/exchange-rates/', rate, content_type='application/json')
answers['api write'] = [response.status_code, response.json()]
print(json.dumps(answers))
"""
URLS = ['/', '/framework/', '/search/?q=police', '/accounts/login/', '/api/core/countries/', '/api/framework/items/']


def run(code: str, database, read_only_process=False, **env) -> str:
    environment = {**os.environ, 'DATABASE_URL': f'sqlite:///{database}', 'DJANGO_SETTINGS_MODULE': 'ssrhub.settings'}
    environment.pop('SSRHUB_DATABASE_READ_ONLY', None)
    command = [sys.executable, '-c', code]
    if read_only_process and os.geteuid() == 0:
        command = ['setpriv', '--bounding-set=-dac_override,-dac_read_search', *command]
    result = subprocess.run(
        command, env=environment | env, capture_output=True, text=True, cwd=settings.BASE_DIR, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture
def read_only_copy(tmp_path, django_db_setup, django_db_blocker):
    """A copy of the test database (as `ssrhub setup` left it) in a folder, in WAL mode, with a logged-in session;
    the file and the folder then made read-only. Copied before any test transaction: SQLite's backup waits forever
    for a connection's open transaction."""
    if os.geteuid() == 0 and not shutil.which('setpriv'):
        pytest.fail('setpriv (util-linux) is needed to test a read-only database as root')
    folder = tmp_path / 'var'
    folder.mkdir()
    database = folder / 'ssrhub.sqlite3'
    copy = sqlite3.connect(database)
    with django_db_blocker.unblock():
        connection.ensure_connection()
        connection.connection.backup(copy)
    copy.close()
    session = run(PREPARE, database).strip()
    check = sqlite3.connect(database)
    assert check.execute('PRAGMA journal_mode').fetchone() == ('wal',)  # set by migrate, kept by the file
    check.close()
    database.chmod(0o444)
    folder.chmod(0o555)
    yield database, session
    folder.chmod(0o755)


def test_a_read_only_database_serves_reads_and_refuses_writes_with_503(read_only_copy):
    database, session = read_only_copy
    answers = json.loads(run(SERVE, database, read_only_process=True, URLS=' '.join(URLS), SESSION_KEY=session))
    assert {url: answers[url] for url in URLS} == {url: 200 for url in URLS}
    assert answers['logged in'] == [200, 200, 200, 200]
    status, text = answers['write']
    assert status == 503
    assert 'The database is read-only at the moment' in text
    assert answers['api write'] == [503, {'detail': read_only_message()}]
    assert sorted(path.name for path in database.parent.iterdir()) == ['ssrhub.sqlite3']  # nothing written beside it
