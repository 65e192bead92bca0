from django.db import connections
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .roles import sync_roles


@receiver(post_migrate, dispatch_uid='ssrhub_sync_roles')
def sync_roles_after_migrate(sender, **kwargs):
    # post_migrate is sent once per app, and each app's permissions are created by its own signal;
    # syncing after every ssrhub app (it is idempotent) means the last run sees all permissions.
    if sender.name.startswith('ssrhub.'):
        sync_roles()


@receiver(post_migrate, dispatch_uid='ssrhub_sqlite_wal')
def write_ahead_log_after_migrate(sender, using, **kwargs):
    # A SQLite file keeps its journal mode: set once here rather than on every connection (a read-only file refuses
    # the pragma, and its reads with it). An in-memory database answers "memory" and stays as it is.
    if sender.label == 'core' and connections[using].vendor == 'sqlite':
        with connections[using].cursor() as cursor:
            cursor.execute('PRAGMA journal_mode=WAL')
