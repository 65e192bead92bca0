"""Results frameworks in a browser, in English and French: Liberia's editor opens the Monitoring tab, adds a
framework for the national plan (it starts with the levels Impact > Outcome > Output), an outcome, copies two
indicators from the library into it (one with its baseline, one whose baseline is not available), sets a percentage
target for 2026 and reads the framework page at 1280 and 390 px. Screenshots in test-artifacts/."""

import re

import pytest
from playwright.sync_api import expect

from .language import switch_language

pytestmark = pytest.mark.browser

WORDS = {
    'en': {
        'levels': ['Impact', 'Outcome', 'Output'],
        'women': 'Share of women among police personnel',
        'trust': 'Share of people who trust the police',
        'target': '22.5%',
        'baseline': '17.0%',
        'sdg_title': 'Proportions of positions in national and local institutions',
        'copied': 'Copied',
        'not_available': 'baseline not available',
    },
    'fr': {
        'levels': ['Impact', 'Effet', 'Produit'],
        'women': 'Proportion de femmes parmi les effectifs de la police',
        'trust': 'Proportion de la population qui fait confiance à la police',
        'target': '22,5\u00a0%',
        'baseline': '17,0\u00a0%',
        'sdg_title': 'Répartition des postes dans les institutions nationales et locales',
        'copied': 'copié dans le résultat',
        'not_available': 'valeur de référence non disponible',
    },
}


def copy_from_library(page, title: str, result_label: str, code: str, baseline: dict) -> None:
    page.goto('/monitoring/library/')
    page.locator('#object-table').get_by_role('link', name=title, exact=True).click()
    page.locator('#copy-indicator').click()
    page.locator('#id_result').select_option(label=result_label)
    page.locator('#id_code').fill(code)
    for name, value in baseline.items():
        page.locator(f'#id_{name}').fill(value)
    page.locator('#copy-form button[type=submit]').click()
    expect(page.locator('#indicator-title')).to_contain_text(title)


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_an_editor_builds_a_framework_for_the_plan_and_copies_two_library_indicators(
    page, log_in, screenshot, language
):
    words = WORDS[language]
    log_in(page, 'editor')
    switch_language(page, language)
    page.goto('/countries/LBR/workspace/')
    page.locator('#workspace-tabs .tab-group[data-group="monitoring"] summary').click()
    page.locator('#workspace-tabs a[href$="/workspace/frameworks/"]').click()
    expect(page.locator('#framework-filters')).to_be_visible()
    page.locator('#add-framework').click()
    title = f'Police reform results ({language})'
    page.locator('#id_title').fill(title)
    page.locator('#id_plan').select_option(label='Implementation Schedule of the National Security Strategy (ISL)')
    page.locator('#id_start').fill('2024-01-01')
    page.locator('#id_end').fill('2026-12-31')
    page.locator('#monitoring-form button[type=submit]').click()
    expect(page.locator('#framework-title')).to_have_text(title)
    expect(page.locator('#level-list > li')).to_have_count(3)
    for name in words['levels']:
        expect(page.locator('#level-list')).to_contain_text(name)

    page.locator('#add-result').click()
    page.locator('#id_level').select_option(label=words['levels'][1])
    page.locator('#id_code').fill('1')
    page.locator('#id_statement').fill('The police are trusted by the people they serve')
    page.locator('#id_actions').get_by_label(re.compile('Deploy national security officers')).check()
    page.locator('#monitoring-form button[type=submit]').click()
    result = page.locator('.result-card').first
    expect(result).to_contain_text('The police are trusted by the people they serve')
    expect(result).to_contain_text('Deploy national security officers')

    label = f'{title} – 1 The police are trusted by the people they serve'
    copy_from_library(page, words['women'], label, '1.a', {'baseline_value': '17', 'baseline_date': '2016-12-31'})
    expect(page.locator('.alert-success, .messages, [role=status]').first).to_contain_text(words['copied'])
    expect(page.locator('#indicator-baseline')).to_contain_text(words['baseline'])
    expect(page.locator('#indicator-sdg')).to_contain_text('16.7.1')
    expect(page.locator('#indicator-sdg')).to_contain_text(words['sdg_title'])
    page.locator('#add-period').click()
    page.locator('#id_label').fill('2026')
    page.locator('#id_start').fill('2026-01-01')
    page.locator('#id_end').fill('2026-12-31')
    page.locator('#id_target_numerator').fill('900')
    page.locator('#id_target_denominator').fill('4000')
    page.locator('#monitoring-form button[type=submit]').click()
    expect(page.locator('#period-table')).to_contain_text(words['target'])
    screenshot(page, f'monitoring-indicator-{language}', full_page=True)

    copy_from_library(page, words['trust'], label, '1.b', {'baseline_reason': 'First national survey in 2025'})
    page.locator('main a', has_text=title).first.click()
    indicators = page.locator('.result-card .indicator-list > li')
    expect(indicators).to_have_count(2)
    expect(indicators.nth(0)).to_contain_text(words['women'])
    expect(indicators.nth(0)).to_contain_text(words['target'])
    expect(indicators.nth(1)).to_contain_text(words['not_available'])
    screenshot(page, f'monitoring-framework-{language}', full_page=True)
    framework_url = page.url
    page.goto('/monitoring/library/')
    expect(page.locator('#library-unsentenced-detainees')).to_contain_text('16.3.2')
    screenshot(page, f'monitoring-library-{language}', full_page=True)
    page.goto('/monitoring/sdg/')
    expect(page.locator('[id="sdg-16.7.1"]')).to_contain_text(words['women'])
    screenshot(page, f'monitoring-sdg-{language}', full_page=True)
    page.goto(framework_url)
    page.set_viewport_size({'width': 390, 'height': 844})
    width = page.evaluate('document.documentElement.scrollWidth')
    assert width <= 390, f'the framework page is {width} px wide at 390 px'
    screenshot(page, f'monitoring-framework-phone-{language}', full_page=True)
