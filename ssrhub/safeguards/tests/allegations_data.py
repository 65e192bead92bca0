"""Records the allegations and overview tests build: security actors, allegations with sources, support requests
with their assessment, decision, measures and interventions."""

import datetime

from ssrhub.core.models import Country
from ssrhub.countries.models import Actor, ActorType, Area
from ssrhub.framework.models import UNEntity
from ssrhub.safeguards.models import (
    Allegation,
    AllegationSource,
    Decision,
    Intervention,
    Mitigation,
    RiskAssessment,
    SupportRequest,
)

FACTS = datetime.date(2025, 3, 14)


def actor(iso3: str = 'COD', name: str = 'Forces armées') -> Actor:
    return Actor.objects.get_or_create(
        country=Country.objects.get(iso3=iso3),
        name=name,
        defaults={'area': Area.CORE, 'type': ActorType.DEFENCE},
    )[0]


def allegation(iso3: str = 'COD', recipient=None, source=True, **fields) -> Allegation:
    values = {
        'occurred_on': FACTS,
        'place': 'Bunia',
        'violation': 'killing',
        'narrative': 'Soldiers fired on a market.',
        'reported_on': FACTS + datetime.timedelta(days=2),
        **fields,
    }
    record = Allegation.objects.create(
        country=Country.objects.get(iso3=iso3), recipient=recipient or actor(iso3), **values
    )
    if source:
        AllegationSource.objects.create(allegation=record, name='Witness', reliability='B', credibility='2')
    return record


def support_request(recipient, user, title='Rations', status='draft', risk=None, decision=None, **fields):
    """A support request to ``recipient``; with ``risk`` an assessment of that overall risk, with ``decision`` a
    ``(decided_on, expires_on)`` decision taken by ``user``."""
    entity = UNEntity.objects.order_by('pk').first()
    request = SupportRequest.objects.create(
        country=recipient.country,
        title=title,
        un_entity=entity,
        recipient=recipient,
        kind='rations',
        start=fields.pop('start', datetime.date(2025, 1, 1)),
        basis='S/RES/2765 (2024)',
        **fields,
    )
    SupportRequest.objects.filter(pk=request.pk).update(status=status)  # the workflow's transitions are not ours
    assessment = RiskAssessment.objects.create(request=request, overall_risk=risk)
    if decision:
        Decision.objects.create(
            request=request,
            assessment=assessment,
            outcome='support-with-measures',
            approver=user,
            decided_on=decision[0],
            expires_on=decision[1],
            justification='Measures agreed.',
        )
    return request


def measure(request, due_on, **fields) -> Mitigation:
    return Mitigation.objects.create(request=request, description='Vetting', owner='MONUSCO', due_on=due_on, **fields)


def intervention(request, started_on, ended_on=None) -> Intervention:
    return Intervention.objects.create(
        request=request, kind='suspension', started_on=started_on, ended_on=ended_on, reason='Killings in Bunia.'
    )
