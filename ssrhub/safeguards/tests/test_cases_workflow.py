"""The support-request workflow: every step by every role (pages), the records each step writes, versions kept,
the automatic reopening on a new allegation and on expiry, and concurrent decisions."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from ssrhub.core.testing.two_factor import verified_login
from ssrhub.safeguards import workflow
from ssrhub.safeguards.models import (
    CaseStatus,
    Decision,
    ForumReview,
    Intervention,
    Mitigation,
    Outcome,
    Reopening,
    ReopenReason,
    SharedDecision,
)

from .cases_data import allegation, put_in, support_request, users

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
LATER = (TODAY + datetime.timedelta(days=365)).isoformat()

# step: (the state it starts from, the role that takes it, the POST data, the state it ends in)
STEPS = {
    'submit': (CaseStatus.DRAFT, 'officer', {}, CaseStatus.SUBMITTED),
    'return': (CaseStatus.SUBMITTED, 'forum', {'comment': 'Rate command and control.'}, CaseStatus.DRAFT),
    'review': (CaseStatus.SUBMITTED, 'forum', {'recommendation': 'support', 'comment': 'Fine.'}, CaseStatus.REVIEWED),
    'decide': (
        CaseStatus.REVIEWED,
        'head',
        {'outcome': 'support', 'justification': 'Low risk.', 'expires_on': LATER},
        CaseStatus.DECIDED,
    ),
    'reopen': (
        CaseStatus.DECIDED,
        'officer',
        {'reason': 'commander-changed', 'note': 'New colonel.'},
        CaseStatus.DRAFT,
    ),
    'suspend': (
        CaseStatus.DECIDED,
        'head',
        {'started_on': TODAY.isoformat(), 'reason': 'Killings in Beni.'},
        CaseStatus.SUSPENDED,
    ),
    'withdraw': (
        CaseStatus.SUSPENDED,
        'head',
        {'started_on': TODAY.isoformat(), 'reason': 'No accountability.'},
        CaseStatus.WITHDRAWN,
    ),
    'resume': (CaseStatus.SUSPENDED, 'head', {'ended_on': TODAY.isoformat()}, CaseStatus.DECIDED),
}


@pytest.fixture
def people(make_user):
    return users(make_user)


def _step_url(request, step):
    return reverse('safeguards:supportrequest_step', args=[request.country.iso3, request.pk, step])


@pytest.mark.parametrize('step', STEPS)
def test_every_step_is_taken_only_by_its_role(client, people, step):
    source, taker, data, target = STEPS[step]
    request = put_in(support_request(people['officer']), source)
    if source != CaseStatus.DRAFT:
        request.current_assessment.__class__.objects.filter(request=request).update(frozen=True)
    for name, user in people.items():
        if name == taker:
            continue
        verified_login(client, user)
        assert client.get(_step_url(request, step)).status_code in {403, 404}, name
        response = client.post(_step_url(request, step), data)
        assert response.status_code in {403, 404}, f'{name} took {step}: {response.status_code}'
        request.refresh_from_db()
        assert request.status == source, name
    verified_login(client, people[taker])
    response = client.post(_step_url(request, step), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    request.refresh_from_db()
    assert request.status == target
    assert request.history.latest('history_date').history_change_reason == workflow.REASONS[step]


def test_a_case_from_draft_to_reopening_keeps_every_version(people):
    officer, forum, head = people['officer'], people['forum'], people['head']
    request = support_request(officer)
    workflow.submit(request, officer)
    first = request.current_assessment
    assert first.frozen and request.status == CaseStatus.SUBMITTED
    workflow.review(request, forum, recommendation=Outcome.SUPPORT_WITH_MEASURES, comment='Vet the commanders.')
    assert ForumReview.objects.get(request=request).assessment == first
    with pytest.raises(Exception, match='at least one mitigatory measure'):
        workflow.decide(request, head, Outcome.SUPPORT_WITH_MEASURES, 'With conditions.', TODAY.replace(year=2030))
    assert request.status == CaseStatus.REVIEWED and not Decision.objects.exists()
    for due in (TODAY, TODAY.replace(year=2030)):
        Mitigation.objects.create(request=request, description='Screen the commanders', owner='JHRO', due_on=due)
    decision = workflow.decide(
        request, head, Outcome.SUPPORT_WITH_MEASURES, 'With conditions.', TODAY.replace(year=2030), shared=True
    )
    assert decision.approver == head and request.status == CaseStatus.DECIDED
    shared = SharedDecision.objects.get(request=request)
    assert (shared.recipient, shared.outcome, shared.expires_on) == (
        request.recipient,
        decision.outcome,
        decision.expires_on,
    )

    new = allegation()  # against the recipient: reopens the decided case
    request.refresh_from_db()
    assert request.status == CaseStatus.DRAFT
    reopening = Reopening.objects.get(request=request)
    assert (reopening.reason, reopening.allegation) == (ReopenReason.NEW_ALLEGATION, new)
    second = request.current_assessment
    assert (second.version, second.frozen) == (2, False)
    assert list(second.allegations.all()) == [new]
    assert sorted(second.factors.values_list('factor', 'rating', 'finding')) == sorted(
        first.factors.values_list('factor', 'rating', 'finding')
    )
    first.refresh_from_db()
    assert first.frozen and first.version == 1 and first.record == second.record

    workflow.submit(request, officer)
    workflow.review(request, forum, recommendation=Outcome.NO_SUPPORT)
    workflow.decide(request, head, Outcome.NO_SUPPORT, 'Too risky.', TODAY.replace(year=2030))  # not shared
    assert not SharedDecision.objects.filter(request=request).exists()


def test_submit_needs_a_complete_assessment_and_a_reason_for_another_risk(people):
    officer = people['officer']
    request = support_request(officer)
    assessment = request.current_assessment
    assessment.overall_risk = 1  # the matrix suggests high (2 x 3)
    assessment.save()
    with pytest.raises(Exception, match='Say why the overall risk'):
        workflow.submit(request, officer)
    assessment.risk_reason = 'The brigade is under a new, vetted command.'
    assessment.assessors.clear()
    assessment.save()
    with pytest.raises(Exception, match='at least one assessor'):
        workflow.submit(request, officer)
    assert request.status == CaseStatus.DRAFT
    assessment.assessors.set([officer])
    workflow.submit(request, officer)
    assert request.status == CaseStatus.SUBMITTED


def test_suspension_ends_when_support_resumes_or_is_withdrawn(people):
    head = people['head']
    alleged = allegation()  # before the decision: it reopens nothing
    request = put_in(support_request(people['officer']), CaseStatus.DECIDED)
    workflow.suspend(request, head, TODAY, 'Killings in Beni.', allegation=alleged)
    assert request.status == CaseStatus.SUSPENDED
    workflow.resume(request, head, TODAY)
    suspension = Intervention.objects.get(request=request, kind='suspension')
    assert suspension.ended_on == TODAY and request.status == CaseStatus.DECIDED
    workflow.suspend(request, head, TODAY, 'Again.')
    workflow.withdraw(request, head, TODAY, 'For good.')
    assert request.status == CaseStatus.WITHDRAWN
    assert not Intervention.objects.filter(request=request, kind='suspension', ended_on__isnull=True).exists()


def test_an_allegation_reopens_only_decided_cases_of_its_recipient_and_country(people):
    officer = people['officer']
    draft = support_request(officer, title='Draft')
    decided = put_in(support_request(officer, title='Decided'), CaseStatus.DECIDED)
    withdrawn = put_in(support_request(officer, title='Withdrawn'), CaseStatus.WITHDRAWN)
    other = put_in(support_request(officer, iso3='CAF', title='Elsewhere'), CaseStatus.DECIDED)
    allegation()
    for request, status in ((draft, 'draft'), (decided, 'draft'), (withdrawn, 'withdrawn'), (other, 'decided')):
        request.refresh_from_db()
        assert request.status == status, request.title


def test_expired_decisions_are_reopened_by_the_command(people):
    officer, head = people['officer'], people['head']
    request = put_in(support_request(officer), CaseStatus.REVIEWED)
    workflow.decide(request, head, Outcome.SUPPORT, 'Fine.', TODAY + datetime.timedelta(days=30))
    call_command('safeguards', 'expire', '--today', (TODAY + datetime.timedelta(days=29)).isoformat())
    request.refresh_from_db()
    assert request.status == CaseStatus.DECIDED
    call_command('safeguards', 'expire', '--today', (TODAY + datetime.timedelta(days=30)).isoformat())
    request.refresh_from_db()
    assert request.status == CaseStatus.DRAFT
    assert Reopening.objects.get(request=request).reason == ReopenReason.EXPIRED
    assert request.current_assessment.version == 2


def test_a_decision_from_a_stale_copy_is_refused_and_writes_nothing(people):
    head = people['head']
    request = put_in(support_request(people['officer']), CaseStatus.REVIEWED)
    stale = type(request).objects.get(pk=request.pk)
    workflow.decide(request, head, Outcome.SUPPORT, 'First.', TODAY.replace(year=2030))
    with pytest.raises(workflow.StepConflict, match='already moved on'):
        workflow.decide(stale, head, Outcome.NO_SUPPORT, 'Second.', TODAY.replace(year=2030))
    assert list(Decision.objects.values_list('justification', flat=True)) == ['First.']


def test_a_stale_copy_saved_after_another_step_is_refused_by_the_concurrency_check(people):
    """The copy still says "reviewed" and the transition passes in memory; the save finds the row moved on."""
    head = people['head']
    request = put_in(support_request(people['officer']), CaseStatus.REVIEWED)
    stale = type(request).objects.get(pk=request.pk)
    put_in(request, CaseStatus.DECIDED)  # another process decided meanwhile
    assert stale.status == CaseStatus.REVIEWED
    with pytest.raises(workflow.StepConflict):
        workflow.decide(stale, head, Outcome.NO_SUPPORT, 'Second.', TODAY.replace(year=2030))
    assert list(Decision.objects.values_list('justification', flat=True)) == ['Low risk.']  # put_in's decision


def test_the_same_decision_posted_twice_is_taken_once(client, people):
    request = put_in(support_request(people['officer']), CaseStatus.REVIEWED)
    verified_login(client, people['head'])
    data = STEPS['decide'][2]
    assert client.post(_step_url(request, 'decide'), data).status_code == 302
    second = client.post(_step_url(request, 'decide'), data)
    assert second.status_code == 409
    assert 'already moved on' in second.content.decode()
    assert Decision.objects.filter(request=request).count() == 1


def test_support_is_suspended_during_the_reassessment_and_the_next_decision_ends_the_suspension(client, people):
    officer, forum, head = people['officer'], people['forum'], people['head']
    request = put_in(support_request(officer), CaseStatus.DECIDED)
    alleged = allegation(narrative='Civilians killed at a checkpoint near Beni.')
    request.refresh_from_db()
    assert request.status == CaseStatus.DRAFT
    assert workflow.available_steps(request, head) == ['suspend', 'withdraw']
    workflow.suspend(request, head, TODAY, 'Pending the new assessment.', allegation=alleged)
    assert request.status == CaseStatus.DRAFT  # the reassessment carries on
    assert 'suspend' not in workflow.available_steps(request, head)
    assert workflow.available_steps(request, head) == ['withdraw', 'resume']
    verified_login(client, officer)
    page = client.get(request.get_absolute_url()).content.decode()
    assert 'id="support-suspended"' in page and f'Support suspended since {TODAY:%Y-%m-%d}' in page
    with pytest.raises(Exception, match='already suspended'):
        workflow.suspend(request, head, TODAY, 'Twice.')

    workflow.submit(request, officer)
    workflow.review(request, forum, 'support-with-measures', 'Screen the new commanders.')
    Mitigation.objects.create(request=request, description='Screen the commanders.', owner='UNJHRO', due_on=TODAY)
    later = TODAY + datetime.timedelta(days=20)
    workflow.decide(request, head, Outcome.SUPPORT_WITH_MEASURES, 'Screened.', LATER, decided_on=later)
    suspension = Intervention.objects.get(request=request)
    assert (request.status, suspension.ended_on) == (CaseStatus.DECIDED, later)


def test_a_suspension_during_the_reassessment_is_lifted_or_the_support_withdrawn(people):
    officer, head = people['officer'], people['head']
    request = put_in(support_request(officer), CaseStatus.DECIDED)
    workflow.reopen(request, officer, ReopenReason.COMMANDER_CHANGED)
    workflow.suspend(request, head, TODAY, 'A new commander with a record.')
    workflow.resume(request, head, TODAY)
    assert request.status == CaseStatus.DRAFT
    assert Intervention.objects.get(request=request).ended_on == TODAY
    workflow.suspend(request, head, TODAY, 'Again.')
    workflow.withdraw(request, head, TODAY, 'For good.')
    assert request.status == CaseStatus.WITHDRAWN
    assert not Intervention.objects.filter(request=request, kind='suspension', ended_on__isnull=True).exists()


def test_support_no_decision_gave_is_neither_suspended_nor_withdrawn(people):
    officer, head = people['officer'], people['head']
    draft = support_request(officer, title='Never decided')
    with pytest.raises(Exception, match='not running'):
        workflow.suspend(draft, head, TODAY, 'Nothing to suspend.')
    with pytest.raises(Exception, match='No decision gave support'):
        workflow.withdraw(draft, head, TODAY, 'Nothing to withdraw.')
    refused = put_in(support_request(officer, title='Refused'), CaseStatus.REVIEWED)
    workflow.decide(refused, head, Outcome.NO_SUPPORT, 'Too risky.', LATER)
    assert workflow.available_steps(refused, head) == []
    with pytest.raises(Exception, match='not running'):
        workflow.suspend(refused, head, TODAY, 'Nothing to suspend.')
    with pytest.raises(Exception, match='No decision gave support'):
        workflow.withdraw(refused, head, TODAY, 'Nothing to withdraw.')
    assert draft.status == CaseStatus.DRAFT and refused.status == CaseStatus.DECIDED
    assert not Intervention.objects.exists()
