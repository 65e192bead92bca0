"""Follow-up of forum decisions: when a decision is due, whether it is overdue, which status it stands at.

Plain Python (no Django): the models, views, dashboard flags and API ask these functions, so that one rule decides
what "overdue" means everywhere. A due date known only to the month or the year runs to the end of that period
(``core/dates.py``): a decision due "March 2019" is overdue from 1 April 2019.
"""

import datetime
from collections.abc import Iterable

from ssrhub.core.dates import DAY, period_end

__all__ = ['CLOSED', 'OPEN', 'deadline', 'days_overdue', 'is_overdue', 'latest_status']

OPEN = ('open', 'in-progress')
CLOSED = ('done', 'dropped')


def deadline(due: datetime.date | None, precision: str = DAY) -> datetime.date | None:
    """The last day a decision due ``due`` (the first day of its period) may be met on; None without a due date."""
    return period_end(due, precision) if due else None


def is_overdue(due: datetime.date | None, precision: str, status: str, today: datetime.date) -> bool:
    """Overdue: the deadline has passed on ``today`` and the decision is neither done nor dropped."""
    last = deadline(due, precision)
    return last is not None and last < today and status not in CLOSED


def days_overdue(due: datetime.date | None, precision: str, status: str, today: datetime.date) -> int:
    """How many days past its deadline an overdue decision is on ``today`` (0 when it is not overdue)."""
    if not is_overdue(due, precision, status, today):
        return 0
    return (today - deadline(due, precision)).days


def latest_status(updates: Iterable[tuple[datetime.date, int, str]], default: str) -> str:
    """The status of the latest update, ``(date, order, status)`` (the later date wins, then the later entry), or
    ``default`` when there is none: an older report entered late does not overwrite a newer one."""
    latest = max(updates, default=None, key=lambda update: (update[0], update[1]))
    return latest[2] if latest else default
