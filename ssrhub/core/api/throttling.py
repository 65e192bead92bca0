"""API rate limits: DRF's anonymous (per client address) and per-user throttles, counted in the Django cache (Redis in
production, so that every web process shares the counts). The rates come from the environment (settings.py); a rate
of None turns a throttle off, as the test suite does (conftest.py)."""

from rest_framework import throttling
from rest_framework.settings import api_settings

__all__ = ['AnonymousRateThrottle', 'UserRateThrottle']


class LiveRateMixin:
    # DRF reads the rates once, when the class is defined; reading them per request lets a changed setting apply.
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class AnonymousRateThrottle(LiveRateMixin, throttling.AnonRateThrottle):
    pass


class UserRateThrottle(LiveRateMixin, throttling.UserRateThrottle):
    pass
