"""Gender in Chromium, in English and French: an editor records a headcount of the Liberian National Police with the
number of women (more women than personnel refused, in the page's language), then opens the Gender tab from the
Monitoring group and reads the share against Liberia's (illustrative) target, the gender marker of the activities and
the indicators by sex; at 1280 px and at 390 px, axe-clean."""

import pytest
from playwright.sync_api import expect

from .language import switch_language

pytestmark = pytest.mark.browser

WORDS = {
    'en': {
        'refused': 'The number of women (9000) cannot be larger than the personnel (4000).',
        'tab': 'Gender',
        'row': '20.0',
        'marker': 'Not marked',
    },
    'fr': {
        'refused': 'Le nombre de femmes (9000) ne peut pas dépasser l’effectif (4000).',
        'tab': 'Genre',
        'row': '20,0',
        'marker': 'Non marqué',
    },
}


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_an_editor_records_women_and_reads_the_gender_page(page, log_in, screenshot, axe_violations, language):
    words = WORDS[language]
    page.set_viewport_size({'width': 1280, 'height': 900})
    log_in(page, 'editor')
    switch_language(page, language)
    page.goto('/countries/LBR/workspace/actors/headcounts/add/')
    page.locator('#id_actor').select_option(label='Liberian National Police (LNP)')
    page.locator('#id_date').fill('2020-12-31')
    page.locator('#id_count').fill('4000')
    page.locator('#id_women').fill('9000')
    page.locator('#actor-form button[type=submit]').click()
    expect(page.locator('#id_women_error')).to_have_text(words['refused'])
    page.locator('#id_women').fill('800')
    page.locator('#actor-form button[type=submit]').click()
    page.wait_for_url('**/workspace/actors/**')
    expect(page.locator('#headcounts-table')).to_contain_text(f'{words["row"]}\xa0%')

    group = page.locator('.tab-group[data-group="monitoring"]')
    group.locator('summary').click()
    group.get_by_role('link', name=words['tab'], exact=True).click()
    page.wait_for_url('**/workspace/gender/')
    expect(page.locator('#women-chart polyline')).to_have_count(1)
    expect(page.locator('#women-chart .target-line')).to_have_count(1)
    expect(page.locator('#women-table tbody tr')).to_have_count(1)
    expect(page.locator('#women-table tbody')).to_contain_text(f'{words["row"]}\xa0%')
    expect(page.locator('#women-targets li')).to_have_count(1)
    expect(page.locator('#marker-table')).to_contain_text(words['marker'])
    expect(page.locator('#sex-indicators')).to_be_visible()
    screenshot(page, f'gender-{language}-1280', full_page=True)
    assert not axe_violations(page)

    page.set_viewport_size({'width': 390, 'height': 844})
    page.reload()
    assert page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')
    screenshot(page, f'gender-{language}-390', full_page=True)
    assert not axe_violations(page)
