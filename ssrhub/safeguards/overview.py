"""The country's due-diligence overview (plain Python): per recipient its current cases, open allegations, overdue
mitigatory measures and active interventions, what needs attention and why, recipients needing attention first.

Attention rules, in the order they rank a recipient:
1. an open allegation reported after the current decision on one of its cases;
2. an overdue mitigatory measure;
3. a decision expired, or expiring within ``EXPIRING_DAYS`` days;
4. a decided request reopened and not yet decided again (its support goes on, or is suspended, meanwhile);
5. a request waiting for the forum's review or for the decision.
"""

import datetime
from dataclasses import dataclass, field

__all__ = ['EXPIRING_DAYS', 'REASONS', 'Case', 'Recipient', 'Row', 'attention', 'overview_rows']

EXPIRING_DAYS = 30
REASONS = (
    'allegation-after-decision',
    'overdue-mitigation',
    'decision-expired',
    'decision-expiring',
    'reopened',
    'pending',
)
WAITING = ('submitted', 'reviewed')
REASSESSING = ('draft', *WAITING)


@dataclass(frozen=True)
class Case:
    """One current support request to the recipient, with its current risk and decision."""

    id: int
    title: str
    status: str
    risk: int | None = None
    outcome: str = ''
    decided_on: datetime.date | None = None
    expires_on: datetime.date | None = None
    overdue_mitigations: int = 0
    active_interventions: tuple[str, ...] = ()

    def expired(self, today: datetime.date) -> bool:
        return self.expires_on is not None and self.expires_on < today

    def expiring(self, today: datetime.date) -> bool:
        limit = today + datetime.timedelta(days=EXPIRING_DAYS)
        return self.expires_on is not None and today <= self.expires_on <= limit


@dataclass(frozen=True)
class Recipient:
    id: int
    name: str
    cases: tuple[Case, ...] = ()
    open_allegations: int = 0
    newest_allegation: datetime.date | None = None  # the date of the facts of the newest open allegation
    newest_report: datetime.date | None = None  # the latest day an open allegation was reported


@dataclass(frozen=True)
class Row:
    recipient: Recipient
    reasons: tuple[str, ...] = field(default=())

    @property
    def overdue_mitigations(self) -> int:
        return sum(case.overdue_mitigations for case in self.recipient.cases)


def attention(recipient: Recipient, today: datetime.date) -> tuple[str, ...]:
    """The reasons (``REASONS``, in their order) why the recipient needs attention; empty when none."""
    cases = recipient.cases
    found = {
        'allegation-after-decision': recipient.newest_report is not None
        and any(case.decided_on is not None and recipient.newest_report > case.decided_on for case in cases),
        'overdue-mitigation': any(case.overdue_mitigations for case in cases),
        'decision-expired': any(case.expired(today) for case in cases),
        'decision-expiring': any(case.expiring(today) for case in cases),
        'reopened': any(case.status in REASSESSING and case.decided_on is not None for case in cases),
        'pending': any(case.status in WAITING for case in cases),
    }
    return tuple(reason for reason in REASONS if found[reason])


def overview_rows(recipients, today: datetime.date) -> list[Row]:
    """One row per recipient: those needing attention first (the most pressing reason first, then the number of
    reasons), then by name."""
    rows = [Row(recipient, attention(recipient, today)) for recipient in recipients]

    def rank(row: Row):
        first = REASONS.index(row.reasons[0]) if row.reasons else len(REASONS)
        return (not row.reasons, first, -len(row.reasons), row.recipient.name.casefold())

    return sorted(rows, key=rank)
