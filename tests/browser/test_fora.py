"""Coordination fora in a browser, in French: Liberia's fora (demo: its National Security Council,
book chapter 8, line 1903); a meeting added with a decision due last month; the decision flagged overdue on the
dashboard; its status recorded in place (htmx) as done; the flag gone. Screenshots at 1280 and 390 px."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from .language import switch_language

pytestmark = pytest.mark.browser

WORDS = {
    'fr': {
        'done': 'Terminée',
        'history': 'Historique',
        'update': 'Point sur l’état d’une décision',
        'empty': 'Aucune décision d’instance n’est en retard.',
        'heading': 'Instances de coordination',
    },
}


# French only: its French sentences take the English ones' code paths; test_phone.py keeps these pages in English.
@pytest.mark.parametrize('language', ['fr'])
def test_a_decision_due_last_month_is_flagged_until_it_is_done(page, log_in, screenshot, language):
    words = WORDS[language]
    log_in(page, 'editor')
    switch_language(page, language)
    page.goto('/countries/LBR/workspace/')
    # The Coordination tab opens on its pages.
    page.locator('#workspace-tabs .tab-group[data-group="coordination"] summary').click()
    page.locator('#workspace-tabs a[href$="/fora/"]').click()
    expect(page.get_by_role('heading', name=words['heading'], exact=True)).to_be_visible()
    expect(page.locator('#fora-structure')).to_be_visible()
    screenshot(page, f'fora-lbr-{language}', full_page=True)

    page.locator('.list-group-item a.fw-semibold').first.click()  # the National Security Council
    page.locator('#add-meeting').click()
    first_of_month = datetime.date.today().replace(day=1)
    last_month = first_of_month - datetime.timedelta(days=1)
    two_months_ago = last_month.replace(day=1) - datetime.timedelta(days=1)
    page.locator('#id_date').fill(two_months_ago.strftime('%Y-%m'))
    page.locator('#id_place').fill('Monrovia')
    page.locator('#id_summary').fill('Review of the security sector budget.')
    page.locator('#coordination-form button[type=submit]').click()
    expect(page.locator('#add-decision')).to_be_visible()
    page.locator('#add-decision').click()
    text = f'Submit the security sector budget ({language})'
    page.locator('#id_text').fill(text)
    page.locator('#id_due').fill(last_month.strftime('%Y-%m'))
    page.locator('#coordination-form button[type=submit]').click()
    expect(page.locator('#overdue-flag')).to_be_visible()
    decision_url = page.url

    page.goto('/countries/LBR/workspace/')
    overdue = page.locator('#overdue-decisions-table')
    expect(overdue).to_contain_text(text)
    screenshot(page, f'fora-dashboard-flag-{language}', full_page=True)

    page.goto(decision_url)
    page.locator('#id_status').select_option('done')
    page.locator('#id_note').fill('Budget submitted')
    page.locator('#status-form button[type=submit]').click()
    expect(page.locator('#status-history')).to_contain_text('Budget submitted')  # swapped in place
    expect(page.locator('#overdue-flag')).to_have_count(0)
    expect(page.locator('#decision-status')).to_have_text(re.compile(words['done']))
    assert page.url == decision_url
    screenshot(page, f'fora-decision-done-{language}', full_page=True)

    page.locator('#decision-history').click()  # the decision's history: its creation and its status updates
    expect(page.locator('.nav-tabs .active')).to_have_text(words['history'])
    expect(page.locator('main table')).to_contain_text(words['update'])
    screenshot(page, f'fora-decision-history-{language}', full_page=True)

    page.goto('/countries/LBR/workspace/')
    expect(page.locator('#overdue-decisions-table')).not_to_contain_text(text)
    expect(page.locator('#overdue-decisions-table')).to_contain_text(words['empty'])

    page.set_viewport_size({'width': 390, 'height': 844})
    for name, url in (('fora', '/countries/CAF/workspace/fora/'), ('decision', decision_url)):
        page.goto(url)
        assert not page.evaluate('document.documentElement.scrollWidth > window.innerWidth'), url
        screenshot(page, f'fora-{name}-phone-{language}', full_page=True)
