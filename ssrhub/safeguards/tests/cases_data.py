"""Records for the support-request tests: a COD request with a complete assessment, the users of every role, and
a helper that puts a request in a state (the status field itself is protected)."""

import datetime

from ssrhub.core.models import Country
from ssrhub.core.roles import Role
from ssrhub.countries.models import Actor
from ssrhub.framework.models import UNEntity
from ssrhub.safeguards.models import (
    Allegation,
    CaseStatus,
    Decision,
    FactorKind,
    Outcome,
    RiskAssessment,
    RiskFactor,
    SupportRequest,
)

ROLES = {
    'officer': (Role.DUE_DILIGENCE_OFFICER, ('COD',)),
    'forum': (Role.HRDDP_FORUM_MEMBER, ('COD',)),
    'head': (Role.HRDDP_DECISION_MAKER, ('COD',)),
    'editor': (Role.COUNTRY_EDITOR, ('COD',)),
    'caf_officer': (Role.DUE_DILIGENCE_OFFICER, ('CAF',)),
    'admin': (Role.ADMINISTRATOR, ()),
}


AFTER_DECISION = (CaseStatus.DECIDED, CaseStatus.SUSPENDED, CaseStatus.WITHDRAWN)


def users(make_user) -> dict:
    return {name: make_user(name, role, countries=countries) for name, (role, countries) in ROLES.items()}


def recipient(iso3='COD', name='31st brigade') -> Actor:
    return Actor.objects.get_or_create(
        country=Country.objects.get(iso3=iso3), name=name, defaults={'area': 'core-security-actors', 'type': 'defence'}
    )[0]


def support_request(officer, iso3='COD', description='Rations for a joint operation', **fields) -> SupportRequest:
    """A draft request with a complete first assessment (likelihood, impact, risk, one assessor, two factors)."""
    request = SupportRequest.objects.create(
        country=Country.objects.get(iso3=iso3),
        title=fields.pop('title', 'Rations for the 31st brigade'),
        un_entity=UNEntity.objects.get(code='DPO'),
        recipient=recipient(iso3),
        kind='rations',
        description=description,
        start=datetime.date(2026, 1, 1),
        basis='S/RES/2765 (2024)',
        **fields,
    )
    assessment = RiskAssessment.objects.create(
        request=request, likelihood=2, impact=3, overall_risk=3, record='Two verified killings in 2025.'
    )
    assessment.assessors.set([officer])
    RiskFactor.objects.create(assessment=assessment, factor=FactorKind.TRAINING, rating=2, finding='Trained.')
    RiskFactor.objects.create(assessment=assessment, factor=FactorKind.PAST_CONDUCT, rating=3, finding='Killings.')
    return request


def put_in(request, status) -> SupportRequest:
    """Set the status; a state after the decision gets a decision to support, taken by the request's assessor."""
    if status in AFTER_DECISION and not request.decisions.exists():
        Decision.objects.create(
            request=request,
            assessment=request.current_assessment,
            outcome=Outcome.SUPPORT,
            approver=request.current_assessment.assessors.first(),
            decided_on=datetime.date(2026, 2, 1),
            justification='Low risk.',
            expires_on=datetime.date(2030, 1, 1),
        )
    SupportRequest.objects.filter(pk=request.pk).update(status=status)
    request.refresh_from_db()
    return request


def allegation(iso3='COD', actor=None, **fields) -> Allegation:
    values = {
        'occurred_on': datetime.date(2026, 3, 2),
        'place': 'Beni',
        'violation': 'killing',
        'narrative': 'Civilians killed at a checkpoint.',
        'reported_on': datetime.date(2026, 3, 4),
        **fields,
    }
    return Allegation.objects.create(
        country=Country.objects.get(iso3=iso3), recipient=actor or recipient(iso3), **values
    )
