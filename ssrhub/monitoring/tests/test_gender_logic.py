"""The gender page's chart geometry and gender-marker summary (plain Python, no database)."""

from decimal import Decimal

from ssrhub.monitoring.gender import NOT_MARKED, ActivityMarker, draw_shares, marker_summary

D = Decimal


def test_chart_axis_starts_at_zero_and_covers_the_target():
    chart = draw_shares([('Police', [(2016, D(17)), (2018, D(19))], False)], [('Sector', 2026, D(25), None)])
    assert chart.ticks[0] == (0, chart.baseline)
    assert chart.ticks[-1][0] >= 25  # the target is inside the axis
    police = chart.lines[0]
    assert [point[0] for point in police.points] == [2016, 2018]
    assert police.points[0][2] == chart.left  # the first year on the left edge
    target = chart.targets[0]
    assert target.x == chart.right  # the target's year is the last year
    assert police.points[0][3] > police.points[1][3] > target.y  # higher shares are drawn higher
    assert police.path == ' '.join(f'{x},{y}' for _year, _share, x, y in police.points)


def test_chart_never_goes_above_a_hundred_percent():
    chart = draw_shares([('All-women unit', [(2020, D(100))], False)])
    assert chart.ticks[-1][0] == 100
    assert chart.lines[0].points[0][3] == chart.top


def test_target_takes_its_institution_colour_and_the_sector_line_is_marked():
    chart = draw_shares(
        [('Police', [(2016, D(17))], False), ('Army', [(2016, D(3))], False), ('Sector', [(2016, D(13))], True)],
        [('Army', 2025, D(10), 1)],
    )
    assert chart.targets[0].colour == chart.lines[1].colour != chart.lines[0].colour
    assert chart.lines[2].sector and not chart.lines[0].sector


def test_nothing_to_draw():
    assert draw_shares([]) is None


def test_markers_counted_and_money_per_currency_never_added_across_currencies():
    activities = [
        ActivityMarker('a', '2', (('2', 'USD', D(1000)), ('3', 'USD', D(400)), ('4', 'USD', D(100)))),
        ActivityMarker('b', '2', (('2', 'EUR', D(500)), ('11', 'USD', D(99)))),  # 11: incoming commitment, not counted
        ActivityMarker('c', '1'),
        ActivityMarker('d', '0', (('3', 'USD', D(50)),)),
        ActivityMarker('e', ''),  # no gender marker: not marked, never "not targeted"
        ActivityMarker('f', '3'),  # not a significance of the gender marker: not guessed either
    ]
    rows = {row.significance: row for row in marker_summary(activities, ('2',), ('3', '4'))}
    assert [row.significance for row in marker_summary(activities, ('2',), ('3', '4'))] == ['2', '1', '0', NOT_MARKED]
    assert rows['2'].activities == ['a', 'b']
    assert rows['2'].committed == {'EUR': D(500), 'USD': D(1000)}
    assert rows['2'].disbursed == {'USD': D(500)}
    assert rows['1'].activities == ['c'] and rows['1'].committed == {}
    assert rows['0'].disbursed == {'USD': D(50)}
    assert rows[NOT_MARKED].activities == ['e', 'f']
