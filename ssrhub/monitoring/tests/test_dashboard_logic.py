"""The dashboard's plain parts without a database: the chart's geometry per unit (``indicator_chart.py``) and where
indicators stand, the results at risk first and the counts per level (``dashboard.py``)."""

from decimal import Decimal as D

from ssrhub.monitoring import dashboard, rollups
from ssrhub.monitoring.indicator_chart import ChartPeriod, axis, draw_indicator


def periods(*rows):
    return [ChartPeriod(label, target, actual, status) for label, target, actual, status in rows]


# Section: chart geometry


def test_number_axis_from_zero_to_a_round_ceiling_above_every_figure():
    assert axis('number', [150.0, 210.0, 20.0]) == (0.0, 300.0, 100.0)
    assert axis('number', [150.0, 200.0]) == (0.0, 200.0, 50.0)
    assert axis('number', [-12.0, 30.0]) == (-20.0, 40.0, 20.0)


def test_percentage_axis_never_above_100_and_yes_no_and_scale_fixed():
    assert axis('percentage', [17.0, 25.0]) == (0.0, 30.0, 10.0)
    assert axis('percentage', [96.0, 100.0]) == (0.0, 100.0, 25.0)
    assert axis('yes-no', [1.0]) == (0.0, 1.0, 1.0)
    assert axis('scale', [3.4], (1.0, 5.0)) == (1.0, 5.0, 1.0)


def test_targets_actuals_and_baseline_placed_on_the_axis():
    chart = draw_indicator(
        periods(('2024', 100.0, 80.0, rollups.ON_TRACK), ('2025', 200.0, None, rollups.NO_VALUE)),
        'number',
        baseline=20.0,
        width=360,
        height=200,
        left=48,
        bottom=28,
    )
    # axis 0-200 from y=172 (floor) to y=10 (top): 162 units for 200
    assert (chart.floor, chart.top) == (172.0, 10.0)
    assert [tick[0] for tick in chart.ticks] == [0, 50, 100, 150, 200]
    # two slots between x=48 and x=348: the periods at their middles
    assert chart.labels == (('2024', 123.0), ('2025', 273.0))
    assert chart.targets == (('2024', 100.0, 123.0, 91.0), ('2025', 200.0, 273.0, 10.0))
    assert chart.target_path == '123.0,91.0 273.0,10.0'
    # a period without an approved value has no dot, and the line does not invent one
    assert chart.actuals == (('2024', 80.0, 123.0, 107.2, rollups.ON_TRACK),)
    assert chart.baseline_y == 155.8


def test_yes_no_and_scale_points_sit_at_their_ends():
    chart = draw_indicator(periods(('2024', 1.0, 0.0, rollups.OFF_TRACK)), 'yes-no')
    ((_label, _value, _x, y, _status),) = chart.actuals
    assert y == chart.floor and chart.targets[0][3] == chart.top
    scale = draw_indicator(periods(('2024', 4.0, 1.0, rollups.OFF_TRACK)), 'scale', baseline=None, scale=(1.0, 5.0))
    assert scale.actuals[0][3] == scale.floor and scale.baseline_y is None


def test_many_periods_label_every_nth_and_no_periods_no_chart():
    chart = draw_indicator(periods(*((str(2001 + i), 10.0, 5.0, rollups.OFF_TRACK) for i in range(20))), 'number')
    assert [label for label, _x in chart.labels] == ['2001', '2005', '2009', '2013', '2017']
    assert draw_indicator([], 'number') is None


# Section: standing, at risk, levels


def result(key, value, status, progress=None):
    return rollups.PeriodResult(key, value, value, {}, {}, [], progress, status)


def test_standing_is_the_last_period_with_an_approved_value():
    periods_ = [result(1, D(50), rollups.AT_RISK, D('0.6')), result(2, None, rollups.NO_VALUE)]
    entry = dashboard.standing('a', '1', periods_)
    assert (entry.status, entry.latest.key, entry.progress) == (rollups.AT_RISK, 1, D('0.6'))
    none = dashboard.standing('b', '1', [result(1, None, rollups.NO_TARGET)])
    assert none.status == rollups.NO_TARGET and none.progress is None
    assert dashboard.standing('c', '2', []).status == rollups.NO_TARGET


def test_at_risk_lists_off_track_first_the_furthest_behind_first():
    entries = [
        dashboard.standing('risk', '1', [result(1, D(1), rollups.AT_RISK, D('0.7'))]),
        dashboard.standing('on', '1', [result(1, D(1), rollups.ON_TRACK, D('0.9'))]),
        dashboard.standing('off-near', '2', [result(1, D(1), rollups.OFF_TRACK, D('0.4'))]),
        dashboard.standing('off-far', '2', [result(1, D(1), rollups.OFF_TRACK, D('-0.2'))]),
        dashboard.standing('risk-far', '1', [result(1, D(1), rollups.AT_RISK, D('0.5'))]),
    ]
    assert [entry.key for entry in dashboard.at_risk(entries)] == ['off-far', 'off-near', 'risk-far', 'risk']


def test_levels_counted_apart_with_every_unjudged_status_as_no_data():
    entries = [
        dashboard.standing('a', '1', [result(1, D(1), rollups.ON_TRACK, D(1))]),
        dashboard.standing('b', '1', [result(1, None, rollups.NO_VALUE)]),
        dashboard.standing('c', '1', [result(1, D(1), rollups.NO_BASELINE)]),
        dashboard.standing('d', '2', [result(1, D(1), rollups.OFF_TRACK, D(0))]),
        dashboard.standing('e', '3', [result(1, D(1), rollups.AT_RISK, D('0.5'))]),
    ]
    assert dashboard.level_summary(entries) == [
        ('3', {'on-track': 0, 'at-risk': 1, 'off-track': 0, 'no-data': 0}, 1),
        ('2', {'on-track': 0, 'at-risk': 0, 'off-track': 1, 'no-data': 0}, 1),
        ('1', {'on-track': 1, 'at-risk': 0, 'off-track': 0, 'no-data': 2}, 3),
    ]
