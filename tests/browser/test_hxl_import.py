"""The 3W import page in French: upload a table, read the preview, confirm one match and one new
organisation, apply (the rows stored as activities), then open the 3W matrix and drill down from a cell."""

import pytest
from playwright.sync_api import expect

from ssrhub.coordination.models import Activity, Organisation, Origin

pytestmark = pytest.mark.browser

URL = '/countries/LBR/workspace/3w/import/'
TABLE = (
    'Organisation,Sigle,Type,Secteur,Comté,Code comté,Date de début\n'
    '#org+name,#org+acronym,#org+type,#sector,#adm1+name,#adm1+code,#date+start\n'
    'Liberian National Police Service,LNP,Government,Police,Montserrado,LR11,2024-01-15\n'
    'Search for Common Ground,SFCG,INGO,Justice,Bong,LR01,2024-02-01\n'
    'Search for Common Ground,SFCG,INGO,Justice,Bong,LR01,2024-02-01\n'
    'Carter Center,,INGO,Justice,,,2024-02-30\n'
)
WORDS = {
    'fr': ('Ligne de hashtags\u00a0: ligne 2', 'nom de l’organisation', 'Ligne 6\u00a0: aucune zone administrative',
           'Activités créées'),
}  # fmt: skip


# French only: its French sentences take the English ones' code paths; test_phone.py keeps these pages in English.
@pytest.mark.parametrize('language', ['fr'])
def test_upload_preview_confirm(page, live_server, log_in, screenshot, axe_violations, language):
    police = Organisation.objects.create(name='Liberia National Police', acronym='LNP')
    log_in(page, 'editor')
    page.context.add_cookies([{'name': 'django_language', 'value': language, 'url': live_server.url}])
    page.goto(URL)
    heading, field, refused, applied = WORDS[language]
    page.locator('#id_file').set_input_files(
        files=[{'name': 'lbr-3w.csv', 'mimeType': 'text/csv', 'buffer': TABLE.encode()}]
    )
    page.locator('#hxl-form button[type=submit]').click()
    expect(page.locator('#hxl-preview')).to_contain_text(heading)
    expect(page.locator('#hxl-mapping tbody tr')).to_have_count(7)
    expect(page.locator('#hxl-mapping')).to_contain_text(field)
    expect(page.locator('#hxl-issues')).to_contain_text(refused)
    expect(page.locator('#hxl-summary')).to_contain_text('4')
    expect(page.locator('#hxl-confirm-form fieldset')).to_have_count(2)
    expect(page.locator('#hxl-matrix tbody tr')).to_have_count(2)
    expect(page.locator('#hxl-matrix tfoot')).to_contain_text('2')
    page.locator(f'#org-0-{police.pk}').check()
    page.locator('#org-1-new').check()
    screenshot(page, f'hxl-import-preview-{language}', full_page=True)
    assert not axe_violations(page)
    page.locator('#hxl-confirm-form button[type=submit]').click()
    page.wait_for_url('**/3w/import/*/')
    expect(page.locator('#threew-summary')).to_contain_text(applied)
    expect(page.locator('#threew-created')).to_have_text('2')
    screenshot(page, f'hxl-import-applied-{language}', full_page=True)
    police.refresh_from_db()
    assert police.aliases == ['Liberian National Police Service']
    assert Organisation.objects.filter(name='Search for Common Ground', acronym='SFCG').exists()
    assert Activity.objects.filter(origin=Origin.THREE_W, country__iso3='LBR').count() == 2
    page.locator('#threew-open-matrix').click()
    page.wait_for_url('**/countries/LBR/workspace/3w/')
    page.locator('#id_origin').select_option('3w')
    page.locator('#threew-matrix-form button[type=submit]').click()
    expect(page.locator('#threew-total')).to_have_text('2')
    screenshot(page, f'threew-matrix-{language}', full_page=True)
    assert not axe_violations(page)
    page.locator('#threew-matrix a.threew-cell').first.click()
    page.wait_for_url('**/coordination/activities/?*')
    expect(page.locator('table tbody tr')).to_have_count(1)
    screenshot(page, f'threew-drill-{language}', full_page=True)
    page.set_viewport_size({'width': 390, 'height': 844})
    for url in (URL, '/countries/LBR/workspace/3w/', '/coordination/3w/'):
        page.goto(url)
        assert page.evaluate('document.documentElement.scrollWidth') <= 390, url
    screenshot(page, f'threew-matrix-phone-{language}', full_page=True)
