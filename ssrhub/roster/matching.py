"""Rank roster profiles for a support request, explaining each score (plain Python, no Django).

A profile earns up to 100 points in four parts, each a fraction of its weight:

- skills (40): each requested framework code (``component.police``, ``itgn.gender``...) counts as matched when
  the profile holds that code or a narrower one under it (``component.police.vetting``), weighted by the
  profile's level on it (expert 1, working 2/3, basic 1/3); the part is the mean over the requested codes;
- languages (25): the share of requested languages the profile speaks at the requested proficiency or better;
- availability (25): the share of the requested period's days covered by the profile's availability periods
  (overlapping periods counted once; an open end runs on indefinitely);
- ratings (10): the mean of past deployment ratings (1-5) scaled to 0-1; a profile never rated gets half
  the part, so that a new expert is neither favoured nor buried.

A part the request does not ask for (no skills, no languages, no period) is left out and the other parts are
scaled up to 100. Ties are broken by name, then id, so the ranking is stable.
"""

import datetime
from dataclasses import dataclass, field

__all__ = [
    'LEVEL_WEIGHT',
    'WEIGHTS',
    'Criterion',
    'Match',
    'Period',
    'Profile',
    'Request',
    'covered_days',
    'match',
    'rank',
]

WEIGHTS = {'skills': 40, 'languages': 25, 'availability': 25, 'ratings': 10}
# Expertise levels: 1 basic, 2 working, 3 expert.
LEVEL_WEIGHT = {1: 1 / 3, 2: 2 / 3, 3: 1.0}
UNRATED = 0.5


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included; ``end`` None runs on indefinitely."""

    start: datetime.date
    end: datetime.date | None = None


@dataclass(frozen=True)
class Request:
    """What a support request asks for: framework codes, languages (ISO 639-1) at a minimum proficiency, a period."""

    skills: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    proficiency: int = 2
    period: Period | None = None


@dataclass(frozen=True)
class Profile:
    """What matching reads of a roster profile: expertise (code -> level 1-3), languages (code -> proficiency 1-4),
    availability periods and past ratings (1-5)."""

    id: int
    name: str
    expertise: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    availability: tuple[Period, ...] = ()
    ratings: tuple[int, ...] = ()


@dataclass(frozen=True)
class Criterion:
    """One part of a score: its code, the points earned out of ``weight``, and what matched and what did not
    (codes, or for availability the days covered and asked, for ratings the ratings)."""

    code: str
    points: float
    weight: float
    matched: tuple = ()
    missing: tuple = ()


@dataclass(frozen=True)
class Match:
    """A profile's place for a request: its score out of 100 and the criteria that make it up."""

    profile: Profile
    score: float
    criteria: tuple[Criterion, ...]

    def criterion(self, code: str) -> Criterion | None:
        return next((c for c in self.criteria if c.code == code), None)


def covered_days(period: Period, availability: tuple[Period, ...]) -> int:
    """The days of the bounded ``period`` that fall in at least one availability period (overlaps counted once)."""
    if period.end is None or period.end < period.start:
        raise ValueError('the requested period needs an end on or after its start')
    clipped = []
    for available in availability:
        start = max(available.start, period.start)
        end = period.end if available.end is None else min(available.end, period.end)
        if start <= end:
            clipped.append((start, end))
    days, reached = 0, None
    for start, end in sorted(clipped):
        if reached is not None and start <= reached:
            start = reached + datetime.timedelta(days=1)
        if start <= end:
            days += (end - start).days + 1
        reached = end if reached is None else max(reached, end)
    return days


def _skill_fraction(code: str, expertise: dict[str, int]) -> tuple[float, str | None]:
    """The best level weight among the profile's codes that are ``code`` or narrower, and that code."""
    best, found = 0.0, None
    for held, level in expertise.items():
        if held == code or held.startswith(f'{code}.'):
            weight = LEVEL_WEIGHT.get(level, 0.0)
            if weight > best or (weight == best and found is not None and held < found):
                best, found = weight, held
    return best, found


def _skills(request: Request, profile: Profile) -> tuple[float, tuple, tuple]:
    matched, missing, total = [], [], 0.0
    for code in sorted(request.skills):
        fraction, held = _skill_fraction(code, profile.expertise)
        if held is None:
            missing.append(code)
        else:
            matched.append((code, held, profile.expertise[held]))
            total += fraction
    return total / len(request.skills), tuple(matched), tuple(missing)


def _languages(request: Request, profile: Profile) -> tuple[float, tuple, tuple]:
    matched, missing = [], []
    for code in sorted(request.languages):
        level = profile.languages.get(code, 0)
        (matched if level >= request.proficiency else missing).append((code, level))
    return len(matched) / len(request.languages), tuple(matched), tuple(missing)


def _availability(request: Request, profile: Profile) -> tuple[float, tuple, tuple]:
    period = request.period
    asked = (period.end - period.start).days + 1
    covered = covered_days(period, profile.availability)
    return covered / asked, (covered,), (asked - covered,)


def _ratings(profile: Profile) -> tuple[float, tuple, tuple]:
    if not profile.ratings:
        return UNRATED, (), ()
    return (sum(profile.ratings) / len(profile.ratings) - 1) / 4, tuple(profile.ratings), ()


def match(request: Request, profile: Profile) -> Match:
    """Score one profile against a request, with the breakdown."""
    parts = []
    if request.skills:
        parts.append(('skills', *_skills(request, profile)))
    if request.languages:
        parts.append(('languages', *_languages(request, profile)))
    if request.period is not None and request.period.end is not None:
        parts.append(('availability', *_availability(request, profile)))
    parts.append(('ratings', *_ratings(profile)))
    scale = 100 / sum(WEIGHTS[code] for code, *_rest in parts)
    criteria = tuple(
        Criterion(code, round(fraction * WEIGHTS[code] * scale, 2), round(WEIGHTS[code] * scale, 2), matched, missing)
        for code, fraction, matched, missing in parts
    )
    return Match(profile, round(sum(c.points for c in criteria), 2), criteria)


def rank(request: Request, profiles) -> list[Match]:
    """Every profile's match, best first; equal scores by name, then id."""
    return sorted((match(request, p) for p in profiles), key=lambda m: (-m.score, m.profile.name, m.profile.id))
