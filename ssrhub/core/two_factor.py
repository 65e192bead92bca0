"""The second factor: who must verify their session, their authenticator app (TOTP) and one-time backup codes.

A user whose roles read sensitive records (``roles.ROLE_ACTIONS``, kind 'sensitive'; superusers too) verifies their
session with a code from an authenticator app, or a backup code, after their password (``views/two_factor.py``);
``access.reach()`` gives an unverified session no sensitive record. django-otp keeps the devices, throttles failed
codes (each failure doubles the wait) and marks the verified session (``django_otp.login``).

Administrators and staff verify before anything else: ``AdministratorsVerifyMiddleware`` sends their unverified session
to set up or verify their authenticator from every page, admin and API included, but the second factor's own pages.
"""

import io
from base64 import b32encode

import segno
from django.db import transaction
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import is_administrator, two_factor_verified
from .readlog import sensitive_models
from .roles import permission_name

__all__ = [
    'BACKUP_CODES',
    'AdministratorsVerifyMiddleware',
    'authenticator',
    'has_authenticator',
    'new_backup_codes',
    'pending_authenticator',
    'qr_svg',
    'reads_sensitive',
    'must_verify_first',
    'reset_devices',
    'needs_verifying',
    'safe_next',
    'second_factor_url',
    'secret',
    'uses_two_factor',
    'verify_code',
]

BACKUP_CODES = 10
DEVICE_NAME = 'authenticator'
BACKUP_NAME = 'backup'


def reads_sensitive(user) -> bool:
    """Whether one of the user's roles reads sensitive records: such a user verifies their session. Asked of the
    user's permissions, which Django loads once per request and the navigation reads anyway."""
    return user.is_authenticated and any(user.has_perm(permission_name(model, 'view')) for model in sensitive_models())


def authenticator(user) -> TOTPDevice | None:
    """The user's confirmed authenticator-app device."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_authenticator(user) -> bool:
    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def uses_two_factor(user) -> bool:
    """Whether the account menu offers the two-factor page: to the users who must verify their session."""
    return reads_sensitive(user)


def pending_authenticator(user) -> TOTPDevice:
    """The device being set up (unconfirmed), the same secret on every visit until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def secret(device: TOTPDevice) -> str:
    """The device's key in base32, for typing into an app by hand."""
    return b32encode(device.bin_key).decode()


def qr_svg(text: str) -> str:
    """``text`` as a QR code, an inline SVG element (made here: no image service sees the secret). Safe to show as
    is: segno draws ``text`` as dark modules (paths), never as markup or text."""
    out = io.BytesIO()
    segno.make(text, error='m').save(out, kind='svg', scale=5, xmldecl=False, svgns=True, nl=False)
    return mark_safe(out.getvalue().decode())


def new_backup_codes(user) -> list[str]:
    """Replace the user's backup codes with ``BACKUP_CODES`` new ones, returned once (each works once)."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=BACKUP_NAME, defaults={'confirmed': True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _throttled(extra) -> str:
    if extra and extra.get('reason') == VerifyNotAllowed.N_FAILED_ATTEMPTS:
        count = extra['failure_count']
        return ngettext(
            'Too many wrong codes (%(count)d): wait a little before trying again.',
            'Too many wrong codes (%(count)d): wait a little before trying again.',
            count,
        ) % {'count': count}
    return _('Codes cannot be checked now: wait a little before trying again.')


def verify_code(user, code: str, device=None):
    """Check ``code`` against ``device`` (default: a six-digit code against the user's authenticator, anything else
    against their backup codes, used up). Returns (device, None) or (None, the reason in the user's language);
    django-otp's throttling counts every failure."""
    code = code.strip().replace(' ', '').lower()
    if device is None:
        if code.isdigit():
            device = authenticator(user)
        else:
            device = StaticDevice.objects.filter(user=user, name=BACKUP_NAME).first()
    if device is None:
        return None, _('This code is wrong. Check the time on your phone and try the newest code.')
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, extra = device.verify_is_allowed()
        if not allowed:
            return None, _throttled(extra)
        if device.verify_token(code):
            return device, None
    return None, _('This code is wrong. Check the time on your phone and try the newest code.')


def safe_next(request, default='home') -> str:
    """The ``next`` URL of the request when it stays on this site, else ``default``."""
    wanted = request.POST.get('next') or request.GET.get('next') or ''
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return wanted
    return resolve_url(default)


def second_factor_url(user, next_url: str) -> str:
    """Where an unverified user goes: the verify page, or the set-up page when they have no authenticator yet."""
    name = 'two_factor_verify' if has_authenticator(user) else 'two_factor'
    return f'{resolve_url(name)}?{urlencode({"next": next_url})}'


def needs_verifying(user) -> bool:
    """Whether the user goes on to their second factor after the password: they read sensitive records or
    administer."""
    return (reads_sensitive(user) and not two_factor_verified(user)) or must_verify_first(user)


def must_verify_first(user) -> bool:
    """Whether the user is an administrator (role, superuser or admin-site staff) whose session is not verified."""
    return user.is_authenticated and not two_factor_verified(user) and (user.is_staff or _administers(user))


def _administers(user) -> bool:
    # Only the administrator role may delete sensitive records: asking Django's permissions, loaded once per request
    # and read by the navigation anyway, spares other users a query on every request.
    deletes_sensitive = any(user.has_perm(permission_name(model, 'delete')) for model in sensitive_models())
    return deletes_sensitive and is_administrator(user)


class AdministratorsVerifyMiddleware:
    """An administrator's unverified session reaches only the second factor's pages, logging out and the language
    switch; every other request goes to the set-up or verify page, then on to where it was going."""

    OPEN = frozenset({'two_factor', 'two_factor_verify', 'logout', 'login', 'set_language', 'favicon'})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.url_name in self.OPEN or not must_verify_first(request.user):
            return None
        return redirect(second_factor_url(request.user, request.get_full_path() if request.method == 'GET' else '/'))


def reset_devices(user) -> int:
    """Remove the user's devices (a lost phone): their next login sets up a new authenticator. The admin action
    that calls this logs it."""
    return TOTPDevice.objects.filter(user=user).delete()[0] + StaticDevice.objects.filter(user=user).delete()[0]
