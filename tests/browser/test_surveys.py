"""Surveys in French: the demo survey of Liberia answered through the web form, with a relevant skip (the police's
treatment asked only after contact with the police), a repeat added with htmx (an incident, whose "why not reported"
appears only when it was not reported) and a constraint refused with the form's own French message; then the
submission's page, the survey's page and a formula by sex, stored as an indicator's draft actual report (refused
first for the organisation whose report is approved)."""

import pytest
from playwright.sync_api import expect

from ssrhub.coordination.models import Organisation
from ssrhub.monitoring.models import ActualReport, IndicatorPeriod, Submission
from ssrhub.monitoring.survey_demo import DEMO_TITLE

pytestmark = pytest.mark.browser


# French only: the English labels take the same code paths (the view tests read them); test_phone.py opens the pages.
@pytest.mark.parametrize('language', ['fr'])
def test_answer_the_web_form_with_a_repeat_and_a_skip(page, live_server, log_in, screenshot, axe_violations, language):
    log_in(page, 'editor')
    page.context.add_cookies([{'name': 'django_language', 'value': language, 'url': live_server.url}])
    page.goto('/countries/LBR/workspace/surveys/')
    page.get_by_role('link', name=DEMO_TITLE).click()
    expect(page.locator('#version-list')).to_contain_text('Le formulaire web peut l’afficher.')
    page.locator('#survey-answer').click()
    page.wait_for_url('**/answer/')
    expect(page.locator('#group-trust > legend')).to_have_text('Confiance dans les services de sécurité')

    for field in ('q-sex-female', 'q-age_group-25_34', 'q-county-bong', 'q-trust_police-2', 'q-trust_army-1',
                  'q-trust_gendarmerie-8', 'q-trust_courts-3', 'q-report_channels-police'):  # fmt: skip
        page.locator(f'#{field}').check()
    page.locator('#q-household_size').fill('45')
    treatment = page.locator('#question-q-police_treatment')
    expect(treatment).to_have_count(0)
    page.locator('#q-contact_police-yes').check()  # relevant: the question appears (htmx redraws the form)
    expect(treatment).to_be_visible()
    page.locator('#q-contact_police-no').check()  # and is skipped again
    expect(treatment).to_have_count(0)

    page.locator('#q-victim-yes').check()
    expect(page.locator('#repeat-incidents')).to_be_visible()
    page.locator('#add-incidents').click()
    expect(page.locator('#repeat-incidents-1')).to_be_visible()
    page.locator('#r-incidents-1-incident_type-extortion').check()
    page.locator('#r-incidents-1-incident_reported-no').check()
    expect(page.locator('#question-r-incidents-1-why_not_reported')).to_be_visible()
    page.locator('#r-incidents-1-why_not_reported-fear').check()
    page.locator('#q-respondent_phone').fill('demo-99999')
    page.locator('#webform-save').click()
    expect(page.locator('#q-household_size-error')).to_have_text('Entre 1 et 30 personnes.')
    expect(page.locator('#webform-errors')).to_contain_text('1 réponse demande votre attention.')
    screenshot(page, f'survey-webform-refused-{language}', full_page=True)
    assert not axe_violations(page)

    page.locator('#q-household_size').fill('5')
    page.locator('#webform-save').click()
    page.wait_for_url('**/submissions/*/')
    expect(page.locator('#answer-trust_police')).to_have_text('Assez')
    expect(page.locator('#answer-respondent_phone')).to_have_text('demo-99999')  # the editor owns the demo survey
    screenshot(page, f'survey-submission-{language}', full_page=True)
    submission = Submission.objects.get(source='web')
    assert 'police_treatment' not in submission.answers
    assert submission.answers['incidents'] == [
        {'incident_type': 'extortion', 'incident_reported': 'no', 'why_not_reported': 'fear'}
    ]

    page.get_by_role('link', name=DEMO_TITLE).click()
    expect(page.locator('#submissions-heading')).to_contain_text('301 soumissions')
    screenshot(page, f'survey-page-{language}', full_page=True)
    page.locator('#survey-formula').click()
    page.locator('#id_formula').fill("percent(trust_police in ('2', '3')) by sex")
    page.get_by_role('button', name='Calculer').click()
    expect(page.locator('#formula-result tbody tr')).to_have_count(3)
    expect(page.locator('#formula-result')).to_contain_text('Femme')
    screenshot(page, f'survey-formula-{language}', full_page=True)
    assert not axe_violations(page)

    # Stored as the 2026 actual of trust in the police: the Government's report is the demo's, approved: refused.
    period = IndicatorPeriod.objects.get(
        indicator__result__framework__country__iso3='LBR', indicator__code='1.b', label='2026'
    )
    page.locator('#actual-period').select_option(str(period.pk))
    page.locator('#actual-organisation').select_option(str(Organisation.objects.get(name='Government of Liberia').pk))
    page.locator('#survey-actual-submit').click()
    expect(page.locator('#survey-actual-error')).to_contain_text('est approuvé')
    expect(page.locator('#survey-actual-error')).to_contain_text('il n’est pas modifié.')
    page.locator('#actual-organisation').select_option(
        str(Organisation.objects.get(name='United Nations Mission in Liberia').pk)
    )
    page.locator('#survey-actual-submit').click()
    page.wait_for_url('**/actuals/reports/*/')
    expect(page.locator('#report-survey')).to_contain_text('301 réponses lues')
    expect(page.locator('#report-status')).to_contain_text('Projet')
    screenshot(page, f'survey-actual-report-{language}', full_page=True)
    assert not axe_violations(page)
    report = ActualReport.objects.get(organisation__name='United Nations Mission in Liberia', period=period)
    assert (report.status, report.values.count(), report.survey_answers) == ('draft', 3, 301)
