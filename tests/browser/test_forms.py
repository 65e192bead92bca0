"""Forms catch every mistake at once, in English and French: a Liberian editor adds an action with three mistakes
(a currency that is not ISO 4217, a negative cost, an end before the start) and sees all three in a focused summary
and next to their fields; a status "done as of" a future day is refused; a start known only to the month is kept and
shown as that month, and a document adopted in a year is shown as that year.
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ssrhub.countries.models import Action, NationalDocument

from .language import switch_language

pytestmark = pytest.mark.browser

TEXT = {
    'en': {
        'summary': 'Nothing was saved: correct these 3 errors.',
        'currency': '“ZZ1” is not an ISO 4217 currency code: give three letters such as USD, EUR or XOF.',
        'cost': 'A cost cannot be negative.',
        'end': 'An action cannot end before it starts.',
        'start': 'June 2009',
        'shown': 'June 2009 – 2010',
        'future': 'is in the future: give the day this was observed',
        'year': '2008',
    },
    'fr': {
        'summary': 'Rien n’a été enregistré\u00a0: corrigez ces 3 erreurs.',
        'currency': '«\u00a0ZZ1\u00a0» n’est pas un code de devise ISO\u00a04217\u00a0: '
        'indiquez trois lettres, par exemple USD, EUR ou XOF.',
        'cost': 'Un coût ne peut pas être négatif.',
        'end': "Une action ne peut pas se terminer avant d'avoir commencé.",
        'start': 'juin 2009',
        'shown': 'juin 2009 – 2010',
        'future': 'est dans le futur\u00a0: indiquez le jour où la situation a été constatée',
    },
}


def in_language(page, language):
    if language == 'fr':
        page.goto('/')
        switch_language(page, language)


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_an_action_form_shows_every_mistake_at_once_then_keeps_a_month(page, log_in, screenshot, language):
    text = TEXT[language]
    schedule = NationalDocument.objects.filter(country__iso3='LBR', actions__isnull=False).first()
    log_in(page, 'editor')
    in_language(page, language)
    page.goto(f'/countries/LBR/workspace/documents/{schedule.pk}/action/add/')
    page.locator('#id_ref').fill('99')
    page.locator('#id_title').fill('Vet the police')
    page.locator('#id_start').fill(text['start'])
    page.locator('#id_end').fill('2009-01')
    page.locator('#id_cost').fill('-5')
    page.locator('#id_currency').fill('zz1')
    page.locator('#workspace-form button[type=submit]').click()

    summary = page.locator('#form-errors')
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(text['summary'])
    for name in ('currency', 'cost', 'end'):
        expect(summary).to_contain_text(text[name])
        expect(page.locator(f'#id_{name}_error')).to_have_text(text[name])
        expect(page.locator(f'#id_{name}')).to_have_attribute('aria-invalid', 'true')
    expect(summary.get_by_role('link')).to_have_count(3)
    expect(page.locator('#id_start')).to_have_value(text['start'])  # what was typed is kept
    screenshot(page, f'forms-action-errors-{language}', full_page=True)

    page.locator('#id_end').fill('2010')
    page.locator('#id_cost').fill('25000')
    page.locator('#id_currency').fill('lrd')
    page.locator('#workspace-form button[type=submit]').click()
    page.wait_for_url(f'**/documents/{schedule.pk}/**')
    action = Action.objects.get(document=schedule, ref='99')
    assert (action.start, action.start_precision, action.currency) == (datetime.date(2009, 6, 1), 'month', 'LRD')
    row = page.locator(f'#action-{action.pk}')
    expect(row).to_contain_text(text['shown'])
    expect(row).to_contain_text('LRD')
    row.scroll_into_view_if_needed()
    screenshot(page, f'forms-action-month-{language}')


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_a_status_as_of_a_future_day_is_refused(page, log_in, screenshot, language):
    text = TEXT[language]
    schedule = NationalDocument.objects.filter(country__iso3='LBR', actions__isnull=False).first()
    action = schedule.actions.first()
    updates = action.status_updates.count()
    log_in(page, 'editor')
    in_language(page, language)
    page.goto(f'/countries/LBR/workspace/documents/{schedule.pk}/')
    future = (timezone.localdate() + datetime.timedelta(days=365)).isoformat()
    date_input = page.locator(f'#status-date-{action.pk}')
    date_input.fill(future)
    page.locator(f'#status-{action.pk}').select_option('done')
    # The browser refuses first (the field's maximum is today) ...
    assert date_input.evaluate('(input) => input.validity.rangeOverflow')
    # ... and the server refuses a request that skips the browser's check.
    date_input.evaluate('(input) => input.form.submit()')
    page.wait_for_load_state()
    alert = page.locator('.alert-danger')
    expect(alert).to_contain_text(future)
    expect(alert).to_contain_text(text['future'])
    assert action.status_updates.count() == updates
    screenshot(page, f'forms-status-future-{language}')


# English only: the year reads the same in French, and only English would show '1 January'.
@pytest.mark.parametrize('language', ['en'])
def test_a_document_adopted_in_a_year_is_shown_as_that_year(page, log_in, screenshot, language):
    text = TEXT[language]
    strategy = NationalDocument.objects.filter(country__iso3='LBR', kind='strategy').first()
    log_in(page, 'editor')
    in_language(page, language)
    page.goto(f'/countries/LBR/workspace/documents/{strategy.pk}/edit/')
    page.locator('#id_adopted').fill('2008')
    page.locator('#workspace-form button[type=submit]').click()
    page.wait_for_url(f'**/documents/{strategy.pk}/')
    strategy.refresh_from_db()
    assert (strategy.adopted, strategy.adopted_precision) == (datetime.date(2008, 1, 1), 'year')
    page.goto('/countries/LBR/workspace/documents/')
    row = page.locator('tr', has_text=strategy.title).first
    expect(row).to_contain_text(text['year'])
    assert '2008-01-01' not in row.inner_text() and '1 January' not in row.inner_text()
    screenshot(page, f'forms-document-year-{language}')
