"""Time a plan's funding page and the activity list with 10,000 activities linked to one national plan, in a bench
SQLite database of their own (never the demo's).

Run by hand from the project root:
    .venv/bin/python bench/funding_pages.py [--activities 10000] [--repeat 10] [--database PATH] [--profile URL]
The first run builds the database (migrations, countries, then the records below; about a minute) in ``--database``
(default ``var/bench-funding.sqlite3``); later runs reuse it when it holds the same number of activities. Each URL
is answered once to warm caches, then timed ``--repeat`` times through Django's test client, logged in as a
workspace viewer of Liberia; prints median and max milliseconds, SQL queries and bytes. The funding page keeps its
result until a record it is calculated from changes: the next line times it calculated (the cache emptied first),
the last two a change followed by the refresh a Celery worker does (``finance/tasks.py``) and the page after it.
``--profile URL`` prints the top of cProfile's cumulative listing for one request instead (``--cold``: with the
cache emptied first, the calculated path).

The records (fixed random seed): Liberia's national SSR plan with 8 pillars and 160 actions (costs of 50,000 to
5 million in USD, EUR or XOF, ten not costed); 48 organisations (donors, UN agencies, NGOs) reporting activities;
every action has a lead partner that reports most of its activities, and one action in eight a second partner
that reports about one activity in 25 of that action and funds one in 20 of the lead's (so possible duplications
exist, as in a real plan, without every pair of partners meeting on every action). Each activity runs one to four
years between 2014 and 2027 (periods overlap), links to one action (one in three to a second action of the same
lead partner too, half of them with shares of 60 and 40 %), has a funding and an implementing organisation, and
4 to 8 transactions: a commitment, disbursements and expenditure in its currency (USD, EUR, GBP, SEK, JPY or XOF,
some transactions in another currency than the activity's), one activity in twenty passing a disbursement to
another activity of the plan. Exchange rates: yearly and monthly for every currency but the dollar, 2013 to 2027.

Measured numbers are in docs/finance.md (Performance).
"""

import argparse
import cProfile
import datetime
import os
import pstats
import random
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACTIVITY_LIST = '/coordination/activities/'


def parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--activities', type=int, default=10000)
    parser.add_argument('--repeat', type=int, default=10)
    parser.add_argument('--database', type=Path, default=ROOT / 'var' / 'bench-funding.sqlite3')
    parser.add_argument('--profile', help='one URL to profile (cProfile, cumulative time)')
    parser.add_argument('--cold', action='store_true', help='with --profile: empty the cache first (calculated)')
    return parser.parse_args()


ARGS = parse() if __name__ == '__main__' else None
if ARGS:
    os.environ['DATABASE_URL'] = f'sqlite:///{ARGS.database.resolve()}'
    os.environ['DJANGO_SETTINGS_MODULE'] = 'ssrhub.settings'
    ARGS.database.parent.mkdir(parents=True, exist_ok=True)
    if not ARGS.database.exists():
        ssrhub = [sys.executable, '-m', 'ssrhub.cli']
        subprocess.run([*ssrhub, 'migrate', '--verbosity', '0'], check=True, cwd=ROOT)
        load = 'from ssrhub.core.loading import LoadReport, load_countries; load_countries(LoadReport())'
        subprocess.run([*ssrhub, 'shell', '--no-imports', '-c', load], check=True, cwd=ROOT)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from reference_pages import time_pages  # noqa: E402 (sets Django up)

CURRENCIES = {'EUR': 0.9, 'GBP': 0.78, 'SEK': 10.4, 'JPY': 140.0, 'XOF': 600.0}
YEARS = range(2013, 2028)
D = datetime.date


def build(count: int):
    """The plan, organisations, rates, activities, their parts and links (bulk: no change history)."""
    from django.contrib.auth.models import Group
    from django.db import transaction

    from ssrhub.coordination.models import Activity, ActivityLink, Organisation, ParticipatingOrganisation
    from ssrhub.coordination.models import Transaction as Money
    from ssrhub.core.models import Country
    from ssrhub.core.roles import Role
    from ssrhub.countries.models import Action, DocumentKind, DocumentStatus, NationalDocument, Pillar
    from ssrhub.finance.models import ExchangeRate

    rng = random.Random(12)
    liberia = Country.objects.get(iso3='LBR')
    with transaction.atomic():
        plan = NationalDocument.objects.create(
            country=liberia, kind=DocumentKind.PLAN, title='National Security Sector Reform Plan (bench)',
            status=DocumentStatus.ADOPTED, adopted=D(2018, 1, 1),
        )  # fmt: skip
        pillars = [
            Pillar.objects.create(document=plan, ref=str(n + 1), title=title)
            for n, title in enumerate(
                ('Police', 'Defence', 'Justice', 'Corrections', 'Oversight', 'Border', 'Intelligence', 'Governance')
            )
        ]
        actions = Action.objects.bulk_create(
            Action(
                document=plan, pillar=pillars[n % 8], ref=f'{n % 8 + 1}.{n // 8 + 1}', title=f'Action {n + 1}',
                cost=None if n % 16 == 15 else Decimal(rng.randrange(50_000, 5_000_000, 1000)),
                currency=rng.choice(('USD', 'USD', 'USD', 'EUR', 'XOF')),
                start=D(rng.randint(2018, 2022), 1, 1) if n % 3 else None,
            )
            for n in range(160)
        )  # fmt: skip
        organisations = Organisation.objects.bulk_create(
            Organisation(name=f'Partner {n + 1}', acronym=f'P{n + 1}', iati_ref=f'XX-BENCH-{n + 1}') for n in range(48)
        )
        rates = []
        for currency, base in CURRENCIES.items():
            for year in YEARS:
                level = base * (1 + (year - 2020) / 50)
                rates.append(ExchangeRate(currency=currency, period=D(year, 1, 1), period_precision='year',
                                          rate=Decimal(f'{level:.4f}'), source='bench'))  # fmt: skip
                rates += [
                    ExchangeRate(
                        currency=currency,
                        period=D(year, month, 1),
                        period_precision='month',
                        rate=Decimal(f'{level * (1 + month / 200):.4f}'),
                        source='bench',
                    )  # fmt: skip
                    for month in range(1, 13)
                ]
        ExchangeRate.objects.bulk_create(rates)
        lead = {action.pk: rng.choice(organisations) for action in actions}
        second = {action.pk: rng.choice(organisations) for action in actions if rng.random() < 1 / 8}
        led = {}
        for action in actions:
            led.setdefault(lead[action.pk].pk, []).append(action)
        records, plans = [], []
        for n in range(count):
            action = rng.choice(actions)
            other = second.get(action.pk)
            reporter = other if other and rng.random() < 1 / 25 else lead[action.pk]
            start = D(2014, 1, 1) + datetime.timedelta(days=rng.randint(0, 365 * 12))
            end = start + datetime.timedelta(days=rng.randint(365, 4 * 365))
            currency = rng.choice(('USD', 'USD', 'EUR', 'GBP', 'SEK', 'JPY', 'XOF'))
            records.append(
                Activity(
                    iati_identifier=f'{reporter.iati_ref}-{n:05d}',
                    reporting_organisation=reporter,
                    country=liberia,
                    title=f'Support to {action.title.lower()} ({n})',
                    status=rng.choice('1234'),
                    planned_start=start,
                    planned_end=end,
                    actual_start=start if rng.random() < 0.5 else None,
                    default_currency=currency,
                    on_budget=rng.choice(('yes', 'no', 'unknown')),
                    origin='iati',
                    description='Synthetic activity of the funding bench.',
                )  # fmt: skip
            )
            # A second action of the same lead partner (a partner's project often serves two of its actions).
            extra = rng.choice(led[lead[action.pk].pk]) if rng.random() < 1 / 3 else None
            plans.append((action, extra, rng.random() < 0.5))
        records = Activity.objects.bulk_create(records, batch_size=500)
        links, parts, money = [], [], []
        for record, (action, extra, shared) in zip(records, plans, strict=True):
            if extra and extra.pk != action.pk:
                links.append(ActivityLink(activity=record, kind='action', action=action,
                                          share=Decimal(60) if shared else None))  # fmt: skip
                links.append(ActivityLink(activity=record, kind='action', action=extra,
                                          share=Decimal(40) if shared else None))  # fmt: skip
            else:
                links.append(ActivityLink(activity=record, kind='action', action=action))
            # An agency's activity funded by a donor: the funder is another partner of the same action.
            funder = record.reporting_organisation
            if action.pk in second and rng.random() < 0.05:
                funder = lead[action.pk] if funder == second[action.pk] else second[action.pk]
            parts.append(ParticipatingOrganisation(activity=record, organisation=funder, role='1'))
            parts.append(ParticipatingOrganisation(activity=record, name='Ministry of Justice', role='4'))
            receiver = rng.choice(records).iati_identifier if rng.random() < 0.05 else ''
            span = (record.planned_end - record.planned_start).days
            kinds = ['2'] + ['3'] * rng.randint(1, 4) + ['4'] * rng.randint(1, 3)
            for number, kind in enumerate(kinds):
                day = record.planned_start + datetime.timedelta(days=rng.randint(0, span))
                currency = record.default_currency if rng.random() < 0.9 else rng.choice(('USD', 'EUR'))
                money.append(
                    Money(
                        activity=record, type=kind, date=day, value_date=day, currency=currency,
                        value=Decimal(rng.randrange(5_000, 2_000_000)) * (1 if kind == '2' else Decimal('0.3')),
                        provider_organisation=funder if kind == '2' else None,
                        receiver_activity_identifier=receiver if kind == '3' and number == 1 else '',
                    )
                )  # fmt: skip
        ActivityLink.objects.bulk_create(links, batch_size=1000)
        ParticipatingOrganisation.objects.bulk_create(parts, batch_size=1000)
        Money.objects.bulk_create(money, batch_size=1000)
        from django.contrib.auth import get_user_model

        from ssrhub.core.models import CountryAssignment

        viewer = get_user_model().objects.create_user(username='bench-viewer', password='bench-only')
        viewer.groups.add(Group.objects.get(name=Role.VIEWER))
        CountryAssignment.objects.create(user=viewer, country=liberia)
    return plan


def main():
    from django.contrib.auth import get_user_model
    from django.test import Client

    from ssrhub.coordination.models import Activity
    from ssrhub.countries.models import NationalDocument

    plan = NationalDocument.objects.filter(title__endswith='(bench)').first()
    if plan is None:
        plan = build(ARGS.activities)
    elif Activity.objects.count() != ARGS.activities:
        sys.exit(f'{ARGS.database} holds {Activity.objects.count()} activities: give another --database')
    funding = f'/countries/LBR/workspace/documents/{plan.pk}/funding/'
    urls = [
        funding,
        f'{funding}?currency=EUR',
        ACTIVITY_LIST,
        f'{ACTIVITY_LIST}?organisation=XX-BENCH-7',
        f'{ACTIVITY_LIST}?status=2&active_from=2024-01-01',
        f'{ACTIVITY_LIST}?sort=-start',
        f'{ACTIVITY_LIST}?sort=reporting_organisation&page=40',
        f'{ACTIVITY_LIST}?q=police',
    ]
    client = Client()
    client.force_login(get_user_model().objects.get(username='bench-viewer'))
    if ARGS.profile:
        client.get(ARGS.profile)
        if ARGS.cold:
            from django.core.cache import cache

            cache.clear()
        profiler = cProfile.Profile()
        profiler.enable()
        client.get(ARGS.profile)
        profiler.disable()
        pstats.Stats(profiler).sort_stats('cumulative').print_stats(30)
        return
    print(f'{Activity.objects.count()} activities; plan {plan.pk}')
    time_pages(client, urls, ARGS.repeat)
    time_calculated(client, funding, ARGS.repeat)
    time_refreshed(client, funding, ARGS.repeat)


def time_calculated(client, url: str, repeat: int) -> None:
    """The funding page when its result is not kept (the first reader after a change): the cache emptied first."""
    from django.core.cache import cache

    timings = []
    for _ in range(repeat):
        cache.clear()
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    label = f'{url} (calculated)'
    print(f'{label:<62} {statistics.median(timings):>9.1f} {max(timings):>7.1f}')


def time_refreshed(client, url: str, repeat: int) -> None:
    """Where a worker runs: a transaction changed (its value, through ``save()``: a new history row), the worker's
    refresh of the kept results (timed: how long readers would still meet the calculation), then the page."""
    from ssrhub.coordination.models import Transaction
    from ssrhub.finance.tasks import refresh_kept_funding

    refreshes, pages = [], []
    changed = Transaction.objects.order_by('pk').first()
    for _ in range(repeat):
        changed.value += 1
        changed.save()
        start = time.perf_counter()
        refresh_kept_funding()
        refreshes.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        client.get(url)
        pages.append((time.perf_counter() - start) * 1000)
    for label, timings in ((f'{url} (refresh by the worker)', refreshes), (f'{url} (after the refresh)', pages)):
        print(f'{label:<62} {statistics.median(timings):>9.1f} {max(timings):>7.1f}')


if __name__ == '__main__':
    main()
