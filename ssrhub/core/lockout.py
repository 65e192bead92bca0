"""Login lockout that follows the real client (django-axes, django-ipware).

Axes locks one username from one client address after ``AXES_FAILURE_LIMIT`` wrong passwords, for the cool-off. The
address is the client's, read from the reverse proxy's header only when the request comes from a trusted proxy
(``client_address``): a header sent by anyone else is ignored. ``UsernameLimitBackend`` adds a limit by username
alone (``SSRHUB_LOGIN_USERNAME_FAILURE_LIMIT`` failures from all addresses together). Failures refused during a
lockout are not counted, so a lock ends one cool-off after the failure that set it, whatever is tried meanwhile; an
administrator unlocks sooner from the admin's list of access attempts (``admin.LockoutAdmin``).
"""

from axes.attempts import get_cool_off_threshold
from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.helpers import toggleable
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from ipware import get_client_ip

__all__ = ['UsernameLimitBackend', 'client_address', 'username_failures']


def client_address(request) -> str | None:
    """The client's address: REMOTE_ADDR, unless the request comes from one of ``SSRHUB_TRUSTED_PROXIES``; then the
    address the proxies recorded in ``SSRHUB_PROXY_HEADER``, counted from the right (``SSRHUB_PROXY_COUNT`` proxies,
    the last of which connected to us), so that what a client writes in the header itself is never read."""
    remote = request.META.get('REMOTE_ADDR')
    if not settings.SSRHUB_PROXY_COUNT or remote not in settings.SSRHUB_TRUSTED_PROXIES:
        return remote
    address, _routable = get_client_ip(
        request,
        proxy_order='left-most',
        proxy_count=settings.SSRHUB_PROXY_COUNT - 1,
        request_header_order=[settings.SSRHUB_PROXY_HEADER],
        strict=False,
    )
    return address or remote


def username_failures(username: str, request=None) -> int:
    """Wrong passwords for ``username`` from every address within the cool-off."""
    attempts = AccessAttempt.objects.filter(username=username, attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum('failures_since_start'))['total'] or 0


class UsernameLimitBackend(AxesStandaloneBackend):
    """Axes' check by (username, address), then the limit by username alone."""

    @toggleable
    def authenticate(self, request, username=None, password=None, **kwargs):
        super().authenticate(request, username=username, password=password, **kwargs)
        if username and username_failures(username, request) >= settings.SSRHUB_LOGIN_USERNAME_FAILURE_LIMIT:
            request.axes_locked_out = True
            raise AxesBackendPermissionDenied('Too many failures for this username from all addresses')
