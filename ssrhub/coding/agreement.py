"""Inter-coder agreement per code: Krippendorff's alpha (nominal), machine vs human and human vs human.

Plain Python on plain data: a judgement is ``(unit, coder, value)`` where ``unit`` identifies a
paragraph, ``coder`` is 'machine' or a reviewer, and ``value`` is True (code present) or False.
"""

from collections import defaultdict
from dataclasses import dataclass

import krippendorff
import numpy as np

__all__ = ['AgreementRow', 'agreement_rows', 'alpha']

MACHINE = 'machine'


@dataclass(frozen=True)
class AgreementRow:
    code: str
    machine_human_alpha: float | None
    machine_human_units: int
    human_human_alpha: float | None
    human_human_units: int

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def alpha(matrix: list[list[float]]) -> float | None:
    """Nominal alpha of a coders x units matrix (NaN = not coded); None when it is undefined."""
    data = np.array(matrix, dtype=float)
    pairable = (~np.isnan(data)).sum(axis=0) >= 2
    if data.shape[0] < 2 or pairable.sum() == 0:
        return None
    values = data[:, pairable]
    if len(np.unique(values[~np.isnan(values)])) < 2:
        # Every judgement agrees on one value: alpha is undefined (no variation), agreement is total.
        return 1.0
    return float(krippendorff.alpha(reliability_data=values, level_of_measurement='nominal'))


def _matrix(by_unit: dict, coders: list) -> list[list[float]]:
    units = sorted(by_unit)
    return [[float(by_unit[unit][coder]) if coder in by_unit[unit] else np.nan for unit in units] for coder in coders]


def agreement_rows(judgements) -> list[AgreementRow]:
    """One row per code seen in ``judgements`` (an iterable of (unit, code, coder, present))."""
    by_code = defaultdict(lambda: defaultdict(dict))
    for unit, code, coder, present in judgements:
        by_code[code][unit][coder] = present
    rows = []
    for code in sorted(by_code):
        units = by_code[code]
        humans = sorted({coder for judged in units.values() for coder in judged if coder != MACHINE}, key=str)
        # Machine vs human: each (paragraph, reviewer) is a unit judged by the machine and that reviewer.
        pairs = {
            (unit, human): {MACHINE: judged.get(MACHINE, False), 'human': judged[human]}
            for unit, judged in units.items()
            for human in humans
            if human in judged
        }
        shared = {unit: judged for unit, judged in units.items() if sum(c != MACHINE for c in judged) >= 2}
        rows.append(
            AgreementRow(
                code=code,
                machine_human_alpha=alpha(_matrix(pairs, [MACHINE, 'human'])) if pairs else None,
                machine_human_units=len(pairs),
                human_human_alpha=alpha(_matrix(shared, humans)) if shared else None,
                human_human_units=len(shared),
            )
        )
    return rows
