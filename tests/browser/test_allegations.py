"""The due-diligence officer of the Central African Republic (demo user ``hrdd``, session verified with a second
factor; the DRC holds the demo's own cases) opens the overview: the brigade with an allegation after its decision and
an overdue measure comes first; follows its open allegations; records an alleged violation with two graded sources, a
victim count of 0 and one left not known; reads it back. Screenshots of the overview, the form and the record."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from ssrhub.safeguards.tests.allegations_data import actor, allegation, measure, support_request

from .sessions import verified_session

pytestmark = pytest.mark.browser

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)


def test_the_overview_puts_the_brigade_first_and_an_allegation_is_recorded(
    page, live_server, screenshot, axe_violations
):
    officer = get_user_model().objects.get(username='hrdd')
    brigade, quiet = actor('CAF', '31st brigade'), actor('CAF', 'Police centrafricaine')
    support_request(quiet, officer, title='Training of police officers', status='decided', risk=1,
                    decision=(TODAY - 20 * DAY, TODAY + 300 * DAY))  # fmt: skip
    case = support_request(brigade, officer, title='Rations for the 31st brigade', status='decided', risk=3,
                           decision=(TODAY - 60 * DAY, TODAY + 200 * DAY))  # fmt: skip
    measure(case, TODAY - 5 * DAY)
    allegation('CAF', recipient=brigade, occurred_on=TODAY - 20 * DAY, reported_on=TODAY - 10 * DAY)
    verified_session(page, live_server, get_user_model().objects.get(username='hrdd'))

    page.goto('/countries/CAF/workspace/due-diligence/')
    rows = page.locator('#overview-table tbody tr')
    expect(rows).to_have_count(2)
    expect(rows.first.locator('th')).to_have_text('31st brigade')
    expect(rows.first.locator('.attention-reason')).to_have_text(
        ['open allegation after the decision', 'overdue measure', 'reopened, being reassessed']
    )
    expect(page.locator('#attention-rules li')).to_have_count(5)
    screenshot(page, 'safeguards-overview-cod', full_page=True)
    assert axe_violations(page) == []

    rows.first.locator('a.open-allegations').click()
    expect(page.locator('#object-table tbody tr')).to_have_count(1)

    page.goto('/countries/CAF/workspace/due-diligence/allegations/add/')
    page.locator('#id_recipient').select_option(label='31st brigade')
    page.locator('#id_occurred_on').fill(f'{TODAY - 40 * DAY:%Y-%m}')
    page.locator('#id_place').fill('Kiwanja')
    page.locator('#id_violation').select_option('sexual-violence')
    page.locator('#id_narrative').fill('Women of Kiwanja said soldiers of the brigade <b>assaulted</b> them.')
    page.locator('#id_perpetrators').fill('Capitaine X | Cpt X')
    page.locator('#id_victims_women').fill('4')
    page.locator('#id_victims_girls').fill('0')
    page.locator('#id_reported_on').fill(f'{TODAY - 3 * DAY:%Y-%m-%d}')
    page.locator('#id_sources-0-name').fill('Health centre')
    page.locator('#id_sources-0-reliability').select_option('B')
    page.locator('#id_sources-0-credibility').select_option('2')
    page.locator('#id_sources-1-name').fill('Radio Okapi')
    page.locator('#id_sources-1-reliability').select_option('C')
    page.locator('#id_sources-1-credibility').select_option('3')
    expect(page.locator('#grades-legend')).to_contain_text('F: reliability cannot be judged')
    screenshot(page, 'safeguards-allegation-form', full_page=True)
    assert axe_violations(page) == []
    page.get_by_role('button', name='Save').click()

    expect(page.locator('#allegation-narrative')).to_have_text(
        'Women of Kiwanja said soldiers of the brigade <b>assaulted</b> them.'
    )
    expect(page.locator('#allegation-sources tbody tr')).to_have_count(2)
    victims = page.locator('#allegation-victims li')
    expect(victims.nth(0)).to_have_text('Women: 4')
    expect(victims.nth(1)).to_have_text('Men: not known')
    expect(victims.nth(2)).to_have_text('Girls: 0')
    expect(page.locator('#allegation-requests')).to_contain_text('Rations for the 31st brigade')
    screenshot(page, 'safeguards-allegation-record', full_page=True)
