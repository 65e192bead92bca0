"""The monitoring dashboard in Chromium, in English and French: a viewer opens Liberia's Dashboard tab from the
Monitoring group, reads the rule, the results at risk (the outcome off track before the output at risk), the
indicators per level and each indicator's chart and table; filters to the off-track indicators. Screenshots at
1280 px and 390 px (no wider than the phone), axe clean."""

import pytest
from playwright.sync_api import expect

from ssrhub.monitoring.tests.actuals_data import dashboard_plan

from .language import switch_language

pytestmark = pytest.mark.browser

WORDS = {
    'en': {
        'tab': 'Results dashboard',
        'rule': 'Only approved actuals count',
        'off': 'off track',
        'outcomes': 'Outcomes',
    },
    'fr': {
        'tab': 'Tableau de bord des résultats',
        'rule': 'Seules les valeurs approuvées comptent',
        'off': 'en retard',
        'outcomes': 'Effets',
    },
}


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_a_viewer_reads_the_dashboard_of_a_plan(page, log_in, screenshot, axe_violations, language):
    words = WORDS[language]
    plan = dashboard_plan()
    output, outcome = plan['output'], plan['outcome']
    log_in(page, 'viewer')
    switch_language(page, language)
    page.goto('/countries/LBR/workspace/')
    group = page.locator('.tab-group[data-group="monitoring"]')
    group.locator('summary').click()
    group.get_by_role('link', name=words['tab'], exact=True).click()
    page.wait_for_url('**/workspace/monitoring/dashboard/')
    expect(page.locator('#dashboard-rule')).to_contain_text(words['rule'])
    risks = page.locator('#at-risk li')
    expect(risks).to_have_count(2)
    expect(risks.nth(0)).to_have_attribute('data-track', 'off-track')
    expect(risks.nth(0)).to_contain_text(outcome.code)
    expect(risks.nth(1)).to_contain_text(output.code)
    expect(page.locator('#levels-table')).to_contain_text(words['outcomes'])
    card = page.locator(f'#indicator-{output.pk}')
    expect(card.locator('svg.indicator-chart circle')).to_have_count(2)
    expect(card.locator('table tbody tr')).to_have_count(2)
    screenshot(page, f'monitoring-dashboard-{language}', full_page=True)
    assert not axe_violations(page)

    page.locator('#id_status').select_option('off-track')
    page.locator('#dashboard-filters button[type=submit]').click()
    expect(page.locator('article.card')).to_have_count(1)
    expect(page.locator(f'#indicator-{outcome.pk}')).to_contain_text(words['off'])

    page.set_viewport_size({'width': 390, 'height': 844})
    page.goto(f'/countries/LBR/workspace/frameworks/{plan["framework"].pk}/dashboard/')
    expect(page.locator('svg.indicator-chart')).to_have_count(2)
    assert page.evaluate('document.documentElement.scrollWidth') <= 390
    screenshot(page, f'monitoring-dashboard-phone-{language}', full_page=True)
    assert not axe_violations(page)
