"""Segment every resolution of the shared corpus and report counts, time and peak memory.

Run by hand (no database needed):
    .venv/bin/python bench/segment_corpus.py [--corpus ../shared/data/unsc-resolutions-1946-1994] [--repeat 3]
Prints the number of files and characters, paragraphs by kind, sub-items, annex paragraphs, documents without an
operative paragraph, the best and median wall time over the repeats, the peak memory traced while segmenting
and the maximum resident set size of the process (Linux).
"""

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ssrhub.documents.structure import ParagraphKind, segment  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / 'shared' / 'data' / 'unsc-resolutions-1946-1994'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--corpus', type=Path, default=DEFAULT_CORPUS)
    parser.add_argument('--repeat', type=int, default=3)
    args = parser.parse_args()
    paths = sorted(args.corpus.glob('*.txt'))
    if not paths:
        sys.exit(f'no .txt files in {args.corpus}')
    texts = [path.read_text(encoding='utf-8') for path in paths]

    timings = []
    for _ in range(max(args.repeat, 1)):
        start = time.perf_counter()
        documents = [segment(text) for text in texts]
        timings.append(time.perf_counter() - start)

    tracemalloc.start()
    for text in texts:
        segment(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    kinds = Counter(paragraph.kind for document in documents for paragraph in document.paragraphs)
    top = Counter(paragraph.kind for document in documents for paragraph in document.paragraphs if not paragraph.sub)
    items = sum(1 for document in documents for paragraph in document.paragraphs if paragraph.sub)
    without_operative = [path.name for path, document in zip(paths, documents, strict=True) if not document.operative]

    print(f'files                         {len(paths):>9}')
    print(f'characters                    {sum(map(len, texts)):>9}')
    print(f'paragraphs                    {sum(kinds.values()):>9}')
    for kind in ParagraphKind:
        print(f'  {kind.value:<12} {kinds[kind]:>9}   (top level {top[kind]}, sub-items {kinds[kind] - top[kind]})')
    print(f'sub-items                     {items:>9}')
    print(f'annex paragraphs              {kinds[ParagraphKind.ANNEX]:>9}')
    print(f'without operative paragraph   {len(without_operative):>9}   {" ".join(without_operative)}')
    print(f'seconds (best of {len(timings)})           {min(timings):>9.3f}   median {statistics.median(timings):.3f}')
    print(f'peak traced memory (MiB)      {peak / 2**20:>9.2f}   (Python allocations while segmenting file by file)')
    print(f'max resident set size (MiB)   {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:>9.1f}')


if __name__ == '__main__':
    main()
