"""The follow-up rule and the structure diagram: plain Python, no database."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssrhub.coordination.followup import days_overdue, deadline, is_overdue, latest_status
from ssrhub.coordination.structure import Box, layout, wrap

D = datetime.date


@pytest.mark.parametrize(
    ('due', 'precision', 'today', 'overdue'),
    [
        (D(2019, 3, 14), 'day', D(2019, 3, 14), False),  # due today: not yet
        (D(2019, 3, 14), 'day', D(2019, 3, 15), True),
        (D(2019, 3, 1), 'month', D(2019, 3, 31), False),  # "March 2019" runs to 31 March
        (D(2019, 3, 1), 'month', D(2019, 4, 1), True),
        (D(2024, 2, 1), 'month', D(2024, 2, 29), False),  # a leap February
        (D(2023, 1, 1), 'year', D(2023, 12, 31), False),
        (D(2023, 1, 1), 'year', D(2024, 1, 1), True),
    ],
)
def test_a_partial_due_date_runs_to_the_end_of_its_period(due, precision, today, overdue):
    assert is_overdue(due, precision, 'open', today) is overdue
    assert is_overdue(due, precision, 'in-progress', today) is overdue


@pytest.mark.parametrize('status', ['done', 'dropped'])
def test_a_closed_decision_is_never_overdue(status):
    assert not is_overdue(D(2000, 1, 1), 'day', status, D(2026, 1, 1))
    assert days_overdue(D(2000, 1, 1), 'day', status, D(2026, 1, 1)) == 0


def test_without_a_due_date_nothing_is_overdue():
    assert deadline(None) is None
    assert not is_overdue(None, 'day', 'open', D(2026, 1, 1))


def test_days_overdue_count_from_the_end_of_the_period():
    assert days_overdue(D(2023, 1, 1), 'year', 'open', D(2024, 1, 31)) == 31


def test_the_latest_date_wins_then_the_latest_entry():
    updates = [(D(2019, 3, 1), 1, 'in-progress'), (D(2018, 1, 1), 2, 'done'), (D(2019, 3, 1), 3, 'dropped')]
    assert latest_status(updates, 'open') == 'dropped'
    assert latest_status(updates[:2], 'open') == 'in-progress'  # an older report entered later does not win
    assert latest_status([], 'open') == 'open'


@given(
    due=st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)),
    precision=st.sampled_from(['day', 'month', 'year']),
    today=st.dates(min_value=D(2000, 1, 1), max_value=D(2031, 12, 31)),
)
def test_overdue_exactly_when_the_last_day_of_the_period_has_passed(due, precision, today):
    first = {'day': due, 'month': due.replace(day=1), 'year': due.replace(month=1, day=1)}[precision]
    last = deadline(first, precision)
    assert first <= last
    assert is_overdue(first, precision, 'open', today) == (today > last)


def test_labels_wrap_on_two_lines_at_most():
    assert wrap('Strategic Committee for DDRR, SSR and National Reconciliation') == (
        'Strategic Committee',
        'for DDRR, SSR and…',
    )
    assert wrap('CNS') == ('CNS',)


def test_fora_are_drawn_by_level_and_joined_to_the_forum_they_report_to():
    levels = [('political', 'Political'), ('strategic', 'Strategic'), ('technical', 'Technical')]
    boxes = [Box(1, 'CNS', 'strategic'), Box(2, 'S-CNS', 'strategic', parent=1), Box(3, 'Consultative', 'technical', 2)]
    diagram = layout(boxes, levels)
    assert [band.level for band in diagram.bands] == ['strategic', 'technical']  # no political forum: no band
    nodes = {node.key: node for node in diagram.nodes}
    assert nodes[3].y > nodes[1].y and nodes[1].y == nodes[2].y
    assert [(edge.child, edge.parent) for edge in diagram.edges] == [(2, 1), (3, 2)]
    assert diagram.height == sum(band.height for band in diagram.bands)


def test_a_crowded_level_wraps_onto_more_rows_within_the_width():
    boxes = [Box(n, f'Group {n}', 'technical') for n in range(9)]
    diagram = layout(boxes, [('technical', 'Technical')], width=720)
    assert max(node.x + node.width for node in diagram.nodes) <= 720
    assert len({node.y for node in diagram.nodes}) == 3  # four a row
