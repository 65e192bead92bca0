"""Browser sessions of a user whose login was verified with the second factor (the second-factor pages themselves
are walked in ``test_two_factor.py``)."""

from django.conf import settings
from django.test import Client

from ssrhub.core.testing.two_factor import verified_login


def verified_session(page, live_server, user) -> None:
    """Give ``page``'s browser context the session of ``user``'s verified login."""
    client = Client()
    verified_login(client, user)
    session = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{'name': session.key, 'value': session.value, 'url': live_server.url}])


def verified_page(browser, live_server, user, width=1280):
    """A page of a new browser context (its own cookies, ``width`` px wide) holding ``user``'s verified session."""
    context = browser.new_context(viewport={'width': width, 'height': 900}, base_url=live_server.url)
    page = context.new_page()
    verified_session(page, live_server, user)
    return page
