from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .roles import sync_roles


@receiver(post_migrate, dispatch_uid='ssrhub_sync_roles')
def sync_roles_after_migrate(sender, **kwargs):
    # post_migrate is sent once per app, and each app's permissions are created by its own signal;
    # syncing after every ssrhub app (it is idempotent) means the last run sees all permissions.
    if sender.name.startswith('ssrhub.'):
        sync_roles()
