"""Actual reports: the review workflow and who may take each step, locking, the audit of every step, values refused
with nothing written, sums flagged, disaggregations removed without losing values, roll-ups from the database, the
pages and the API's transitions."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from ssrhub.core.roles import Role
from ssrhub.monitoring import actual_services, rollups
from ssrhub.monitoring.actual_queries import indicator_rollups, report_flags
from ssrhub.monitoring.models import ActualReport, ActualStep, ActualValue, IndicatorDisaggregation

from .actuals_data import make_indicator, organisation, sex

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(make_user):
    return {
        'focal': make_user('focal-point', Role.COUNTRY_EDITOR, ('LBR',)),
        'reviewer': make_user('reviewer', Role.COUNTRY_EDITOR, ('LBR',)),
        'elsewhere': make_user('caf-editor', Role.COUNTRY_EDITOR, ('CAF',)),
        'viewer': make_user('viewer', Role.VIEWER, ('LBR',)),
        'admin': make_user('administrator', Role.ADMINISTRATOR),
    }


@pytest.fixture
def indicator(db):
    return make_indicator()


def categories():
    return {category.code: category for category in sex().categories.all()}


def new_report(indicator, year=2024) -> ActualReport:
    return ActualReport.objects.create(period=indicator.periods.get(label=str(year)), organisation=organisation())


def rows(total, female=None, male=None, other=None, **extra):
    found = categories()
    return [
        {'category': None, 'value': total, **extra},
        {'category': found['female'], 'value': female},
        {'category': found['male'], 'value': male},
        {'category': found['other'], 'value': other},
    ]


def submitted(indicator, users, year=2024, **values) -> ActualReport:
    report = new_report(indicator, year)
    actual_services.save_values(report, users['focal'], rows(**values))
    actual_services.take_step(report, users['focal'], 'submit')
    report.refresh_from_db()
    return report


# Section: workflow


def test_draft_submitted_returned_submitted_approved_locked(indicator, users):
    report = submitted(indicator, users, total=D(90), female=D(30), male=D(60))
    assert (report.status, report.submitted_by) == ('submitted', users['focal'])
    with pytest.raises(actual_services.StepRefused) as refused:
        actual_services.take_step(report, users['reviewer'], 'return')
    assert refused.value.code == 'comment-required'
    actual_services.take_step(report, users['reviewer'], 'return', 'The female count is missing the county data.')
    report.refresh_from_db()
    assert report.status == 'returned' and report.editable
    actual_services.take_step(report, users['focal'], 'submit')
    actual_services.take_step(report, users['reviewer'], 'approve')
    actual_services.take_step(report, users['reviewer'], 'lock')
    report.refresh_from_db()
    assert (report.status, report.locked) == ('approved', True)
    steps = list(report.steps.values_list('action', 'from_status', 'to_status', 'user__username', 'comment'))
    assert steps == [
        ('submit', 'draft', 'submitted', 'focal-point', ''),
        ('return', 'submitted', 'returned', 'reviewer', 'The female count is missing the county data.'),
        ('submit', 'returned', 'submitted', 'focal-point', ''),
        ('approve', 'submitted', 'approved', 'reviewer', ''),
        ('lock', 'approved', 'approved', 'reviewer', ''),
    ]


def test_nobody_approves_their_own_submission(indicator, users):
    report = submitted(indicator, users, total=D(10))
    with pytest.raises(actual_services.StepRefused) as refused:
        actual_services.take_step(report, users['focal'], 'approve')
    assert refused.value.code == 'own-submission'
    assert str(refused.value) == 'You submitted this report: another person must review it.'
    assert ActualReport.objects.get(pk=report.pk).status == 'submitted'


@pytest.mark.parametrize('who', ['viewer', 'elsewhere'])
def test_only_an_editor_of_the_country_submits_or_approves(indicator, users, who):
    report = new_report(indicator)
    actual_services.save_values(report, users['focal'], rows(D(10)))
    with pytest.raises(actual_services.StepRefused):
        actual_services.take_step(report, users[who], 'submit')
    actual_services.take_step(report, users['focal'], 'submit')
    with pytest.raises(actual_services.StepRefused):
        actual_services.take_step(report, users[who], 'approve')


def test_an_empty_report_is_not_submitted(indicator, users):
    with pytest.raises(actual_services.StepRefused) as refused:
        actual_services.take_step(new_report(indicator), users['focal'], 'submit')
    assert refused.value.code == 'no-values'


def test_a_locked_report_refuses_values_and_steps_until_an_administrator_unlocks_it(indicator, users):
    report = submitted(indicator, users, total=D(10))
    actual_services.take_step(report, users['reviewer'], 'approve')
    actual_services.take_step(report, users['reviewer'], 'lock')
    report.refresh_from_db()
    with pytest.raises(ValidationError, match='locked'):
        actual_services.save_values(report, users['focal'], rows(D(12)))
    with pytest.raises(actual_services.StepRefused) as refused:
        actual_services.take_step(report, users['reviewer'], 'reopen', 'Typo')
    assert refused.value.code == 'locked'
    with pytest.raises(actual_services.StepRefused) as refused:
        actual_services.take_step(report, users['reviewer'], 'unlock', 'Typo')
    assert refused.value.code == 'not-allowed'
    actual_services.take_step(report, users['admin'], 'unlock', 'The national police corrected its register.')
    actual_services.take_step(report, users['reviewer'], 'reopen', 'Enter the corrected figure.')
    report.refresh_from_db()
    assert (report.status, report.locked) == ('returned', False)
    actual_services.save_values(report, users['focal'], rows(D(12)))
    assert report.values.get(category=None).value == D(12)
    unlock = report.steps.get(action='unlock')
    assert (unlock.user, unlock.comment) == (users['admin'], 'The national police corrected its register.')


def test_values_of_a_submitted_report_cannot_change(indicator, users):
    report = submitted(indicator, users, total=D(10))
    with pytest.raises(ValidationError, match='submitted'):
        actual_services.save_values(report, users['focal'], rows(D(11)))
    assert report.values.get(category=None).value == D(10)


def test_every_step_is_in_the_reports_history(indicator, users):
    report = submitted(indicator, users, total=D(10))
    actual_services.take_step(report, users['reviewer'], 'approve')
    client = _client(users['viewer'])
    page = client.get(reverse('monitoring:actual_report_history', args=['LBR', report.pk])).content.decode()
    assert page.count('Review step') >= 2 and 'Actual value' in page


# Section: values refused, nothing written


@pytest.mark.parametrize(
    ('unit', 'row', 'message'),
    [
        ('number', {'value': 'twelve'}, 'is not a number'),
        ('percentage', {'value': D(120)}, 'A percentage cannot be over 100 (120).'),
        ('percentage', {'value': None, 'numerator': D(3), 'denominator': D(0)}, 'The denominator cannot be 0.'),
        ('yes-no', {'value': D(2)}, 'The value must be 1 (yes) or 0 (no), not 2.'),
        ('number', {'value': D('1.5')}, 'The indicator is measured to 0 decimal places.'),
    ],
)
def test_a_wrong_value_is_refused_and_nothing_written(users, unit, row, message):
    indicator = make_indicator(unit=unit, baseline_value=0 if unit != 'percentage' else 10)
    report = new_report(indicator)
    good = {'category': categories()['female'], 'value': D(1) if unit != 'percentage' else D(10)}
    with pytest.raises(ValidationError) as refused:
        actual_services.save_values(report, users['focal'], [good, {'category': None, **row}])
    assert list(refused.value.message_dict) == [1]
    assert any(message in text for text in refused.value.message_dict[1])
    assert not ActualValue.objects.filter(report=report).exists()


def test_a_percentage_is_computed_from_its_parts(users):
    indicator = make_indicator(unit='percentage', baseline_value=10, decimal_places=1)
    report = new_report(indicator)
    actual_services.save_values(
        report, users['focal'], [{'category': None, 'value': None, 'numerator': D(17), 'denominator': D(120)}]
    )
    assert report.values.get().value == D('14.2')


def test_a_period_outside_the_indicators_dates_is_refused(indicator):
    framework = indicator.result.framework
    type(framework).objects.filter(pk=framework.pk).update(start=datetime.date(2025, 1, 1))
    period = type(indicator.periods.first()).objects.get(indicator=indicator, label='2024')
    report = ActualReport(period=period, organisation=organisation())
    with pytest.raises(ValidationError) as refused:
        report.full_clean()
    assert "falls outside the indicator's dates" in refused.value.message_dict['period'][0]


def test_a_period_not_started_is_refused(indicator):
    later = datetime.date.today() + datetime.timedelta(days=30)
    framework = indicator.result.framework
    type(framework).objects.filter(pk=framework.pk).update(end=later + datetime.timedelta(days=400))
    period = indicator.periods.get(label='2025')
    type(period).objects.filter(pk=period.pk).update(start=later, end=later + datetime.timedelta(days=300))
    period = type(period).objects.get(pk=period.pk)
    with pytest.raises(ValidationError, match='has not started'):
        ActualReport(period=period, organisation=organisation()).full_clean()


def test_a_category_the_indicator_does_not_collect_is_refused(indicator, users):
    from ssrhub.monitoring.models import DisaggregationCategory

    age = DisaggregationCategory.objects.get(type__kind='age-group', code='18-24')
    with pytest.raises(ValidationError, match='not broken down by this category'):
        actual_services.save_values(new_report(indicator), users['focal'], [{'category': age, 'value': D(3)}])


# Section: sums and disaggregations


def test_categories_that_do_not_add_up_are_flagged_on_the_report(indicator, users):
    report = new_report(indicator)
    actual_services.save_values(report, users['focal'], rows(D(100), D(30), D(60), D(5)))
    [flag] = report_flags(report)
    assert (flag.total, flag.categories_sum, flag.missing) == (D(100), D(95), ())
    page = _client(users['viewer']).get(report.get_absolute_url()).content.decode()
    assert 'the values of the categories add up to 95, not to the total 100.' in page


def test_missing_categories_are_shown_as_missing(indicator, users):
    report = new_report(indicator)
    actual_services.save_values(report, users['focal'], rows(D(100), D(30)))
    assert report_flags(report) == []
    page = _client(users['viewer']).get(report.get_absolute_url()).content.decode()
    assert page.count('>missing<') == 2


def test_removing_a_disaggregation_keeps_its_values(indicator, users):
    report = new_report(indicator)
    actual_services.save_values(report, users['focal'], rows(D(100), D(40), D(60)))
    client = _client(users['focal'])
    url = reverse('monitoring:indicator_disaggregations', args=['LBR', indicator.pk])
    assert client.post(url, {'types': []}).status_code == 302
    link = IndicatorDisaggregation.objects.get(indicator=indicator)
    assert link.active is False
    assert report.values.count() == 3
    cells = actual_services.grid_cells(report)
    assert [(cell['category'] and cell['category'].code, cell['active']) for cell in cells] == [
        (None, True),
        ('female', False),
        ('male', False),
    ]
    page = client.get(reverse('monitoring:indicator_actuals', args=['LBR', indicator.pk])).content.decode()
    assert 'id="no-longer-collected"' in page
    # Saving the grid again keeps the values no longer collected.
    client.post(reverse('monitoring:actual_report_values', args=['LBR', report.pk]), {'cell-0-value': '101'})
    assert report.values.count() == 3 and report.values.get(category=None).value == D(101)
    # Choosing it again collects it again, with its values.
    client.post(url, {'types': [sex().pk]})
    assert IndicatorDisaggregation.objects.get(indicator=indicator).active is True
    assert len(actual_services.grid_cells(report)) == 4


# Section: roll-ups from the database


def test_roll_up_counts_approved_reports_only(indicator, users):
    approved = submitted(indicator, users, total=D(80), female=D(20), male=D(60))
    actual_services.take_step(approved, users['reviewer'], 'approve')
    submitted(indicator, users, year=2025, total=D(150))
    first, second = indicator_rollups([indicator])[indicator.pk]
    assert (first.value, first.status, first.shares[sex().pk][categories()['female'].pk]) == (
        D(80),
        rollups.ON_TRACK,
        D(25),
    )
    assert (second.value, second.status) == (None, rollups.NO_VALUE)


# Section: pages


def _client(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def test_entry_page_saves_values_and_shows_each_wrong_cell(indicator, users):
    report = new_report(indicator)
    client = _client(users['focal'])
    url = reverse('monitoring:actual_report_values', args=['LBR', report.pk])
    response = client.post(url, {'cell-0-value': '100', 'cell-1-value': '4,5', 'cell-2-value': '60'})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'The indicator is measured to 0 decimal places.' in page and 'nothing was saved' in page
    assert not report.values.exists()
    response = client.post(
        url, {'cell-0-value': '100', 'cell-1-value': '40', 'cell-2-value': '60', 'cell-0-source': 'LNP register'}
    )
    assert response.status_code == 302
    assert report.values.get(category=None).source == 'LNP register'


def test_step_pages_follow_the_workflow(indicator, users):
    report = submitted(indicator, users, total=D(10))
    url = reverse('monitoring:actual_report_step', args=['LBR', report.pk])
    assert _client(users['focal']).post(url, {'action': 'approve'}).status_code == 403
    assert _client(users['viewer']).post(url, {'action': 'approve'}).status_code == 403
    assert _client(users['reviewer']).post(url, {'action': 'return'}).status_code == 302
    assert ActualReport.objects.get(pk=report.pk).status == 'submitted'
    assert _client(users['reviewer']).post(url, {'action': 'approve'}).status_code == 302
    assert ActualReport.objects.get(pk=report.pk).status == 'approved'


def test_review_lists(indicator, users):
    report = submitted(indicator, users, total=D(10))
    queue = _client(users['reviewer']).get(reverse('monitoring:actual_review_queue')).content.decode()
    assert report.get_absolute_url() in queue
    assert (
        report.get_absolute_url()
        not in _client(users['elsewhere']).get(reverse('monitoring:actual_review_queue')).content.decode()
    )
    country = _client(users['viewer']).get(reverse('monitoring:actual_review_list', args=['LBR'])).content.decode()
    assert 'id="reports-submitted"' in country and report.get_absolute_url() in country


def test_country_disaggregation_from_admin_areas(users):
    from ssrhub.coordination.models import AdminArea
    from ssrhub.core.models import Country

    liberia = Country.objects.get(iso3='LBR')
    AdminArea.objects.create(country=liberia, level=1, pcode='LR01', name='Bomi')
    AdminArea.objects.create(country=liberia, level=1, pcode='LR11', name='Montserrado')
    client = _client(users['focal'])
    response = client.post(
        reverse('monitoring:disaggregation_add', args=['LBR']),
        {'kind': 'admin-area', 'name': 'County', 'name_fr': 'Comté', 'fill': 'areas-1', 'categories': ''},
    )
    assert response.status_code == 302
    county = liberia.disaggregation_types.get(name='County')
    assert [(c.name, c.admin_area.pcode) for c in county.categories.all()] == [
        ('Bomi', 'LR01'),
        ('Montserrado', 'LR11'),
    ]
    refused = client.post(
        reverse('monitoring:disaggregation_add', args=['LBR']),
        {'kind': 'institution', 'name': 'Force', 'categories': 'Police\nArmed forces\npolice'},
    )
    assert 'Line 3 repeats the category of line 1.' in refused.content.decode()


# Section: API


def test_api_transitions_follow_the_same_rules(indicator, users):
    report = new_report(indicator)
    focal, reviewer = APIClient(), APIClient()
    focal.force_authenticate(users['focal'])
    reviewer.force_authenticate(users['reviewer'])
    values = reverse('monitoring-api:actualvalue-list')
    refused = focal.post(values, {'report': report.pk, 'value': '2.5'}, format='json')
    assert refused.status_code == 400 and 'measured to 0 decimal places' in str(refused.json())
    female = categories()['female'].pk
    for category, value in ((None, '100'), (female, '70')):
        assert (
            focal.post(values, {'report': report.pk, 'category': category, 'value': value}, format='json').status_code
            == 201
        )
    detail = reverse('monitoring-api:actualreport-detail', args=[report.pk])
    assert focal.get(detail).json()['sum_flags'] == []
    step = reverse('monitoring-api:actualreport-submit', args=[report.pk])
    assert focal.post(step, {}, format='json').json()['status'] == 'submitted'
    approve = reverse('monitoring-api:actualreport-approve', args=[report.pk])
    own = focal.post(approve, {}, format='json')
    assert own.status_code == 403 and 'another person must review it' in own.json()['detail']
    returned = reviewer.post(reverse('monitoring-api:actualreport-return', args=[report.pk]), {}, format='json')
    assert returned.status_code == 400 and 'comment' in returned.json()
    assert reviewer.post(approve, {}, format='json').json()['status'] == 'approved'
    body = reviewer.post(reverse('monitoring-api:actualreport-lock', args=[report.pk]), {}, format='json').json()
    assert body['locked'] is True
    assert [step['action'] for step in body['steps']] == ['submit', 'approve', 'lock']
    late = focal.post(values, {'report': report.pk, 'category': categories()['male'].pk, 'value': '30'}, format='json')
    assert late.status_code == 400 and 'locked' in str(late.json())
    assert ActualStep.objects.filter(report=report).count() == 3


def test_api_hides_other_countries_reports(indicator, users):
    report = new_report(indicator)
    client = APIClient()
    client.force_authenticate(users['elsewhere'])
    step = client.post(reverse('monitoring-api:actualreport-submit', args=[report.pk]), {}, format='json')
    assert step.status_code in (403, 404)
    with pytest.raises(PermissionDenied):
        actual_services.save_values(report, users['elsewhere'], rows(D(1)))
