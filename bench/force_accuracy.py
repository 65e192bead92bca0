"""Accuracy of ssrhub.coding.force on the CRSV paragraphs, and the time to read them.

Run by hand from the project root (no database, no Django):
    .venv/bin/python bench/force_accuracy.py [--csv PATH] [--repeat 20]
The gold class of a paragraph is its recorded `obligation_verb` placed on the README scale
(decides/authorizes > demands > condemns > requests/calls upon/urges > encourages > declaratory; 'invites' with
'encourages'); paragraphs without a recorded verb are read but not scored. Prints accuracy, per-class precision and
recall, the confusion matrix, the disagreements, the addressee distribution and the reading time.
"""

import argparse
import csv
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ssrhub.coding.force import Force, read_addressee, read_force  # noqa: E402

DEFAULT_CSV = ROOT.parent / 'shared' / 'data' / 'crsv' / 'crsv-paragraphs-v2026.09.csv'

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


# Section: data


def gold_force(obligation_verb: str) -> Force:
    """The recorded opening verb placed on the README scale."""
    words = [w for w in obligation_verb.lower().split() if w not in ADVERBS]
    for size in (3, 2, 1):
        force = GOLD_SCALE.get(' '.join(words[:size]))
        if force is not None:
            return force
    return Force.DECLARATORY


def load(path: Path) -> list[dict[str, str]]:
    with path.open(newline='', encoding='utf-8') as handle:
        return list(csv.DictReader(handle))


# Section: report


def per_class(pairs: list[tuple[Force, Force]]) -> None:
    print(f'\n{"class":<12} {"gold":>5} {"read":>5} {"precision":>9} {"recall":>7}')
    for force in Force:
        gold = sum(1 for g, _ in pairs if g == force)
        read = sum(1 for _, r in pairs if r == force)
        hits = sum(1 for g, r in pairs if g == r == force)
        precision = f'{hits / read:.3f}' if read else '-'
        recall = f'{hits / gold:.3f}' if gold else '-'
        print(f'{force.name:<12} {gold:>5} {read:>5} {precision:>9} {recall:>7}')


def confusion(pairs: list[tuple[Force, Force]]) -> None:
    counts = Counter(pairs)
    print('\nconfusion (rows gold, columns read)')
    print(f'{"":<12} ' + ' '.join(f'{force.name[:6]:>6}' for force in Force))
    for gold in Force:
        print(f'{gold.name:<12} ' + ' '.join(f'{counts[(gold, read)]:>6}' for read in Force))


def timing(texts: list[str], repeat: int) -> None:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            read_force(text)
            read_addressee(text)
        runs.append(time.perf_counter() - start)
    median = statistics.median(runs)
    print(
        f'\ntime to read force and addressee of all {len(texts)} paragraphs: median {median * 1000:.1f} ms, '
        f'min {min(runs) * 1000:.1f} ms over {repeat} runs ({median / len(texts) * 1e6:.0f} µs per paragraph)'
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--csv', type=Path, default=DEFAULT_CSV)
    parser.add_argument('--repeat', type=int, default=20)
    args = parser.parse_args()
    rows = load(args.csv)
    scored = [row for row in rows if row['obligation_verb']]
    readings = [read_force(row['text_verbatim']) for row in scored]
    pairs = [(gold_force(row['obligation_verb']), r.force) for row, r in zip(scored, readings, strict=True)]
    correct = sum(g == r for g, r in pairs)
    print(f'{args.csv.name}: {len(rows)} paragraphs, {len(scored)} with a recorded verb (scored)')
    print(f'force accuracy: {correct}/{len(pairs)} = {correct / len(pairs):.4f}')
    per_class(pairs)
    confusion(pairs)
    print('\ndisagreements')
    for row, reading, (gold, read) in zip(scored, readings, pairs, strict=True):
        if gold != read:
            print(
                f'  {row["symbol"]} {row["para_ref"]}: recorded {row["obligation_verb"]!r} ({gold.name}), '
                f'read {reading.verb!r} ({read.name})'
            )
    addressees = Counter(read_addressee(row['text_verbatim']).addressee.value for row in rows)
    print('\naddressees on all paragraphs: ' + ', '.join(f'{k} {v}' for k, v in addressees.most_common()))
    timing([row['text_verbatim'] for row in rows], args.repeat)


if __name__ == '__main__':
    main()
