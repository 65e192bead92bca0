"""Headless Chromium (Debian's package) driven by Playwright against the live test server."""

import os
import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

ARTIFACTS = Path(__file__).resolve().parents[2] / 'test-artifacts'
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
DEMO_CORPUS_YEARS = '1992-1994'
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


@pytest.fixture(scope='session')
def demo_db(django_db_setup, django_db_blocker):
    """Every row of the database after `ssrhub setup --demo`, loaded once and then emptied again.

    The demo's corpus is cut to the resolutions of 1992-1994 (175 of 902, the ONUMOZ, UNTAC, UNOSOM, UNPROFOR,
    UNAMIR... tracks): the whole corpus takes about 90 s to load and makes the rows every test inserts four times as
    many (docs/development/testing.md).
    """
    models = [model for model in apps.get_models(include_auto_created=True) if not model._meta.proxy]
    with django_db_blocker.unblock():
        call_command('setup', '--demo', '--corpus-years', DEMO_CORPUS_YEARS, verbosity=0)
        rows = [(model, list(model._base_manager.order_by('pk'))) for model in models]
        call_command('flush', interactive=False, inhibit_post_migrate=True, verbosity=0)
    # With serialized contents (none) the flush after each test leaves content types and permissions to the copy.
    connection._test_serialized_contents = '[]'
    return rows


@pytest.fixture
def demo(demo_db, django_db_serialized_rollback, transactional_db):
    """The live server's database holds the demo: inserted again before the test (a second or two), emptied after.

    Inserting the rows in bulk is ten times faster than loading the demo or Django's serialized rollback.
    """
    with transaction.atomic():  # foreign keys are checked at the end, so the order of the models does not matter
        for model, instances in demo_db:
            model._base_manager.bulk_create(instances)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [model for model, _ in demo_db]):
                cursor.execute(sql)


@pytest.fixture
def page(browser, live_server, demo):
    context = browser.new_context(viewport={'width': 1280, 'height': 900}, base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()


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
        page.add_script_tag(path=str(AXE))
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


@pytest.fixture
def log_in():
    def log_in(page, username: str, password: str = 'ssrhub-demo'):
        page.goto('/accounts/login/')
        page.get_by_label('Username').fill(username)
        page.get_by_label('Password').fill(password)
        page.get_by_role('button', name='Log in').click()
        page.wait_for_url('**/')

    return log_in
