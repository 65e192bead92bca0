"""Scoring the force reader against the CRSV paragraphs (recorded opening verb per paragraph).

The gold class of a paragraph is its recorded ``obligation_verb`` placed on the scale
decides/authorizes > demands > condemns > requests/calls upon/urges > encourages > declaratory
('invites' with 'encourages'); paragraphs without a recorded verb are not scored.
"""

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .force import Force, read_force

__all__ = ['ForceScore', 'gold_force', 'read_crsv', 'score_force']

GOLD_SCALE = {
    'decides': Force.DECIDES,
    'authorizes': Force.DECIDES,
    'authorises': Force.DECIDES,
    'demands': Force.DEMANDS,
    'reiterates its demand': Force.DEMANDS,
    'condemns': Force.CONDEMNS,
    'requests': Force.REQUESTS,
    'calls upon': Force.REQUESTS,
    'calls on': Force.REQUESTS,
    'calls for': Force.REQUESTS,
    'urges': Force.REQUESTS,
    'encourages': Force.ENCOURAGES,
    'invites': Force.ENCOURAGES,
}
ADVERBS = {'strongly', 'further', 'also'}


def gold_force(obligation_verb: str) -> Force:
    """The recorded opening verb placed on the scale."""
    words = [w for w in obligation_verb.lower().split() if w not in ADVERBS]
    for size in (3, 2, 1):
        force = GOLD_SCALE.get(' '.join(words[:size]))
        if force is not None:
            return force
    return Force.DECLARATORY


def read_crsv(path: Path) -> list[dict[str, str]]:
    with path.open(newline='', encoding='utf-8') as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class ForceScore:
    rows: tuple  # the scored rows (with a recorded verb)
    pairs: tuple  # (gold, read) per scored row
    verbs: tuple  # the verb read per scored row

    @property
    def accuracy(self) -> float:
        return sum(gold == read for gold, read in self.pairs) / len(self.pairs) if self.pairs else 0.0

    def as_text(self) -> str:
        correct = sum(gold == read for gold, read in self.pairs)
        lines = [f'force accuracy: {correct}/{len(self.pairs)} = {self.accuracy:.4f}', '']
        lines.append(f'{"class":<12} {"gold":>5} {"read":>5} {"precision":>9} {"recall":>7}')
        for force in Force:
            gold = sum(1 for g, _ in self.pairs if g == force)
            read = sum(1 for _, r in self.pairs if r == force)
            hits = sum(1 for g, r in self.pairs if g == r == force)
            precision = f'{hits / read:.3f}' if read else '-'
            recall = f'{hits / gold:.3f}' if gold else '-'
            lines.append(f'{force.name:<12} {gold:>5} {read:>5} {precision:>9} {recall:>7}')
        counts = Counter(self.pairs)
        lines += ['', 'confusion (rows gold, columns read)', f'{"":<12} ' + ' '.join(f'{f.name[:6]:>6}' for f in Force)]
        lines += [f'{g.name:<12} ' + ' '.join(f'{counts[(g, r)]:>6}' for r in Force) for g in Force]
        lines += ['', 'disagreements']
        lines += [
            f'  {row["symbol"]} {row["para_ref"]}: recorded {row["obligation_verb"]!r} ({gold.name}), '
            f'read {verb!r} ({read.name})'
            for row, verb, (gold, read) in zip(self.rows, self.verbs, self.pairs, strict=True)
            if gold != read
        ]
        return '\n'.join(lines) + '\n'


def score_force(rows: list[dict[str, str]]) -> ForceScore:
    scored = [row for row in rows if row['obligation_verb']]
    readings = [read_force(row['text_verbatim']) for row in scored]
    pairs = [(gold_force(row['obligation_verb']), reading.force) for row, reading in zip(scored, readings, strict=True)]
    return ForceScore(rows=tuple(scored), pairs=tuple(pairs), verbs=tuple(r.verb for r in readings))
