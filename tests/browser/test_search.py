"""Search that finds, in English and French: paragraph search says "no result" with suggestions, sorts and
downloads; global search folds accents and counts its hits per kind (facets)."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from .language import switch_language

pytestmark = pytest.mark.browser

TEXT = {
    'en': {
        'no_result': 'No result: no paragraph matches this search.',
        'invalid': 'Check the filters',
        'close': '(close spelling)',
        'year': 'The same search in 1992',
        'sort': 'Sort by',
        'symbol': 'Document symbol',
        'words': 'Words or "a phrase"',
        'all_kinds': 'All kinds',
        'countries': 'Countries',
        'paragraphs': 'Paragraphs',
        'documents': 'Documents',
        'items': 'Framework items',
        'nothing': 'No result for',
        'did_you_mean': 'Did you mean:',
    },
    'fr': {
        'no_result': 'Aucun résultat\u00a0: aucun paragraphe ne correspond à cette recherche.',
        'invalid': 'Vérifiez les filtres',
        'close': '(orthographe proche)',
        'year': 'La même recherche en 1992',
        'sort': 'Trier par',
        'symbol': 'Cote du document',
        'words': 'Mots ou "expression exacte"',
        'all_kinds': 'Tous les types',
        'countries': 'Pays',
        'paragraphs': 'Paragraphes',
        'documents': 'Documents',
        'items': 'Éléments du cadre',
        'nothing': 'Aucun résultat pour',
        'did_you_mean': 'Vouliez-vous dire\u00a0:',
    },
}


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_paragraph_search_no_result_suggestions_sort_and_download(
    page, log_in, screenshot, axe_violations, language, tmp_path
):
    text = TEXT[language]
    log_in(page, 'viewer')
    switch_language(page, language)

    # Every French word, an English word the index lacks, a year without documents: "no result", with suggestions.
    page.goto('/paragraphs/?q=réforme du secteur de la sécurité')
    results = page.locator('#paragraph-results')
    expect(results).to_contain_text(text['no_result'])
    expect(results).not_to_contain_text(text['invalid'])
    screenshot(page, f'paragraph-search-no-result-{language}', full_page=True)
    assert not axe_violations(page)
    # The words of the index closest to the French ones, whatever the corpus holds ("reform sector security").
    page.get_by_role('link', name=text['close']).first.click()
    expect(results.locator('.paragraph-count')).to_contain_text(re.compile(r'\d+ paragraph'))
    expect(results.locator('mark').first).to_be_visible()

    page.goto('/paragraphs/?q=elephant')
    expect(results).to_contain_text(text['no_result'])
    page.goto('/paragraphs/?q=Mozambique&year=1850')
    expect(results).to_contain_text(text['no_result'])
    expect(results.locator('.paragraph-suggestions')).to_contain_text(text['year'])
    screenshot(page, f'paragraph-search-no-result-year-{language}', full_page=True)
    page.get_by_role('link', name=text['year']).click()
    expect(results.locator('article').first).to_contain_text('(1992)')

    # Sorted by symbol: the resolutions of 1992-1994 before S/RES/2151 (2014), in natural order (S/RES/727 before
    # S/RES/2151), on the page as in the download.
    page.goto('/paragraphs/')
    page.get_by_label(text['words']).fill('Secretary-General')
    page.get_by_label(text['sort']).select_option(label=text['symbol'])
    expect(page).to_have_url(re.compile(r'sort=symbol'))
    expect(results.locator('article').first).to_contain_text('S/RES/')
    first = results.locator('article').first.inner_text()
    screenshot(page, f'paragraph-search-sorted-{language}', full_page=False)
    shown = int(re.search(r'\d+', results.locator('.paragraph-count').inner_text()).group())

    with page.expect_download() as download_info:
        results.get_by_role('link', name='CSV').click()
    download = download_info.value
    assert download.suggested_filename.startswith('ssrhub-paragraphs-') and download.suggested_filename.endswith('.csv')
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding='utf-8-sig'))))
    assert len(rows) == shown
    symbol_column = next(iter(rows[0]))
    resolutions = list(dict.fromkeys(row[symbol_column] for row in rows if row[symbol_column].startswith('S/RES/')))
    assert resolutions[0] in first and resolutions[-1] == 'S/RES/2151 (2014)'
    assert resolutions == sorted(resolutions, key=lambda symbol: int(re.search(r'\d+', symbol).group()))
    with page.expect_download() as download_info:
        results.get_by_role('link', name='XLSX').click()
    assert download_info.value.suggested_filename.endswith('.xlsx')


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_global_search_folds_accents_and_counts_kinds(page, log_in, screenshot, axe_violations, language):
    text = TEXT[language]
    log_in(page, 'viewer')
    switch_language(page, language)

    page.goto("/search/?q=cote d'ivoire")
    facets = page.locator('.search-facets')
    expect(facets.locator('[data-kind="countries"]')).to_contain_text(text['countries'])
    country = page.locator('section[data-kind="countries"] .search-hit').first
    expect(country.locator('mark')).to_have_text(["Côte d'Ivoire"])
    screenshot(page, f'global-search-accents-{language}', full_page=True)

    page.locator('#global-search').fill('security sector reform')
    page.locator('#global-search').press('Enter')
    for kind, label in (('framework-items', 'items'), ('documents', 'documents'), ('paragraphs', 'paragraphs')):
        expect(facets.locator(f'[data-kind="{kind}"]')).to_contain_text(text[label])
    expect(facets.locator('a', has_text=text['all_kinds'])).to_have_attribute('aria-current', 'true')
    screenshot(page, f'global-search-facets-{language}', full_page=True)
    assert not axe_violations(page)

    facets.locator('[data-kind="paragraphs"]').click()
    expect(page).to_have_url(re.compile(r'kind=paragraphs'))
    expect(facets.locator('[data-kind="paragraphs"]')).to_have_attribute('aria-current', 'true')
    hits = page.locator('.search-hits .search-hit')
    expect(hits).to_have_count(20)
    expect(page.locator('.pagination')).to_be_visible()
    screenshot(page, f'global-search-paragraphs-{language}', full_page=False)
    first = hits.first.get_by_role('link').first
    href = first.get_attribute('href')
    first.click()
    anchor = href.split('#')[1]
    expect(page.locator(f'#{anchor}')).to_be_visible()
    expect(page.get_by_role('heading', level=1)).to_contain_text('S/RES/2151 (2014)')

    page.goto('/search/?q=securty sectr')
    expect(page.locator('#search-results')).to_contain_text(text['nothing'])
    expect(page.locator('.search-suggestions')).to_contain_text(text['did_you_mean'])
    page.locator('.search-suggestions').get_by_role('link', name='security sector', exact=True).click()
    expect(facets.locator('[data-kind="paragraphs"]')).to_be_visible()


def test_anonymous_global_search_shows_reference_data_only(page):
    page.goto('/search/?q=security sector reform')
    facets = page.locator('.search-facets')
    expect(facets.locator('[data-kind="framework-items"]')).to_be_visible()
    for kind in ('documents', 'paragraphs', 'actors', 'national-documents'):
        expect(facets.locator(f'[data-kind="{kind}"]')).to_have_count(0)


def test_paragraph_search_asks_once_for_the_same_results(page, log_in):
    """Typing brings the results once: the field losing focus, or typing in the header's search box, does not ask
    again for the results the page shows (a second swap would replace the links under the reader's click)."""
    log_in(page, 'viewer')
    page.goto('/paragraphs/')
    asked = []
    page.on('request', lambda request: asked.append(request.url) if '/paragraphs/?' in request.url else None)
    page.get_by_label(TEXT['en']['words']).fill('Secretary-General')
    expect(page.locator('#paragraph-results .paragraph-count')).to_contain_text(re.compile(r'\d+ paragraph'))
    page.get_by_label(TEXT['en']['sort']).focus()
    page.locator('#global-search').fill('Liberia')
    page.wait_for_timeout(1000)
    assert len(asked) == 1 and 'q=Secretary-General' in asked[0]

    page.get_by_label(TEXT['en']['sort']).select_option(label=TEXT['en']['symbol'])
    expect(page).to_have_url(re.compile(r'sort=symbol'))
    assert len(asked) == 2
