"""Time full-text paragraph searches (with and without coding filters) on an ingested corpus.

Run by hand against a database that holds documents, e.g. after
    .venv/bin/ssrhub ingest ../shared/data/unsc-resolutions-1946-1994
then: .venv/bin/python bench/search_paragraphs.py [--repeat 20]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ssrhub.settings')

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from ssrhub.documents.filtersets import ParagraphFilterSet  # noqa: E402
from ssrhub.documents.models import Paragraph  # noqa: E402

QUERIES = [
    {'q': 'police'},
    {'q': '"security sector"'},
    {'q': 'demobilization of combatants'},
    {'q': 'ceasefire', 'force': ['5']},
    {'code': 'related.disarmament-demobilisation'},
    {'q': 'mandate', 'code': 'component.police', 'kind': 'operative', 'year': '1993'},
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--repeat', type=int, default=20)
    args = parser.parse_args()
    base = Paragraph.objects.filter(version__is_current=True)
    print(f'{connection.vendor}: {base.count()} paragraphs')
    print(f'{"query":<80} {"hits":>6} {"median ms":>9} {"max ms":>7}')
    for query in QUERIES:
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            filterset = ParagraphFilterSet(query, queryset=base)
            hits = filterset.qs.count()
            list(filterset.qs[:25])
            timings.append((time.perf_counter() - start) * 1000)
        print(f'{str(query):<80} {hits:>6} {statistics.median(timings):>9.1f} {max(timings):>7.1f}')


if __name__ == '__main__':
    main()
