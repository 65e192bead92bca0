"""Time the funding calculation of one plan with many linked activities (synthetic, in memory).

    .venv/bin/python bench/funding.py [--activities 500 2000 10000] [--partners 12]

The calculation's input: 60 costed actions in 6 pillars; each activity with 3 transactions (a commitment, a
disbursement, an expenditure) in USD, EUR, XOF or SEK over 2019-2026 with yearly and monthly rates, linked to one
to three actions without shares; one activity in ten passes money to another; ``--partners`` funders. Prints
the median and max milliseconds of five runs for each size.
"""

import argparse
import datetime
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ssrhub.core.dates import MONTH, YEAR  # noqa: E402
from ssrhub.finance.conversion import Rate, RateTable  # noqa: E402
from ssrhub.finance.funding import Activity, Link, PlanAction, Transaction, compute_funding  # noqa: E402


def synthetic(count: int, partners: int = 12):
    rng = random.Random(12)
    actions = [
        PlanAction(
            f'a{i}', cost=Decimal(rng.randint(10**5, 10**7)), pillar=f'p{i % 6}', cost_date=datetime.date(2020, 1, 1)
        )
        for i in range(60)
    ]
    rates = []
    for year in range(2019, 2027):
        for currency, base in (('EUR', 0.9), ('XOF', 600), ('SEK', 10)):
            rates.append(Rate(currency, datetime.date(year, 1, 1), YEAR, Decimal(str(base)), 'bench'))
            rates += [
                Rate(
                    currency,
                    datetime.date(year, month, 1),
                    MONTH,
                    Decimal(str(round(base * (1 + month / 100), 4))),
                    'bench',
                )
                for month in range(1, 13)
            ]
    activities, transactions, links = [], [], []
    for i in range(count):
        start = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 2000))
        end = start + datetime.timedelta(days=rng.randint(90, 1500))
        activities.append(
            Activity(f'x{i}', reporting_org=f'org{i % partners}', start=start, end=end, on_budget=i % 3 == 0)
        )
        receiver = f'x{rng.randrange(count)}' if i % 10 == 0 else ''
        for kind in ('2', '3', '4'):
            day = start + datetime.timedelta(days=rng.randint(0, 300))
            currency = rng.choice(('USD', 'EUR', 'XOF', 'SEK'))
            transactions.append(
                Transaction(
                    f'{i}-{kind}',
                    f'x{i}',
                    kind,
                    Decimal(rng.randint(1000, 10**6)),
                    currency,
                    day,
                    receiver_activity_id=receiver if kind == '3' else '',
                )
            )
        links += [Link(action, f'x{i}') for action in rng.sample([a.id for a in actions], rng.randint(1, 3))]
    return actions, activities, transactions, links, RateTable(rates)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--activities', type=int, nargs='+', default=[500, 2000, 10000])
    parser.add_argument('--partners', type=int, default=12)
    options = parser.parse_args()
    for count in options.activities:
        actions, activities, transactions, links, rates = synthetic(count, options.partners)
        times = []
        for _ in range(5):
            began = time.perf_counter()
            result = compute_funding(actions, activities, transactions, links, rates)
            times.append((time.perf_counter() - began) * 1000)
        print(
            f'compute_funding: {len(activities)} activities, {len(transactions)} transactions, {len(links)} links: '
            f'median {statistics.median(times):.0f} ms, max {max(times):.0f} ms; '
            f'{len(result.duplications)} possible duplications, {len(result.transfers)} transfers left out'
        )


if __name__ == '__main__':
    main()
