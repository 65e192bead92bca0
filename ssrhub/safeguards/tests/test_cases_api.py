"""The support-request API: writes by the country's due-diligence officer, steps as POST actions with the pages'
role checks (403), a second decision refused (409), frozen versions never written, shared decisions for viewers."""

import datetime

import pytest
from django.urls import reverse

from ssrhub.core.roles import Role
from ssrhub.core.testing.two_factor import verified_login
from ssrhub.framework.models import UNEntity
from ssrhub.safeguards.models import CaseStatus, Decision, Outcome, SharedDecision

from .cases_data import put_in, recipient, support_request, users

pytestmark = pytest.mark.django_db

LATER = (datetime.date.today() + datetime.timedelta(days=365)).isoformat()


@pytest.fixture
def people(make_user):
    return users(make_user)


def _url(name, *args):
    return reverse(f'safeguards-api:{name}', args=args)


def test_officer_creates_a_request_forum_member_may_not(client, people):
    payload = {
        'country': 'COD',
        'title': 'Fuel for patrols',
        'un_entity': UNEntity.objects.get(code='DPO').pk,
        'recipient': recipient().pk,
        'kind': 'fuel',
        'description': 'Diesel',
        'start': '2026-02-01',
        'basis': 'S/RES/2765 (2024)',
        'status': 'decided',  # read-only: ignored
    }
    verified_login(client, people['forum'])
    assert client.post(_url('supportrequest-list'), payload, content_type='application/json').status_code == 403
    verified_login(client, people['caf_officer'])
    assert client.post(_url('supportrequest-list'), payload, content_type='application/json').status_code == 403
    verified_login(client, people['officer'])
    response = client.post(_url('supportrequest-list'), payload, content_type='application/json')
    assert response.status_code == 201, response.json()
    assert response.json()['status'] == 'draft' and response.json()['steps'] == ['submit']


def test_steps_through_the_api_with_role_checks_and_conflicts(client, people):
    officer, forum, head = people['officer'], people['forum'], people['head']
    request = support_request(officer)
    submit = _url('supportrequest-submit', request.pk)
    verified_login(client, forum)
    assert client.post(submit, {}, content_type='application/json').status_code == 403
    verified_login(client, people['caf_officer'])
    assert client.post(submit, {}, content_type='application/json').status_code == 404
    verified_login(client, officer)
    current = _url('riskassessment-detail', request.current_assessment.pk)
    patch = client.patch(current, {'overall_risk': 4}, content_type='application/json')
    assert patch.status_code == 400 and 'risk_reason' in patch.json()  # the matrix suggests high: say why
    patch = client.patch(current, {'overall_risk': 4, 'risk_reason': 'New units.'}, content_type='application/json')
    assert patch.status_code == 200 and patch.json()['suggested_risk'] == 3
    response = client.post(submit, {}, content_type='application/json')
    assert response.status_code == 200 and response.json()['status'] == 'submitted'
    frozen = request.current_assessment
    patch = client.patch(_url('riskassessment-detail', frozen.pk), {'conclusion': 'x'}, content_type='application/json')
    assert patch.status_code == 403
    verified_login(client, forum)
    review = {'recommendation': 'support', 'comment': 'Fine.'}
    assert (
        client.post(_url('supportrequest-review', request.pk), review, content_type='application/json').status_code
        == 200
    )
    verified_login(client, head)
    decide = {'outcome': Outcome.SUPPORT, 'justification': 'Low risk.', 'expires_on': LATER, 'shared': True}
    url = _url('supportrequest-decide', request.pk)
    assert client.post(url, decide, content_type='application/json').status_code == 200
    again = client.post(url, decide, content_type='application/json')
    assert again.status_code == 409 and 'already moved on' in again.json()['detail']
    assert Decision.objects.filter(request=request).count() == 1
    resume = {'ended_on': LATER}
    assert (
        client.post(_url('supportrequest-resume', request.pk), resume, content_type='application/json').status_code
        == 409
    )


def test_decide_with_measures_needs_one_and_decision_records_are_read_only(client, people):
    request = put_in(support_request(people['officer']), CaseStatus.REVIEWED)
    verified_login(client, people['head'])
    decide = {'outcome': Outcome.SUPPORT_WITH_MEASURES, 'justification': 'x', 'expires_on': LATER}
    response = client.post(_url('supportrequest-decide', request.pk), decide, content_type='application/json')
    assert response.status_code == 400 and 'outcome' in response.json()
    request.refresh_from_db()
    assert request.status == CaseStatus.REVIEWED
    assert client.post(_url('decision-list'), {}, content_type='application/json').status_code in {403, 405}


def test_shared_decisions_are_read_by_workspace_viewers_and_nothing_else_of_the_case(client, people, make_user):
    request = put_in(support_request(people['officer']), CaseStatus.REVIEWED)
    verified_login(client, people['head'])
    decide = {'outcome': Outcome.NO_SUPPORT, 'justification': 'Secret reasons.', 'expires_on': LATER, 'shared': True}
    assert (
        client.post(_url('supportrequest-decide', request.pk), decide, content_type='application/json').status_code
        == 200
    )
    viewer = make_user('plain-viewer', Role.VIEWER)
    client.force_login(viewer)
    rows = client.get(_url('shareddecision-list')).json()['results']
    assert [(row['country'], row['outcome']) for row in rows] == [('COD', 'no-support')]
    assert 'Secret' not in str(rows)
    assert client.get(_url('supportrequest-list')).json()['results'] == []
    assert client.get(_url('decision-list')).json()['results'] == []
    assert SharedDecision.objects.count() == 1
