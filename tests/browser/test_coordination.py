"""An editor uploads the real IATI file (the D-Portal export), reads the import report with the refused activities
and their lines, and opens an imported activity, in English; then reads the same import page, report and activity in
French (the file is imported once: importing it again in French would only repeat the import's work)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

TEXT = {
    'en': {
        'import': 'Import an IATI file', 'file': 'IATI activity file', 'button': 'Import',
        'refused': 'Refused activities', 'schema': 'does not follow the IATI 2.03 schema', 'status': 'Imported',
        'parts': ('Participating organisations', 'Sectors', 'Transactions', 'What this activity serves'),
        'note': 'accepted as rounding',
    },
    'fr': {
        'import': 'Importer un fichier IITA', 'file': "Fichier d'activités IITA",
        'button': 'Importer', 'refused': 'Activités refusées', 'schema': 'non conforme au schéma IITA 2.03',
        'status': 'Importé',
        'parts': ('Organisations participantes', 'Secteurs', 'Transactions', 'Ce que sert cette activité'),
        'note': 'accepté comme un arrondi',
    },
}  # fmt: skip


def _speak(page, live_server, language):
    page.context.add_cookies([{'name': 'django_language', 'value': language, 'url': live_server.url}])
    page.context.set_extra_http_headers({'Accept-Language': language})


def open_the_import_page(page, text):
    """The import page, from the Coordination menu, with its field and button."""
    page.goto('/')
    menu = page.get_by_test_id('menu-coordination')
    menu.locator('.dropdown-toggle').click()
    menu.get_by_role('link', name=text['import']).click()
    expect(page.get_by_role('heading', level=1)).to_have_text(text['import'])
    expect(page.get_by_label(text['file'])).to_be_visible()
    expect(page.get_by_role('button', name=text['button'], exact=True)).to_be_visible()


def read_the_report_and_open_an_activity(page, screenshot, axe_violations, language):
    text = TEXT[language]
    expect(page.locator('#import-status')).to_have_text(text['status'], timeout=60000)
    summary = page.locator('#import-summary')
    expect(summary).to_contain_text('401')
    expect(summary).to_contain_text('282')
    expect(summary).to_contain_text('119')
    refused = page.locator('#refused-activities tbody tr')
    expect(refused).to_have_count(119)
    expect(refused.first).to_contain_text('DAC-1601-INV-006200')
    expect(refused.first).to_contain_text(text['schema'])
    screenshot(page, f'iati-import-report-{language}', full_page=False)
    assert not axe_violations(page)

    page.locator('#stored-activities a', has_text='XM-DAC-41114-PROJECT-00127336').click()
    heading = page.get_by_role('heading', level=1)
    expect(heading).to_have_text('RRF COVID-19 Argentina')
    main = page.locator('main')
    for part in text['parts']:
        expect(main.get_by_role('heading', name=part)).to_be_visible()
    expect(main).to_contain_text('16050')
    expect(main).to_contain_text('United Nations Development Programme')
    screenshot(page, f'iati-activity-{language}', full_page=True)
    assert not axe_violations(page)

    noted = page.locator('#stored-activities')
    page.go_back()
    expect(noted).to_contain_text(text['note'])


def test_upload_the_iati_file_read_the_report_and_open_an_activity(
    page, live_server, log_in, screenshot, axe_violations, shared_data
):
    dportal = shared_data('iati/dportal-covid-export-2.03.xml')
    log_in(page, 'admin')
    _speak(page, live_server, 'en')
    open_the_import_page(page, TEXT['en'])
    page.get_by_label(TEXT['en']['file']).set_input_files(str(dportal))
    page.get_by_role('button', name=TEXT['en']['button'], exact=True).click()
    read_the_report_and_open_an_activity(page, screenshot, axe_violations, 'en')
    report = page.url

    _speak(page, live_server, 'fr')
    open_the_import_page(page, TEXT['fr'])
    page.goto(report)
    read_the_report_and_open_an_activity(page, screenshot, axe_violations, 'fr')
