"""API rate limits: DRF's anonymous (per client address) and per-user throttles, counted in the Django cache (Redis in
production, so that every web process shares the counts). The rates come from the environment (settings.py); a rate
of None turns a throttle off, as the test suite does (conftest.py). An anonymous client is told apart by the same
address as the login lockout (``core/lockout.py``: the proxy's header only from a trusted proxy)."""

from rest_framework import throttling
from rest_framework.settings import api_settings

from ..lockout import client_address

__all__ = ['AnonymousRateThrottle', 'UserRateThrottle']


class LiveRateMixin:
    # DRF reads the rates once, when the class is defined; reading them per request lets a changed setting apply.
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_address(request)


class AnonymousRateThrottle(LiveRateMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(LiveRateMixin, throttling.UserRateThrottle):
    pass
