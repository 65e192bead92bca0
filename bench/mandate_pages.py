"""Time the mandate analytics pages, exports and API on a database holding the whole corpus.

Run by hand after ingesting the 902 resolutions (`ssrhub ingest ../shared/data/unsc-resolutions-1946-1994`):
    DATABASE_URL=sqlite:////tmp/corpus.sqlite3 .venv/bin/python bench/mandate_pages.py [--repeat 10]
Logs in as the first superuser or analyst found. Prints median and max milliseconds, queries, bytes per URL.
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

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

URLS = [
    '/mandates/',
    '/mandates/missions/UNPROFOR/?date=1993-12-31',
    '/mandates/missions/UNPROFOR/timeline.json',
    '/mandates/missions/UNTAC/?date=1993-06-30',
    '/mandates/missions/UNOSOM%20II/in-force.xlsx?date=1994-03-01',
    '/mandates/missions/UNPROFOR/pema-table.csv',
    '/api/mandates/missions/ONUMOZ/in-force/?date=1994-06-30',
    '/api/mandates/missions/UNPROFOR/pema-table/',
    '/api/mandates/missions/UNPROFOR/links/',
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--repeat', type=int, default=10)
    args = parser.parse_args()
    user = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.get(
        username='analyst'
    )
    client = Client()
    client.force_login(user)
    print(f'{"url":<62} {"median ms":>9} {"max ms":>7} {"queries":>7} {"bytes":>8}')
    for url in URLS:
        client.get(url)  # warm caches (templates, codebook)
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        size = len(response.content)
        print(f'{url:<62} {statistics.median(timings):>9.1f} {max(timings):>7.1f} {len(queries):>7} {size:>8}')


if __name__ == '__main__':
    main()
