"""Acceptance of issue 14 in a browser: the DRC's due-diligence officer records a support request to the national
police, assesses it and submits it; the forum reviews it; the decision-maker decides support with two mitigatory
measures; the officer records a new alleged violation, which reopens the case at version 2; the decision-maker
suspends the support while the reassessment goes on. A country editor of the DRC then finds none of it: not on the
pages, not in the workspace's tabs, not in the API. Sessions are verified with a second factor by their cookie (the
second-factor pages have their own test). Screenshots at 1280 px."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from ssrhub.core.roles import Role
from ssrhub.safeguards.models import Allegation, CaseStatus, Intervention, SupportRequest

from .sessions import verified_page

pytestmark = pytest.mark.browser

TODAY = datetime.date.today()
HRDD = '/countries/COD/workspace/due-diligence/'
POLICE = 'Congolese National Police'
MEASURES = (('Screen the commanders of both units', 30), ('Human rights training before deployment', 60))  # due in days


def _step(page, step, fields=()):
    page.locator(f'#workflow-steps [data-step="{step}"]').click()
    for selector, value in fields:
        page.locator(selector).fill(value)
    page.locator('#step-form button[type=submit]').click()


def _record_the_request(page):
    page.goto(f'{HRDD}requests/add/')
    page.locator('#id_title').fill('Fuel for the police deployed in Beni')
    page.locator('#id_un_entity').select_option(label='DPO')
    page.locator('#id_recipient').select_option(label='PNC')
    page.locator('#id_kind').select_option('fuel')
    page.locator('#id_description').fill('Fuel for the patrols of two police units in Beni territory.')
    page.locator('#id_start').fill(f'{TODAY:%Y-%m-%d}')
    page.locator('#id_value').fill('120000')
    page.locator('#id_currency').fill('USD')
    page.locator('#id_basis').fill('Mandate of MONUSCO')
    page.locator('#id_basis_symbol').fill('S/RES/2765 (2024)')
    page.locator('#safeguards-form button[type=submit]').click()
    expect(page.locator('#request-status')).to_have_text('Draft')
    return page.url


def _assess(page):
    page.locator('#edit-assessment').click()
    page.locator('#id_record').fill('Two units accused of ill-treating detainees in 2025.')
    page.locator('#id_likelihood').select_option('2')
    page.locator('#id_impact').select_option('3')
    page.locator('#id_overall_risk').select_option('3')
    page.get_by_label('hrdd', exact=True).check()
    page.locator('#id_factors-0-rating').select_option('3')
    page.locator('#id_factors-0-finding').fill('Orders pass through the commissioner of the province.')
    page.locator('#assessment-form button[type=submit]').click()
    expect(page.locator('#risk-factors')).to_contain_text('Command and control')
    expect(page.locator('#suggested-risk')).to_contain_text('High')


def _add_measures(page):
    for description, due in MEASURES:
        page.locator('#add-mitigation').click()
        page.locator('#id_description').fill(description)
        page.locator('#id_owner').fill('UNJHRO')
        page.locator('#id_due_on').fill(f'{TODAY + datetime.timedelta(days=due):%Y-%m-%d}')
        page.locator('#safeguards-form button[type=submit]').click()
    expect(page.locator('#mitigations tbody tr')).to_have_count(2)


def _record_an_allegation(page):
    page.goto(f'{HRDD}allegations/add/')
    page.locator('#id_recipient').select_option(label='PNC')
    page.locator('#id_occurred_on').fill(f'{TODAY - datetime.timedelta(days=3):%Y-%m-%d}')
    page.locator('#id_place').fill('Beni')
    page.locator('#id_violation').select_option('arbitrary-detention')
    page.locator('#id_narrative').fill('Twelve young men held without charge at the Beni police station.')
    page.locator('#id_victims_men').fill('12')
    page.locator('#id_reported_on').fill(f'{TODAY:%Y-%m-%d}')
    page.locator('#id_sources-0-name').fill('Mission human rights officer (made up)')
    page.locator('#id_sources-0-reliability').select_option('B')
    page.locator('#id_sources-0-credibility').select_option('2')
    page.get_by_role('button', name='Save').click()
    expect(page.locator('#allegation-narrative')).to_have_text(
        'Twelve young men held without charge at the Beni police station.'
    )


def test_a_request_from_assessment_to_a_suspension_that_a_country_editor_never_sees(
    browser, live_server, demo, make_user, screenshot
):
    users = get_user_model().objects
    editor = make_user('cod-editor', Role.COUNTRY_EDITOR, countries=('COD',))
    officer = verified_page(browser, live_server, users.get(username='hrdd'))
    url = _record_the_request(officer)
    _assess(officer)
    _step(officer, 'submit')
    expect(officer.locator('#request-status')).to_have_text('Submitted to the forum')
    _add_measures(officer)

    forum = verified_page(browser, live_server, users.get(username='taskforce'))
    forum.goto(url)
    _step(forum, 'review', [('#id_comment', 'Screen the commanders first.')])
    expect(forum.locator('#reviews')).to_contain_text('Screen the commanders first.')

    head = verified_page(browser, live_server, users.get(username='head'))
    head.goto(url)
    head.locator('#workflow-steps [data-step="decide"]').click()
    head.locator('#id_outcome').select_option('support-with-measures')
    head.locator('#id_justification').fill('Support with the screening and training of the units.')
    head.locator('#id_expires_on').fill(f'{TODAY + datetime.timedelta(days=180):%Y-%m-%d}')
    head.locator('#step-form button[type=submit]').click()
    expect(head.locator('#request-status')).to_have_text('Decided')
    expect(head.locator('#decisions')).to_contain_text('Support with mitigatory measures')
    screenshot(head, 'safeguards-case-decided', full_page=True)

    _record_an_allegation(officer)
    officer.goto(url)
    expect(officer.locator('#request-status')).to_have_text('Draft')
    expect(officer.locator('#reopenings')).to_contain_text('A new allegation against the recipient')
    expect(officer.locator('#assessment-heading')).to_contain_text('version 2')
    expect(officer.locator('#mitigations tbody tr')).to_have_count(2)

    head.goto(url)
    head.locator('#workflow-steps [data-step="suspend"]').click()
    head.locator('#id_started_on').fill(f'{TODAY:%Y-%m-%d}')
    head.locator('#id_reason').fill('Detentions without charge by the units we fuel; pending the new assessment.')
    head.locator('#id_allegation').select_option(index=1)
    head.locator('#step-form button[type=submit]').click()
    expect(head.locator('.alert-success')).to_contain_text('The support is suspended from')
    expect(head.locator('#support-suspended')).to_have_text(f'Support suspended since {TODAY:%Y-%m-%d}')
    expect(head.locator('#request-status')).to_have_text('Draft')
    expect(head.locator('#interventions')).to_contain_text('Suspension of support')
    expect(head.locator('#workflow-steps [data-step="resume"]')).to_be_visible()
    screenshot(head, 'safeguards-case-suspended', full_page=True)

    head.goto(HRDD)
    police = head.locator('#overview-table tbody tr', has_text=POLICE)
    expect(police).to_contain_text('Suspension of support')
    expect(police.locator('.attention-reason')).to_have_text(['reopened, being reassessed'])
    screenshot(head, 'safeguards-overview-suspended', full_page=True)
    head.goto(f'{url}history/')
    for reason in ('Submitted to the forum', 'Reviewed by the forum', 'Decided', 'Reopened', 'Support suspended'):
        expect(head.locator('main')).to_contain_text(reason)

    request = SupportRequest.objects.get(title='Fuel for the police deployed in Beni')
    assert request.status == CaseStatus.DRAFT and request.current_assessment.version == 2
    suspension = Intervention.objects.get(request=request)
    assert suspension.suspends_now and suspension.allegation.recipient == request.recipient

    outsider = verified_page(browser, live_server, editor)
    alleged = Allegation.objects.get(recipient=request.recipient)
    pages = (url, f'{url}history/', f'{url}step/suspend/', HRDD, f'{HRDD}requests/', f'{HRDD}allegations/',
             alleged.get_absolute_url(), f'{HRDD}vetting/individuals/')  # fmt: skip
    for address in pages:
        assert outsider.goto(address).status == 403, address
    for route in (f'support-requests/{request.pk}/', 'support-requests/', f'allegations/{alleged.pk}/',
                  'interventions/', 'decisions/', 'risk-assessments/'):  # fmt: skip
        response = outsider.request.get(f'/api/safeguards/{route}')
        found = response.json() if response.ok else {}
        assert not response.ok or found.get('count') == 0, (route, response.status)
    outsider.goto('/countries/COD/workspace/')
    expect(outsider.locator(f'a[href^="{HRDD}"]')).to_have_count(0)
    screenshot(outsider, 'safeguards-editor-workspace', full_page=True)
