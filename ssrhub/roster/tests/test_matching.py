"""Ranking roster profiles for a request: scores, explanations, availability overlaps (no database)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssrhub.roster.matching import Period, Profile, Request, covered_days, match, rank

D = datetime.date
JUNE = Period(D(2026, 6, 1), D(2026, 6, 30))


def profile(pid=1, name='A', **kwargs) -> Profile:
    return Profile(id=pid, name=name, **kwargs)


# Section: availability overlap


@pytest.mark.parametrize(
    ('periods', 'days'),
    [
        ((), 0),
        ((Period(D(2026, 6, 1), D(2026, 6, 30)),), 30),
        ((Period(D(2026, 1, 1), None),), 30),  # open end: available until further notice
        ((Period(D(2026, 7, 1), None),), 0),  # starts the day after
        ((Period(D(2026, 5, 1), D(2026, 5, 31)),), 0),  # ends the day before
        ((Period(D(2026, 5, 1), D(2026, 6, 1)),), 1),  # touches the first day only
        ((Period(D(2026, 6, 30), D(2026, 8, 1)),), 1),  # the last day only
        ((Period(D(2026, 6, 1), D(2026, 6, 20)), Period(D(2026, 6, 10), D(2026, 6, 30))), 30),  # overlaps once
        ((Period(D(2026, 6, 1), D(2026, 6, 10)), Period(D(2026, 6, 21), D(2026, 6, 30))), 20),  # a gap
        ((Period(D(2026, 6, 5), D(2026, 6, 6)), Period(D(2026, 6, 1), D(2026, 6, 30))), 30),  # nested
    ],
)
def test_covered_days(periods, days):
    assert covered_days(JUNE, periods) == days


def test_a_period_without_an_end_cannot_be_covered():
    with pytest.raises(ValueError):
        covered_days(Period(D(2026, 6, 1)), ())


# Section: scores and explanations


def test_a_perfect_match_scores_100_and_says_why():
    request = Request(skills=frozenset({'component.police'}), languages=frozenset({'fr'}), period=JUNE)
    expert = profile(expertise={'component.police': 3}, languages={'fr': 4}, availability=(JUNE,), ratings=(5, 5))
    result = match(request, expert)
    assert result.score == 100
    assert result.criterion('skills').matched == (('component.police', 'component.police', 3),)
    assert result.criterion('languages').matched == (('fr', 4),)
    assert result.criterion('availability').matched == (30,)
    assert result.criterion('ratings').matched == (5, 5)


def test_a_narrower_expertise_counts_for_the_broader_code_and_level_weighs():
    request = Request(skills=frozenset({'component.police'}))
    basic = match(request, profile(expertise={'component.police.vetting': 1}))
    expert = match(request, profile(expertise={'component.police': 3}))
    unrelated = match(request, profile(expertise={'component.policeman': 3}))  # a prefix, not a child
    assert basic.criterion('skills').matched[0][1] == 'component.police.vetting'
    assert expert.criterion('skills').points > basic.criterion('skills').points > 0
    assert unrelated.criterion('skills').points == 0
    assert unrelated.criterion('skills').missing == ('component.police',)


def test_a_language_below_the_proficiency_asked_is_missing():
    request = Request(languages=frozenset({'fr', 'ar'}), proficiency=3)
    result = match(request, profile(languages={'fr': 3, 'ar': 2}))
    languages = result.criterion('languages')
    assert languages.matched == (('fr', 3),)
    assert languages.missing == (('ar', 2),)
    assert languages.points == pytest.approx(languages.weight / 2, abs=0.01)


def test_criteria_not_asked_for_are_left_out_and_the_rest_scaled_to_100():
    result = match(Request(languages=frozenset({'en'})), profile(languages={'en': 4}, ratings=(5,)))
    assert [c.code for c in result.criteria] == ['languages', 'ratings']
    assert sum(c.weight for c in result.criteria) == pytest.approx(100)
    assert result.score == 100


def test_a_profile_never_rated_gets_half_the_rating_points():
    result = match(Request(), profile())
    assert result.criterion('ratings').points == 50
    assert match(Request(), profile(ratings=(1,))).score == 0
    assert match(Request(), profile(ratings=(3,))).score == 50


def test_ranking_puts_the_better_match_first_and_breaks_ties_by_name():
    request = Request(skills=frozenset({'itgn.gender'}), period=JUNE)
    available = profile(1, 'Zed', expertise={'itgn.gender': 3}, availability=(JUNE,))
    half = profile(2, 'Amy', expertise={'itgn.gender': 3}, availability=(Period(D(2026, 6, 16), None),))
    same_as_zed = profile(3, 'Bea', expertise={'itgn.gender': 3}, availability=(JUNE,))
    ranking = rank(request, [half, available, same_as_zed])
    assert [m.profile.name for m in ranking] == ['Bea', 'Zed', 'Amy']


# Section: properties

codes = st.sampled_from(['component.police', 'component.justice', 'itgn.gender', 'area.justice', 'component.police.x'])
languages = st.sampled_from(['en', 'fr', 'ar', 'pt', 'es'])
days = st.dates(min_value=D(2025, 1, 1), max_value=D(2028, 12, 31))


@st.composite
def periods(draw, bounded=False):
    start = draw(days)
    if not bounded and draw(st.booleans()):
        return Period(start)
    return Period(start, start + datetime.timedelta(days=draw(st.integers(0, 400))))


profiles = st.builds(
    Profile,
    id=st.integers(1, 10_000),
    name=st.text(min_size=1, max_size=5),
    expertise=st.dictionaries(codes, st.integers(1, 3)),
    languages=st.dictionaries(languages, st.integers(1, 4)),
    availability=st.lists(periods(), max_size=4).map(tuple),
    ratings=st.lists(st.integers(1, 5), max_size=4).map(tuple),
)
requests = st.builds(
    Request,
    skills=st.frozensets(codes, max_size=3),
    languages=st.frozensets(languages, max_size=3),
    proficiency=st.integers(1, 4),
    period=st.none() | periods(bounded=True),
)


@given(requests, profiles)
def test_a_score_is_between_0_and_100_and_the_sum_of_its_criteria(request, expert):
    result = match(request, expert)
    assert 0 <= result.score <= 100
    assert result.score == pytest.approx(sum(c.points for c in result.criteria), abs=0.05)
    for criterion in result.criteria:
        assert 0 <= criterion.points <= criterion.weight + 1e-9
    assert sum(c.weight for c in result.criteria) == pytest.approx(100, abs=0.05)


@given(requests, profiles, periods())
def test_more_availability_never_lowers_a_score(request, expert, extra):
    wider = Profile(**{**expert.__dict__, 'availability': (*expert.availability, extra)})
    assert match(request, wider).score >= match(request, expert).score


@given(periods(bounded=True), st.lists(periods(), max_size=5))
def test_covered_days_lie_between_the_longest_single_overlap_and_the_period(period, availability):
    total = (period.end - period.start).days + 1
    covered = covered_days(period, tuple(availability))
    single = max((covered_days(period, (a,)) for a in availability), default=0)
    assert single <= covered <= total


@given(requests, st.lists(profiles, max_size=6, unique_by=lambda p: p.id))
def test_ranking_is_sorted_and_does_not_depend_on_the_input_order(request, experts):
    ranking = rank(request, experts)
    scores = [m.score for m in ranking]
    assert scores == sorted(scores, reverse=True)
    assert [m.profile.id for m in rank(request, list(reversed(experts)))] == [m.profile.id for m in ranking]
