"""An analyst uploads a resolution, reads its coded paragraphs, reviews codes and searches paragraphs."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / 'data'
SAMPLE = DATA / 'samples' / 'S_RES_2151_2014_EN.txt'
# Not in the browser tests' demo, which holds the resolutions of 1992-1994 (tests/browser/conftest.py).
RESOLUTION_696 = DATA / 'unsc-resolutions-1946-1994' / 'S_RES_0696_1991_EN_GOLD.txt'


def test_upload_review_and_search(page, log_in, screenshot, axe_violations):
    log_in(page, 'analyst')
    page.goto('/documents/')
    page.get_by_role('link', name='Add a document').click()
    page.get_by_label('Document file').set_input_files(str(RESOLUTION_696))
    page.get_by_role('button', name='Upload and code').click()
    expect(page.locator('.alert-success')).to_contain_text('Stored S/RES/696 (1991)')
    page.get_by_role('link', name='Open the document').click()
    expect(page.get_by_role('heading', level=1)).to_contain_text('S/RES/696 (1991)')

    # The demo data already holds resolution 2151: the same file again adds nothing.
    page.goto('/documents/upload/')
    page.get_by_label('Document file').set_input_files(str(SAMPLE))
    page.get_by_role('button', name='Upload and code').click()
    expect(page.locator('.alert-success')).to_contain_text('already holds this exact file')
    page.get_by_role('link', name='Open the document').click()
    expect(page.get_by_role('heading', level=1)).to_contain_text('S/RES/2151 (2014)')
    expect(page.locator('main')).to_contain_text('38 paragraphs: 18 preambular, 20 operative, 0 annex')
    op15 = page.locator('#p-15')
    expect(op15.locator('mark.evidence').first).to_be_visible()
    screenshot(page, 'document-2151', full_page=False)
    assert not axe_violations(page)

    op15.get_by_role('button', name='Reject Security sector reform (generic)').click()
    expect(page.locator('#p-15 .chip-rejected[data-code="ssr.generic"]')).to_contain_text('analyst')
    # Wait for the htmx request to finish: leaving the page at once would cancel it.
    with page.expect_response(lambda response: response.url.endswith('/review/') and response.ok):
        page.locator('#p-15').get_by_role('button', name='Mark reviewed').click()
    page.goto('/coding/agreement/')
    expect(page.locator('main')).to_contain_text('ssr.generic')

    page.goto('/paragraphs/')
    page.get_by_label('Words or "a phrase"').fill('"security sector reform"')
    expect(page.locator('#paragraph-results')).to_contain_text('paragraphs')
    expect(page.locator('#paragraph-results mark.evidence').first).to_be_visible()
    screenshot(page, 'paragraph-search', full_page=False)
    assert not axe_violations(page)

    page.goto('/documents/upload/')
    page.get_by_label('Document file').set_input_files(
        files=[{'name': 'broken.pdf', 'mimeType': 'application/pdf', 'buffer': b'%PDF-1.7 not really'}]
    )
    page.get_by_role('button', name='Upload and code').click()
    expect(page.get_by_role('alert')).to_contain_text('broken.pdf')
    assert '/documents/jobs/' in page.url
