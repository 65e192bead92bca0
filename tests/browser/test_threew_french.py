"""The 3W matrix of Afghanistan (the 400-row extract in tests/data) and a 3W import's report read in French on a
phone: nothing wider than the window, the matrix scrolling inside its own box, axe-clean. Screenshots of both."""

from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .language import switch_language
from .test_phone import threew_import

pytestmark = pytest.mark.browser

EXTRACT = Path(__file__).resolve().parents[1] / 'data' / 'hxl' / 'afghanistan-3w-extract.csv'


def test_the_3w_pages_read_in_french_on_a_phone(page, log_in, screenshot, axe_violations):
    call_command(
        'hxl', 'import', str(EXTRACT), '--country', 'AFG', '--period', '2024Q1', '--create-unknown', verbosity=0
    )
    page.set_viewport_size({'width': 390, 'height': 844})
    log_in(page, 'admin')
    switch_language(page, 'fr')
    page.goto('/countries/AFG/workspace/3w/')
    screenshot(page, 'threew-matrix-afg-390-fr', full_page=True)
    expect(page.locator('#threew-matrix-caption')).to_have_text(
        '400 activités par organisation et secteur tel que publié'
    )
    expect(page.locator('main')).to_contain_text('avec moins d’activités, sont incluses dans les totaux')
    assert page.evaluate('document.documentElement.scrollWidth') <= 390
    assert axe_violations(page) == []
    record = threew_import()
    page.goto(f'/countries/AFG/workspace/3w/import/{record.pk}/')
    screenshot(page, 'threew-import-afg-390-fr', full_page=True)
    expect(page.locator('#threew-summary')).to_contain_text('Lignes lues')
    expect(page.locator('main')).to_contain_text('Téléversé le ')
    expect(page.locator('main')).not_to_contain_text('par —')  # no uploader: no "by"
    assert page.evaluate('document.documentElement.scrollWidth') <= 390
    assert axe_violations(page) == []
