"""Inter-coder agreement per code: Krippendorff's alpha (nominal), machine vs human and human vs human.

Plain Python on plain data: a judgement is ``(unit, code, coder, value)`` where ``unit`` identifies a
paragraph, ``coder`` is 'machine' or a reviewer, and ``value`` is True (code present) or False.

Alpha always comes with its sample (pairable units, coders, pairable values) and the reasons it cannot be
trusted yet. The minimum is Krippendorff's smallest sample for a two-valued variable (Content Analysis, 4th ed.,
2019, ch. 12, after Bloch and Kraemer 1989): for the smallest acceptable alpha .667 at significance .05 and the
best case, both values equally frequent, it is 60 units; a rarer value needs more, and two coders at least.
"""

import math
from collections import defaultdict
from dataclasses import dataclass

import krippendorff
import numpy as np

__all__ = [
    'AGREEMENT_COLUMNS',
    'MIN_CODERS',
    'MIN_UNITS',
    'AgreementRow',
    'Reliability',
    'agreement_rows',
    'alpha',
    'required_units',
]

MACHINE = 'machine'
MIN_CODERS = 2
ALPHA_MIN = 0.667
SIGNIFICANCE_Z = 1.645  # one-tailed z at significance .05
WARNINGS = ('few-coders', 'few-units', 'no-variation')


def required_units(least_frequent_share: float, alpha_min: float = ALPHA_MIN, z: float = SIGNIFICANCE_Z) -> float:
    """Krippendorff's minimum number of units (Bloch and Kraemer's formula) for two coders, when the least
    frequent value has ``least_frequent_share`` of the values; a value never used needs an unbounded sample."""
    p = least_frequent_share
    if p <= 0:
        return math.inf
    return math.ceil(2 * z**2 * ((1 + alpha_min) * (3 - alpha_min) / (4 * (1 - alpha_min) * p * (1 - p)) - alpha_min))


MIN_UNITS = required_units(0.5)


@dataclass(frozen=True)
class Reliability:
    """Alpha over one set of units, with its sample: units judged by two coders or more, coders, pairable values."""

    alpha: float | None
    units: int
    coders: int
    values: int
    least_frequent_share: float

    @property
    def required_units(self) -> int:
        """The units this code needs: more than :data:`MIN_UNITS` when one value is rare; :data:`MIN_UNITS` when a
        value was never given (the need is then unknown, and 'no-variation' says why)."""
        if self.least_frequent_share == 0:
            return MIN_UNITS
        return max(MIN_UNITS, required_units(self.least_frequent_share))

    @property
    def warnings(self) -> tuple[str, ...]:
        """Why alpha cannot be trusted yet: 'few-coders', 'few-units' (below :attr:`required_units`), 'no-variation'
        (every judgement is the same value: alpha is undefined and 1.00 only says that no one disagreed)."""
        if not self.units:
            return ()
        found = []
        if self.coders < MIN_CODERS:
            found.append('few-coders')
        if self.units < self.required_units:
            found.append('few-units')
        if self.least_frequent_share == 0:
            found.append('no-variation')
        return tuple(found)


NO_UNITS = Reliability(alpha=None, units=0, coders=0, values=0, least_frequent_share=0.0)


@dataclass(frozen=True)
class AgreementRow:
    code: str
    machine_human: Reliability
    human_human: Reliability

    def as_dict(self) -> dict:
        row = {'code': self.code}
        for name in ('machine_human', 'human_human'):
            reliability = getattr(self, name)
            row |= {
                f'{name}_alpha': reliability.alpha,
                f'{name}_units': reliability.units,
                f'{name}_coders': reliability.coders,
                f'{name}_values': reliability.values,
                f'{name}_warnings': ' '.join(reliability.warnings),
            }
        return row


AGREEMENT_COLUMNS = tuple(AgreementRow('', NO_UNITS, NO_UNITS).as_dict())


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


def reliability(matrix: list[list[float]], coders: int) -> Reliability:
    """Alpha of ``matrix`` (coders x units) with its sample; ``coders`` is how many people or machines judged."""
    data = np.array(matrix, dtype=float)
    pairable = data[:, (~np.isnan(data)).sum(axis=0) >= 2] if data.size else data
    values = pairable[~np.isnan(pairable)]
    share = min(float(values.mean()), 1 - float(values.mean())) if values.size else 0.0
    return Reliability(
        alpha=alpha(matrix),
        units=int(pairable.shape[1]) if pairable.ndim == 2 else 0,
        coders=coders,
        values=int(values.size),
        least_frequent_share=share,
    )


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
        sharing = sorted({coder for judged in shared.values() for coder in judged if coder != MACHINE}, key=str)
        rows.append(
            AgreementRow(
                code=code,
                machine_human=reliability(_matrix(pairs, [MACHINE, 'human']), 1 + len(humans)) if pairs else NO_UNITS,
                human_human=reliability(_matrix(shared, sharing), len(sharing)) if shared else NO_UNITS,
            )
        )
    return rows
