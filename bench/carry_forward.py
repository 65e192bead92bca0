"""Carry-forward detection: agreement with the CRSV dataset and time on the whole resolution corpus.

Run by hand (no database needed):
    .venv/bin/python bench/carry_forward.py [--data ../shared/data] [--repeat 3] [--measures]
Prints the agreement report of ``evaluate_crsv_carry`` on the CRSV file, then segments every text of the
1946-1994 corpus and times ``find_carry`` on all its paragraphs put on a single track (the worst case: every
paragraph is compared with every earlier one) and on one track per decade: best and median wall time over the
repeats, links per class, formulaic chains of three documents or more, the peak memory traced during one
single-track run and the maximum resident set size of the process (Linux). ``--measures`` first prints the
comparison of similarity measures on the CRSV links quoted in ``ssrhub/mandates/carry.py``.
"""

import argparse
import csv
import re
import resource
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ssrhub.documents.structure import segment  # noqa: E402
from ssrhub.mandates.carry import (  # noqa: E402
    CarryClass,
    CarryParagraph,
    classify,
    find_carry,
    formulaic_chains,
    similarity,
    words,
)
from ssrhub.mandates.carry_eval import evaluate_crsv_carry  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / 'shared' / 'data'
CRSV = Path('crsv') / 'crsv-paragraphs-v2026.09.csv'
CORPUS = Path('unsc-resolutions-1946-1994')
FILE_NAME = re.compile(r'S_RES_(\d+)_(\d{4})_')


def _grams(tokens, size: int) -> list:
    return [tuple(tokens[i : i + size]) for i in range(max(len(tokens) - size + 1, 1))]


def _dice(a, b) -> float:
    a, b = set(a), set(b)
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def _jaccard(a, b) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a or b else 1.0


def _containment(a, b) -> float:
    a, b = set(a), set(b)
    return len(a & b) / min(len(a), len(b)) if a and b else float(a == b)


def _on_words(measure):
    """The measure applied to the normalised words of two texts."""
    return lambda a, b: measure(words(a), words(b))


MEASURES = {
    'Dice, word bigrams (with repetition)': similarity,
    'Dice, word bigrams (sets)': _on_words(lambda a, b: _dice(_grams(a, 2), _grams(b, 2))),
    'Dice, word trigrams (sets)': _on_words(lambda a, b: _dice(_grams(a, 3), _grams(b, 3))),
    'Jaccard, word bigrams': _on_words(lambda a, b: _jaccard(_grams(a, 2), _grams(b, 2))),
    'Jaccard, words (sets)': _on_words(_jaccard),
    'difflib ratio over words': _on_words(lambda a, b: SequenceMatcher(None, a, b, autojunk=False).ratio()),
    'difflib ratio over characters': _on_words(
        lambda a, b: SequenceMatcher(None, ' '.join(a), ' '.join(b), autojunk=False).ratio()
    ),
    'Dice, character 8-grams': _on_words(lambda a, b: _dice(_grams(''.join(a), 8), _grams(''.join(b), 8))),
    'trigram containment (min size)': _on_words(lambda a, b: _containment(_grams(a, 3), _grams(b, 3))),
}


def compare_measures(csv_path: Path) -> None:
    """Print MAE, Pearson r and class agreement of each measure on the recorded links whose source is a row."""
    with csv_path.open(newline='', encoding='utf-8') as handle:
        rows = list(csv.DictReader(handle))
    texts = {f'{row["symbol"]} ¶{row["para_ref"]}': row['text_verbatim'] for row in rows}
    pairs = [
        (texts[row['carried_from']], row['text_verbatim'], float(row['carried_similarity']))
        for row in rows
        if row['carried_from'] in texts
    ]
    print(f'{"measure":<38} {"MAE":>6} {"r":>6}  class agreement ({len(pairs)} recorded links)')
    for name, measure in MEASURES.items():
        scores = [measure(source, text) for source, text, _ in pairs]
        recorded = [score for _, _, score in pairs]
        mae = statistics.mean(abs(ours - theirs) for ours, theirs in zip(scores, recorded, strict=True))
        same = sum(classify(ours) is classify(theirs) for ours, theirs in zip(scores, recorded, strict=True))
        print(f'{name:<38} {mae:>6.3f} {statistics.correlation(scores, recorded):>6.3f}  {same}/{len(pairs)}')
    print()


def corpus_paragraphs(corpus: Path) -> list[tuple[int, CarryParagraph]]:
    """(year, paragraph) for every paragraph of every text, on a single track; key (symbol, reference)."""
    paragraphs = []
    for path in sorted(corpus.glob('*.txt')):
        number, year = (int(group) for group in FILE_NAME.match(path.name).groups())
        symbol = f'S/RES/{number}'
        for paragraph in segment(path.read_text(encoding='utf-8'), 'en').paragraphs:
            key = (symbol, paragraph.ref)
            paragraphs.append((year, CarryParagraph(key, symbol, 'corpus', (year, number), paragraph.text)))
    return paragraphs


def time_links(label: str, paragraphs: list[CarryParagraph], repeat: int) -> dict:
    timings = []
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        links = find_carry(paragraphs)
        timings.append(time.perf_counter() - start)
    classes = Counter(link.carry_class for link in links.values())
    chains = formulaic_chains(links, 3)
    longest = max(chains.values(), key=lambda chain: chain.length, default=None)
    print(f'{label:<30} {min(timings):>9.3f} s (best of {len(timings)}, median {statistics.median(timings):.3f})')
    print('  links   ' + '   '.join(f'{carry_class.value} {classes[carry_class]}' for carry_class in CarryClass))
    print(f'  paragraphs in a chain of >= 3 documents: {len(chains)}', end='')
    print(f'; longest {longest.length} from {longest.first_document} ¶{longest.first_key[1]}' if longest else '')
    return links


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--data', type=Path, default=DEFAULT_DATA)
    parser.add_argument('--repeat', type=int, default=3)
    parser.add_argument('--measures', action='store_true', help='compare similarity measures on the CRSV links')
    args = parser.parse_args()
    crsv, corpus = args.data / CRSV, args.data / CORPUS
    if not crsv.is_file() or not corpus.is_dir():
        sys.exit(f'CRSV file or corpus not found under {args.data}')
    if args.measures:
        compare_measures(crsv)

    start = time.perf_counter()
    print(evaluate_crsv_carry(crsv).as_text())
    print(f'CRSV evaluation seconds       {time.perf_counter() - start:>9.3f}\n')

    start = time.perf_counter()
    dated = corpus_paragraphs(corpus)
    single = [paragraph for _, paragraph in dated]
    documents = len({paragraph.document for paragraph in single})
    print(f'texts {documents}, paragraphs {len(single)}, segmented in {time.perf_counter() - start:.3f} s')
    time_links('single track', single, args.repeat)
    decades = [CarryParagraph(p.key, p.document, f'{year // 10 * 10}s', p.order, p.text) for year, p in dated]
    time_links('one track per decade', decades, args.repeat)

    tracemalloc.start()
    find_carry(single)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f'peak traced memory (MiB)      {peak / 2**20:>9.2f}   (one single-track run)')
    print(f'max resident set size (MiB)   {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:>9.1f}')


if __name__ == '__main__':
    main()
