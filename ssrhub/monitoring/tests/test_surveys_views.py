"""Survey pages: XLSForm upload (refusals written nowhere), publishing, the web form with a repeat and a skip,
answer imports (preview, apply, idempotent, refusals with nothing written), masking for non-owners on every page,
download and the API, and the formula page."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.monitoring.models import MASK, Submission, Survey, SurveyImport, SurveyVersion
from ssrhub.monitoring.xlsform import read_form

from .survey_files import KOBO_VERSION, form_bytes, kobo_csv, kobo_xlsx, odk_zip, require_java

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_java(request, monkeypatch):
    """ODK Validate (a Java process, 1-3 s) runs in the first test only; the others convert without it."""
    if 'validated' in request.node.name:
        require_java()
    else:
        from ssrhub.monitoring.views import surveys as views

        monkeypatch.setattr(views, 'read_form', lambda data: read_form(data, validate=False))


@pytest.fixture
def owner(client, make_user):
    user = make_user('owner', Role.COUNTRY_EDITOR, ('LBR',))
    client.force_login(user)
    return user


def url(name, *args):
    return reverse(f'monitoring:{name}', args=['LBR', *args])


def add_survey(client) -> Survey:
    response = client.post(url('survey_add'), {'title': 'Public trust 2026', 'status': 'open', 'description': ''})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Survey.objects.get(title='Public trust 2026')


def upload_form(client, survey, content=None, name='public-trust.xlsx'):
    return client.post(url('surveyversion_add', survey.pk), {'file': SimpleUploadedFile(name, content or form_bytes())})


@pytest.fixture
def survey(client, owner) -> Survey:
    survey = add_survey(client)
    assert upload_form(client, survey).status_code == 302
    version = survey.versions.get()
    assert client.post(url('surveyversion_publish', survey.pk, version.pk)).status_code == 302
    return survey


def import_file(client, survey, content, name, **fields):
    version = survey.versions.get()
    data = {'version': version.pk, 'file': SimpleUploadedFile(name, content), **fields}
    return client.post(url('surveyimport_add', survey.pk), data)


def apply(client, survey, response, capture):
    record = response.context['record']
    with capture(execute=True):
        done = client.post(url('surveyimport_add', survey.pk), {'import': record.pk})
    assert done.status_code == 302
    return SurveyImport.objects.get(pk=record.pk)


def test_the_creator_owns_the_survey_and_the_form_is_stored_converted_and_validated(client, survey, owner):
    assert list(survey.owners.all()) == [owner]
    version = survey.versions.get()
    assert (version.form_id, version.version, version.web_form) == ('ssr_public_trust', '2026.1', True)
    assert version.identifying == ['respondent_phone'] and version.published_at
    page = client.get(survey.get_absolute_url()).content.decode()
    assert 'Validated by ODK Validate.' in page and 'The web form can render it.' in page
    xml = client.get(url('surveyversion_file', survey.pk, version.pk, 'xml'))
    assert xml['Content-Disposition'] == 'attachment; filename="ssr_public_trust-20261.xml"'
    assert b'<h:title>Public trust in security services</h:title>' in xml.content
    assert client.get(url('surveyversion_file', survey.pk, version.pk, 'xlsx')).content == form_bytes()
    assert client.get(url('surveyversion_file', survey.pk, version.pk, 'pdf')).status_code == 404
    assert client.get(url('survey_list')).content.decode().count('Public trust 2026') == 1


def test_a_form_pyxform_refuses_shows_its_row_and_writes_nothing(client, survey):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = 'survey'
    for row in (['type', 'name', 'label'], ['text', 'q1', 'Q1'], ['select_one missing', 'q2', 'Q2']):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload_form(client, survey, buffer.getvalue(), 'broken.xlsx')
    assert response.status_code == 400
    assert 'choices sheet' in response.context['form_error']
    assert SurveyVersion.objects.filter(survey=survey).count() == 1
    bad = upload_form(client, survey, b'not a workbook', 'x.xlsx')
    assert bad.status_code == 400 and 'cannot be read as an .xlsx workbook' in bad.content.decode()
    again = upload_form(client, survey)
    assert again.status_code == 400 and 'already has a form with the version' in again.content.decode()
    assert SurveyVersion.objects.filter(survey=survey).count() == 1


def test_the_web_form_saves_a_repeat_and_skips_what_is_not_relevant(client, survey):
    page = client.get(url('survey_webform', survey.pk))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="q-trust_police"' in html and 'q-police_treatment' not in html  # relevant only after "yes"
    answers = {
        'q-sex': 'female', 'q-age_group': '25_34', 'q-county': 'bong', 'q-household_size': '4',
        'q-trust_police': '2', 'q-trust_army': '1', 'q-trust_gendarmerie': '8', 'q-trust_courts': '3',
        'q-contact_police': 'no', 'q-police_treatment': 'badly', 'q-victim': 'yes', 'n-incidents': '0',
        'q-respondent_phone': '0770123456',
    }  # fmt: skip
    added = client.post(url('survey_webform', survey.pk), {**answers, '_add': 'incidents'})
    assert 'name="r-incidents-1-incident_type"' in added.content.decode()
    assert Submission.objects.count() == 0
    answers.update(
        {'n-incidents': '1', 'r-incidents-1-incident_type': 'theft', 'r-incidents-1-incident_reported': 'no'}
    )
    shown = client.post(url('survey_webform', survey.pk), {**answers, '_refresh': '1'}).content.decode()
    assert 'r-incidents-1-why_not_reported' in shown
    wrong = client.post(url('survey_webform', survey.pk), {**answers, 'q-household_size': '45'})
    assert wrong.status_code == 400 and 'Between 1 and 30 people.' in wrong.content.decode()
    saved = client.post(url('survey_webform', survey.pk), {**answers, 'r-incidents-1-why_not_reported': 'fear'})
    assert saved.status_code == 302
    submission = Submission.objects.get()
    assert submission.source == 'web' and submission.version == survey.versions.get()
    assert 'police_treatment' not in submission.answers  # "no" to contact with the police skipped it
    assert submission.answers['incidents'] == [
        {'incident_type': 'theft', 'incident_reported': 'no', 'why_not_reported': 'fear'}
    ]
    assert client.get(saved['Location']).status_code == 200


def test_kobo_xlsx_import_is_previewed_then_applied_once(client, survey, django_capture_on_commit_callbacks):
    response = import_file(client, survey, kobo_xlsx(rows=12), 'kobo.xlsx', kobo_version=KOBO_VERSION)
    assert response.status_code == 200, response.context.get('issues')
    assert 'Nothing has been written yet.' in response.content.decode()
    assert Submission.objects.count() == 0
    record = apply(client, survey, response, django_capture_on_commit_callbacks)
    assert record.status == 'done' and record.report == {'read': 12, 'created': 12, 'existing': 0}
    assert survey.versions.get().kobo_version == KOBO_VERSION
    with_incidents = Submission.objects.filter(answers__victim='yes')
    assert with_incidents.count() == 4 and len(with_incidents.first().answers['incidents']) == 2
    again = import_file(client, survey, kobo_xlsx(rows=12), 'kobo.xlsx')
    record = apply(client, survey, again, django_capture_on_commit_callbacks)
    assert record.report == {'read': 12, 'created': 0, 'existing': 12}
    assert Submission.objects.count() == 12
    status = client.get(record.get_absolute_url()).content.decode()
    assert 'Already there, left as they were' in status


def test_odk_central_zip_import_keeps_repeats(client, survey, django_capture_on_commit_callbacks):
    response = import_file(client, survey, odk_zip(), 'ssr_public_trust.csv.zip')
    assert response.status_code == 200
    apply(client, survey, response, django_capture_on_commit_callbacks)
    first = Submission.objects.get(instance_id='5f0e9a52-7d33-4c1a-a5c2-6b0d4e1f9a01')
    assert first.source == 'odk' and [i['incident_type'] for i in first.answers['incidents']] == ['theft', 'assault']
    assert first.submitted_at.isoformat() == '2026-11-04T08:15:02.311000+00:00'


def test_version_mismatch_and_unknown_column_are_refused_with_nothing_written(client, survey):
    mismatch = import_file(client, survey, kobo_csv(), 'kobo.csv')
    assert mismatch.status_code == 400
    assert [text for _table, _row, text in mismatch.context['issues']] == [
        f'The answers were collected with form version "{KOBO_VERSION}", not with this version (2026.1).'
    ]
    unknown = import_file(client, survey, odk_zip(extra_column='trust-trust_militia'), 'odk.zip')
    assert unknown.status_code == 400
    assert [text for _table, _row, text in unknown.context['issues']] == [
        'Columns that are not questions of this form version: trust-trust_militia. Export the answers with XML '
        'values and headers, from the same form version.'
    ]
    assert Submission.objects.count() == 0 and SurveyImport.objects.count() == 0
    assert 'import-apply' not in unknown.content.decode()


def test_identifying_answers_are_masked_for_non_owners_everywhere(
    client, survey, make_user, django_capture_on_commit_callbacks
):
    response = import_file(client, survey, kobo_xlsx(), 'kobo.xlsx', kobo_version=KOBO_VERSION)
    apply(client, survey, response, django_capture_on_commit_callbacks)
    phoned = Submission.objects.get(answers__respondent_phone='0770123456')
    assert '0770123456' in client.get(phoned.get_absolute_url()).content.decode()
    client.force_login(make_user('colleague', Role.COUNTRY_EDITOR, ('LBR',)))
    page = client.get(phoned.get_absolute_url()).content.decode()
    assert '0770123456' not in page and MASK in page
    survey_page = client.get(survey.get_absolute_url()).content.decode()
    assert 'Answers that identify a person are hidden' in survey_page and '0770123456' not in survey_page
    rows = list(csv.DictReader(io.StringIO(b''.join(client.get(url('submission_csv', survey.pk)).streaming_content)
                                           .decode())))  # fmt: skip
    assert len(rows) == 3 and {row['respondent_phone'] for row in rows} == {MASK, ''}
    assert {row['sex'] for row in rows} == {'female', 'male'}
    api = client.get(reverse('monitoring-api:submission-detail', args=[phoned.pk])).json()
    assert api['answers']['respondent_phone'] == MASK and api['answers']['sex'] == 'female'
    formula = client.get(url('survey_formula', survey.pk), {'formula': "count() where respondent_phone = '0770123456'"})
    assert formula.context['result'].total.value == 0  # a formula cannot reveal a masked answer
    viewer = make_user('viewer', Role.VIEWER)
    client.force_login(viewer)
    assert client.get(phoned.get_absolute_url()).status_code == 200
    assert '0770123456' not in client.get(phoned.get_absolute_url()).content.decode()
    client.force_login(make_user('caf', Role.COUNTRY_EDITOR, ('CAF',)))
    assert client.get(url('survey_webform', survey.pk)).status_code == 403


def test_the_formula_page_gives_values_by_group(client, survey, django_capture_on_commit_callbacks):
    apply(client, survey, import_file(client, survey, odk_zip(), 'odk.zip'), django_capture_on_commit_callbacks)
    response = client.get(url('survey_formula', survey.pk), {'formula': "percent(trust_police in ('2', '3')) by sex"})
    assert response.status_code == 200
    result = response.context['result']
    assert (result.total.numerator, result.total.denominator, result.total.n) == (1, 3, 3)
    assert [(label, group.value) for label, group in response.context['groups']] == [('Female', 50.0), ('Male', 0.0)]
    bad = client.get(url('survey_formula', survey.pk), {'formula': 'mean(ethnicity)'})
    assert bad.status_code == 400
    assert bad.context['form'].errors['formula'] == ['"ethnicity" is not a question or repeat of this survey.']


def test_a_survey_of_another_country_is_not_found(client, survey, make_user):
    other = Survey.objects.create(country=Country.objects.get(iso3='CAF'), title='Elsewhere')
    assert client.get(reverse('monitoring:survey', args=['LBR', other.pk])).status_code == 404
    assert client.get(reverse('monitoring:survey_formula', args=['LBR', other.pk])).status_code == 404
