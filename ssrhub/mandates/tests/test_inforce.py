"""The mandate in force: inheritance, renewal, re-establishment, termination, closure; PEMA-shaped rows."""

from datetime import date

from ssrhub.coding.pema import PemaCell, PemaRef, Score
from ssrhub.mandates.inforce import MandateAct, TaskRef, mandate_history, mandate_in_force, pema_ref
from ssrhub.mandates.pematable import compare_with_pema, pema_row

DDR = TaskRef('related.ddr', 'monitor', '2 (c)')
POLICE = TaskRef('component.police', 'assist', '9')
ACTS = [
    MandateAct('S/RES/797 (1992)', date(1992, 12, 16), 'establishes', (DDR,)),
    MandateAct('S/RES/818 (1993)', date(1993, 4, 14), 'concerns', ()),
    MandateAct('S/RES/850 (1993)', date(1993, 7, 9), 'adjusts', (POLICE,)),
    MandateAct('S/RES/882 (1993)', date(1993, 11, 5), 'extends', (TaskRef('component.police', 'assist', '12'),)),
]


def test_tasks_are_inherited_until_mandated_again():
    in_force = {task.code: task for task in mandate_in_force(ACTS, date(1993, 8, 1))}
    assert in_force['related.ddr'].citation == 'Mandated in previous resolution in S/RES/797 paragraph(s) 2c'
    assert in_force['component.police'].citation == 'Mandated in current resolution in S/RES/850 paragraph(s) 9'
    renewed = {task.code: task for task in mandate_in_force(ACTS, date(1993, 12, 1))}
    assert renewed['component.police'].symbol == 'S/RES/882 (1993)' and renewed['component.police'].refs == ('12',)


def test_nothing_is_in_force_before_the_first_act_or_after_closure():
    assert mandate_in_force(ACTS, date(1992, 12, 15)) == []
    assert mandate_in_force(ACTS, date(1995, 1, 1), closes=date(1994, 12, 9)) == []
    assert len(mandate_in_force(ACTS, date(1994, 12, 9), closes=date(1994, 12, 9))) == 2


def test_termination_and_re_establishment_end_earlier_tasks():
    ended = [*ACTS, MandateAct('S/RES/960 (1994)', date(1994, 11, 21), 'terminates', ())]
    assert mandate_in_force(ended, date(1994, 12, 1)) == []
    anew = [*ACTS, MandateAct('S/RES/976 (1995)', date(1995, 2, 8), 'establishes', (POLICE,))]
    assert [task.code for task in mandate_in_force(anew, date(1995, 3, 1))] == ['component.police']


def test_history_marks_what_each_resolution_mandates_itself():
    history = list(mandate_history(ACTS))
    assert [act.symbol for act, _ in history] == [act.symbol for act in ACTS]
    after_818 = history[1][1]
    assert [(task.code, task.current) for task in after_818] == [('related.ddr', False)]


def test_pema_refs_drop_spaces_and_brackets():
    assert pema_ref('2 (c)') == '2c' and pema_ref('15 (d) (ii)') == '15dii' and pema_ref('9') == '9'


def test_pema_row_maps_codes_to_tasks_and_prefers_the_current_resolution():
    act, in_force = list(mandate_history(ACTS))[2]
    task_of = {'related.ddr': ['disarmdemob'], 'component.police': ['policereform']}
    row = pema_row('ONUMOZ', act, in_force, task_of, {'monitor': 'monitor', 'assist': 'assist'})
    assert row['Signature'] == 'S/RES/850' and row['NamePKO'] == 'ONUMOZ' and row['Year'] == 1993
    assert row['disarmdemob_monitor'] == 'Mandated in previous resolution in S/RES/797 paragraph(s) 2c'
    assert row['policereform_assist'] == 'Mandated in current resolution in S/RES/850 paragraph(s) 9'


def _cell(resolution, task, source, cited, *refs, report=''):
    return PemaCell(resolution, task, 'monitor', source, cited, tuple(PemaRef(ref, report) for ref in refs))


def test_agreement_counts_tasks_and_sets_aside_what_text_cannot_show():
    rows = {
        'S/RES/850': {
            'Signature': 'S/RES/850',
            'disarmdemob_monitor': 'Mandated in previous resolution in S/RES/797 paragraph(s) 2c',
        },
        'S/RES/882': {
            'Signature': 'S/RES/882',
            'policereform_assist': 'Mandated in current resolution in S/RES/882 paragraph(s) 12',
        },
    }
    labels = {
        'S/RES/850': [
            _cell('S/RES/850', 'disarmdemob', 'previous', 'S/RES/797', '2 (c)'),
            _cell('S/RES/850', 'humanrights', 'previous', 'S/RES/982', '7'),  # a later resolution: set aside
        ],
        'S/RES/882': [
            _cell('S/RES/882', 'disarmdemob', 'previous', 'S/RES/797', '2 (c)'),
            _cell('S/RES/882', 'demil', 'current', 'S/RES/882', '9', report='S/26666'),  # report only: set aside
        ],
        'S/RES/999': [_cell('S/RES/999', 'demil', 'current', 'S/RES/999', '1')],
    }
    paragraphs = {'S/RES/797': {'1', '2', '2 (c)'}, 'S/RES/850': {'1'}, 'S/RES/882': {'12'}}
    report = compare_with_pema(rows, labels, ('disarmdemob', 'policereform', 'humanrights', 'demil'), paragraphs)
    assert report.rows == 2 and report.missing_rows == ['S/RES/999']
    assert report.per_task['disarmdemob'] == Score(tp=1, fp=0, fn=1)
    assert (report.per_task['policereform'].fp, report.per_task['humanrights'].fn) == (1, 0)
    assert report.later_resolution == [('S/RES/850', 'humanrights', 'S/RES/982')]
    assert report.report_only == [('S/RES/882', 'demil')]
    assert report.both == 1 and report.same_resolution == 1
