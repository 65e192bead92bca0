"""Acceptance: a dump of the database reveals none of the demo's protected names and narratives.

The demo's due-diligence records are committed (a transactional test), then the database is dumped as an attacker
with a copy of it, but without the keys, would have it:

* PostgreSQL: ``pg_dump`` of the test database (the test fails, not skips, when ``pg_dump`` is missing);
* SQLite: pytest-django runs the tests on an in-memory database, which has no file to read, so the test dumps it with
  the driver's ``iterdump()`` (every row of every table as SQL text, the same bytes a file would hold in clear);
  on a file database it checkpoints the write-ahead log and reads the file's bytes.

Every encrypted value of the demo (read back decrypted from the records) must be absent from the dump, while a place
and a type of violation, which are not protected, must be in it: the test fails when encryption is off.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from ssrhub.core.crypto import EncryptedCharField, EncryptedTextField
from ssrhub.core.testing.rows import insert_rows, stored_rows

from .. import models
from ..demo import load_safeguards_demo
from .reports_fixtures import create_demo_users


@pytest.fixture(scope='module')
def restored_reference(django_db_setup, django_db_blocker):
    """The committed demo is flushed after the test and the reference data of `ssrhub setup` put back, for the tests
    that follow on the same database."""
    with django_db_blocker.unblock():
        reference = stored_rows()
    yield
    with django_db_blocker.unblock():
        call_command('flush', interactive=False, inhibit_post_migrate=True, verbosity=0)
        insert_rows(reference)


def protected_values() -> set[str]:
    """Every encrypted field value of the stored records, decrypted, line by line."""
    values = set()
    for model in (getattr(models, name) for name in models.__all__):
        if not hasattr(model, '_meta') or model._meta.abstract:
            continue
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedCharField | EncryptedTextField)]
        for record in model.objects.all() if fields else ():
            for name in fields:
                values.update(line.strip() for line in getattr(record, name).splitlines() if line.strip())
    return values


def dump() -> str:
    settings = connection.settings_dict
    if connection.vendor == 'postgresql':
        if shutil.which('pg_dump') is None:
            pytest.fail('pg_dump is missing: the dump test needs it on PostgreSQL (apt install postgresql-client)')
        env = {**os.environ, 'PGPASSWORD': settings['PASSWORD'] or ''}
        command = ['pg_dump', '--no-owner', '--dbname', settings['NAME'], '--username', settings['USER'] or '']
        command += ['--host', settings['HOST'] or 'localhost', '--port', str(settings['PORT'] or 5432)]
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    if connection.creation.is_in_memory_db(settings['NAME']):
        return '\n'.join(connection.connection.iterdump())
    with connection.cursor() as cursor:
        cursor.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    return Path(settings['NAME']).read_bytes().decode('utf-8', errors='replace')


@pytest.mark.django_db(transaction=True)
def test_a_dump_of_the_database_holds_no_protected_name_or_narrative(restored_reference):
    create_demo_users()
    load_safeguards_demo()
    secrets = protected_values()
    assert {'Jean-Baptiste Kalonda Mwamba', 'Victim A (made up); Victim B (made up)'} <= secrets
    assert len(secrets) > 30
    text = dump()
    assert 'Eastern DRC' in text and 'enforced-disappearance' in text  # what is not protected is there
    leaked = sorted(secret for secret in secrets if secret in text or secret.replace("'", "''") in text)
    assert leaked == []
