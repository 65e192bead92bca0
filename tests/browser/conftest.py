"""Headless Chromium (Debian's package) driven by Playwright against the live test server."""

import os
import shutil
import threading
import time
from base64 import b32decode
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from ssrhub.core.testing.rows import insert_rows, stored_rows

ARTIFACTS = Path(__file__).resolve().parents[2] / 'test-artifacts'
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
# A page that saves a form and redirects can take over Playwright's 5 s default on two cores busy with the other
# test worker (seen in the framework editor's test, and over 10 s in the action form's); a failing expectation still
# fails, only later. A failing test prints the requests of its page (RequestLog) to tell a slow answer from none.
expect.set_options(timeout=20_000)
CHROMIUM_FLAGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
]


@pytest.fixture(scope='session')
def browser():
    if not CHROMIUM:
        if os.environ.get('CI'):
            pytest.fail('Chromium is required in CI (Debian package "chromium")')
        pytest.skip('Chromium is not installed (apt-get install chromium)')
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
    # itself are still synchronous, so the async-safety guard does not apply.
    os.environ.setdefault('DJANGO_ALLOW_ASYNC_UNSAFE', 'true')
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


# The live server's request threads and the test's own thread share one connection to the in-memory SQLite test
# database (Django passes it to the server), and two transactions on one connection corrupt each other: a page's
# requests after a form save, or a closed page's last request beside the next test's set-up, once made a save vanish
# or a page answer 500. Requests therefore run one at a time, and the set-up waits for the last one.
ONE_AT_A_TIME = threading.Lock()


class OneRequestAtATime:
    """WSGI wrapper: the application runs, and its response is read and closed, under ONE_AT_A_TIME."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        with ONE_AT_A_TIME:
            response = self.application(environ, start_response)
            try:
                return [b''.join(response)]
            finally:
                if hasattr(response, 'close'):
                    response.close()


@pytest.fixture(scope='session')
def live_server(request):
    """pytest-django's live server, its WSGI application wrapped by OneRequestAtATime."""
    server = LiveServer(request.config.getvalue('liveserver') or 'localhost', start=False)
    serve_static = server.thread.static_handler
    server.thread.static_handler = lambda application: OneRequestAtATime(serve_static(application))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope='session')
def reference_rows(django_db_setup, django_db_blocker):
    """The rows `ssrhub setup` left in the test database (countries, frameworks, roles), before any test changed it."""
    with django_db_blocker.unblock():
        return stored_rows()


@pytest.fixture(scope='session')
def demo_db(demo_rows):
    """The demo's rows (root conftest); with serialized contents (none) the flush after each test leaves content types
    and permissions to them."""
    connection._test_serialized_contents = '[]'
    return demo_rows


@pytest.fixture(scope='module')
def emptied_database(reference_rows, django_db_blocker):
    """The live server's tests start from an empty database and leave it as `ssrhub setup` did: the same worker
    (pytest-xdist) may run another module's tests next, which expect the reference data."""
    with django_db_blocker.unblock():
        call_command('flush', interactive=False, inhibit_post_migrate=True, verbosity=0)
    yield
    with django_db_blocker.unblock():
        call_command('flush', interactive=False, inhibit_post_migrate=True, verbosity=0)
        insert_rows(reference_rows)


@pytest.fixture
def demo(demo_db, emptied_database, django_db_serialized_rollback, transactional_db):
    """The live server's database holds the demo: inserted again before the test (a second or two), emptied after.

    Inserting the rows in bulk is ten times faster than loading the demo or Django's serialized rollback.
    """
    with ONE_AT_A_TIME:
        insert_rows(demo_db)


class RequestLog:
    """The requests a page sends (static files left out), each with the seconds since the page opened when it was
    sent and when it was answered."""

    def __init__(self, page):
        self.started = time.monotonic()
        self.requests = {}
        page.on('request', self._sent)
        page.on('requestfinished', lambda request: self._answered(request, request.response().status))
        page.on('requestfailed', lambda request: self._answered(request, request.failure))

    def _now(self) -> float:
        return time.monotonic() - self.started

    def _sent(self, request) -> None:
        if '/static/' not in request.url:
            self.requests[request] = [self._now(), None]

    def _answered(self, request, outcome) -> None:
        if request in self.requests:
            self.requests[request][1] = (self._now(), outcome)

    def lines(self) -> list[str]:
        lines = []
        for request, (sent, answer) in self.requests.items():
            answered = f'{answer[1]} at {answer[0]:.1f} s' if answer else 'no answer yet'
            lines.append(f'{sent:6.1f} s  {request.method} {request.url} -> {answered}')
        return lines


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    log = getattr(item, 'request_log', None)
    if report.when == 'call' and report.failed and log:
        report.sections.append(('requests of the page', '\n'.join(log.lines())))
    return report


@pytest.fixture
def page(browser, live_server, demo, request):
    context = browser.new_context(viewport={'width': 1280, 'height': 900}, base_url=live_server.url)
    page = context.new_page()
    request.node.request_log = RequestLog(page)
    yield page
    context.close()
    with ONE_AT_A_TIME:  # a request the closed page left running ends before the database is emptied
        pass


@pytest.fixture
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name: str, **options):
        path = ARTIFACTS / f'{name}.png'
        page.screenshot(path=str(path), **options)
        return path

    return take


AXE = Path(__file__).resolve().parent / 'vendor' / 'axe-core' / 'axe.min.js'


@pytest.fixture
def axe_violations():
    """Serious and critical WCAG 2.1 A/AA violations that axe-core finds on the current page."""

    def check(page) -> list[str]:
        # Evaluated, not added as a script element: the Content-Security-Policy refuses inline scripts.
        page.evaluate(AXE.read_text())
        result = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        return [
            f'{violation["id"]} ({violation["impact"]}): {node["target"]}'
            for violation in result['violations']
            if violation['impact'] in ('serious', 'critical')
            for node in violation['nodes']
        ]

    return check


def second_factor(page, username: str):
    """Pass the second-factor step a user who reads sensitive records meets after their password: set-up (the code
    computed from the secret the page shows, as an app would) or verify (a backup code put in the database)."""
    from django.contrib.auth import get_user_model
    from django_otp.oath import totp
    from django_otp.plugins.otp_static.models import StaticDevice

    if page.get_by_test_id('two-factor-secret').count():
        secret = page.get_by_test_id('two-factor-secret').inner_text()
        page.locator('#id_code').fill(f'{totp(b32decode(secret)):06d}')
        page.locator('main form button[type=submit]').click()
        page.get_by_test_id('two-factor-continue').click()
    else:
        user = get_user_model().objects.get(username=username)
        device, _created = StaticDevice.objects.get_or_create(user=user, name='backup')
        device.token_set.create(token='browser-test')
        page.locator('#id_code').fill('browser-test')
        page.locator('main form button[type=submit]').click()


@pytest.fixture
def log_in():
    def log_in(page, username: str, password: str = 'ssrhub-demo-2026'):
        page.goto('/accounts/login/')
        page.get_by_label('Username').fill(username)
        page.get_by_label('Password').fill(password)
        page.get_by_role('button', name='Log in').click()
        page.wait_for_load_state()
        if '/accounts/two-factor/' in page.url:
            second_factor(page, username)
        page.wait_for_url('**/')

    return log_in
