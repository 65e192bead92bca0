"""3W matrix over stored activities: the time of the counting queries and of the whole page, for the activities of
the development database (``make setup`` stores the demo's 10,902 Afghanistan 3W activities).

Run by hand:
    .venv/bin/python bench/threew_matrix.py [--repeat 5]
Prints the number of activities and, for each pair of dimensions, the median time of ``count_matrix()`` (three
aggregate queries) and of the country page (the view rendered for an administrator, with its labels and links).
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
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from ssrhub.coordination import threew_matrix  # noqa: E402
from ssrhub.coordination.models import Activity  # noqa: E402

PAIRS = [('organisation', 'sector'), ('organisation', 'admin1'), ('admin2', 'framework'), ('org_type', 'period')]


def median_ms(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--repeat', type=int, default=5)
    parser.add_argument('--country', default='AFG')
    options = parser.parse_args()
    activities = Activity.objects.filter(country__iso3=options.country)
    print(f'{activities.count()} activities of {options.country}')
    client = Client(HTTP_HOST='localhost')
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    url = reverse('coordination:threew_matrix', args=[options.country])
    for rows, columns in PAIRS:
        counting = median_ms(lambda r=rows, c=columns: threew_matrix.count_matrix(activities, r, c), options.repeat)
        page = median_ms(lambda r=rows, c=columns: client.get(url, {'rows': r, 'columns': c}), options.repeat)
        print(f'{rows} x {columns}: counting {counting:.0f} ms, page {page:.0f} ms (median of {options.repeat})')


if __name__ == '__main__':
    main()
