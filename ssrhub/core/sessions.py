"""Sessions that end after ``SESSION_COOKIE_AGE`` of idleness.

A session's end is pushed on when it is saved. Saving it on every request (``SESSION_SAVE_EVERY_REQUEST``) would
write the sessions table on every page and API call; instead a request saves it when its last push is at least
``SSRHUB_SESSION_REFRESH_SECONDS`` old, so a session ends between ``SESSION_COOKIE_AGE`` minus that and
``SESSION_COOKIE_AGE`` after the last request. Logging in counts as a push.
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

__all__ = ['IdleSessionMiddleware']

PUSHED_AT = '_ssrhub_pushed_at'


def _push(session) -> None:
    session[PUSHED_AT] = int(time.time())


@receiver(user_logged_in, dispatch_uid='ssrhub_session_pushed_at_login')
def pushed_at_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, 'session'):
        _push(request.session)


class IdleSessionMiddleware:
    """After the view: push the end of a stale session on (``SessionMiddleware`` then saves it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, 'session', None)
        if session is not None and not session.is_empty():
            if time.time() - session.get(PUSHED_AT, 0) >= settings.SSRHUB_SESSION_REFRESH_SECONDS:
                _push(session)
        return response
