"""The review workflow's rule (plain Python): which step may follow which, and who may take it."""

import pytest

from ssrhub.monitoring import review
from ssrhub.monitoring.review import Actor

EDITOR = Actor(user_id=1, may_change=True)
OTHER_EDITOR = Actor(user_id=2, may_change=True)
VIEWER = Actor(user_id=3, may_change=False)
ADMIN = Actor(user_id=4, may_change=True, is_administrator=True)


@pytest.mark.parametrize(
    ('action', 'status', 'locked', 'actor', 'submitter', 'comment', 'expected'),
    [
        ('submit', 'draft', False, EDITOR, None, '', None),
        ('submit', 'returned', False, EDITOR, 1, '', None),
        ('submit', 'draft', False, VIEWER, None, '', 'not-allowed'),
        ('submit', 'approved', False, EDITOR, 1, '', 'wrong-status'),
        ('approve', 'submitted', False, OTHER_EDITOR, 1, '', None),
        ('approve', 'submitted', False, EDITOR, 1, '', 'own-submission'),
        ('approve', 'submitted', False, ADMIN, 4, '', 'own-submission'),
        ('approve', 'draft', False, OTHER_EDITOR, None, '', 'wrong-status'),
        ('approve', 'submitted', False, VIEWER, 1, '', 'not-allowed'),
        ('return', 'submitted', False, OTHER_EDITOR, 1, '', 'comment-required'),
        ('return', 'submitted', False, OTHER_EDITOR, 1, 'Female count missing', None),
        ('reopen', 'approved', False, OTHER_EDITOR, 1, 'Register corrected', None),
        ('reopen', 'approved', True, OTHER_EDITOR, 1, 'Register corrected', 'locked'),
        ('lock', 'approved', False, OTHER_EDITOR, 1, '', None),
        ('lock', 'submitted', False, OTHER_EDITOR, 1, '', 'wrong-status'),
        ('lock', 'approved', True, OTHER_EDITOR, 1, '', 'locked'),
        ('unlock', 'approved', True, OTHER_EDITOR, 1, 'Audit finding', 'not-allowed'),
        ('unlock', 'approved', True, ADMIN, 1, '', 'comment-required'),
        ('unlock', 'approved', True, ADMIN, 1, 'Audit finding', None),
        ('unlock', 'approved', False, ADMIN, 1, 'Audit finding', 'not-locked'),
        ('publish', 'draft', False, ADMIN, None, '', 'unknown-action'),
    ],
)
def test_refusal(action, status, locked, actor, submitter, comment, expected):
    assert review.refusal(action, status, locked, actor, submitter, comment) == expected


def test_an_empty_report_cannot_be_submitted():
    assert review.refusal('submit', 'draft', False, EDITOR, None, values=0) == 'no-values'


def test_values_change_only_in_a_draft_or_a_returned_report():
    assert review.EDITABLE == {'draft', 'returned'}
