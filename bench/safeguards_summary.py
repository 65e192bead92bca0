"""The annual HRDDP summary page and its PDF for the DRC demo, plus ``--allegations`` more allegations and
``--requests`` more support requests with two measures each (written in a transaction rolled back at the end).

Run by hand (after ``make setup``, which loads the demo):
    .venv/bin/python bench/safeguards_summary.py [--allegations 5000] [--requests 1000] [--repeat 11]
Prints the median time of the summary page (Django test client, warm, as the demo due-diligence officer with a
verified second factor) and its queries, of the PDF, and of the command's JSON. Targets: page 300 ms, PDF 3 s.
"""

import argparse
import datetime
import io
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
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from ssrhub.core.testing.two_factor import verified_login  # noqa: E402
from ssrhub.safeguards.models import Allegation, Mitigation, SupportRequest  # noqa: E402


class Counter:
    count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def timed(call, repeat: int) -> tuple[float, float]:
    """Median and fastest wall-clock milliseconds of ``call``."""
    walls = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        walls.append((time.perf_counter() - start) * 1000)
    return statistics.median(walls), min(walls)


def add_volume(allegations: int, requests: int) -> None:
    template = Allegation.objects.filter(country__iso3='COD').first()
    case = SupportRequest.objects.filter(country__iso3='COD').first()
    days = [datetime.date(2015, 1, 1) + datetime.timedelta(days=n % 365) for n in range(max(allegations, requests))]
    Allegation.objects.bulk_create(
        Allegation(
            country_id=template.country_id, recipient_id=template.recipient_id, occurred_on=days[n], place='Bench',
            violation=template.violation, narrative='Bench narrative.', reported_on=days[n],
        )
        for n in range(allegations)
    )  # fmt: skip
    new = SupportRequest.objects.bulk_create(
        SupportRequest(
            country_id=case.country_id, un_entity_id=case.un_entity_id, recipient_id=case.recipient_id,
            title=f'Bench request {n}', kind=case.kind, start=days[n], basis='Bench',
        )
        for n in range(requests)
    )  # fmt: skip
    Mitigation.objects.bulk_create(
        Mitigation(request=request, description='Bench measure.', owner='Bench', due_on=request.start)
        for request in new
        for _ in range(2)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--allegations', type=int, default=5000)
    parser.add_argument('--requests', type=int, default=1000)
    parser.add_argument('--repeat', type=int, default=11)
    options = parser.parse_args()
    with transaction.atomic():
        add_volume(options.allegations, options.requests)
        client = Client()
        verified_login(client, get_user_model().objects.get(username='hrdd'))
        url = '/countries/COD/workspace/due-diligence/summary/2015/'
        assert client.get(url).status_code == 200
        counter = Counter()
        with connection.execute_wrapper(counter):
            client.get(url)
        page = timed(lambda: client.get(url), options.repeat)
        pdf = timed(lambda: client.get(url.rstrip('/') + '.pdf'), max(3, options.repeat // 3))
        command = timed(
            lambda: call_command('safeguards', 'summary', '--country', 'COD', '--year', '2015', '--format', 'json',
                                 stdout=io.StringIO()),
            options.repeat,
        )  # fmt: skip
        print(f'{options.allegations} more allegations, {options.requests} more requests with 2 measures each')
        print(f'summary page: median {page[0]:.0f} ms, fastest {page[1]:.0f} ms, {counter.count} queries')
        print(f'summary PDF: median {pdf[0]:.0f} ms, fastest {pdf[1]:.0f} ms')
        print(f'command (JSON): median {command[0]:.0f} ms, fastest {command[1]:.0f} ms')
        transaction.set_rollback(True)


if __name__ == '__main__':
    main()
