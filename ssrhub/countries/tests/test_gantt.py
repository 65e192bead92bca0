"""The Gantt chart of a plan's actions: bars, milestones for deadlines, start marks, the axis running to today, and
dependency arrows, on the Central African RCPCA's priority reforms (all due by the end of 2017) and a dated plan."""

from datetime import date

from ssrhub.countries.gantt import GanttItem, add_months, draw, gantt

TODAY = date(2026, 12, 5)
# The RCPCA lists its SSR steps with a deadline only: 31 December 2017.
POLICY = GanttItem('a', 'SO1.2-a Adopt a National Security Policy', end=date(2017, 12, 31), status='done')
STRATEGY = GanttItem('b', 'SO1.2-b Adopt a National SSR Strategy', end=date(2017, 12, 31), depends_on=('a',))
DEFENCE = GanttItem(
    'c', 'SO1.2-c Adopt a priority reform plan for defence', end=date(2017, 12, 31), status='behind', depends_on=('b',)
)


def test_a_deadline_only_action_is_a_milestone_and_a_start_only_action_a_start_mark():
    recruit = GanttItem('r', 'Recruit 250 police officers and 250 gendarmes', start=date(2017, 1, 1))
    patrols = GanttItem('p', 'Joint border patrols', start=date(2016, 1, 1), end=date(2016, 12, 31))
    unplanned = GanttItem('u', 'Strengthen the academies’ trainers')
    chart = gantt([POLICY, recruit, patrols, unplanned], today=TODAY)
    assert [bar.shape for bar in chart.bars] == ['milestone', 'start', 'bar', '']
    assert (chart.start, chart.end) == (date(2016, 1, 1), TODAY)  # the axis runs to today
    assert chart.today == 100.0
    assert chart.bars[0].start == chart.bars[0].end == date(2017, 12, 31)
    assert chart.years[0] == (2017, 9.17)  # 366 of 3,991 days


def test_today_inside_the_span_and_bands_from_the_adoption():
    band = GanttItem('m', 'Secure the northern roads', band='medium')
    chart = gantt([band], anchor=date(2024, 1, 1), today=TODAY)
    assert (chart.start, chart.end) == (date(2024, 1, 1), add_months(date(2024, 1, 1), 60))
    assert chart.bars[0].estimated and 0 < chart.today < 100
    assert draw(chart).today_anchor == 'end'  # its label on the left of the line
    fresh = gantt([band], anchor=date(2026, 11, 1), today=TODAY)
    assert draw(fresh).today_anchor == 'start'  # near the axis' start: on the right


def test_dependencies_become_links_late_when_the_dependant_starts_before_its_dependency_ends():
    budget = GanttItem('budget', 'Prepare a security sector budget', start=date(2008, 3, 1), end=date(2008, 9, 30))
    officers = GanttItem(
        'officers', 'Deploy officers', start=date(2008, 6, 1), end=date(2009, 6, 1), depends_on=('budget',)
    )
    exercises = GanttItem(
        'exercises', 'Hold exercises', start=date(2009, 7, 1), end=date(2009, 9, 1), depends_on=('officers',)
    )
    elsewhere = GanttItem('x', 'An action of another plan', depends_on=('nowhere',))
    chart = gantt([budget, officers, exercises, elsewhere], today=date(2010, 1, 1))
    assert [(link.dependency, link.dependant, link.late) for link in chart.links] == [(0, 1, True), (1, 2, False)]
    drawing = draw(chart)
    [(late_path, late), (path, on_time)] = drawing.arrows
    assert late and not on_time
    officers_row, exercises_row = drawing.rows[1], drawing.rows[2]
    # On time: out of the dependency's end, down to the dependant's row, into its start.
    assert path == (
        f'M{officers_row.x2},{officers_row.y} H{officers_row.x2 + 6} V{exercises_row.y} H{exercises_row.x1}'
    )
    # Late: the elbow runs back between the rows to reach the dependant's start.
    assert late_path.endswith(f'V{officers_row.y} H{officers_row.x1}') and f'V{officers_row.y - 16}' in late_path


def test_milestones_chained_on_one_deadline_are_linked():
    chart = gantt([POLICY, STRATEGY, DEFENCE], today=TODAY)
    assert [(link.dependency, link.dependant, link.late) for link in chart.links] == [(0, 1, False), (1, 2, False)]
    drawing = draw(chart)
    assert len(drawing.arrows) == 2 and drawing.today == drawing.plot[1]
    row = drawing.rows[0]
    assert row.x1 == row.x2 and row.diamond.startswith(f'M{row.x1},{row.y - 7}')
    assert drawing.rows[1].lines == ('SO1.2-b Adopt a National SSR Strategy',)
    # A long label on two lines, broken between words; beyond, cut.
    assert draw(gantt([GanttItem('d', 'SO1.2-d ' + DEFENCE.label[8:] + ' and police', end=TODAY)])).rows[0].lines == (
        'SO1.2-d Adopt a priority reform plan for',
        'defence and police',
    )
    [(first, second)] = [row.lines for row in draw(gantt([GanttItem('l', 'word ' * 40, end=TODAY)])).rows]
    assert len(first) <= 45 and len(second) == 45 and second.endswith('…')


def test_nothing_to_draw():
    chart = gantt([GanttItem('u', 'Unplanned')], today=TODAY)
    assert chart.start is None and chart.links == () and chart.bars[0].shape == ''
