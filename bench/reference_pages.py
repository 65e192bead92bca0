"""Time the reference-data pages and API and count their SQL queries.

Run by hand against a database set up by `make setup` (or any DATABASE_URL):
    .venv/bin/python bench/reference_pages.py [--repeat 20]
Prints one line per URL: median and max milliseconds over the repeats, queries per request, bytes.
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
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

URLS = [
    '/',
    '/framework/un-ssr/2026.1/',
    '/framework/un-ssr/2026.1/?q=ownership',
    '/framework/un-ssr/2026.1/items/principle.national-ownership/',
    '/framework/un-ssr/2026.1/export.json',
    '/missions/',
    '/entities/',
    '/countries/',
    '/search/?q=Liberia',
    '/api/framework/items/?page_size=1000',
    '/api/framework/missions/',
    '/api/schema/',
]


def time_pages(client: Client, urls, repeat: int) -> None:
    """Print median and max milliseconds, queries and bytes of each URL (each answered once to warm caches)."""
    print(f'{"url":<62} {"median ms":>9} {"max ms":>7} {"queries":>7} {"bytes":>8}')
    for url in urls:
        client.get(url)
        timings = []
        for _ in range(repeat):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        size = len(response.content)
        print(f'{url:<62} {statistics.median(timings):>9.1f} {max(timings):>7.1f} {len(queries):>7} {size:>8}')


def run(description: str, urls, *, repeat: int = 20, log_in: bool = False) -> None:
    """The command line of a page benchmark: ``--repeat``; with ``log_in``, as the first superuser or the demo
    analyst."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument('--repeat', type=int, default=repeat)
    args = parser.parse_args()
    client = Client()
    if log_in:
        from django.contrib.auth import get_user_model

        users = get_user_model().objects
        client.force_login(users.filter(is_superuser=True).first() or users.get(username='analyst'))
    time_pages(client, urls, args.repeat)


def main() -> None:
    run(__doc__.splitlines()[0], URLS)


if __name__ == '__main__':
    main()
