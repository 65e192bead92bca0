"""Rules of an alleged violation's follow-up and of its list of alleged perpetrators (plain Python).

The follow-up runs reported -> verified -> communicated to the authorities -> accountability action, or stops at
"could not be verified". Each step needs its date and no date of a step not reached; no date of the follow-up is
before the facts (the first day of their period, when only the month or the year is known).
"""

import datetime
from dataclasses import dataclass

__all__ = ['FOLLOW_UP_DATES', 'OPEN_STEPS', 'FollowUpState', 'follow_up_problems', 'perpetrator_entries']

OPEN_STEPS = ('reported', 'verified', 'communicated')

# The dates each step needs, in the order the steps are reached.
FOLLOW_UP_DATES = {
    'reported': ('reported_on',),
    'verified': ('reported_on', 'verified_on'),
    'communicated': ('reported_on', 'verified_on', 'communicated_on'),
    'accountability': ('reported_on', 'verified_on', 'communicated_on'),
    'not-verified': ('reported_on',),
}
DATE_FIELDS = ('reported_on', 'verified_on', 'communicated_on')


@dataclass(frozen=True)
class FollowUpState:
    follow_up: str
    occurred_on: datetime.date | None
    reported_on: datetime.date | None = None
    verified_on: datetime.date | None = None
    communicated_on: datetime.date | None = None
    accountability: str = ''


def follow_up_problems(state: FollowUpState) -> list[tuple[str, str]]:
    """(field, code) for each problem: ``required`` (the step needs this date), ``not-reached`` (a date of a step not
    reached), ``before-facts`` (a date before the facts), ``accountability-required`` (the action is not said)."""
    needed = FOLLOW_UP_DATES.get(state.follow_up, ())
    problems = []
    for name in DATE_FIELDS:
        value = getattr(state, name)
        if value is None:
            if name in needed:
                problems.append((name, 'required'))
        elif name not in needed:
            problems.append((name, 'not-reached'))
        elif state.occurred_on and value < state.occurred_on:
            problems.append((name, 'before-facts'))
    if state.follow_up == 'accountability' and not state.accountability.strip():
        problems.append(('accountability', 'accountability-required'))
    return problems


def perpetrator_entries(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The alleged perpetrators written one per line, aliases after a vertical bar: ``(name, aliases)`` each."""
    entries = []
    for line in text.splitlines():
        names = [part.strip() for part in line.split('|') if part.strip()]
        if names:
            entries.append((names[0], tuple(names[1:])))
    return entries
