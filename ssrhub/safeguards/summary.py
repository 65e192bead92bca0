"""The annual HRDDP summary of a country, counted from plain rows (plain Python, no Django).

Only codes, counts and dates enter here: the rows carry no name, narrative or other free text of any record, so the
summary cannot show one. Which year a record counts in:

* a support request: the year its support starts (the case keeps no date of receipt);
* a decision, reopening, intervention: the year it was made, the case reopened, the intervention started;
* a mitigatory measure: the year it falls due; met on time (on or before its due date), late, not met, or still open
  (planned or in progress); cancelled measures are left out;
* an allegation: the year it was reported;
* a screening: the year it ran; individuals are counted once however often they were screened, confirmed matches
  are those of the year's screenings.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

__all__ = ['MITIGATION_OUTCOMES', 'AnnualSummary', 'Rows', 'mitigation_outcome', 'summarise']

# How a measure due in the year ended, in the order the summary shows them.
MITIGATION_OUTCOMES = ('on-time', 'late', 'not-met', 'open')
_OPEN = ('planned', 'in-progress')


@dataclass(frozen=True)
class Rows:
    """The country's records as plain tuples (codes and dates only).

    requests: (kind, start); decisions: (outcome, decided_on); reopenings: (reason, reopened_on);
    mitigations: (status, due_on, met_on); interventions: (kind, started_on);
    allegations: (violation, follow_up, reported_on); screenings: (individual id, screened on, confirmed matches).
    """

    requests: list[tuple[str, datetime.date]] = field(default_factory=list)
    decisions: list[tuple[str, datetime.date]] = field(default_factory=list)
    reopenings: list[tuple[str, datetime.date]] = field(default_factory=list)
    mitigations: list[tuple[str, datetime.date, datetime.date | None]] = field(default_factory=list)
    interventions: list[tuple[str, datetime.date]] = field(default_factory=list)
    allegations: list[tuple[str, str, datetime.date]] = field(default_factory=list)
    screenings: list[tuple[int, datetime.date, int]] = field(default_factory=list)


@dataclass(frozen=True)
class AnnualSummary:
    year: int
    requests: Counter
    decisions: Counter
    reopenings: Counter
    mitigations: Counter
    interventions: Counter
    allegations_by_type: Counter
    allegations_by_follow_up: Counter
    individuals_screened: int
    confirmed_matches: int


def mitigation_outcome(status: str, due_on: datetime.date, met_on: datetime.date | None) -> str | None:
    """'on-time', 'late', 'not-met', 'open', or None for a cancelled measure."""
    if status == 'met':
        return 'on-time' if met_on is not None and met_on <= due_on else 'late'
    if status == 'not-met':
        return 'not-met'
    if status in _OPEN:
        return 'open'
    return None


def summarise(rows: Rows, year: int) -> AnnualSummary:
    def in_year(day) -> bool:
        return day.year == year

    mitigations = Counter(
        outcome
        for status, due_on, met_on in rows.mitigations
        if in_year(due_on) and (outcome := mitigation_outcome(status, due_on, met_on))
    )
    screenings = [(individual, matches) for individual, day, matches in rows.screenings if in_year(day)]
    allegations = [(violation, follow_up) for violation, follow_up, day in rows.allegations if in_year(day)]
    return AnnualSummary(
        year=year,
        requests=Counter(kind for kind, day in rows.requests if in_year(day)),
        decisions=Counter(outcome for outcome, day in rows.decisions if in_year(day)),
        reopenings=Counter(reason for reason, day in rows.reopenings if in_year(day)),
        mitigations=mitigations,
        interventions=Counter(kind for kind, day in rows.interventions if in_year(day)),
        allegations_by_type=Counter(violation for violation, _follow_up in allegations),
        allegations_by_follow_up=Counter(follow_up for _violation, follow_up in allegations),
        individuals_screened=len({individual for individual, _matches in screenings}),
        confirmed_matches=sum(matches for _individual, matches in screenings),
    )
