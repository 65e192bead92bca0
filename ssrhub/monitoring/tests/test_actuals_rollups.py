"""The roll-up rules of approved actuals (plain Python): combining organisations' reports, cumulative indicators,
categories that do not add up, shares and the on-track rule."""

from decimal import Decimal as D

import pytest

from ssrhub.monitoring import rollups
from ssrhub.monitoring.rollups import Measure, PeriodInput


def test_numbers_of_several_organisations_add_up():
    assert rollups.combine('number', [Measure(D(10)), Measure(D(5)), Measure()]).value == D(15)


def test_percentages_are_pooled_from_their_parts():
    combined = rollups.combine('percentage', [Measure(D(50), D(1), D(2)), Measure(D(10), D(1), D(10))])
    assert (combined.numerator, combined.denominator) == (D(2), D(12))
    assert combined.value.quantize(D('0.01')) == D('16.67')


def test_percentages_without_parts_take_the_mean():
    assert rollups.combine('percentage', [Measure(D(20)), Measure(D(40), D(2), D(5))]).value == D(30)


def test_yes_only_when_every_report_says_yes_and_scales_average():
    assert rollups.combine('yes-no', [Measure(D(1)), Measure(D(0))]).value == D(0)
    assert rollups.combine('yes-no', [Measure(D(1)), Measure(D(1))]).value == D(1)
    assert rollups.combine('scale', [Measure(D(2)), Measure(D(4))]).value == D(3)


def test_categories_that_do_not_add_up_are_flagged():
    flags = rollups.check_sums(
        'number', Measure(D(100)), {'sex': {'f': Measure(D(30)), 'm': Measure(D(60))}}, {'sex': ['f', 'm']}
    )
    assert [(flag.type_key, flag.part, flag.total, flag.categories_sum, flag.missing) for flag in flags] == [
        ('sex', 'value', D(100), D(90), ())
    ]


def test_categories_that_add_up_are_not_flagged():
    categories = {'sex': {'f': Measure(D(40)), 'm': Measure(D(60))}}
    assert rollups.check_sums('number', Measure(D(100)), categories, {'sex': ['f', 'm']}) == []


def test_a_missing_category_is_missing_not_zero():
    # 30 of 100 with "male" missing: not flagged (male may be 70); over the total: flagged, naming the missing one.
    assert rollups.check_sums('number', Measure(D(100)), {'sex': {'f': Measure(D(30))}}, {'sex': ['f', 'm']}) == []
    flags = rollups.check_sums('number', Measure(D(100)), {'sex': {'f': Measure(D(130))}}, {'sex': ['f', 'm']})
    assert flags[0].missing == ('m',)


def test_percentages_check_numerators_and_denominators():
    total = Measure(D(25), D(25), D(100))
    categories = {'sex': {'f': Measure(D(20), D(10), D(50)), 'm': Measure(D(20), D(10), D(50))}}
    flags = rollups.check_sums('percentage', total, categories, {'sex': ['f', 'm']})
    assert [(flag.part, flag.categories_sum) for flag in flags] == [('numerator', D(20))]


def test_units_that_do_not_add_up_are_not_checked():
    categories = {'sex': {'f': Measure(D(1)), 'm': Measure(D(1))}}
    assert rollups.check_sums('yes-no', Measure(D(1)), categories, {'sex': ['f', 'm']}) == []
    assert rollups.check_sums('percentage', Measure(D(40)), {'sex': {'f': Measure(D(90))}}, {'sex': ['f']}) == []


def test_share_of_women():
    shares = rollups.shares('number', Measure(D(200)), {'sex': {'f': Measure(D(50)), 'm': Measure(D(150))}})
    assert shares == {'sex': {'f': D(25), 'm': D(75)}}
    ratio = rollups.shares('percentage', Measure(D(50), D(10), D(20)), {'sex': {'f': Measure(D(50), D(4), D(5))}})
    assert ratio == {'sex': {'f': D(25)}}


@pytest.mark.parametrize(
    ('direction', 'baseline', 'target', 'actual', 'status'),
    [
        ('increase', D(10), D(20), D(18), rollups.ON_TRACK),  # 80 % of the way
        ('increase', D(10), D(20), D('17.5'), rollups.ON_TRACK),  # exactly 75 %
        ('increase', D(10), D(20), D(16), rollups.AT_RISK),  # 60 %
        ('increase', D(10), D(20), D(15), rollups.AT_RISK),  # exactly 50 %
        ('increase', D(10), D(20), D(12), rollups.OFF_TRACK),  # 20 %
        ('increase', D(10), D(20), D(8), rollups.OFF_TRACK),  # went the wrong way
        ('decrease', D(60), D(40), D(44), rollups.ON_TRACK),  # pre-trial detention down 16 of 20 points
        ('decrease', D(60), D(40), D(52), rollups.OFF_TRACK),  # 40 %
        ('increase', None, D(100), D(80), rollups.ON_TRACK),  # from 0
        ('decrease', None, D(40), D(44), rollups.NO_BASELINE),
        ('maintain', D(90), D(90), D(87), rollups.ON_TRACK),  # 3.3 % off
        ('maintain', D(90), D(90), D(82), rollups.AT_RISK),  # 8.9 % off
        ('maintain', D(90), D(90), D(70), rollups.OFF_TRACK),
        ('increase', D(10), None, D(18), rollups.NO_TARGET),
        ('increase', D(10), D(20), None, rollups.NO_VALUE),
        ('increase', D(20), D(20), D(20), rollups.ON_TRACK),  # target at the baseline, reached
    ],
)
def test_on_track_rule(direction, baseline, target, actual, status):
    assert rollups.on_track(direction, baseline, target, actual)[1] == status


def test_progress_is_the_share_of_the_way():
    assert rollups.on_track('decrease', D(60), D(40), D(50))[0] == D('0.5')


def _periods(*values):
    return [
        PeriodInput(index, target, [(Measure(value), {})] if value is not None else [])
        for index, (value, target) in enumerate(values)
    ]


def test_cumulative_numbers_add_each_period_to_the_previous_ones():
    results = rollups.roll_up('number', 'increase', True, D(0), _periods((D(10), D(20)), (D(15), D(40)), (None, D(60))))
    assert [result.value for result in results] == [D(10), D(25), None]
    assert [result.period_value for result in results] == [D(10), D(15), None]
    assert [result.status for result in results] == [rollups.AT_RISK, rollups.AT_RISK, rollups.NO_VALUE]


def test_cumulative_percentages_take_the_latest_value():
    results = rollups.roll_up('percentage', 'increase', True, D(5), _periods((D(10), D(10)), (None, D(12))))
    assert [result.value for result in results] == [D(10), D(10)]


def test_roll_up_merges_organisations_and_flags_their_categories():
    period = PeriodInput(
        'p',
        D(100),
        [
            (Measure(D(60)), {'sex': {'f': Measure(D(20)), 'm': Measure(D(40))}}),
            (Measure(D(40)), {'sex': {'f': Measure(D(10)), 'm': Measure(D(20))}}),
        ],
    )
    [result] = rollups.roll_up('number', 'increase', False, D(50), [period], {'sex': ['f', 'm']})
    assert result.value == D(100)
    assert result.categories == {'sex': {'f': Measure(D(30)), 'm': Measure(D(60))}}
    assert [flag.categories_sum for flag in result.flags] == [D(90)]
    assert result.shares['sex']['f'] == D(30)
    assert result.status == rollups.ON_TRACK


def test_outputs_and_outcomes_are_counted_apart():
    counts = rollups.count_by_level([('1', rollups.ON_TRACK), ('2', rollups.OFF_TRACK), ('1', rollups.ON_TRACK)])
    assert counts == {'1': {rollups.ON_TRACK: 2}, '2': {rollups.OFF_TRACK: 1}}
