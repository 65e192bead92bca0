"""The overview's records read from the database through ``restrict()``, as ``overview.py``'s plain data: a fixed
number of queries whatever the number of recipients (requests with their counts, three prefetches, one aggregate of
the open allegations)."""

import datetime

from django.db.models import Count, Max, Prefetch, Q

from ssrhub.core.readlog import log_reads

from .allegation_rules import OPEN_STEPS
from .models import (
    Allegation,
    CaseStatus,
    Decision,
    Intervention,
    MitigationStatus,
    RiskAssessment,
    SupportRequest,
)
from .overview import Case, Recipient, Row, overview_rows

__all__ = ['country_overview']

OPEN_MITIGATION = (MitigationStatus.PLANNED, MitigationStatus.IN_PROGRESS)


def _cases(user, country, today: datetime.date):
    """The current support requests of the country (not withdrawn, not ended), each with its latest assessment
    version, its decisions newest first, its active interventions and its number of overdue measures."""
    overdue = Q(mitigations__status__in=OPEN_MITIGATION, mitigations__due_on__lt=today)
    active = Q(started_on__lte=today) & (Q(ended_on__isnull=True) | Q(ended_on__gte=today))
    return (
        SupportRequest.objects.restrict(user)
        .filter(country=country)
        .exclude(status=CaseStatus.WITHDRAWN)
        .exclude(end__lt=today)
        .select_related('recipient')
        .annotate(overdue_mitigations=Count('mitigations', filter=overdue, distinct=True))
        .prefetch_related(
            Prefetch('assessments', RiskAssessment.objects.restrict(user).order_by('-version'), 'versions'),
            Prefetch('decisions', Decision.objects.restrict(user).order_by('-decided_on', '-pk'), 'decided'),
            Prefetch('interventions', Intervention.objects.restrict(user).filter(active), 'active_interventions'),
        )
        .order_by('start', 'pk')
    )


def _case(request) -> Case:
    assessment = request.versions[0] if request.versions else None
    decision = request.decided[0] if request.decided else None
    return Case(
        id=request.pk,
        title=request.title,
        status=request.status,
        risk=assessment.overall_risk if assessment else None,
        outcome=decision.outcome if decision else '',
        decided_on=decision.decided_on if decision else None,
        expires_on=decision.expires_on if decision else None,
        overdue_mitigations=request.overdue_mitigations,
        active_interventions=tuple(intervention.kind for intervention in request.active_interventions),
    )


def country_overview(user, country, today: datetime.date) -> list[Row]:
    """The overview's rows for what ``user`` may read of ``country``, recipients needing attention first; the cases
    it shows are logged as read (``PermissionDenied`` when the log cannot be written)."""
    by_recipient: dict[int, tuple] = {}
    requests = list(_cases(user, country, today))
    log_reads(user, requests, 'list')
    for request in requests:
        actor, cases = by_recipient.setdefault(request.recipient_id, (request.recipient, []))
        cases.append(_case(request))
    allegations = {
        row['recipient']: row
        for row in Allegation.objects.restrict(user)
        .filter(country=country, recipient__in=list(by_recipient), follow_up__in=OPEN_STEPS)
        .order_by()
        .values('recipient')
        .annotate(count=Count('pk', distinct=True), newest=Max('occurred_on'), reported=Max('reported_on'))
    }
    recipients = []
    for pk, (actor, cases) in by_recipient.items():
        found = allegations.get(pk, {})
        recipients.append(
            Recipient(
                id=pk,
                name=actor.display_name,
                cases=tuple(cases),
                open_allegations=found.get('count', 0),
                newest_allegation=found.get('newest'),
                newest_report=found.get('reported'),
            )
        )
    return overview_rows(recipients, today)
