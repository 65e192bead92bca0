"""The roster: a country editor asks for an expert, a roster manager ranks the demo roster for the request, proposes
and selects the best candidate and records the deployment; a viewer follows the request without seeing any name."""

import datetime

import pytest
from playwright.sync_api import expect

from .language import switch_language

pytestmark = pytest.mark.browser

PHONE = {'width': 390, 'height': 844}
WORDS = {
    'fr': {
        'save': 'Enregistrer',
        'record': 'Enregistrer',
        'propose': 'Proposer',
        'select': 'Retenir',
        'count': '1 candidat proposé.',
        'deployed': 'Expert déployé',
        'status': 'Statut',
        'date': 'Date',
    },
}


def switch_user(page, log_in, username, language):
    page.context.clear_cookies()
    log_in(page, username)
    switch_language(page, language)


# French only: its French sentences take the English ones' code paths; test_phone.py keeps these pages in English.
@pytest.mark.parametrize('language', ['fr'])
def test_a_manager_ranks_and_deploys_and_a_viewer_sees_no_names(page, log_in, screenshot, axe_violations, language):
    words = WORDS[language]
    switch_user(page, log_in, 'editor', language)
    page.goto('/roster/requests/')
    page.get_by_test_id('request-add-LBR').click()
    page.locator('#id_requested_by').fill('Liberia National Police')
    page.locator('#id_addressees').select_option(label='IASSRTF')
    page.locator('#id_title').fill('Police reform adviser')
    page.locator('#id_skills').select_option(
        value=page.locator('#id_skills option', has_text='component.police').get_attribute('value')
    )
    page.locator('#id_languages').select_option('fr')
    page.locator('#id_start').fill('2026-06-01')
    page.locator('#id_end').fill('2026-08-31')
    page.get_by_test_id('save').click()
    expect(page.get_by_test_id('request-status')).to_be_visible()
    request_url = page.url

    switch_user(page, log_in, 'roster', language)
    page.goto(request_url)
    ranking = page.get_by_test_id('ranking')
    first = ranking.locator('li').first
    expect(first).to_contain_text('Demo Expert 1')
    expect(first).to_contain_text('100/100')
    screenshot(page, f'roster-ranking-{language}', full_page=True)
    assert not axe_violations(page)
    first.get_by_role('button', name=words['propose']).click()
    candidates = page.get_by_test_id('candidates')
    expect(candidates).to_contain_text('Demo Expert 1')
    candidates.get_by_role('button', name=words['select']).click()
    # Steps follow the request, made today.
    today = datetime.date.today().isoformat()
    for status in ('candidates-proposed', 'expert-selected', 'deployed'):
        step_form = page.get_by_test_id('step-form')
        step_form.get_by_label(words['status']).select_option(status)
        step_form.get_by_label(words['date']).fill(today)
        step_form.get_by_role('button', name=words['record']).click()
    expect(page.get_by_test_id('request-status')).to_have_text(words['deployed'])
    expect(page.get_by_test_id('request-timeline')).to_contain_text(today)
    screenshot(page, f'roster-deployed-{language}', full_page=True)
    candidates.get_by_role('link', name='Demo Expert 1').click()
    expect(page.locator('main')).to_contain_text('Police reform adviser')
    expect(page.locator('main')).to_contain_text('demo-expert-1@example.org')
    screenshot(page, f'roster-profile-{language}', full_page=True)

    switch_user(page, log_in, 'viewer', language)
    page.set_viewport_size(PHONE)
    page.goto(request_url)
    expect(page.get_by_test_id('candidate-count')).to_contain_text(words['count'])
    expect(page.locator('main')).not_to_contain_text('Demo Expert')
    assert page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')
    screenshot(page, f'roster-request-viewer-phone-{language}', full_page=True)
    assert page.goto('/roster/').status == 403
