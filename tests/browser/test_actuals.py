"""Actual values with a sex disaggregation in a browser, in French and English: a Liberian indicator's two periods
reported by an editor of the country (the second with categories that do not add up to the total, flagged, not
corrected), submitted, then approved by another person (four eyes: the administrator) and locked; the indicator's
page shows the approved values against the targets. Screenshots at 1280 px, and the report at 390 px."""

import pytest
from playwright.sync_api import expect

from ssrhub.monitoring.tests.actuals_data import make_indicator, organisation

from .language import switch_language

pytestmark = pytest.mark.browser

WORDS = {
    'fr': {'flag': 'la somme des valeurs des catégories fait 130', 'on_track': 'en bonne voie', 'locked': 'Verrouillé'},
    'en': {'flag': 'the values of the categories add up to 130', 'on_track': 'on track', 'locked': 'Locked'},
}


def _report(page, period, values, language, screenshot=None):
    """Report the period's values as the signed-in editor and submit them."""
    page.locator(f'#period-{period.pk} a.btn').click()
    page.locator('#id_organisation').select_option(str(organisation().pk))
    page.locator('form.edit-form button[type=submit]').click()
    for index, value in enumerate(values):
        page.locator(f'#cell-{index}-value').fill(value)
    page.locator('#cell-0-source').fill('Liberia National Police personnel register')
    page.locator('#save-values').click()
    expect(page.locator('#step-submit')).to_be_visible()
    if screenshot:
        screenshot(page, f'actuals-report-{language}', full_page=True)
    page.locator('#step-submit').click()
    expect(page.locator('#report-status [data-status]')).to_have_attribute('data-status', 'submitted')
    expect(page.locator('#step-approve')).to_have_count(0)  # not by the person who submitted
    return page.url


@pytest.mark.parametrize('language', ['fr', 'en'])
def test_actuals_entered_submitted_and_approved_by_another_person(
    page, browser, live_server, log_in, screenshot, language
):
    words = WORDS[language]
    indicator = make_indicator(code=f'1.1.{language}')
    organisation()
    first, second = indicator.periods.order_by('start')
    log_in(page, 'editor')
    switch_language(page, language)
    actuals = f'/countries/LBR/workspace/monitoring/actuals/indicators/{indicator.pk}/'
    page.goto(actuals)
    urls = [_report(page, first, ['100', '40', '60'], language, screenshot)]
    page.goto(actuals)
    urls.append(_report(page, second, ['120', '70', '60'], language))
    expect(page.locator('#sum-flags')).to_contain_text(words['flag'])
    screenshot(page, f'actuals-submitted-flag-{language}', full_page=True)

    reviewer = browser.new_context(viewport={'width': 1280, 'height': 900}, base_url=live_server.url).new_page()
    log_in(reviewer, 'admin')
    switch_language(reviewer, language)
    reviewer.goto('/monitoring/actuals/review/')
    for url in urls:
        expect(reviewer.locator(f'main a[href="{url.removeprefix(live_server.url)}"]')).to_be_visible()
    screenshot(reviewer, f'actuals-review-queue-{language}', full_page=True)
    for url in urls:
        reviewer.goto(url)
        reviewer.locator('#step-approve').click()
        expect(reviewer.locator('#report-status [data-status]')).to_have_attribute('data-status', 'approved')
    reviewer.locator('#step-lock').click()
    expect(reviewer.locator('#report-status')).to_contain_text(words['locked'])
    expect(reviewer.locator('#save-values')).to_have_count(0)
    expect(reviewer.locator('#step-history li')).to_have_count(4)
    screenshot(reviewer, f'actuals-approved-locked-{language}', full_page=True)

    reviewer.goto(actuals)
    table = reviewer.locator('#actuals-table')
    expect(table.locator(f'#period-{first.pk}')).to_contain_text(words['on_track'])
    expect(table.locator(f'#period-{second.pk} [data-flag="sum"]')).to_be_visible()
    screenshot(reviewer, f'actuals-indicator-{language}', full_page=True)
    reviewer.set_viewport_size({'width': 390, 'height': 844})
    reviewer.goto(urls[0])
    assert reviewer.evaluate('document.documentElement.scrollWidth') <= 390
    screenshot(reviewer, f'actuals-report-phone-{language}', full_page=True)
    reviewer.context.close()
