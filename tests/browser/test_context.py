"""The plan's context in Chromium, in English and French: the Context panel of the Central African Republic's
dashboard, the Context tab opened from the Monitoring group (four charts, the table by year, events per year), the
events filtered by type of violence, an event's page; and the Context tab at phone width."""

import pytest
from playwright.sync_api import expect

from ssrhub.monitoring.models import ConflictEvent, StatisticValue

from .language import switch_language

pytestmark = pytest.mark.browser

WORDS = {
    'en': {'panel': 'Context', 'tab': 'Context', 'one_sided': 'One-sided violence', 'precision': 'Date precision'},
    'fr': {
        'panel': 'Contexte',
        'tab': 'Contexte',
        'one_sided': 'Violence unilatérale',
        'precision': 'Précision de la date',
    },
}


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_a_viewer_reads_the_context_of_a_plan(page, log_in, screenshot, axe_violations, language):
    words = WORDS[language]
    log_in(page, 'viewer')
    switch_language(page, language)
    page.goto('/countries/CAF/workspace/')
    panel = page.locator('#panel-context')
    expect(panel.locator('h2')).to_contain_text(words['panel'])
    expect(panel.locator('svg.context-chart')).to_have_count(4)
    expect(panel.locator('#event-years tbody tr')).to_have_count(
        len({event.year for event in ConflictEvent.objects.filter(country__iso3='CAF')})
    )
    expect(panel.locator('#panel-deadliest li')).to_have_count(3)
    panel.scroll_into_view_if_needed()
    screenshot(page, f'context-dashboard-{language}', full_page=True)
    assert not axe_violations(page)

    group = page.locator('.tab-group[data-group="monitoring"]')
    group.locator('summary').click()
    group.get_by_role('link', name=words['tab']).click()
    page.wait_for_url('**/workspace/context/')
    expect(page.locator('figure svg.context-chart')).to_have_count(4)
    expect(page.locator('#statistics-table tbody tr').first).to_be_visible()
    expect(page.locator('#event-years')).to_be_visible()
    screenshot(page, f'context-tab-{language}', full_page=True)
    assert not axe_violations(page)

    page.locator('#events-link').click()
    page.wait_for_url('**/workspace/context/events/')
    page.locator('#id_type_of_violence').select_option('3')
    one_sided = ConflictEvent.objects.filter(country__iso3='CAF', type_of_violence=3).count()
    expect(page.locator('#object-table tbody tr')).to_have_count(one_sided)
    expect(page.locator('#object-table tbody')).to_contain_text(words['one_sided'])
    screenshot(page, f'context-events-{language}', full_page=True)
    assert not axe_violations(page)

    page.locator('#object-table tbody tr a').first.click()
    expect(page.locator('#event-facts')).to_contain_text(words['precision'])
    expect(page.locator('#event-versions tbody tr')).to_have_count(1)
    screenshot(page, f'context-event-{language}', full_page=True)
    assert not axe_violations(page)


def test_the_context_pages_fit_a_phone(page, log_in, screenshot):
    event = ConflictEvent.objects.filter(country__iso3='CAF').order_by('-best', 'pk').first()
    value = StatisticValue.objects.filter(country__iso3='CAF').order_by('-year', 'pk').first()
    page.set_viewport_size({'width': 390, 'height': 844})
    log_in(page, 'viewer')
    switch_language(page, 'fr')
    pages = {
        'context-tab-phone-fr': '/countries/CAF/workspace/context/',
        'context-events-phone-fr': '/countries/CAF/workspace/context/events/',
        'context-event-phone-fr': event.get_absolute_url(),
        'context-value-phone-fr': value.get_absolute_url(),
        'context-dashboard-phone-fr': '/countries/CAF/workspace/',
    }
    wide = []
    for name, url in pages.items():
        page.goto(url)
        if page.evaluate('document.documentElement.scrollWidth > window.innerWidth'):
            wide.append(url)
        screenshot(page, name, full_page=True)
    assert wide == []
