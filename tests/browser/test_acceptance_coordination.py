"""Issue 12's acceptance, in Chromium: an administrator imports the real IATI file and the Afghanistan 3W table
through the pages; then Liberia's country editor records by hand two activities of two bilateral donors, each with a
commitment in US dollars over overlapping periods, links both to the same action of Liberia's plan (one from the
suggestions of the link page, one from the add link under the action), and sees on the plan's funding page the
action's financing gap go down by the committed amounts and the possible duplication of the pair appear; dismissing it
as a person would changes the flag. The same pages are then read in French."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from ssrhub.coordination.models import Activity, ActivityLink, IatiImport
from ssrhub.countries.models import Action
from ssrhub.finance.models import DuplicationReview

from .language import switch_language

pytestmark = pytest.mark.browser

COST = Decimal('1500000')
DONORS = (
    {
        'identifier': 'US-GOV-1-LBR-NSS-BUDGET',
        'organisation': 'Government of the United States',
        'title': 'Support to the national security budget',
        'start': '2025-01-01',
        'end': '2026-12-31',
        'committed': '500000',
    },
    {
        'identifier': 'GB-GOV-1-LBR-NSS-BUDGET',
        'organisation': 'Government of the United Kingdom',
        'title': 'Security sector budget advisers',
        'start': '2025-07-01',
        'end': '2027-06-30',
        'committed': '400000',
    },
)


def amount(number: int) -> re.Pattern:
    """An amount as the funding page writes it, grouped with a comma (English) or a no-break space (French)."""
    text = f'{number:,}'.replace(',', r'\D?')
    return re.compile(rf'^{text}$')


def fill_activity(page, donor: dict, screenshot=None):
    """The workspace's add form: the activity, its funder, its sector and its commitment in US dollars."""
    page.locator('#id_iati_identifier').fill(donor['identifier'])
    page.locator('#id_reporting_organisation').select_option(label=donor['organisation'])
    page.locator('#id_title').fill(donor['title'])
    page.locator('#id_status').select_option('2')
    page.locator('#id_planned_start').fill(donor['start'])
    page.locator('#id_planned_end').fill(donor['end'])
    page.locator('#id_default_currency').fill('USD')
    page.locator('#id_participants-0-organisation').select_option(label=donor['organisation'])
    page.locator('#id_participants-0-role').select_option('1')
    page.locator('#id_sectors-0-code').fill('15210')
    page.locator('#id_sectors-0-percentage').fill('100')
    page.locator('#id_transactions-0-type').select_option('2')
    page.locator('#id_transactions-0-date').fill(donor['start'])
    page.locator('#id_transactions-0-value').fill(donor['committed'])
    page.locator('#id_transactions-0-currency').fill('USD')
    if screenshot:
        screenshot(page, 'acceptance-add-activity', full_page=True)
    page.locator('form.edit-form button[type=submit]').click()
    expect(page.get_by_role('heading', level=1)).to_have_text(donor['title'])


def test_import_then_record_two_donors_and_see_the_gap_and_the_duplication(
    page, log_in, screenshot, axe_violations, shared_data
):
    # Section: the IATI file and the 3W table, through their pages
    log_in(page, 'admin')
    page.goto('/')
    menu = page.get_by_test_id('menu-coordination')
    menu.locator('.dropdown-toggle').click()
    menu.get_by_role('link', name='Import an IATI file').click()
    page.get_by_label('IATI activity file').set_input_files(str(shared_data('iati/dportal-covid-export-2.03.xml')))
    page.get_by_role('button', name='Import', exact=True).click()
    expect(page.locator('#import-status')).to_have_text('Imported', timeout=60000)
    expect(page.locator('#import-summary')).to_contain_text('282')
    assert IatiImport.objects.get().status == 'done'
    assert Activity.objects.filter(origin='iati').count() == 282
    screenshot(page, 'acceptance-iati-report')

    page.goto('/countries/AFG/workspace/3w/import/')
    page.get_by_label('3W table (CSV or XLSX)').set_input_files(str(shared_data('hxl/afghanistan-3w-2024q1.csv')))
    page.locator('#hxl-form button[type=submit]').click()
    summary = page.locator('#hxl-summary')
    expect(summary).to_contain_text(re.compile(r'10\D?902'), timeout=60000)
    expect(page.locator('#hxl-matrix')).to_be_visible()
    screenshot(page, 'acceptance-3w-preview')
    if page.locator('#hxl-confirm-form fieldset').count():
        page.locator('#org-0-new').check()  # one unknown organisation created; the others' rows are left out
    page.locator('#hxl-confirm-form button[type=submit]').click()
    page.wait_for_url('**/3w/import/*/', timeout=120000)
    expect(page.locator('#threew-summary')).to_contain_text('Activities created')
    stored = Activity.objects.filter(origin='3w', country__iso3='AFG').count()
    assert stored > 0
    assert int(re.sub(r'\D', '', page.locator('#threew-created').inner_text())) == stored
    screenshot(page, 'acceptance-3w-applied')

    # Section: Liberia's editor records two donors' activities by hand
    budget = Action.objects.get(document__country__iso3='LBR', title='Prepare a security sector budget')
    budget.cost, budget.currency = COST, 'USD'  # the plan costs the action (the demo's plan gives no costs)
    budget.save()
    plan = budget.document
    # The demo links the action already (the 2011-2012 expenditure review, which reports no money).
    linked_before = ActivityLink.objects.filter(action=budget).count()
    log_in(page, 'editor')
    page.goto(f'/countries/LBR/workspace/documents/{plan.pk}/')
    page.locator('#plan-funding-link').click()
    row = page.locator(f'#funding-action-{budget.pk}')
    expect(row.locator('[data-gap]')).to_have_text(amount(1500000))
    pair = page.locator('#funding-duplications li[data-state]').filter(has_text='Government of the United States')
    expect(pair).to_have_count(0)

    page.goto('/countries/LBR/workspace/')
    # The Coordination tab opens on its pages.
    page.locator('#workspace-tabs .tab-group[data-group="coordination"] summary').click()
    page.locator('#workspace-tabs').get_by_role('link', name='Activities').click()
    page.locator('#add-activity').click()
    fill_activity(page, DONORS[0], screenshot)
    page.locator('#links').get_by_role('link', name='Add a link').click()
    suggestions = page.locator('#action-suggestions')
    expect(suggestions).to_contain_text('Prepare a security sector budget')
    screenshot(page, 'acceptance-link-suggestions', full_page=True)
    assert not axe_violations(page)
    suggestions.get_by_role('link', name=re.compile('Prepare a security sector budget')).click()
    expect(page.locator('#id_action')).to_have_value(str(budget.pk))
    page.locator('form.edit-form button[type=submit]').click()
    expect(page.locator('#links')).to_contain_text('Prepare a security sector budget')

    page.goto(plan.get_absolute_url())
    panel = page.locator(f'#action-activities-{budget.pk}')
    expect(panel).to_contain_text(DONORS[0]['title'])
    panel.get_by_role('link', name='Add an activity for this action').click()
    expect(page.locator('#linked-action')).to_contain_text('Prepare a security sector budget')
    fill_activity(page, DONORS[1])
    assert ActivityLink.objects.filter(action=budget).count() == linked_before + 2

    page.goto(plan.get_absolute_url())
    expect(panel.locator('li')).to_have_count(linked_before + 2)
    page.locator(f'#action-{budget.pk}').scroll_into_view_if_needed()
    screenshot(page, 'acceptance-plan-action-activities')

    # Section: the funding page: the gap less 500,000 and 400,000, and the pair flagged
    page.locator('#plan-funding-link').click()
    expect(row.locator('[data-gap]')).to_have_text(amount(600000))
    flags = pair.filter(has_text='Government of the United Kingdom')
    expect(flags).to_have_count(1)
    expect(flags).to_have_attribute('data-state', 'open')
    expect(page.locator('#funding-partners')).to_contain_text('Government of the United Kingdom')
    screenshot(page, 'acceptance-funding-flagged', full_page=True)
    assert not axe_violations(page)
    flags.locator('select').select_option('dismissed')
    flags.locator('textarea').fill('Two phases of the same budget reform, agreed between the donors.')
    flags.locator('button[type=submit]').click()
    expect(page.locator('#funding-duplications li[data-state="dismissed"]')).to_have_count(1)
    assert DuplicationReview.objects.get().decision == 'dismissed'

    # Section: the same in French
    switch_language(page, 'fr')
    expect(page.locator('#funding-summary')).to_contain_text('Déficit')
    expect(row.locator('[data-gap]')).to_have_text(amount(600000))
    expect(page.locator('#funding-duplications li[data-state="dismissed"]')).to_contain_text('Écarté')
    screenshot(page, 'acceptance-funding-dismissed-fr', full_page=True)
    page.goto('/countries/LBR/workspace/activities/?linked=true')
    table = page.locator('#object-table tbody tr')
    linked = Activity.objects.filter(country__iso3='LBR', links__kind='action').distinct().count()
    expect(table).to_have_count(linked)
    expect(page.locator('#object-table')).to_contain_text('Government of the United Kingdom')
    expect(page.get_by_role('link', name='Ajouter une activité')).to_be_visible()
    screenshot(page, 'acceptance-workspace-activities-fr', full_page=True)
    assert not axe_violations(page)
