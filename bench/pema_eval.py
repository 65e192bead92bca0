"""Score the paragraph coder against PEMA labels (resolution, paragraph and task x modality levels).

Run by hand (no database needed):
    .venv/bin/python bench/pema_eval.py [--data ../shared/data] [--labels FILE] [--texts DIR]
                                        [--halves] [--no-expand] [--format table|csv|json]
Prints resolution-level micro/macro F1 over the SSR-family tasks, per-task P/R/F1/support, paragraph-level
and task x modality micro F1, the tasks that live only in a cited report or outside the text, the errors,
and the elapsed time. ``--halves`` also scores the earlier and the later half of the resolutions (by number)
separately, as a check that the rules do not depend on particular resolutions.
"""

import argparse
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ssrhub.coding.codebook import load_codebook  # noqa: E402
from ssrhub.coding.pema import evaluate_pema, read_labels  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / 'shared' / 'data'


def _halves(labels: Path) -> tuple[set, set]:
    resolutions = sorted(read_labels(labels), key=lambda symbol: int(symbol.rsplit('/', 1)[-1]))
    middle = len(resolutions) // 2
    return set(resolutions[:middle]), set(resolutions[middle:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--data', type=Path, default=DEFAULT_DATA)
    parser.add_argument('--labels', type=Path, help='PEMA csv (default: DATA/pema/pema-v4-dev.csv)')
    parser.add_argument('--texts', type=Path, help='resolution texts (default: DATA/unsc-resolutions-1946-1994)')
    parser.add_argument('--halves', action='store_true', help='also score the earlier and later half separately')
    parser.add_argument('--no-expand', action='store_true', help='ignore implicit hits of generic SSR mentions')
    parser.add_argument('--format', choices=('table', 'csv', 'json'), default='table')
    args = parser.parse_args()
    labels = args.labels or args.data / 'pema' / 'pema-v4-dev.csv'
    texts = args.texts or args.data / 'unsc-resolutions-1946-1994'
    codebook = load_codebook()
    runs = [('all', None)]
    if args.halves:
        first, second = _halves(labels)
        runs += [('first half', first), ('second half', second)]
    reports = [
        (name, evaluate_pema(texts, labels, codebook, resolutions=subset, expand_generic=not args.no_expand))
        for name, subset in runs
    ]
    if args.format == 'table':
        print(f'codebook {codebook.version}; generic SSR expansion {"off" if args.no_expand else "on"}\n')
        for name, report in reports:
            print(report.as_text(name))
        return
    rows = [{'split': name, **row} for name, report in reports for row in report.as_rows()]
    if args.format == 'json':
        print(json.dumps(rows, indent=2))
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator='\n')
        writer.writeheader()
        writer.writerows(rows)


if __name__ == '__main__':
    main()
