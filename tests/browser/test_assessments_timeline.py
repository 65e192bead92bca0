"""A country editor reads and compares the assessments of the Central African Republic, rates a new one, and reads
and extends its timeline, where the book's two dates for the CEM-RCA signing stay side by side.

The content is built by the same helpers as the view tests (``ssrhub/countries/tests``) on top of the demo data, so
the checks look for these records only.
"""

import re

import pytest
from playwright.sync_api import expect

from ssrhub.countries.tests.test_assessments import make_car_assessments
from ssrhub.countries.tests.test_timeline import make_car_timeline

pytestmark = pytest.mark.browser

ASSESSMENTS = '/countries/CAF/workspace/assessments/'
TIMELINE = '/countries/CAF/workspace/timeline/'


def test_scorecard_compare_and_rating_form(page, log_in, screenshot, axe_violations):
    baseline, review = make_car_assessments()
    log_in(page, 'editor')
    page.goto(ASSESSMENTS)
    # The demo may hold Central African assessments of its own: look for these two only.
    for assessment in (baseline, review):
        expect(page.locator(f'#assessment-table tr[data-assessment="{assessment.pk}"]')).to_contain_text(
            assessment.title
        )
    screenshot(page, 'countries-assessments', full_page=True)
    assert not axe_violations(page)

    page.get_by_role('link', name=baseline.title).click()
    page.wait_for_url(f'**{ASSESSMENTS}{baseline.pk}/')
    capacities = page.locator('#table-feature tr[data-code="feature.capacities"]')
    expect(capacities).to_contain_text('0 - absent')
    expect(capacities).to_contain_text('7,465 soldiers')
    expect(page.locator('#table-feature tr[data-code="feature.culture-of-service"]')).to_contain_text('not rated')
    expect(page.locator('#table-principle tbody tr')).to_have_count(10)
    screenshot(page, 'countries-assessment-car-2017', full_page=True)
    assert not axe_violations(page)

    page.goto(ASSESSMENTS)
    page.get_by_label('First assessment').select_option(str(review.pk))
    page.get_by_label('Second assessment').select_option(str(baseline.pk))
    page.locator('#compare-form').get_by_role('button', name='Compare').click()
    page.wait_for_url(re.compile(r'/compare/\?a=\d+&b=\d+'))
    expect(page.locator('#deltas-table tr[data-group="feature"]')).to_contain_text('+0.60')
    expect(page.locator('#compare-feature tr[data-code="feature.capacities"] [data-change]')).to_have_text(
        re.compile('improved')
    )
    screenshot(page, 'countries-assessment-compare', full_page=True)
    assert not axe_violations(page)

    page.goto(ASSESSMENTS)
    page.get_by_role('link', name='New assessment').click()
    page.get_by_label('Title').fill('Joint UN-AU-EU assessment')
    page.get_by_label('Date').fill('2020-03-31')
    legal = page.locator('fieldset[data-code="feature.legal-framework"]')
    legal.get_by_label('Score').select_option('2')
    culture = page.locator('fieldset[data-code="feature.culture-of-service"]')
    culture.get_by_label('Evidence').fill('Recruitment rules published, not applied')
    ownership = page.locator('fieldset[data-code="principle.national-ownership"]')
    ownership.get_by_label('Compliance').select_option('met')
    page.get_by_role('button', name='Save').click()
    expect(page.locator('#form-errors')).to_contain_text('1 item has an error.')
    expect(culture.locator('[role="alert"]')).to_have_text('Rate the item, or clear its evidence and source.')
    expect(culture.get_by_label('Score')).to_have_attribute('aria-invalid', 'true')
    culture.scroll_into_view_if_needed()
    screenshot(page, 'countries-assessment-form-error')
    assert not axe_violations(page)
    culture.get_by_label('Score').select_option('1')
    page.get_by_role('button', name='Save').click()
    page.wait_for_url(re.compile(rf'{ASSESSMENTS}\d+/$'))
    expect(page.locator('#assessment-summary [data-group="feature"]')).to_contain_text('1.5')


def test_timeline_shows_disagreeing_sources_and_takes_another_dated_source(page, log_in, screenshot, axe_violations):
    page.emulate_media(reduced_motion='reduce')  # charts.js then draws without animation: stable screenshots
    events = make_car_timeline()
    log_in(page, 'editor')
    page.goto(TIMELINE)
    expect(page.locator('canvas[data-chart="timeline"]')).to_have_attribute('data-chart-state', 'ready')
    cem = page.locator(f'#event-{events["cem"].pk}')
    expect(cem.locator('[data-disagree]')).to_have_text(re.compile('sources disagree'))
    expect(cem.locator('time')).to_have_count(6)  # three dates in the date column, three beside their sources
    expect(page.locator(f'#event-{events["nsp"].pk} [data-disagree]')).to_have_count(0)
    screenshot(page, 'countries-timeline-car', full_page=True)
    assert not axe_violations(page)

    agreement = page.locator(f'#event-{events["agreement"].pk}')
    agreement.get_by_role('link', name=re.compile('^Add a dated source')).click()
    page.wait_for_url(f'**{TIMELINE}events/{events["agreement"].pk}/dates/add/')
    expect(page.locator('.event-sources')).to_contain_text('6 February 2019')
    page.get_by_label('Date').fill('2019-02-05')
    page.get_by_label('Source').fill('Press release of the AU Commission')
    screenshot(page, 'countries-timeline-add-date', full_page=True)
    assert not axe_violations(page)
    page.get_by_role('button', name='Add the date').click()
    page.wait_for_url(f'**{TIMELINE}#event-{events["agreement"].pk}')
    expect(agreement.locator('[data-disagree]')).to_have_count(1)
    expect(agreement).to_contain_text('5 February 2019')
    expect(agreement).to_contain_text('6 February 2019')
