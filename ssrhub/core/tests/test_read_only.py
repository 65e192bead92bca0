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
from django.test import Client

from ssrhub.core.read_only import read_only_message
from ssrhub.core.roles import Role

# Runs in the read-only server's process: the responses' status codes (and the write's text), as JSON.
SERVE = """
import json, os, django
django.setup()
from django.test import Client
anonymous, reader = Client(), Client()
reader.cookies[os.environ['SESSION_COOKIE']] = os.environ['SESSION_KEY']
answers = {url: anonymous.get(url).status_code for url in os.environ['URLS'].split()}
answers['logged in'] = [reader.get(url).status_code for url in ('/', '/countries/CAF/workspace/', '/api/core/countries/')]
response = anonymous.post('/accounts/login/', {'username': 'nobody', 'password': 'wrong-password'})
answers['write'] = [response.status_code, response.content.decode()]
rate = {'currency': 'XOF', 'period': '2024', 'rate': '600', 'source': 'BCEAO'}
response = reader.post('/api/finance/exchange-rates/', rate, content_type='application/json')
answers['api write'] = [response.status_code, response.json()]
print(json.dumps(answers))
"""
URLS = ['/', '/mandates/', '/framework/', '/search/?q=police', '/api/', '/api/core/countries/', '/api/framework/items/']


def run(code_or_args, database, read_only_process=False, **env):
    environment = {**os.environ, 'DATABASE_URL': f'sqlite:///{database}', 'DJANGO_SETTINGS_MODULE': 'ssrhub.settings'}
    environment.pop('SSRHUB_DATABASE_READ_ONLY', None)
    command = [sys.executable, *code_or_args]
    if read_only_process and os.geteuid() == 0:
        command = ['setpriv', '--bounding-set=-dac_override,-dac_read_search', *command]
    result = subprocess.run(
        command, env=environment | env, capture_output=True, text=True, cwd=settings.BASE_DIR, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture
def read_only_copy(tmp_path, make_user):
    """A copy of the test database in a folder, in WAL mode, made read-only; and a logged-in session in it."""
    if os.geteuid() == 0 and not shutil.which('setpriv'):
        pytest.fail('setpriv (util-linux) is needed to test a read-only database as root')
    reader = Client()
    reader.force_login(make_user('reader', Role.COUNTRY_EDITOR, ('CAF',)))
    folder = tmp_path / 'var'
    folder.mkdir()
    database = folder / 'ssrhub.sqlite3'
    with sqlite3.connect(database) as copy:
        connection.connection.backup(copy)
    copy.close()
    run(['-m', 'ssrhub.cli', 'migrate', '--noinput', '-v', '0'], database)
    with sqlite3.connect(database) as check:
        assert check.execute('PRAGMA journal_mode').fetchone() == ('wal',)  # set by migrate, kept by the file
    check.close()
    database.chmod(0o444)
    folder.chmod(0o555)
    yield database, reader.cookies[settings.SESSION_COOKIE_NAME].value
    folder.chmod(0o755)


@pytest.mark.django_db
def test_a_read_only_database_serves_reads_and_refuses_writes_with_503(read_only_copy):
    database, session = read_only_copy
    answers = json.loads(
        run(
            ['-c', SERVE], database, read_only_process=True,
            URLS=' '.join(URLS), SESSION_COOKIE=settings.SESSION_COOKIE_NAME, SESSION_KEY=session,
        )  # fmt: skip
    )
    assert {url: answers[url] for url in URLS} == {url: 200 for url in URLS}
    assert answers['logged in'] == [200, 200, 200]
    status, text = answers['write']
    assert status == 503
    assert 'The database is read-only at the moment' in text
    assert answers['api write'] == [503, {'detail': read_only_message()}]
    assert sorted(path.name for path in database.parent.iterdir()) == ['ssrhub.sqlite3']  # nothing written beside it
