"""The monitoring dashboard page and the PDF progress report for a plan of 50 indicators x 20 periods x 10
disaggregation categories of approved values (the framework of ``monitoring_dashboard.py``, written in a transaction
rolled back at the end).

Run by hand (after ``make setup``):
    .venv/bin/python bench/monitoring_dashboard_page.py [--indicators 50] [--periods 20] [--categories 10] [--repeat 11]
Prints the median time of the whole dashboard request (Django test client, warm, as the first superuser) and its
queries, of the framework's JSON, and of the PDF and DOCX report of the plan's last period. Targets: page 300 ms, PDF
10 s.
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
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from monitoring_dashboard import build  # noqa: E402 (bench/ is the script's folder)


class Counter:
    """A database execute wrapper counting the queries."""

    count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def timed(call, repeat: int) -> tuple[float, float, float]:
    """Milliseconds of ``call``: median and fastest wall-clock time, and median processor time of this process (the
    machine is shared: the wall clock also counts the other processes' turns, the processor time does not)."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), min(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--indicators', type=int, default=50)
    parser.add_argument('--periods', type=int, default=20)
    parser.add_argument('--categories', type=int, default=10)
    parser.add_argument('--repeat', type=int, default=11)
    options = parser.parse_args()
    client = Client(HTTP_HOST='localhost')
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    with transaction.atomic():
        indicators, count = build(options.indicators, options.periods, options.categories)
        framework = indicators[0].result.framework
        size = f'{len(indicators)} indicators x {options.periods} periods x {options.categories} categories'
        print(f'{size}: {count} approved values')
        last_year = 2000 + options.periods
        urls = {
            'dashboard page (framework)': f'/countries/LBR/workspace/frameworks/{framework.pk}/dashboard/',
            'dashboard page (country)': '/countries/LBR/workspace/monitoring/dashboard/',
            'framework JSON (API)': f'/api/monitoring/frameworks/{framework.pk}/dashboard/',
        }
        for label, url in urls.items():
            response = client.get(url)  # warm
            assert response.status_code == 200, (url, response.status_code)
            queries = Counter()
            with connection.execute_wrapper(queries):
                client.get(url)
            median, fastest, cpu = timed(lambda u=url: client.get(u), options.repeat)
            print(
                f'{label}: {median:.0f} ms median, {fastest:.0f} ms fastest, {cpu:.0f} ms processor time '
                f'(of {options.repeat}); {queries.count} queries, {len(response.content) // 1024} KB'
            )
        report = f'/countries/LBR/workspace/report/?from={last_year}-01-01&to={last_year}-12-31&lang=en&format='
        for fmt in ('pdf', 'docx'):
            started = time.perf_counter()
            response = client.get(report + fmt)
            assert response.status_code == 200, (fmt, response.status_code)
            print(
                f'progress report {fmt.upper()} of {last_year}: {time.perf_counter() - started:.1f} s, '
                f'{len(response.content) // 1024} KB'
            )
        transaction.set_rollback(True)


if __name__ == '__main__':
    main()
