"""One chip per code (chips.py) and alpha's sample and warnings (agreement.py): plain Python on plain rows."""

from types import SimpleNamespace

from ssrhub.coding.agreement import MIN_UNITS, agreement_rows, required_units
from ssrhub.coding.chips import Chip, ChipGroup, build_chips

EXPANDS = {'ssr.generic': ('component.defence', 'component.police', 'component.justice')}


def _row(code, explicit=True, modality='', present=True, coder_id=None):
    return SimpleNamespace(
        code=code,
        explicit=explicit,
        modality=modality,
        present=present,
        coder_id=coder_id,
        evidence=[{'start': 0, 'end': 3, 'rule': f'{code}.en.1'}],
    )


def test_one_chip_per_code_with_the_machine_reading_and_every_decision():
    machine = [_row('component.police', modality='monitor'), _row('component.police', modality='assist')]
    decisions = [_row('component.police', present=True, coder_id=1), _row('initiative.legislation', coder_id=2)]
    chips = build_chips(machine, decisions, EXPANDS)
    assert [chip.code for chip in chips] == ['component.police', 'initiative.legislation']
    police, added = chips
    assert police.state == 'accepted' and police.modalities == ['assist', 'monitor'] and not police.implicit
    assert added.state == 'added' and police.decision_by(1).present and police.decision_by(2) is None
    police.decisions.append(_row('component.police', present=False, coder_id=2))
    assert police.state == 'disputed' and not police.in_force
    assert Chip('x', machine=[_row('x')]).state == 'pending'


def test_implicit_components_of_a_generic_mention_form_one_group_after_it():
    machine = [
        _row('component.defence', explicit=False),
        _row('component.police'),  # named in the paragraph: its own chip, not in the group
        _row('component.justice', explicit=False),
        _row('ssr.generic'),
    ]
    decisions = [_row('component.defence', present=False, coder_id=1)]
    chips = build_chips(machine, decisions, EXPANDS)
    assert [chip.code for chip in chips] == ['component.police', 'ssr.generic', 'ssr.generic']
    group = chips[2]
    assert isinstance(group, ChipGroup) and group.codes == ['component.defence', 'component.justice']
    assert group.state == 'mixed' and group.decision_by(1) is None
    group.chips[1].decisions.append(_row('component.justice', present=False, coder_id=1))
    assert group.state == 'rejected' and group.decision_by(1).present is False
    # Without the generic code the components are plain chips.
    assert all(isinstance(chip, Chip) for chip in build_chips(machine[:3], [], EXPANDS))


def test_alpha_comes_with_its_sample_and_warnings():
    # Krippendorff's table (after Bloch and Kraemer): 4 equally frequent values, alpha_min .8, p .05 -> 139 units.
    assert required_units(0.25, alpha_min=0.8) == 139
    assert MIN_UNITS == required_units(0.5) == 60 and required_units(0.1) > MIN_UNITS
    one = agreement_rows([(1, 'c', 'machine', True), (1, 'c', 'ana', True)])[0]
    assert (one.machine_human.alpha, one.machine_human.units, one.machine_human.values) == (1.0, 1, 2)
    assert one.machine_human.warnings == ('few-units', 'no-variation')
    assert one.human_human.units == 0 and one.human_human.warnings == ()
    judgements = [(unit, 'c', coder, unit % 2 == 0) for unit in range(80) for coder in ('machine', 'ana', 'bea')]
    row = agreement_rows(judgements)[0]
    assert (row.human_human.units, row.human_human.coders, row.human_human.values) == (80, 2, 160)
    assert row.human_human.alpha == 1.0 and row.human_human.warnings == ()
    assert row.machine_human.units == 160 and row.machine_human.coders == 3
