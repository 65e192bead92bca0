"""`ssrhub backup` and `ssrhub restore` on the demo: a restore into an empty database gives every table's rows and
every original back, checked against hashes computed here; a damaged backup is refused before anything changes.

Runs on the suite's database, SQLite or PostgreSQL (DATABASE_URL): the restore goes to a second, empty database
(a file, or a PostgreSQL database named after the test database) through the `ssrhub` console script.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from ssrhub.core.backup_site import postgres_client, table_digests
from ssrhub.core.crypto import field_keys
from ssrhub.core.testing.rows import insert_rows, stored_rows
from ssrhub.documents.ingest import ingest_bytes
from ssrhub.documents.models import DocumentVersion

pytestmark = pytest.mark.django_db

ORIGINALS = {
    'report-one.txt': b'Report of the Secretary-General on security sector reform in the Central African Republic.\n',
    'rapport-deux.txt': 'Rapport du Secrétaire général sur la réforme du secteur de la sécurité.\n'.encode(),
}


def sha256_of_files(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob('*')
        if path.is_file()
    }


@pytest.fixture(scope='module')
def backed_up(demo_rows, django_db_blocker, tmp_path_factory):
    """The demo committed (a backup on PostgreSQL reads it from another process), two originals, and its backup;
    afterwards the reference data of `ssrhub setup` are put back for the modules that follow."""
    with django_db_blocker.unblock():
        reference = stored_rows()
        call_command('flush', interactive=False, inhibit_post_migrate=True, verbosity=0)
        insert_rows(demo_rows)
        media = tmp_path_factory.mktemp('source-media')
        folder = tmp_path_factory.mktemp('backups') / 'backup'
        with override_settings(MEDIA_ROOT=media):
            for name, data in ORIGINALS.items():
                assert ingest_bytes(data, name, code=False).status == 'created'
            call_command('backup', str(folder), verbosity=0)
        yield {'folder': folder, 'media': media, 'tables': table_digests(connection)}
        call_command('flush', interactive=False, inhibit_post_migrate=True, verbosity=0)
        insert_rows(reference)


@pytest.fixture
def empty_database(tmp_path):
    """The DATABASE_URL of a new, empty database."""
    if connection.vendor != 'postgresql':
        path = tmp_path / 'restored.sqlite3'
        yield f'sqlite:///{path}'
        return
    settings = connection.settings_dict
    name = f'{settings["NAME"]}_restored'
    quoted = connection.ops.quote_name(name)
    postgres_client(connection, 'psql', f'--command=DROP DATABASE IF EXISTS {quoted}')
    postgres_client(connection, 'psql', f'--command=CREATE DATABASE {quoted}')
    user = quote(settings['USER'] or '') + (f':{quote(settings["PASSWORD"])}' if settings['PASSWORD'] else '')
    yield f'postgres://{user}@{settings["HOST"] or "localhost"}:{settings["PORT"] or 5432}/{name}'
    postgres_client(connection, 'psql', f'--command=DROP DATABASE {quoted} WITH (FORCE)')


def ssrhub(*arguments, database_url: str, media_root: Path) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        'DATABASE_URL': database_url,
        'SSRHUB_MEDIA_ROOT': str(media_root),
        'SSRHUB_FIELD_KEYS': ','.join(field_keys()),
    }
    command = [str(Path(sys.executable).with_name('ssrhub')), *arguments]
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=600)


def test_the_manifest_describes_the_database_and_files_backed_up(backed_up):
    manifest = json.loads((backed_up['folder'] / 'manifest.json').read_text())
    assert manifest['tables'] == backed_up['tables']
    assert manifest['tables']['documents_documentversion']['rows'] > 100
    originals = {f'media/{name}': sha for name, sha in sha256_of_files(backed_up['media']).items()}
    assert len(originals) == len(ORIGINALS)
    assert {
        name: entry['sha256'] for name, entry in manifest['files'].items() if name.startswith('media/')
    } == originals
    assert manifest['migrations']['documents'] and manifest['engine'] == connection.vendor
    keys = json.dumps(manifest['field_keys'])
    assert manifest['field_keys'] and not any(key in keys or key in str(manifest) for key in field_keys())


def test_a_backup_restores_into_an_empty_database_with_every_row_and_original(backed_up, empty_database, tmp_path):
    url = empty_database
    media = tmp_path / 'restored-media'
    result = ssrhub('restore', str(backed_up['folder']), database_url=url, media_root=media)
    assert result.returncode == 0, result.stderr
    assert 'every row count and hash matches the manifest' in result.stdout
    # A backup of the restored database reads every table again, in another process.
    again = ssrhub('backup', str(tmp_path / 'again'), database_url=url, media_root=media)
    assert again.returncode == 0, again.stderr
    assert json.loads((tmp_path / 'again' / 'manifest.json').read_text())['tables'] == backed_up['tables']
    assert sha256_of_files(media) == sha256_of_files(backed_up['media'])
    for version in DocumentVersion.objects.filter(filename__in=ORIGINALS):
        assert hashlib.sha256((media / version.original.name).read_bytes()).hexdigest() == version.sha256
    refused = ssrhub('restore', str(backed_up['folder']), database_url=url, media_root=media)
    assert refused.returncode != 0 and 'already holds data' in refused.stderr


def test_a_tampered_backup_is_refused_before_anything_changes(backed_up, tmp_path, settings):
    tampered = tmp_path / 'tampered'
    shutil.copytree(backed_up['folder'], tampered)
    original = next((tampered / 'media').rglob('*.txt'))
    original.write_bytes(original.read_bytes().replace(b'security', b'Security'))
    (Path(settings.MEDIA_ROOT) / 'kept.txt').write_text('already here')
    with pytest.raises(CommandError, match='damaged or was altered') as refusal:
        call_command('restore', str(tampered), '--force', verbosity=0)
    assert f'media/{original.relative_to(tampered / "media").as_posix()}: sha256 is' in str(refusal.value)
    assert table_digests(connection) == backed_up['tables']
    assert sha256_of_files(Path(settings.MEDIA_ROOT)) == {'kept.txt': hashlib.sha256(b'already here').hexdigest()}


def test_a_backup_from_newer_code_or_without_its_database_is_refused(backed_up, tmp_path):
    newer = tmp_path / 'newer'
    shutil.copytree(backed_up['folder'], newer)
    manifest = json.loads((newer / 'manifest.json').read_text())
    manifest['migrations']['documents'] = '9999_from_the_future'
    (newer / 'manifest.json').write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match=r'newer ssrhub .* documents\.9999_from_the_future'):
        call_command('restore', str(newer), '--force', verbosity=0)
    (newer / 'manifest.json').write_text((backed_up['folder'] / 'manifest.json').read_text())
    (newer / manifest['database']).unlink()
    with pytest.raises(CommandError, match=f'file {manifest["database"]} is missing'):
        call_command('restore', str(newer), '--force', verbosity=0)
    assert table_digests(connection) == backed_up['tables']
