"""A support request in a browser: the officer fills the assessment with its risk factors and submits it, the forum
member reviews, the decision-maker decides support with two mitigatory measures; a new allegation reopens the case
at version 2. A country editor of the same country sees none of it. Sessions are verified with a second factor by
their cookie (the second-factor page is another part of issue 14). Screenshots at 1280 px."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified_login
from ssrhub.safeguards.models import CaseStatus, Mitigation, SupportRequest
from ssrhub.safeguards.tests.cases_data import allegation, support_request

pytestmark = pytest.mark.browser


def _as(browser, live_server, user, verified=True):
    client = Client()
    verified_login(client, user) if verified else client.force_login(user)
    context = browser.new_context(viewport={'width': 1280, 'height': 900}, base_url=live_server.url)
    context.add_cookies([{'name': 'sessionid', 'value': client.cookies['sessionid'].value, 'url': live_server.url}])
    return context.new_page()


def _step(page, step, fields=()):
    page.locator(f'#workflow-steps [data-step="{step}"]').click()
    for selector, value in fields:
        page.locator(selector).fill(value)
    page.locator('#step-form button[type=submit]').click()


def test_a_request_assessed_reviewed_decided_and_reopened(browser, live_server, demo, make_user, screenshot):
    users = get_user_model().objects
    officer, editor = users.get(username='hrdd'), make_user('cod-editor', Role.COUNTRY_EDITOR, countries=('COD',))
    request = support_request(officer, description='Rations for the Beni operation')
    url = request.get_absolute_url()

    page = _as(browser, live_server, officer)
    page.goto(url)
    page.locator('#edit-assessment').click()
    page.locator('#id_factors-0-rating').select_option('3')
    page.locator('#id_factors-0-finding').fill('Orders pass through the brigade commander.')
    page.locator('#assessment-form button[type=submit]').click()
    expect(page.locator('#risk-factors')).to_contain_text('Command and control')
    expect(page.locator('#suggested-risk')).to_contain_text('High')
    _step(page, 'submit')
    expect(page.locator('#request-status')).to_have_text('Submitted to the forum')
    for due in ('2026-06-30', '2026-12-31'):
        page.locator('#add-mitigation').click()
        page.locator('#id_description').fill(f'Screen the commanders by {due}')
        page.locator('#id_owner').fill('UNJHRO')
        page.locator('#id_due_on').fill(due)
        page.locator('#safeguards-form button[type=submit]').click()
    expect(page.locator('#mitigations tbody tr')).to_have_count(2)

    forum = _as(browser, live_server, users.get(username='taskforce'))
    forum.goto(url)
    _step(forum, 'review', [('#id_comment', 'Vet the commanders first.')])
    expect(forum.locator('#reviews')).to_contain_text('Vet the commanders first.')

    head = _as(browser, live_server, users.get(username='head'))
    head.goto(url)
    head.locator('#workflow-steps [data-step="decide"]').click()
    head.locator('#id_outcome').select_option('support-with-measures')
    head.locator('#id_justification').fill('Support with screening of the commanders.')
    head.locator('#id_expires_on').fill((datetime.date.today() + datetime.timedelta(days=180)).isoformat())
    head.locator('#step-form button[type=submit]').click()
    expect(head.locator('#request-status')).to_have_text('Decided')
    screenshot(head, 'safeguards-case-decided', full_page=True)

    allegation(narrative='Civilians killed at a checkpoint near Beni.')
    page.goto(url)
    expect(page.locator('#request-status')).to_have_text('Draft')
    expect(page.locator('#reopenings')).to_contain_text('A new allegation against the recipient')
    expect(page.locator('#assessment-heading')).to_contain_text('version 2')
    screenshot(page, 'safeguards-case-reopened', full_page=True)
    assert SupportRequest.objects.get(pk=request.pk).status == CaseStatus.DRAFT
    assert Mitigation.objects.filter(request=request).count() == 2

    outsider = _as(browser, live_server, editor)
    for address in (url, '/countries/COD/workspace/due-diligence/requests/'):
        response = outsider.goto(address)
        assert response.status == 403, address
    outsider.goto('/countries/COD/workspace/')
    expect(outsider.locator('a[href="/countries/COD/workspace/due-diligence/requests/"]')).to_have_count(0)
