"""The site's side of `ssrhub backup` and `ssrhub restore`: a consistent copy of the database, its loading, every
table's digest, and the media files.

SQLite is copied with the online backup API (readers and writers of the running site carry on); PostgreSQL with
``pg_dump --format=custom`` on a snapshot shared with the transaction that reads the tables' digests, so the dump and
the manifest describe the same moment. The password and the TLS options reach the PostgreSQL tools through libpq's
variables (PGPASSWORD, PGSSLMODE...), never their command line.
"""

import os
import shutil
import sqlite3
import subprocess
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from ssrhub.core.backup import BackupError, file_entries, table_digest

__all__ = [
    'database_file',
    'dump',
    'is_empty',
    'known_migrations',
    'load',
    'copy_media',
    'media_files',
    'migration_state',
    'postgres_client',
    'table_digests',
]

FETCH = 2000


def database_file(connection) -> str:
    return 'database.pgdump' if connection.vendor == 'postgresql' else 'database.sqlite3'


def _key_file() -> Path:
    return Path(settings.FIELD_ENCRYPTION_KEY_FILE).resolve()


def media_files(root: Path) -> dict[str, dict]:
    """The files under ``root`` (MEDIA_ROOT or a backup's copy) as the manifest names them, the key file left out."""
    return file_entries(root, prefix='media/', skip=frozenset({_key_file()}))


def copy_media(target: Path) -> None:
    """Copy the files under MEDIA_ROOT to ``target``, except a field encryption key file kept there."""
    root = Path(settings.MEDIA_ROOT)
    for path in sorted(root.rglob('*')) if root.is_dir() else ():
        if path.is_file() and path.resolve() != _key_file():
            copy = target / path.relative_to(root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)


def _tables(connection) -> list[str]:
    with connection.cursor() as cursor:
        listed = connection.introspection.get_table_list(cursor)
    return sorted(table.name for table in listed if table.type in ('t', 'p'))


def _rows(connection, table: str):
    with connection.cursor() as cursor:
        order = connection.introspection.get_primary_key_columns(cursor, table) or [
            column.name for column in connection.introspection.get_table_description(cursor, table)
        ]
    quote = connection.ops.quote_name
    cursor = connection.chunked_cursor()
    try:
        cursor.execute(f'SELECT * FROM {quote(table)} ORDER BY {", ".join(quote(column) for column in order)}')
        while rows := cursor.fetchmany(FETCH):
            yield from rows
    finally:
        cursor.close()


def table_digests(connection) -> dict[str, dict]:
    """Every table's row count and content hash (rows in primary-key order)."""
    return {table: table_digest(_rows(connection, table)) for table in _tables(connection)}


def is_empty(connection) -> bool:
    with connection.cursor() as cursor:
        return not connection.introspection.get_table_list(cursor)


def migration_state(connection) -> dict[str, str]:
    """Each app's latest applied migration."""
    applied = MigrationRecorder(connection).migration_qs.order_by('id').values_list('app', 'name')
    return dict(applied)


def known_migrations() -> set[tuple[str, str]]:
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def postgres_client(connection, program: str, *arguments: str) -> None:
    """Run a PostgreSQL client on the configured database; its error output becomes the message."""
    if shutil.which(program) is None:
        raise BackupError(f'{program} is not installed (Debian: apt install postgresql-client).')
    database = connection.settings_dict
    command = [program, '--dbname', database['NAME']]
    for option, key in (('--host', 'HOST'), ('--port', 'PORT'), ('--username', 'USER')):
        if database[key]:
            command += [option, str(database[key])]
    # Django's own psql settings give the password, TLS (sslmode, certificates) and service file as libpq variables.
    _psql_command, libpq_environment = connection.client.settings_to_cmd_args_env(database, [])
    environment = {**os.environ, **libpq_environment} if libpq_environment else None
    result = subprocess.run(command + list(arguments), env=environment, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f'{program} failed: {result.stderr.strip()}')


@contextmanager
def _database_named(connection, name: str):
    """A connection like ``connection`` to another database (a SQLite file: without the site's WAL pragma), under an
    alias of its own for as long as it is used."""
    options = connection.settings_dict['OPTIONS'] if connection.vendor == 'postgresql' else {}
    alias = f'{connection.alias}:{name}'
    connections.settings[alias] = {**connection.settings_dict, 'NAME': name, 'OPTIONS': options}
    try:
        yield connections[alias]
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


def dump(connection, path: Path) -> dict[str, dict]:
    """Write a consistent copy of the database to ``path``; returns the digests of the tables it holds."""
    if connection.vendor == 'postgresql':
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
                cursor.execute('SELECT pg_export_snapshot()')
                (snapshot,) = cursor.fetchone()
            postgres_client(
                connection, 'pg_dump', '--format=custom', '--no-owner', f'--snapshot={snapshot}', f'--file={path}'
            )
            return table_digests(connection)
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        with target:
            connection.connection.backup(target)
        target.execute('PRAGMA journal_mode=DELETE')  # one self-contained file, read without -wal or -shm beside it
    finally:
        target.close()
    with _database_named(connection, str(path)) as copy:
        return table_digests(copy)


def load(connection, path: Path) -> None:
    """Replace the configured database's tables by those of a copy made by :func:`dump`."""
    if connection.vendor == 'postgresql':
        postgres_client(
            connection, 'pg_restore', '--clean', '--if-exists', '--no-owner', '--single-transaction', str(path)
        )
        return
    connection.ensure_connection()
    source = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
