"""Second-factor helpers for tests: sensitive records are reached only by a session verified with a device."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

__all__ = ['device_of', 'verified', 'verified_login']


def device_of(user) -> TOTPDevice:
    """The user's confirmed authenticator-app device, created on first use."""
    device, _created = TOTPDevice.objects.get_or_create(user=user, name='authenticator', defaults={'confirmed': True})
    return device


def verified_login(client, user):
    """Log ``user`` in on the test client as if they had entered their password and a code from their device."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device_of(user).persistent_id
    session.save()
    return user


def verified(user):
    """``user`` as the middleware leaves it after a verified login, for calls to ``restrict()`` outside a request."""
    user.otp_device = device_of(user)
    return user
