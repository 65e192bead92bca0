"""Scorecard arithmetic (plain Python): group means, compliance counts, item changes and summary deltas."""

import pytest

from ssrhub.countries.scorecard import NOT_RATED, Change, Entry, change, compare, summarise, summary_deltas, trend

# The Central African Republic in 2017: four features rated (0-4), six standards, nine principles of ten.
CAR_2017 = [
    Entry('feature.legal-framework', 1),
    Entry('feature.governance-management', 1),
    Entry('feature.capacities', 0),
    Entry('feature.interaction-mechanisms', 2),
    Entry('feature.culture-of-service'),
    Entry('standard.accountability', 1),
    Entry('standard.transparency', 1),
    Entry('standard.rule-of-law', 1),
    Entry('standard.participation', 3),
    Entry('standard.responsiveness'),
    Entry('standard.effectiveness', 1),
    Entry('standard.efficiency', 0),
    Entry('principle.goal', compliance='met'),
    Entry('principle.legal-basis', compliance='met'),
    Entry('principle.national-ownership', compliance='partly'),
    Entry('principle.flexibility'),
    Entry('principle.gender-sensitivity', compliance='not-met'),
    Entry('principle.early-engagement', compliance='n/a'),
    Entry('principle.clear-strategy', compliance='partly'),
    Entry('principle.integrity-accountability-resources', compliance='not-met'),
    Entry('principle.coordination', compliance='partly'),
    Entry('principle.monitoring-evaluation', compliance='not-met'),
]


def test_means_count_only_rated_items():
    summary = summarise(CAR_2017)
    assert summary['feature'].total == 5 and summary['feature'].rated == 4
    assert summary['feature'].mean == pytest.approx((1 + 1 + 0 + 2) / 4)
    assert summary['standard'].total == 7 and summary['standard'].rated == 6 and summary['standard'].not_rated == 1
    assert summary['standard'].mean == pytest.approx(7 / 6)


def test_principles_are_counted_per_compliance_value_with_the_unrated():
    counts = summarise(CAR_2017)['principle'].counts
    assert counts == {'met': 2, 'partly': 3, 'not-met': 3, 'n/a': 1, NOT_RATED: 1}
    assert sum(counts.values()) == 10
    assert summarise(CAR_2017)['principle'].mean is None


def test_a_group_with_nothing_rated_has_no_mean_and_a_missing_group_is_empty():
    summary = summarise([Entry('feature.capacities'), Entry('principle.goal')])
    assert summary['feature'].mean is None and summary['feature'].rated == 0
    assert summary['standard'].total == 0 and summary['standard'].mean is None
    assert summary['principle'].counts[NOT_RATED] == 1


def test_a_score_of_zero_is_a_rating():
    assert Entry('feature.capacities', 0).rated
    assert summarise([Entry('feature.capacities', 0)])['feature'].mean == 0


@pytest.mark.parametrize(
    ('before', 'after', 'expected'),
    [
        (Entry('feature.capacities', 0), Entry('feature.capacities', 1), Change.IMPROVED),
        (Entry('standard.participation', 3), Entry('standard.participation', 2), Change.WORSE),
        (Entry('standard.accountability', 1), Entry('standard.accountability', 1), Change.SAME),
        (Entry('feature.culture-of-service'), Entry('feature.culture-of-service', 1), Change.NEWLY_RATED),
        (None, Entry('feature.culture-of-service', 1), Change.NEWLY_RATED),
        (Entry('standard.efficiency', 0), Entry('standard.efficiency'), Change.NO_LONGER_RATED),
        (Entry('principle.goal'), None, Change.NOT_RATED),
        (Entry('principle.national-ownership', compliance='partly'), Entry('x.y', compliance='met'), Change.IMPROVED),
        (Entry('principle.goal', compliance='met'), Entry('principle.goal', compliance='not-met'), Change.WORSE),
        (Entry('principle.early-engagement', compliance='n/a'), Entry('x.y', compliance='met'), Change.CHANGED),
        (Entry('principle.goal', compliance='partly'), Entry('x.y', compliance='n/a'), Change.CHANGED),
        (Entry('principle.goal', compliance='n/a'), Entry('x.y', compliance='n/a'), Change.SAME),
    ],
)
def test_change_between_two_ratings(before, after, expected):
    assert change(before, after) == expected


def test_compare_matches_items_by_code_and_keeps_items_of_either_side():
    before = [Entry('feature.capacities', 0), Entry('feature.old-item', 2)]
    after = [Entry('feature.legal-framework', 2), Entry('feature.capacities', 1)]
    changes = compare(before, after)
    assert [c.code for c in changes] == ['feature.legal-framework', 'feature.capacities', 'feature.old-item']
    assert [c.change for c in changes] == [Change.NEWLY_RATED, Change.IMPROVED, Change.NO_LONGER_RATED]
    assert changes[1].delta == 1 and changes[0].delta is None


def test_summary_deltas():
    later = [
        Entry('feature.legal-framework', 2),
        Entry('feature.capacities', 1),
        Entry('principle.goal', compliance='met'),
        Entry('principle.national-ownership', compliance='met'),
    ]
    earlier = [
        Entry('feature.legal-framework', 1),
        Entry('feature.capacities', 0),
        Entry('principle.goal', compliance='met'),
        Entry('principle.national-ownership', compliance='partly'),
    ]
    deltas = summary_deltas(summarise(earlier), summarise(later))
    assert deltas['feature'].mean_delta == pytest.approx(1.0)
    assert deltas['principle'].count_deltas == {'met': 1, 'partly': -1, 'not-met': 0, 'n/a': 0, NOT_RATED: 0}
    assert deltas['standard'].mean_delta is None
    assert deltas['feature'].rated_delta == 0


@pytest.mark.parametrize(
    ('key', 'delta', 'expected'),
    [
        ('mean', 0.6, 'better'),
        ('mean', -0.12, 'worse'),
        ('mean', 0.0, 'same'),
        ('mean', None, 'none'),
        ('met', 3, 'better'),
        ('met', -1, 'worse'),
        ('not-met', -2, 'better'),  # fewer principles not met: an improvement, shown green
        ('not-met', 1, 'worse'),
        ('partly', 1, 'neutral'),  # from not met (better) or from met (worse): neither
        ('n/a', -1, 'neutral'),
        (NOT_RATED, -2, 'neutral'),
    ],
)
def test_a_summary_change_is_read_by_its_direction_of_improvement(key, delta, expected):
    assert trend(key, delta) == expected
