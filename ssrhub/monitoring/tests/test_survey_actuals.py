"""A survey formula's result stored as an indicator's draft actual report: the rule from result to cells (plain),
the service on the KoboToolbox answers file of tests/data/surveys (totals and per-sex values, idempotent, refused
when submitted, approved or entered by hand, nothing written on a refusal), the page, the API and access; the
survey's history page and search."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.core.searching import global_search
from ssrhub.monitoring import actual_services
from ssrhub.monitoring.formula import compute, parse_formula
from ssrhub.monitoring.formula_actuals import FormulaActualError, actual_cells
from ssrhub.monitoring.models import ActualReport, ActualStep, Survey, SurveyImport, SurveyVersion
from ssrhub.monitoring.store import import_answers
from ssrhub.monitoring.survey_actuals import SurveyActualRefused, store_survey_actual
from ssrhub.monitoring.xlsform import read_form

from .actuals_data import make_indicator, organisation
from .survey_files import KOBO_VERSION, form_bytes, kobo_csv

TRUST_BY_SEX = "percent(trust_police in ('2', '3')) by sex"

# Section: from a result to cells (plain Python)

ANSWERS = [
    {'sex': 'female', 'trust': '3', 'size': '4'},
    {'sex': 'female', 'trust': '0', 'size': '5'},
    {'sex': 'male', 'trust': '2', 'size': '2'},
    {'trust': '9', 'size': '3'},
]


def cells(text, unit='percentage', decimals=1, sexes=('female', 'male', 'other')):
    return actual_cells(compute(parse_formula(text), ANSWERS), unit, decimals, sexes)


def test_a_percentage_by_sex_keeps_numerators_and_denominators_and_an_unanswered_sex_goes_to_other():
    assert [(c.category, c.numerator, c.denominator, c.n) for c in cells("percent(trust in ('2', '3')) by sex")] == [
        (None, 2, 4, 4),
        ('other', 0, 1, 1),
        ('female', 1, 2, 2),
        ('male', 1, 1, 1),
    ]


def test_a_mean_is_rounded_half_up_to_the_indicator_decimals():
    [total] = cells('mean(size)', unit='number', decimals=1)
    assert (str(total.value), total.numerator, total.n) == ('3.5', None, 4)
    [total] = cells('mean(size) where sex = "female"', unit='scale', decimals=0)
    assert str(total.value) == '5'  # 4.5 rounds up, not to the even 4


@pytest.mark.parametrize(
    ('text', 'unit', 'sexes', 'code', 'params'),
    [
        ('count()', 'percentage', None, 'unit', {'aggregate': 'count', 'unit': 'percentage'}),
        ('percent(trust = "1")', 'number', None, 'unit', {'aggregate': 'percent', 'unit': 'number'}),
        ('mean(size) where sex = "x"', 'number', None, 'no-value', {'n': 0}),
        ('count() by sex, trust', 'number', ('female', 'male'), 'by-several', {'names': 'sex, trust'}),
        ('count() by sex', 'number', None, 'no-sex', {'name': 'sex'}),
        ('count() by trust', 'number', ('female', 'male', 'other'), 'answer',
         {'name': 'trust', 'answer': '0', 'categories': 'female, male, other'}),
        ('count() by sex', 'number', ('female', 'male'), 'answer',
         {'name': 'sex', 'answer': '', 'categories': 'female, male'}),
    ],
)  # fmt: skip
def test_a_result_that_cannot_be_the_indicator_s_actual_is_refused_with_its_code(text, unit, sexes, code, params):
    with pytest.raises(FormulaActualError) as refused:
        actual_cells(compute(parse_formula(text), ANSWERS), unit, 0, sexes)
    assert (refused.value.code, refused.value.params) == (code, params)


# Section: the service on a real answers file


@pytest.fixture
def survey(db, make_user):
    """A Liberian survey owned by an editor, with the three answers of the KoboToolbox CSV of tests/data."""
    editor = make_user('focal', Role.COUNTRY_EDITOR, ('LBR',))
    survey = Survey.objects.create(country=Country.objects.get(iso3='LBR'), title='Confiance du public (sécurité)')
    survey.owners.add(editor)
    read = read_form(form_bytes(), validate=False)
    version = SurveyVersion(
        survey=survey, file_name='form.xlsx', form_id=read.form_id, version=read.version, kobo_version=KOBO_VERSION,
        xform=read.xform, structure={'questions': read.questions, 'choices': read.choices},
        identifying=read.identifying, web_form=read.web_form,
    )  # fmt: skip
    version.file.save('form.xlsx', ContentFile(form_bytes()), save=False)
    version.save()
    record = SurveyImport(survey=survey, version=version, name='kobo.csv', source='kobo')
    record.file.save('kobo.csv', ContentFile(kobo_csv()), save=False)
    record.save()
    assert import_answers(record) == {'read': 3, 'created': 3, 'existing': 0}
    survey.editor = editor
    return survey


@pytest.fixture
def period(db):
    """The 2024 period of a percentage indicator of Liberia broken down by sex."""
    return make_indicator(unit='percentage', decimal_places=1).periods.get(label='2024')


def values(report) -> dict:
    return {
        (value.category.code if value.category else 'total'): (value.value, value.numerator, value.denominator)
        for value in report.values.select_related('category')
    }


@pytest.mark.django_db
def test_the_total_and_each_sex_are_stored_in_a_draft_citing_the_survey(survey, period):
    with translation.override('en'):
        stored = store_survey_actual(survey, survey.editor, TRUST_BY_SEX, period, organisation())
    report = stored.report
    assert (stored.created, stored.answers, report.status, report.submitted_by) == (True, 3, 'draft', None)
    # The file's answers: female trusts 2 (somewhat), male 0, female 3 (a lot).
    assert values(report) == {
        'total': (Decimal('66.7'), 2, 3),
        'female': (100, 2, 2),
        'male': (0, 0, 1),
    }
    assert (report.survey, report.formula, report.survey_answers) == (survey, TRUST_BY_SEX, 3)
    assert report.note.startswith(f'Survey "Confiance du public (sécurité)", formula {TRUST_BY_SEX}, 3 answers, 20')
    total = report.values.get(category=None)
    assert (total.source, total.note) == (f'Confiance du public (sécurité) · {TRUST_BY_SEX}', 'n = 3')
    assert list(report.steps.values_list('action', 'user')) == [('create', survey.editor.pk)]


@pytest.mark.django_db
def test_running_it_again_updates_the_same_draft(survey, period):
    first = store_survey_actual(survey, survey.editor, TRUST_BY_SEX, period, organisation()).report
    again = store_survey_actual(survey, survey.editor, TRUST_BY_SEX, period, organisation())
    assert (again.report.pk, again.created, again.report.steps.count()) == (first.pk, False, 1)
    assert values(again.report) == values(first)
    # Without the breakdown, the sexes' values go: the draft holds what the formula gives.
    store_survey_actual(survey, survey.editor, "percent(trust_police = '3')", period, organisation())
    assert values(ActualReport.objects.get()) == {'total': (Decimal('33.3'), 1, 3)}


@pytest.mark.django_db
def test_a_submitted_or_approved_report_is_refused_and_left_as_it_is(survey, period, make_user):
    report = store_survey_actual(survey, survey.editor, TRUST_BY_SEX, period, organisation()).report
    before = values(report)
    actual_services.take_step(report, survey.editor, 'submit')
    with translation.override('en'), pytest.raises(SurveyActualRefused) as refused:
        store_survey_actual(survey, survey.editor, "percent(trust_police = '3')", period, organisation())
    assert str(refused.value) == (
        "Liberia National Police's report for 2024 is submitted: it is not changed. Return or reopen it first to "
        'compute it again.'
    )
    actual_services.take_step(report, make_user('reviewer', Role.COUNTRY_EDITOR, ('LBR',)), 'approve')
    with translation.override('fr'), pytest.raises(SurveyActualRefused, match='est approuvé'):
        store_survey_actual(survey, survey.editor, TRUST_BY_SEX, period, organisation())
    report.refresh_from_db()
    assert (report.status, values(report), report.formula) == ('approved', before, TRUST_BY_SEX)


@pytest.mark.django_db
def test_a_report_entered_by_hand_is_not_overwritten(survey, period):
    report = ActualReport.objects.create(period=period, organisation=organisation())
    actual_services.save_values(report, survey.editor, [{'category': None, 'value': '', 'numerator': 5,
                                                         'denominator': 10}])  # fmt: skip
    with translation.override('en'), pytest.raises(SurveyActualRefused, match='was not computed from this survey'):
        store_survey_actual(survey, survey.editor, TRUST_BY_SEX, period, organisation())
    assert values(report) == {'total': (50, 5, 10)}


@pytest.mark.django_db
def test_a_refused_formula_writes_nothing(survey, period):
    with translation.override('en'), pytest.raises(SurveyActualRefused) as refused:
        store_survey_actual(survey, survey.editor, 'count() by sex', period, organisation())
    assert str(refused.value) == "A count() formula does not give a value of this indicator's unit (Percentage)."
    with translation.override('en'), pytest.raises(SurveyActualRefused, match='is not a question or repeat'):
        store_survey_actual(survey, survey.editor, 'mean(ethnicity)', period, organisation())
    other = Survey.objects.create(country=Country.objects.get(iso3='CAF'), title='Elsewhere')
    with translation.override('en'), pytest.raises(SurveyActualRefused, match="survey's country"):
        store_survey_actual(other, survey.editor, 'count()', period, organisation())
    assert (ActualReport.objects.count(), ActualStep.objects.count()) == (0, 0)


# Section: the page, the API and access


def survey_url(name, survey):
    return reverse(f'monitoring:{name}', args=['LBR', survey.pk])


@pytest.mark.django_db
def test_the_formula_page_stores_the_result_for_an_editor_only(client, survey, period, make_user):
    client.force_login(survey.editor)
    page = client.get(survey_url('survey_formula', survey), {'formula': TRUST_BY_SEX})
    assert 'id="survey-actual-form"' in page.content.decode()
    data = {'formula': TRUST_BY_SEX, 'period': period.pk, 'organisation': organisation().pk}
    response = client.post(survey_url('survey_actual', survey), data)
    report = ActualReport.objects.get()
    assert response.status_code == 302 and response['Location'] == report.get_absolute_url()
    shown = client.get(report.get_absolute_url()).content.decode()
    assert 'id="report-survey"' in shown and '3 answers read' in shown
    # Refused: said on the formula page, nothing changed.
    refused = client.post(survey_url('survey_actual', survey), {**data, 'formula': 'count()'})
    assert refused.status_code == 400
    assert 'does not give a value of this indicator&#x27;s unit' in refused.content.decode()
    assert client.get(survey_url('survey_actual', survey)).status_code == 405
    viewer = make_user('reader', Role.VIEWER)
    client.force_login(viewer)
    page = client.get(survey_url('survey_formula', survey), {'formula': TRUST_BY_SEX})
    assert page.status_code == 200 and 'survey-actual-form' not in page.content.decode()
    assert client.post(survey_url('survey_actual', survey), data).status_code == 403
    client.force_login(make_user('caf', Role.COUNTRY_EDITOR, ('CAF',)))
    assert client.post(survey_url('survey_actual', survey), data).status_code == 403
    assert ActualReport.objects.get().values.count() == 3


@pytest.mark.django_db
def test_the_api_creates_then_updates_the_draft_and_refuses_a_submitted_one(client, survey, period, make_user):
    url = reverse('monitoring-api:survey-actual', args=[survey.pk])
    data = {'formula': TRUST_BY_SEX, 'period': period.pk, 'organisation': organisation().pk}
    client.force_login(make_user('reader', Role.VIEWER))
    assert client.post(url, data, content_type='application/json').status_code == 403
    client.force_login(survey.editor)
    created = client.post(url, data, content_type='application/json')
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body['status'], body['survey'], body['formula'], body['survey_answers']) == ('draft', survey.pk,
                                                                                          TRUST_BY_SEX, 3)  # fmt: skip
    assert len(body['values']) == 3
    assert client.post(url, data, content_type='application/json').status_code == 200
    actual_services.take_step(ActualReport.objects.get(), survey.editor, 'submit')
    refused = client.post(url, data, content_type='application/json', headers={'accept-language': 'en'})
    assert refused.status_code == 400 and 'is submitted' in refused.json()['formula'][0]
    wrong = client.post(url, {**data, 'period': 0}, content_type='application/json')
    assert wrong.status_code == 400 and 'period' in wrong.json()


# Section: the survey's history and search


@pytest.mark.django_db
def test_the_survey_history_shows_its_changes_and_its_versions(client, survey):
    client.force_login(survey.editor)
    response = client.post(
        survey_url('survey_edit', survey), {'title': 'Confiance 2026', 'status': 'open', 'owners': [survey.editor.pk]}
    )
    assert response.status_code == 302
    page = client.get(survey_url('survey', survey)).content.decode()
    assert survey_url('survey_history', survey) in page
    history = client.get(survey_url('survey_history', survey))
    assert history.status_code == 200
    changes = history.context['changes']
    assert any(change['field'] == 'title' for item in changes for change in item['changes'])
    assert {item['record'].instance_type.__name__ for item in changes} >= {'Survey', 'SurveyVersion', 'SurveyImport'}


@pytest.mark.django_db
def test_search_finds_a_survey_by_a_french_title_word_without_its_accent(survey, make_user):
    found = global_search(make_user('reader', Role.VIEWER), 'securite', kind='surveys')
    # The word found, highlighted as written.
    assert [hit['title'] for hit in found.page.object_list] == [
        [('Confiance du public (', False), ('sécurité', True), (')', False)]
    ]
    assert global_search(AnonymousUser(), 'securite', kind='surveys').page is None
