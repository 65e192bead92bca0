"""One chip per code on a paragraph: the machine's reading and every reviewer's decision together.

Plain Python: reads code assignments (anything with ``code``, ``modality``, ``explicit``, ``present``, ``coder_id``)
and gives the chips a paragraph shows. The implicit components the coder adds to a generic mention (a code with
``expands_to``, e.g. ``ssr.generic``) are gathered in one :class:`ChipGroup` that a reviewer decides at once.
"""

from dataclasses import dataclass, field

__all__ = ['CHIP_STATES', 'Chip', 'ChipGroup', 'build_chips', 'state_of']

# pending: the machine's code, no decision; accepted / added: in force by a reviewer's decision; rejected: a
# reviewer found it absent; disputed: reviewers disagree (not in force, as effective() counts any rejection).
CHIP_STATES = ('pending', 'accepted', 'added', 'rejected', 'disputed')


def state_of(has_machine: bool, decisions) -> str:
    """The state of one code on one paragraph from the machine's presence and reviewers' decisions."""
    present = {decision.present for decision in decisions}
    if present == {True, False}:
        return 'disputed'
    if present == {False}:
        return 'rejected'
    if present == {True}:
        return 'accepted' if has_machine else 'added'
    return 'pending'


@dataclass
class Chip:
    """One code: the machine's rows (one per modality it read) and the reviewers' decisions."""

    code: str
    machine: list = field(default_factory=list)
    decisions: list = field(default_factory=list)

    @property
    def state(self) -> str:
        return state_of(bool(self.machine), self.decisions)

    @property
    def in_force(self) -> bool:
        return self.state in ('pending', 'accepted', 'added')

    @property
    def implicit(self) -> bool:
        """Whether the code is read as implicit: the machine's reading, or else the reviewers' additions."""
        rows = self.machine or [d for d in self.decisions if d.present]
        return bool(rows) and not any(row.explicit for row in rows)

    @property
    def modalities(self) -> list[str]:
        """The modalities of the machine's rows, or of the present decisions when the machine has none."""
        rows = self.machine or [d for d in self.decisions if d.present]
        return sorted({row.modality for row in rows if row.modality})

    @property
    def evidence(self) -> list[dict]:
        return [evidence for row in self.machine for evidence in row.evidence]

    def decision_by(self, user_id):
        return next((decision for decision in self.decisions if decision.coder_id == user_id), None)


@dataclass
class ChipGroup:
    """The implicit component codes the coder read into one generic mention (``code``), decided together."""

    code: str
    chips: list

    @property
    def state(self) -> str:
        states = {chip.state for chip in self.chips}
        return states.pop() if len(states) == 1 else 'mixed'

    @property
    def codes(self) -> list[str]:
        return [chip.code for chip in self.chips]

    def decision_by(self, user_id):
        """The decision ``user_id`` made on every component alike (present True or False), else None."""
        decisions = [chip.decision_by(user_id) for chip in self.chips]
        if any(decision is None for decision in decisions) or len({d.present for d in decisions}) != 1:
            return None
        return decisions[0]


def build_chips(machine, decisions, expands_to: dict) -> list:
    """The chips of a paragraph in reading order: one :class:`Chip` per code, the machine's codes first, with the
    implicit components of a generic code that expands to them (``expands_to``: code -> component codes) grouped
    in one :class:`ChipGroup` right after the generic code's chip."""
    chips: dict[str, Chip] = {}
    for row in machine:
        chips.setdefault(row.code, Chip(row.code)).machine.append(row)
    for decision in decisions:
        chips.setdefault(decision.code, Chip(decision.code)).decisions.append(decision)
    grouped = {}
    for generic in chips:
        if chips[generic].machine and expands_to.get(generic):
            members = [
                chips[code]
                for code in expands_to[generic]
                if code in chips and chips[code].machine and not any(row.explicit for row in chips[code].machine)
            ]
            if members:
                grouped[generic] = ChipGroup(generic, members)
    inside = {chip.code for group in grouped.values() for chip in group.chips}
    shown = []
    for code, chip in chips.items():
        if code in inside:
            continue
        shown.append(chip)
        if code in grouped:
            shown.append(grouped[code])
    return shown
