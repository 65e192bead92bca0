"""The review workflow of an actual report, in plain Python: which step may follow which, and who may take it.

A report goes draft -> submitted -> approved, or returned (with a comment) -> submitted again. An approved report
may be reopened (returned, with a comment) until it is locked; a locked report refuses every change until it is
unlocked (with a reason). ``refusal()`` answers with a code, never a sentence: the Django layer words it.

Who may take a step (``Actor`` says what the Django layer knows about the user):

- submit: a user who may change the country's workspace records (an editor of the country, the reporting focal
  point);
- approve, return, reopen and lock: a user who may change the country's workspace records and who is not the
  person who submitted the report (four eyes: nobody approves their own figures);
- unlock: an administrator only, with a reason.
"""

from dataclasses import dataclass

__all__ = [
    'ACTIONS',
    'APPROVED',
    'DRAFT',
    'EDITABLE',
    'RETURNED',
    'STATUSES',
    'SUBMITTED',
    'Actor',
    'Step',
    'refusal',
]

DRAFT, SUBMITTED, APPROVED, RETURNED = 'draft', 'submitted', 'approved', 'returned'
STATUSES = (DRAFT, SUBMITTED, APPROVED, RETURNED)
# Values may be entered and changed in these statuses only (and never while the report is locked).
EDITABLE = frozenset({DRAFT, RETURNED})


@dataclass(frozen=True)
class Step:
    """A step of the workflow: the statuses it starts from, the status it leads to (``None``: unchanged), whether it
    needs a comment, whether it acts on a locked report, and who may take it ('editor', 'reviewer', 'administrator')."""

    sources: frozenset
    target: str | None
    who: str
    comment_required: bool = False
    locked: bool | None = False
    lock: bool | None = None


ACTIONS = {
    'submit': Step(frozenset({DRAFT, RETURNED}), SUBMITTED, 'editor'),
    'approve': Step(frozenset({SUBMITTED}), APPROVED, 'reviewer'),
    'return': Step(frozenset({SUBMITTED}), RETURNED, 'reviewer', comment_required=True),
    'reopen': Step(frozenset({APPROVED}), RETURNED, 'reviewer', comment_required=True),
    'lock': Step(frozenset({APPROVED}), None, 'reviewer', lock=True),
    'unlock': Step(frozenset({APPROVED}), None, 'administrator', comment_required=True, locked=True, lock=False),
}


@dataclass(frozen=True)
class Actor:
    """What the workflow needs to know about the user taking a step on one report."""

    user_id: int
    may_change: bool
    is_administrator: bool = False


def refusal(action: str, status: str, locked: bool, actor: Actor, submitter_id, comment: str = '', values: int = 1):
    """Why ``actor`` may not take ``action`` on a report in ``status`` (``None`` when they may).

    Codes: ``unknown-action``, ``locked`` (the report is locked), ``not-locked``, ``wrong-status``, ``not-allowed``
    (the user may not change the country's records, or unlocking by a non-administrator), ``own-submission`` (four
    eyes), ``comment-required``, ``no-values`` (submitting an empty report).
    """
    step = ACTIONS.get(action)
    if step is None:
        return 'unknown-action'
    if step.locked and not locked:
        return 'not-locked'
    if not step.locked and locked:
        return 'locked'
    if status not in step.sources:
        return 'wrong-status'
    if step.who == 'administrator':
        if not actor.is_administrator:
            return 'not-allowed'
    elif not actor.may_change:
        return 'not-allowed'
    if step.who == 'reviewer' and submitter_id is not None and submitter_id == actor.user_id:
        return 'own-submission'
    if step.comment_required and not comment.strip():
        return 'comment-required'
    if action == 'submit' and values == 0:
        return 'no-values'
    return None
