"""Issue 13's acceptance walk, in French: Liberia's editor builds a small results framework for the national plan,
copies two indicators from the library, sets targets, chooses the sex disaggregation and reports two periods; the
administrator (another person: four eyes) approves them and the framework's dashboard draws them. The editor then
imports KoboToolbox answers into the demo survey, stores a formula by sex as the third period's draft report, which
is approved in turn: the dashboard draws a third point. Last, the French progress report says what changed, on the
page and in the PDF. Screenshots in test-artifacts/ (acceptance-monitoring-*)."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from ssrhub.coordination.models import Organisation
from ssrhub.monitoring.models import ActualReport, Indicator, SurveyVersion
from ssrhub.monitoring.survey_demo import DEMO_TITLE
from ssrhub.monitoring.tests.survey_files import DATA, KOBO_VERSION

from .language import switch_language
from .test_monitoring_frameworks import copy_from_library

pytestmark = pytest.mark.browser

TITLE = 'Confiance dans la police (recette)'
STATEMENT = 'La population fait confiance à la police'
TRUST = 'Proportion de la population qui fait confiance à la police'
WOMEN = 'Proportion de femmes parmi les effectifs de la police'
# Period, target (%), and the total, women's and men's numerators out of 1,000 people asked (500 women, 500 men).
PERIODS = [('2024', '45', ('460', '200', '260')), ('2025', '50', ('440', '190', '250')), ('2026', '55', None)]


def chart_points(page, indicator):
    return page.locator(f'#indicator-{indicator.pk} svg.indicator-chart circle')


def report_period(page, indicator, period, numerators, government):
    """Report one period's values as the signed-in editor (the total and each sex out of 500) and submit them."""
    page.goto(f'/countries/LBR/workspace/monitoring/actuals/indicators/{indicator.pk}/')
    page.locator(f'#period-{period.pk} a.btn').click()
    page.locator('#id_organisation').select_option(str(government.pk))
    page.locator('form.edit-form button[type=submit]').click()
    cells = zip(('total', 'female', 'male'), numerators, ('1000', '500', '500'), strict=True)
    for cell, numerator, denominator in cells:
        page.locator(f'[data-cell="{cell}"] input[name$="-numerator"]').fill(numerator)
        page.locator(f'[data-cell="{cell}"] input[name$="-denominator"]').fill(denominator)
    page.locator('[data-cell="total"] input[name$="-source"]').fill('Enquête de perception, ministère de la Justice')
    page.locator('#save-values').click()
    page.locator('#step-submit').click()
    expect(page.locator('#report-status [data-status]')).to_have_attribute('data-status', 'submitted')
    return page.url


def approve(reviewer, url):
    reviewer.goto(url)
    reviewer.locator('#step-approve').click()
    expect(reviewer.locator('#report-status [data-status]')).to_have_attribute('data-status', 'approved')


def test_framework_actuals_survey_dashboard_and_french_report(page, browser, live_server, log_in, screenshot):
    government = Organisation.objects.get(name='Government of Liberia')
    log_in(page, 'editor')
    switch_language(page, 'fr')

    # A framework for the national plan, with one outcome.
    page.goto('/countries/LBR/workspace/')
    page.locator('#workspace-tabs .tab-group[data-group="monitoring"] summary').click()
    page.locator('#workspace-tabs a[href$="/workspace/frameworks/"]').click()
    page.locator('#add-framework').click()
    page.locator('#id_title').fill(TITLE)
    page.locator('#id_plan').select_option(label='Implementation Schedule of the National Security Strategy (ISL)')
    page.locator('#id_start').fill('2024-01-01')
    page.locator('#id_end').fill('2026-12-31')
    page.locator('#monitoring-form button[type=submit]').click()
    expect(page.locator('#framework-title')).to_have_text(TITLE)
    framework_url = page.url
    page.locator('#add-result').click()
    page.locator('#id_level').select_option(label='Effet')
    page.locator('#id_code').fill('1')
    page.locator('#id_statement').fill(STATEMENT)
    page.locator('#monitoring-form button[type=submit]').click()

    # Two indicators copied from the library; the second gets a target for each year.
    result_label = f'{TITLE} – 1 {STATEMENT}'
    copy_from_library(page, WOMEN, result_label, '1.a', {'baseline_value': '17', 'baseline_date': '2016-12-31'})
    copy_from_library(page, TRUST, result_label, '1.b', {'baseline_value': '40', 'baseline_date': '2023-12-31'})
    trust = Indicator.objects.get(result__framework__title=TITLE, code='1.b')
    for label, target, _values in PERIODS:
        page.locator('#add-period').click()
        page.locator('#id_label').fill(label)
        page.locator('#id_start').fill(f'{label}-01-01')
        page.locator('#id_end').fill(f'{label}-12-31')
        page.locator('#id_target').fill(target)
        page.locator('#monitoring-form button[type=submit]').click()
        expect(page.locator('#period-table')).to_contain_text(label)
    periods = {period.label: period for period in trust.periods.all()}

    # Nothing approved yet: the dashboard lists both indicators without a point.
    page.goto(framework_url)
    page.locator('#framework-dashboard').click()
    expect(page.locator('#indicators-heading')).to_be_visible()
    expect(chart_points(page, trust)).to_have_count(0)
    screenshot(page, 'acceptance-monitoring-dashboard-empty', full_page=True)

    # The sex disaggregation, then 2024 and 2025 reported and submitted.
    page.goto(framework_url)
    page.locator(f'#indicator-{trust.pk} a').first.click()
    page.locator('#indicator-actuals').click()
    page.get_by_label('Sexe', exact=True).check()
    page.locator('form[action$="/disaggregations/"] button[type=submit]').click()
    expect(page.locator('main')).to_contain_text('Sexe')
    urls = [report_period(page, trust, periods[label], values, government) for label, _target, values in PERIODS[:2]]
    screenshot(page, 'acceptance-monitoring-report-submitted', full_page=True)

    # Another person approves them.
    reviewer = browser.new_context(viewport={'width': 1280, 'height': 900}, base_url=live_server.url).new_page()
    log_in(reviewer, 'admin')
    switch_language(reviewer, 'fr')
    for url in urls:
        approve(reviewer, url)

    page.goto(framework_url)
    page.locator('#framework-dashboard').click()
    expect(chart_points(page, trust)).to_have_count(2)
    expect(page.locator('#at-risk')).to_contain_text(TRUST)  # 44 % in 2025: less than half way from 40 % to 50 %
    screenshot(page, 'acceptance-monitoring-dashboard-two-periods', full_page=True)

    # KoboToolbox answers imported into the demo survey.
    page.goto('/countries/LBR/workspace/surveys/')
    page.get_by_role('link', name=DEMO_TITLE).click()
    page.locator('#survey-import').click()
    version = SurveyVersion.objects.get(survey__title=DEMO_TITLE, version='2026.1')
    page.locator('#id_version').select_option(str(version.pk))
    page.locator('#id_file').set_input_files(str(DATA / 'kobo-public-trust.csv'))
    page.locator('#id_kobo_version').fill(KOBO_VERSION)
    page.locator('#import-preview-button').click()
    page.locator('#import-apply').click()
    expect(page.locator('#import-created')).to_have_text('3', timeout=20_000)
    screenshot(page, 'acceptance-monitoring-survey-import', full_page=True)

    # A formula by sex, stored as 2026's draft report, submitted, then approved by the administrator.
    page.get_by_role('link', name=DEMO_TITLE).click()
    expect(page.locator('#submissions-heading')).to_contain_text('303 soumissions')
    page.locator('#survey-formula').click()
    page.locator('#id_formula').fill("percent(trust_police in ('2', '3')) by sex")
    page.get_by_role('button', name='Calculer').click()
    page.locator('#actual-period').select_option(str(periods['2026'].pk))
    page.locator('#actual-organisation').select_option(str(government.pk))
    page.locator('#survey-actual-submit').click()
    page.wait_for_url('**/actuals/reports/*/')
    expect(page.locator('#report-survey')).to_contain_text('303 réponses lues')
    page.locator('#step-submit').click()
    expect(page.locator('#report-status [data-status]')).to_have_attribute('data-status', 'submitted')
    approve(reviewer, page.url)
    survey_report = ActualReport.objects.get(period=periods['2026'])
    assert sorted(value.category.code for value in survey_report.values.exclude(category=None)) == ['female', 'male']
    reviewer.context.close()

    page.goto(framework_url)
    page.locator('#framework-dashboard').click()
    expect(chart_points(page, trust)).to_have_count(3)
    screenshot(page, 'acceptance-monitoring-dashboard-three-periods', full_page=True)

    # The French progress report says what changed, on the page and in the PDF.
    page.goto('/countries/LBR/workspace/report/')
    form = page.locator('#report-form')
    form.locator('input[name="from"]').fill('2024-01-01')
    form.locator('input[name="to"]').fill('2026-12-31')
    form.locator('select[name="lang"]').select_option('fr')
    form.locator('button[type=submit]').click()
    changed = page.locator('#progress-report #report-changed')
    expect(changed).to_contain_text(TRUST)
    screenshot(page, 'acceptance-monitoring-progress-report', full_page=True)
    with page.expect_download() as download:
        page.locator('#report-pdf').click()
    assert download.value.suggested_filename.endswith('-fr.pdf')
    pdf = PdfReader(io.BytesIO(open(download.value.path(), 'rb').read()))
    text = re.sub(r'\s+', ' ', ' '.join(page_.extract_text() for page_ in pdf.pages))
    assert 'Rapport sur les progrès' in text and 'fait confiance à la police' in text
