"""The progress report in Chromium, with the interface in English and in French: from Liberia's workspace, open the
Monitoring tab's progress report, ask for the French report of UNOMIL's first year, read it with its links to the
resolution's paragraphs, and download it as a PDF and as a Word document."""

import io

import pytest
from docx import Document as WordDocument
from playwright.sync_api import expect
from pypdf import PdfReader

from .language import switch_language

pytestmark = pytest.mark.browser

LINK = {'en': 'Progress report', 'fr': 'Rapport sur les progrès'}


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_viewer_makes_and_downloads_the_french_progress_report(page, log_in, screenshot, axe_violations, language):
    log_in(page, 'viewer')
    switch_language(page, language)
    page.goto('/countries/LBR/workspace/')
    group = page.locator('#workspace-tabs .tab-group[data-group="monitoring"]')
    group.locator('summary').click()
    group.get_by_role('link', name=LINK[language]).click()
    page.wait_for_url('**/countries/LBR/workspace/report/')
    form = page.locator('#report-form')
    form.locator('input[name="from"]').fill('1993-10-01')
    form.locator('input[name="to"]').fill('1994-09-30')
    form.locator('select[name="lang"]').select_option('fr')
    form.locator('button[type=submit]').click()
    report = page.locator('#progress-report')
    expect(report).to_have_attribute('lang', 'fr')
    expect(report.locator('#report-mandated h2')).to_have_text('Ce que le Conseil de sécurité a prescrit')
    expect(report.locator('#report-mandated li').first).to_contain_text('résolution S/RES/866 (1993), paragraphe 3')
    expect(report.locator('#report-changed')).to_contain_text('Aucun indicateur n’est enregistré')
    expect(report.locator('#report-references h2')).to_have_text('Références')
    first_reference = report.locator('#report-references li').first
    expect(first_reference).to_contain_text('S/RES/866 (1993)')
    screenshot(page, f'progress-report-lbr-ui-{language}', full_page=True)
    assert not axe_violations(page)

    with page.expect_download() as download:
        page.locator('#report-pdf').click()
    assert download.value.suggested_filename == 'ssrhub-progress-report-LBR-1993-10-01-1994-09-30-fr.pdf'
    pdf = PdfReader(io.BytesIO(open(download.value.path(), 'rb').read()))
    text = ' '.join(p.extract_text() for p in pdf.pages)
    assert 'Rapport sur les progrès' in text and 'S/RES/866 (1993), paragraphe 3 (b)' in text
    with page.expect_download() as download:
        page.locator('#report-docx').click()
    document = WordDocument(download.value.path())
    assert 'Ce que le pays a fait' in [p.text for p in document.paragraphs]

    # On a phone, the form and the report reflow within the screen.
    page.set_viewport_size({'width': 390, 'height': 844})
    assert page.evaluate('document.documentElement.scrollWidth') <= 390
    screenshot(page, f'progress-report-lbr-phone-{language}', full_page=True)
