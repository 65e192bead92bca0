"""Every kind of page works under the Content-Security-Policy (no inline script, no eval, no inline style element) with
no violation and no script error: charts drawn from their JSON, the actor map, htmx filters and drill-downs, a select
that navigates (its handler moved from the template to ssrhub.js), an error page's back link, the admin as its
administrator and its login page. Every other page is opened under the policy by the phone crawl (``test_phone.py``).
Screenshots of the trends, the actor map and the matrix's drill-down."""

import re

import pytest
from playwright.sync_api import expect

from .problems import browser_problems

pytestmark = pytest.mark.browser


def test_pages_work_under_the_content_security_policy(page, log_in, screenshot):
    problems = browser_problems(page)
    page.emulate_media(reduced_motion='reduce')
    log_in(page, 'editor')

    # Charts (Chart.js) and the actor map (Cytoscape): vendored scripts drawing from JSON endpoints.
    page.goto('/mandates/trends/')
    expect(page.locator('canvas[data-chart="line"]').first).to_have_attribute('data-chart-state', 'ready')
    screenshot(page, 'csp-trends', full_page=True)
    for url in ('/mandates/missions/ONUMOZ/', '/countries/CAF/workspace/timeline/'):
        page.goto(url)
        expect(page.locator('canvas[data-chart="timeline"]')).to_have_attribute('data-chart-state', 'ready')
    page.goto('/countries/CAF/workspace/actors/')
    expect(page.locator('#actor-graph')).to_have_attribute('data-graph-state', 'ready')
    screenshot(page, 'csp-actors-caf')

    # htmx: a count of the matrix opens its paragraphs in place; a list's filters apply.
    page.goto('/mandates/missions/ONUMOZ/matrix/')
    with page.expect_response(lambda response: '/matrix/paragraphs/' in response.url and response.ok):
        page.locator('#matrix-table td.heat a').first.click()
    expect(page.locator('#matrix-paragraphs').get_by_role('heading')).to_be_visible()
    screenshot(page, 'csp-matrix-onumoz', full_page=True)
    page.goto('/coordination/organisations/')
    rows = page.locator('#object-table tbody tr')
    before = rows.count()
    panel = page.locator('form.filter-form')
    panel.locator('input[name=q]').fill('UNMIL')
    panel.get_by_role('button', name='Apply').click()
    expect(rows).not_to_have_count(before)

    # A workspace and its tabs; a form with its dynamic parts (the date precision, the error summary).
    page.goto('/countries/LBR/workspace/')
    page.locator('#workspace-tabs .tab-group summary').first.click()
    page.goto('/countries/CAF/workspace/timeline/events/add/')
    page.locator('main form button[type=submit]').click()
    expect(page.locator('[data-error-summary]')).to_be_focused()

    # The framework's version select goes to the chosen version (data-navigate-on-change).
    page.goto('/framework/')
    page.locator('main a[href^="/framework/"]').first.click()
    select = page.locator('#version-select')
    options = select.locator('option')
    if options.count() > 1:
        other = options.nth(1).get_attribute('value')
        select.select_option(other)
        page.wait_for_url(f'**{other}')

    # An error page's "Go back" link (it was a javascript: URL).
    page.goto('/mandates/')
    page.goto('/no-such-page/')
    page.locator('[data-history-back]').first.click()
    page.wait_for_url('**/mandates/')
    assert problems == [], '\n'.join(problems)


def test_the_admin_and_the_api_pages_work_under_the_content_security_policy(page, log_in):
    problems = browser_problems(page)
    page.goto('/api/core/countries/')  # the browsable API
    expect(page.locator('.response-info')).to_contain_text('HTTP 200 OK')
    page.goto('/admin/login/')
    expect(page.locator('#login-form')).to_be_visible()
    log_in(page, 'admin')
    page.goto('/admin/')
    page.locator('#content-main a[href="/admin/auth/user/"]').first.click()  # a list of records
    page.locator('#result_list tbody a').first.click()  # one record's change form
    expect(page.locator('#content-main form')).to_be_visible()
    page.goto('/admin/auth/user/?q=admin')
    expect(page.locator('#result_list')).to_contain_text('admin')
    page.goto('/admin/auth/user/add/')
    expect(page.locator('#id_username')).to_be_visible()
    assert problems == [], '\n'.join(problems)
    assert re.search(r"script-src 'self'(;|$)", page.request.get('/admin/').headers['content-security-policy'])
