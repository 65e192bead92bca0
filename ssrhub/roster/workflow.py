"""The life of a support request, from the request to the deployment and its completion (plain Python, no Django).

Steps move forward: requested, acknowledged, candidates proposed, expert selected, deployed, completed. A step
may be skipped (a request acknowledged with candidates already named) and candidates may be proposed again
before one is selected; a request may be cancelled at any point before it is completed. Nothing follows
completion or cancellation, and a step is never dated before the step it follows. ``refusal()`` returns a code
and its parameters; the Django layer writes the sentence.
"""

import datetime

__all__ = ['CANCELLED', 'COMPLETED', 'DEPLOYED', 'FINAL', 'ORDER', 'REPEATABLE', 'REQUESTED', 'SELECTED', 'refusal']

REQUESTED = 'requested'
ACKNOWLEDGED = 'acknowledged'
PROPOSED = 'candidates-proposed'
SELECTED = 'expert-selected'
DEPLOYED = 'deployed'
COMPLETED = 'completed'
CANCELLED = 'cancelled'

ORDER = (REQUESTED, ACKNOWLEDGED, PROPOSED, SELECTED, DEPLOYED, COMPLETED)
FINAL = frozenset({COMPLETED, CANCELLED})
REPEATABLE = frozenset({PROPOSED})


def refusal(
    current: str | None, current_date: datetime.date | None, status: str, date: datetime.date
) -> tuple[str, dict] | None:
    """Why a step to ``status`` on ``date`` may not follow the request's latest step (``current`` on
    ``current_date``, None before the first): a code and its parameters, or None when it may."""
    if current is None:
        return None if status == REQUESTED else ('first-not-requested', {'status': status})
    if current in FINAL:
        return ('after-final', {'current': current})
    if current_date is not None and date < current_date:
        return ('before-previous', {'current': current, 'date': current_date})
    if status == CANCELLED:
        return None
    if status == REQUESTED:
        return ('requested-again', {})
    position, latest = ORDER.index(status), ORDER.index(current)
    if position < latest or (position == latest and status not in REPEATABLE):
        return ('backwards', {'status': status, 'current': current})
    if status == DEPLOYED and latest < ORDER.index(SELECTED):
        return ('deployed-unselected', {})
    return None
