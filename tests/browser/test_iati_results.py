"""Nepal's IATI results in Chromium, in English and French: the tab opened from the Monitoring group, the counts per
level, the outputs filtered, and an indicator's activity opened from its row (the real D-Portal file, which the
tests' demo leaves out)."""

import pytest
from playwright.sync_api import expect

from ssrhub.coordination.iati_store import import_iati
from ssrhub.coordination.models import ResultIndicator

from .language import switch_language

pytestmark = pytest.mark.browser

WORDS = {
    'en': {'tab': 'IATI results', 'outcome': 'Outcome', 'output': 'Output'},
    'fr': {'tab': 'Résultats IATI', 'outcome': 'Effet', 'output': 'Produit'},
}


@pytest.fixture
def dportal(demo, shared_data):
    return import_iati(shared_data('iati/dportal-covid-export-2.03.xml'))


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_a_viewer_reads_the_iati_results_of_a_country(dportal, page, log_in, screenshot, axe_violations, language):
    words = WORDS[language]
    log_in(page, 'viewer')
    switch_language(page, language)
    page.goto('/countries/NPL/workspace/')
    group = page.locator('.tab-group[data-group="monitoring"]')
    group.locator('summary').click()
    group.get_by_role('link', name=words['tab']).click()
    page.wait_for_url('**/workspace/iati-results/')
    counts = page.locator('#iati-counts tbody tr')
    expect(counts).to_have_count(2)
    expect(counts.first).to_contain_text(words['outcome'])
    rows = page.locator('#object-table table.table-hover > tbody > tr')
    expect(rows).to_have_count(25)
    screenshot(page, f'iati-results-{language}', full_page=True)
    assert not axe_violations(page)

    page.locator('#id_result_type').select_option('1')
    outputs = ResultIndicator.objects.filter(result__activity__country__iso3='NPL', result__type='1')
    expect(rows).to_have_count(outputs.count())
    expect(rows.first.locator('.result-type')).to_have_text(words['output'])
    rows.first.locator('td a').first.click()
    page.wait_for_url('**/coordination/activities/*/')
    expect(page.locator('h1')).to_contain_text(
        outputs.order_by('result__activity__title', 'pk').first().result.activity.title
    )
