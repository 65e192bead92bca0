"""The DRC demo of due diligence: a whole case from the book, graded allegations, made-up individuals screened with a
confirmed and a rejected match; loading twice writes nothing more."""

import datetime

import pytest

from ssrhub.core.loading import LoadReport

from ..demo import load_safeguards_demo
from ..models import (
    Allegation,
    CaseStatus,
    Individual,
    MatchDecision,
    MitigationStatus,
    ScreeningMatch,
    SupportRequest,
)
from .reports_fixtures import safeguards_demo  # noqa: F401  (fixture)


@pytest.mark.django_db
def test_the_suspended_offensive_is_a_whole_case(safeguards_demo):  # noqa: F811
    """Walked through the workflow: decided, reopened by the allegation, the support suspended during the
    reassessment (which stays in draft, at version 2)."""
    case = SupportRequest.objects.get(country__iso3='COD', kind='joint-operations')
    assert case.status == CaseStatus.DRAFT and case.recipient.acronym == 'FARDC'
    first, reassessment = case.assessments.order_by('version')
    assert first.frozen and first.factors.count() == 4 and first.overall_risk == 4
    assert not reassessment.frozen and reassessment.factors.count() == 4
    assert list(reassessment.allegations.values_list('violation', flat=True)) == ['enforced-disappearance']
    steps = set(case.history.values_list('history_change_reason', flat=True))
    assert {'Submitted to the forum', 'Reviewed by the forum', 'Decided', 'Reopened', 'Support suspended'} <= steps
    assert case.reviews.get().reviewer == safeguards_demo['taskforce']
    decision = case.current_decision
    assert decision.outcome == 'support-with-measures' and decision.approver == safeguards_demo['head']
    on_time, overdue = case.mitigations.order_by('due_on')
    assert on_time.status == MitigationStatus.MET and on_time.met_on <= on_time.due_on
    assert overdue.overdue
    reopening = case.reopenings.get()
    assert reopening.reason == 'new-allegation' and reopening.allegation.violation == 'enforced-disappearance'
    suspension = case.interventions.get()
    assert suspension.suspends_now and suspension.started_on.year == 2015
    assert suspension.started_on > decision.decided_on
    assert case.history.first().history_user == safeguards_demo['hrdd']


@pytest.mark.django_db
def test_allegations_are_graded_and_individuals_made_up_with_a_confirmed_and_a_rejected_match(
    safeguards_demo,  # noqa: F811
):
    assert Allegation.objects.filter(country__iso3='COD').count() == 4
    sources = [str(source) for allegation in Allegation.objects.all() for source in allegation.sources.all()]
    assert 'B2' in sources and 'A1' in sources
    assert Allegation.objects.get(violation='child-recruitment').occurred_on == datetime.date(2013, 1, 1)
    individuals = list(Individual.objects.all())
    assert len(individuals) == 4 and all(individual.fictitious for individual in individuals)
    decisions = sorted(ScreeningMatch.objects.values_list('decision', flat=True))
    assert decisions == [MatchDecision.CONFIRMED, MatchDecision.REJECTED]


@pytest.mark.django_db
def test_loading_the_demo_again_writes_nothing(safeguards_demo):  # noqa: F811
    before = SupportRequest.objects.count(), Allegation.objects.count(), Individual.objects.count()
    report = load_safeguards_demo()
    assert isinstance(report, LoadReport) and not any(outcome == 'created' for _name, outcome in report)
    assert (SupportRequest.objects.count(), Allegation.objects.count(), Individual.objects.count()) == before
