"""Second-factor helpers for tests: sensitive records are reached only by a session verified with a device."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from ssrhub.core.access import is_administrator

__all__ = ['AdministratorsVerifiedClient', 'device_of', 'verified', 'verified_login']


def device_of(user) -> TOTPDevice:
    """The user's confirmed authenticator-app device, created on first use."""
    device, _created = TOTPDevice.objects.get_or_create(user=user, name='authenticator', defaults={'confirmed': True})
    return device


def verified_login(client, user):
    """Log ``user`` in on the test client as if they had entered their password and a code from their device."""
    client.force_login(user)
    _mark_verified(client, user)
    return user


def _mark_verified(client, user):
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device_of(user).persistent_id
    session.save()


def verified(user):
    """``user`` as the middleware leaves it after a verified login, for calls to ``restrict()`` outside a request."""
    user.otp_device = device_of(user)
    return user


class AdministratorsVerifiedClient(Client):
    """The test client (conftest's ``client`` and ``admin_client``): ``force_login`` of an administrator or staff
    member verifies the session, as their login must (``two_factor.AdministratorsVerifyMiddleware``); other users'
    sessions stay unverified. ``client.login()`` with a password never verifies."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if user.is_staff or is_administrator(user):
            _mark_verified(self, user)
