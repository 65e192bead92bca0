"""`ssrhub restore DIR`: check a backup's hashes, restore its database and media files, then check the result."""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

from ssrhub.core.backup import (
    MANIFEST,
    MEDIA,
    BackupError,
    compare,
    file_entries,
    key_fingerprint,
    read_manifest,
    unknown_migrations,
)
from ssrhub.core.backup_site import is_empty, known_migrations, load, media_files, table_digests
from ssrhub.core.crypto import field_keys

STAGING = '.restoring'
REPLACED = '.replaced'


class Command(BaseCommand):
    help = (
        'Restore a folder made by `ssrhub backup` into the configured database and MEDIA_ROOT, checking every hash '
        'before and after (docs/operations.md).'
    )

    def add_arguments(self, parser):
        parser.add_argument('folder', type=Path, help='The backup folder.')
        parser.add_argument('--force', action='store_true', help='Replace a database or media that hold data.')

    def handle(self, *args, folder, force, verbosity, **options):
        try:
            manifest = read_manifest(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.check_backup(folder, manifest)
        media_root = Path(settings.MEDIA_ROOT)
        if not force and (not is_empty(connection) or media_files(media_root)):
            raise CommandError(
                _(
                    'The database or %(media)s already holds data: nothing was changed. '
                    'Restore into an empty database, or give --force to replace what is there.'
                )
                % {'media': media_root}
            )
        staging = media_root / STAGING
        try:
            self.stage_media(folder, manifest, staging)
            load(connection, folder / manifest['database'])
            self.move_into_place(media_root, staging)
        except (OSError, BackupError) as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise CommandError(_('The restore failed: %(error)s') % {'error': error}) from error
        self.check_result(manifest, media_root, verbosity)

    def check_backup(self, folder, manifest):
        """Everything that can refuse the backup, before anything is changed."""
        if manifest['engine'] != connection.vendor:
            raise CommandError(
                _(
                    'The backup is of a %(backup)s database and this site uses %(site)s: '
                    'restore it into the same kind of database.'
                )
                % {'backup': manifest['engine'], 'site': connection.vendor}
            )
        newer = unknown_migrations(manifest['migrations'], known_migrations())
        if newer:
            raise CommandError(
                _(
                    'The backup was made by a newer ssrhub (%(version)s): this code lacks the migrations '
                    '%(migrations)s. Install that version (or a later one), then restore. Nothing was changed.'
                )
                % {'version': manifest.get('ssrhub'), 'migrations': ', '.join(newer)}
            )
        problems = compare(
            manifest['files'], file_entries(folder, skip=frozenset({(folder / MANIFEST).resolve()})), 'file'
        )
        if problems:
            raise CommandError(
                _('The backup is damaged or was altered; nothing was changed:') + '\n  ' + '\n  '.join(problems)
            )

    def stage_media(self, folder, manifest, staging):
        """Copy the backup's media beside MEDIA_ROOT's and check the copy (a full or failing disk stops here)."""
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        if (folder / MEDIA).is_dir():
            shutil.copytree(folder / MEDIA, staging, dirs_exist_ok=True)
        problems = compare(_media(manifest['files']), media_files(staging), 'file')
        if problems:
            raise BackupError('the copied media files differ from the backup: ' + '; '.join(problems))

    def move_into_place(self, media_root, staging):
        """Renames inside MEDIA_ROOT (one file system, even when it is a mount point)."""
        replaced = media_root / REPLACED
        shutil.rmtree(replaced, ignore_errors=True)
        replaced.mkdir()
        for path in media_root.iterdir():
            if path.name not in (STAGING, REPLACED):
                path.rename(replaced / path.name)
        for path in staging.iterdir():
            path.rename(media_root / path.name)
        staging.rmdir()
        shutil.rmtree(replaced)

    def check_result(self, manifest, media_root, verbosity):
        problems = compare(manifest['tables'], table_digests(connection), 'table')
        problems += compare(_media(manifest['files']), media_files(media_root), 'file')
        if problems:
            raise CommandError(
                _('The restored data differ from the backup:')
                + '\n  '
                + '\n  '.join(problems)
                + '\n'
                + _('Do not open the site.')
            )
        rows = sum(table['rows'] for table in manifest['tables'].values())
        if verbosity:
            self.stdout.write(
                _(
                    'Restored %(tables)d tables (%(rows)d rows) and %(files)d media files from the backup of '
                    '%(created)s: every row count and hash matches the manifest.'
                )
                % {
                    'tables': len(manifest['tables']),
                    'rows': rows,
                    'files': len(_media(manifest['files'])),
                    'created': manifest['created'],
                }
            )
        configured = {key_fingerprint(key) for key in field_keys()}
        for key in manifest['field_keys']:
            if key['fingerprint'] not in configured:
                self.stderr.write(
                    _(
                        'Warning: the key with fingerprint %(fingerprint)s is not configured (SSRHUB_FIELD_KEYS or '
                        'SSRHUB_FIELD_KEY_FILE): the fields it encrypted cannot be read until it is.'
                    )
                    % {'fingerprint': key['fingerprint']}
                )
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(_('The backup predates this code: run `ssrhub migrate` before starting the site.'))


def _media(files: dict[str, dict]) -> dict[str, dict]:
    return {name: entry for name, entry in files.items() if name.startswith(f'{MEDIA}/')}
