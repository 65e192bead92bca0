"""Accuracy of ssrhub.coding.force on the CRSV paragraphs, and the time to read them.

Run by hand from the project root (no database, no Django):
    .venv/bin/python bench/force_accuracy.py [--csv PATH] [--repeat 20]
The gold class of a paragraph is its recorded `obligation_verb` placed on the README scale
(decides/authorizes > demands > condemns > requests/calls upon/urges > encourages > declaratory; 'invites' with
'encourages'); paragraphs without a recorded verb are read but not scored. Prints accuracy, per-class precision and
recall, the confusion matrix, the disagreements, the addressee distribution and the reading time.
"""

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ssrhub.coding.crsv import read_crsv, score_force  # noqa: E402
from ssrhub.coding.force import read_addressee, read_force  # noqa: E402

DEFAULT_CSV = ROOT.parent / 'shared' / 'data' / 'crsv' / 'crsv-paragraphs-v2026.09.csv'


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
    rows = read_crsv(args.csv)
    score = score_force(rows)
    print(f'{args.csv.name}: {len(rows)} paragraphs, {len(score.pairs)} with a recorded verb (scored)')
    print(score.as_text())
    addressees = Counter(read_addressee(row['text_verbatim']).addressee.value for row in rows)
    print('addressees on all paragraphs: ' + ', '.join(f'{k} {v}' for k, v in addressees.most_common()))
    timing([row['text_verbatim'] for row in rows], args.repeat)


if __name__ == '__main__':
    main()
