"""The follow-up rules and the perpetrators' lines, in plain Python."""

import datetime

import pytest

from ssrhub.safeguards.allegation_rules import FollowUpState, follow_up_problems, perpetrator_entries

FACTS = datetime.date(2025, 3, 14)
LATER = datetime.date(2025, 4, 1)


@pytest.mark.parametrize(
    ('step', 'dates', 'expected'),
    [
        ('reported', {'reported_on': LATER}, []),
        ('reported', {}, [('reported_on', 'required')]),
        ('reported', {'reported_on': LATER, 'verified_on': LATER}, [('verified_on', 'not-reached')]),
        ('verified', {'reported_on': LATER}, [('verified_on', 'required')]),
        ('communicated', {'reported_on': LATER, 'verified_on': LATER}, [('communicated_on', 'required')]),
        ('communicated', {'reported_on': LATER, 'verified_on': LATER, 'communicated_on': LATER}, []),
        ('not-verified', {'reported_on': LATER, 'verified_on': LATER}, [('verified_on', 'not-reached')]),
        (
            'verified',
            {'reported_on': FACTS - datetime.timedelta(days=1), 'verified_on': LATER},
            [('reported_on', 'before-facts')],
        ),  # fmt: skip
    ],
)
def test_each_step_needs_its_dates_and_no_later_one(step, dates, expected):
    assert follow_up_problems(FollowUpState(follow_up=step, occurred_on=FACTS, **dates)) == expected


def test_accountability_needs_the_action_said():
    dates = {'reported_on': LATER, 'verified_on': LATER, 'communicated_on': LATER}
    state = FollowUpState(follow_up='accountability', occurred_on=FACTS, **dates)
    assert follow_up_problems(state) == [('accountability', 'accountability-required')]
    done = FollowUpState(follow_up='accountability', occurred_on=FACTS, accountability='Court martial.', **dates)
    assert follow_up_problems(done) == []


def test_a_date_on_the_first_day_of_the_facts_period_is_accepted():
    # Facts known to the year are stored as 1 January: a report in February is not before them.
    state = FollowUpState(
        follow_up='reported', occurred_on=datetime.date(2025, 1, 1), reported_on=datetime.date(2025, 2, 1)
    )
    assert follow_up_problems(state) == []


def test_perpetrators_one_per_line_aliases_after_a_bar():
    text = 'Jean Dupont | J. Dupont | Dupont Jean\n\n  Colonel X  \n| lone alias'
    assert perpetrator_entries(text) == [
        ('Jean Dupont', ('J. Dupont', 'Dupont Jean')),
        ('Colonel X', ()),
        ('lone alias', ()),
    ]
