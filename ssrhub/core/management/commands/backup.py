"""`ssrhub backup DIR`: the database, the media files and a manifest of their hashes in a new folder."""

import shutil
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

from ssrhub.core.backup import MEDIA, BackupError, file_entries, key_fingerprint, write_manifest
from ssrhub.core.backup_site import copy_media, database_file, dump, migration_state
from ssrhub.core.crypto import field_keys


class Command(BaseCommand):
    help = (
        'Back up the database and the media files into a new folder, with a manifest of hashes (docs/operations.md). '
        'The field encryption keys are not in it: keep them apart.'
    )

    def add_arguments(self, parser):
        parser.add_argument('folder', type=Path, help='The folder to create (it may exist if empty).')

    def handle(self, *args, folder, verbosity, **options):
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise CommandError(_('%(folder)s exists and is not an empty folder: give a new one.') % {'folder': folder})
        # Written under another name and renamed when complete: a folder named DIR is always a whole backup.
        partial = folder.with_name(folder.name + '.partial')
        shutil.rmtree(partial, ignore_errors=True)
        try:
            partial.mkdir(parents=True)
            database = database_file(connection)
            tables = dump(connection, partial / database)
            # After the database: an original is written before its record commits, so every record copied has
            # its file; a file written since is copied too, harmlessly.
            copy_media(partial / MEDIA)
            files = file_entries(partial)
            write_manifest(
                partial,
                {
                    'ssrhub': version('ssrhub'),
                    'created': datetime.now(UTC).isoformat(timespec='seconds'),
                    'engine': connection.vendor,
                    'database': database,
                    'migrations': migration_state(connection),
                    'field_keys': [
                        {'fingerprint': key_fingerprint(key), 'encrypts': index == 0}
                        for index, key in enumerate(field_keys())
                    ],
                    'tables': tables,
                    'files': files,
                },
            )
            if folder.exists():
                folder.rmdir()
            partial.rename(folder)
        except (OSError, BackupError) as error:
            shutil.rmtree(partial, ignore_errors=True)
            raise CommandError(_('The backup failed and was removed: %(error)s') % {'error': error}) from error
        if verbosity:
            rows = sum(table['rows'] for table in tables.values())
            size = sum(entry['size'] for entry in files.values())
            self.stdout.write(
                _(
                    'Backed up %(tables)d tables (%(rows)d rows) and %(files)d media files (%(size).1f MB in all) '
                    'to %(folder)s.'
                )
                % {'tables': len(tables), 'rows': rows, 'files': len(files) - 1, 'size': size / 1e6, 'folder': folder}
            )
