"""PEMA cells, crosswalk and evaluation (unit tests on synthetic data, end to end on the dev split)."""

import pytest

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.pema import (
    SSR_FAMILY_TASKS,
    PemaRef,
    Score,
    crosswalk,
    evaluate_pema,
    find_text,
    normalise_ref,
    parse_cell,
    read_labels,
)


@pytest.fixture(scope='module')
def codebook():
    return load_codebook()


# Section: cells


@pytest.mark.parametrize(
    ('raw', 'expected'),
    [
        ('3', '3'),
        ('2c', '2 (c)'),
        ('3h', '3 (h)'),
        ('14 f', '14 (f)'),
        ('2cii', '2 (c) (ii)'),
        ('2 (c) (ii)', '2 (c) (ii)'),
        ('p.2', 'PP2'),
        ('16', '16'),
    ],
)
def test_normalise_ref(raw, expected):
    assert normalise_ref(raw) == expected


def test_parse_current_cell_with_letters():
    cell = parse_cell(
        'Mandated in current resolution in S/RES/866 paragraph(s) 3b',
        resolution='S/RES/866',
        column='disarmdemob_monitor',
    )
    assert (cell.task, cell.modality, cell.source, cell.cited_resolution) == (
        'disarmdemob',
        'monitor',
        'current',
        'S/RES/866',
    )
    assert cell.current
    assert cell.refs == (PemaRef('3 (b)'),)
    assert cell.resolution_refs == ('3 (b)',) and cell.report_refs == ()


def test_parse_previous_cell():
    cell = parse_cell(
        'Mandated in previous resolution in S/RES/797 paragraph(s) 2c', resolution='S/RES/879', column='demil_monitor'
    )
    assert cell.source == 'previous' and not cell.current
    assert cell.resolution_refs == ('2 (c)',)


def test_report_symbol_marks_only_the_reference_before_it():
    cell = parse_cell(
        'Mandated in current resolution in S/RES/867 paragraph(s) 4a, 17 (S/26480), 15 (S/26352)',
        resolution='S/RES/867',
        column='militaryreform_assist',
    )
    assert cell.refs == (PemaRef('4 (a)'), PemaRef('17', 'S/26480'), PemaRef('15', 'S/26352'))
    assert cell.resolution_refs == ('4 (a)',)
    assert [ref.report for ref in cell.report_refs] == ['S/26480', 'S/26352']


def test_report_only_cell():
    cell = parse_cell(
        'Mandated in current resolution in S/RES/867 paragraph(s) 11 (S/26352)',
        resolution='S/RES/867',
        column='justicereform_assist',
    )
    assert cell.current and cell.resolution_refs == ()
    assert cell.report_refs == (PemaRef('11', 'S/26352'),)


def test_several_refs_and_report_with_space_letter():
    cell = parse_cell('Mandated in previous resolution in S/RES/937 paragraph(s) 6c, 6d, 6e', column='demil_monitor')
    assert cell.resolution_refs == ('6 (c)', '6 (d)', '6 (e)')
    cell = parse_cell('Mandated in previous resolution in S/RES/908 paragraph(s) 14 f (S/1994/291)', column='x_assist')
    assert cell.refs == (PemaRef('14 (f)', 'S/1994/291'),)


def test_empty_and_malformed_cells():
    assert parse_cell('', column='demil_monitor') is None
    assert parse_cell('   ', column='demil_monitor') is None
    with pytest.raises(ValueError, match='not a PEMA cell'):
        parse_cell('Mentioned somewhere', resolution='S/RES/1', column='demil_monitor')


def test_crosswalk(codebook):
    walk = crosswalk(codebook)
    for task in SSR_FAMILY_TASKS:
        assert walk[task], task
    assert walk['transjustice'] == ('related.transitional-justice',)
    assert walk['legalreform'] == ('initiative.legislation',)


def test_score_arithmetic():
    score = Score(3, 1, 2) + Score(1, 0, 0)
    assert (score.tp, score.fp, score.fn, score.support) == (4, 1, 2, 6)
    assert score.precision == pytest.approx(0.8) and score.recall == pytest.approx(4 / 6)
    assert Score().f1 == 0.0


# Section: evaluation on synthetic data


HEADER = 'Signature,NamePKO,Country,Year,policereform_assist,demil_monitor,armsembargo_monitor,bordercontrol_monitor\n'
TEXT_A = """Resolution 9001 (1993)

The Security Council,

Recalling its resolutions,

1. Approves the report of the Secretary-General;

2. Decides that the Mission shall have the following mandate:

(a) To assist in the training of the national police;

(b) To monitor the embargo on deliveries of arms to the country;

3. Decides to remain seized of the matter.
"""
TEXT_B = """Resolution 9002 (1993)

The Security Council,

1. Requests the Mission to monitor the withdrawal of heavy weapons;

2. Decides to remain seized of the matter.
"""


@pytest.fixture
def synthetic(tmp_path):
    texts = tmp_path / 'texts'
    texts.mkdir()
    (texts / 'S_RES_9001_1993_EN_GOLD.txt').write_text(TEXT_A, encoding='utf-8')
    (texts / 'S_RES_9002_1993_EN_GOLD.txt').write_text(TEXT_B, encoding='utf-8')
    labels = tmp_path / 'labels.csv'
    labels.write_text(
        HEADER
        + 'S/RES/9001,M,X,1993,Mandated in current resolution in S/RES/9001 paragraph(s) 2a,,,'
        + 'Mandated in current resolution in S/RES/9001 paragraph(s) 5 (S/1993/1)\n'
        + 'S/RES/9002,M,X,1993,,Mandated in previous resolution in S/RES/9001 paragraph(s) 2,,\n'
        + 'S/RES/9003,M,X,1993,,,,\n',
        encoding='utf-8',
    )
    return texts, labels


def test_read_labels(synthetic):
    _, labels = synthetic
    cells = read_labels(labels)
    assert set(cells) == {'S/RES/9001', 'S/RES/9002', 'S/RES/9003'}
    assert [(c.task, c.modality) for c in cells['S/RES/9001']] == [
        ('policereform', 'assist'),
        ('bordercontrol', 'monitor'),
    ]


def test_find_text(synthetic):
    texts, _ = synthetic
    assert find_text(texts, 'S/RES/9001').name == 'S_RES_9001_1993_EN_GOLD.txt'
    assert find_text(texts, 'S/RES/9003') is None


def test_evaluate_synthetic(synthetic, codebook):
    texts, labels = synthetic
    report = evaluate_pema(texts, labels, codebook)
    scores = {item.task: item.score for item in report.per_task}
    assert scores['policereform'] == Score(1, 0, 0)
    assert scores['armsembargo'] == Score(0, 1, 0)  # found in 2 (b), not labelled
    assert scores['demil'] == Score(0, 1, 0)  # labelled only for a previous resolution
    assert scores['bordercontrol'] == Score()  # lives only in the report: excluded
    assert report.report_only == [('S/RES/9001', 'bordercontrol', '5 (S/1993/1)')]
    assert report.missing_texts == ['S/RES/9003']
    assert report.resolutions == 2
    assert report.micro == Score(1, 2, 0)
    assert report.all_labels == Score(1, 2, 1)  # every label counts: the report-only task is missed
    assert report.reachable == Score(1, 2, 0) and report.by_reference == []
    assert report.paragraph == Score(1, 2, 0)
    assert report.modality == Score(1, 2, 0)
    assert ('S/RES/9002', 'demil', '1') in report.false_positives
    rows = report.as_rows()
    assert rows[-6]['task'] == 'micro' and rows[-6]['f1'] == pytest.approx(0.5)
    assert [row['task'] for row in rows[-5:-3]] == ['micro-all-labels', 'micro-reachable']
    assert [row['level'] for row in rows[-3:]] == ['resolution', 'paragraph', 'task-modality']
    subset = evaluate_pema(texts, labels, codebook, resolutions={'S/RES/9001'})
    assert subset.resolutions == 1 and subset.micro == Score(1, 1, 0)


# Section: end to end on the dev split


@pytest.fixture(scope='module')
def dev_report(shared_data):
    texts, labels = shared_data('unsc-resolutions-1946-1994'), shared_data('pema/pema-v4-dev.csv')
    return evaluate_pema(texts, labels, load_codebook())


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,  # missing data fails the test, it is not the expected failure
    reason=(
        'Target not reachable from the texts: of the 19 gold task x resolution pairs, 6 cite paragraphs with no '
        'task language (690 op. 4 and 891 op. 3 define the mandate by reference to a report or an earlier '
        'resolution; 758 op. 4, 764 op. 5 and 792 op. 9 name no such task), so even a perfect text-only coder '
        'tops out at micro-F1 0.81 (recall 13/19). docs/mandates.md, "Side by side with PEMA", describes misses of '
        'this kind.'
    ),
)
def test_dev_resolution_micro_f1_target(dev_report):
    assert dev_report.micro.f1 >= 0.85


def test_dev_resolution_level_floor(dev_report):
    """Regression guard at the level reached by the rules (dev micro-F1 0.74: P 0.81, R 0.68)."""
    assert dev_report.resolutions == 36 and not dev_report.missing_texts
    assert dev_report.micro.f1 >= 0.70
    assert dev_report.micro.precision >= 0.75
    assert dev_report.paragraph.f1 >= 0.55


def test_dev_report_only_tasks_are_counted_apart(dev_report):
    report_only = {(resolution, task) for resolution, task, _ in dev_report.report_only}
    assert ('S/RES/867', 'justicereform') in report_only
    assert ('S/RES/792', 'policereform') in report_only
    excluded = report_only | {(resolution, task) for resolution, task, _ in dev_report.not_in_text}
    errors = {(r, t) for r, t, _ in dev_report.false_positives + dev_report.false_negatives}
    assert not excluded & errors


def test_dev_tasks_given_by_reference_are_listed_and_left_out_of_the_reachable_score(dev_report):
    given = {(resolution, task): refs for resolution, task, refs in dev_report.by_reference}
    assert given[('S/RES/690', 'policereform')].startswith('op. 4 -> ')
    assert ('S/RES/846', 'bordercontrol') in given
    # Reachable: the labels PEMA found in the text and not given by reference; all labels: every current label.
    assert dev_report.reachable.support == dev_report.micro.support - len(given)
    assert dev_report.all_labels.support > dev_report.micro.support
    assert dev_report.all_labels.recall < dev_report.micro.recall < dev_report.reachable.recall
