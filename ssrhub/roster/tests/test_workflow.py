"""The steps of a support request (no database)."""

import datetime

import pytest

from ssrhub.roster.workflow import refusal

D = datetime.date(2026, 3, 1)
LATER = datetime.date(2026, 4, 1)


@pytest.mark.parametrize(
    ('current', 'status', 'expected'),
    [
        (None, 'requested', None),
        (None, 'deployed', 'first-not-requested'),
        ('requested', 'acknowledged', None),
        ('requested', 'candidates-proposed', None),  # acknowledged with candidates at once
        ('candidates-proposed', 'candidates-proposed', None),  # proposed again
        ('acknowledged', 'acknowledged', 'backwards'),
        ('expert-selected', 'acknowledged', 'backwards'),
        ('acknowledged', 'deployed', 'deployed-unselected'),
        ('expert-selected', 'deployed', None),
        ('deployed', 'completed', None),
        ('deployed', 'cancelled', None),
        ('completed', 'cancelled', 'after-final'),
        ('cancelled', 'acknowledged', 'after-final'),
        ('acknowledged', 'requested', 'requested-again'),
    ],
)
def test_which_step_may_follow_which(current, status, expected):
    found = refusal(current, D if current else None, status, LATER)
    assert (found[0] if found else None) == expected


def test_a_step_is_never_dated_before_the_latest():
    assert refusal('requested', LATER, 'acknowledged', D) == (
        'before-previous',
        {'current': 'requested', 'date': LATER},
    )
    assert refusal('requested', D, 'acknowledged', D) is None  # the same day
