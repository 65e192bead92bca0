"""Vetting: the time to screen individuals against listed names, and the matcher's precision and recall.

Run by hand:
    .venv/bin/python bench/vetting_screening.py [--people 1000] [--listed 1000] [--threshold 85] [--store]
    .venv/bin/python bench/vetting_screening.py --pairs
Made-up names (fictitious given names and syllable surnames, seeded), each individual with one alias. Prints the time
of ``match_all()`` (the matching alone, plain Python), and with ``--store`` of ``vetting.screen()`` too: the same
matching plus a screening and its matches stored for every individual, in a throw-away test database. ``--pairs``
prints precision and recall on ``ssrhub/safeguards/tests/data/name_pairs.csv`` for thresholds 75 to 95.
"""

import argparse
import csv
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ssrhub.safeguards.screening import match_all, name_score, names_of  # noqa: E402

GIVEN = [
    'Jean',
    'Mohamed',
    'Ahmat',
    'Youssouf',
    'Faustin',
    'Gervais',
    'Issa',
    'Hamisi',
    'Rashidi',
    'Célestin',
    'Thérèse',
    'Aimé',
    'Ousmane',
    'Abdel Karim',
    'Bienvenu',
    'Prosper',
    'Khadidja',
    'Salim',
    'Josué',
    'Zakaria',
]
SYLLABLES = [
    'ka',
    'lo',
    'mba',
    'ngu',
    'zi',
    'to',
    'se',
    'ma',
    'ndi',
    'ko',
    'ye',
    'bu',
    'wa',
    'ra',
    'di',
    'ga',
    'so',
    'mi',
    'tcha',
    'gou',
    'nda',
    'bo',
    'ke',
    'lu',
]


def made_up(rng) -> str:
    return f'{rng.choice(GIVEN)} {"".join(rng.choices(SYLLABLES, k=3)).capitalize()}'


def pairs_report():
    with (ROOT / 'ssrhub/safeguards/tests/data/name_pairs.csv').open(encoding='utf-8') as handle:
        rows = list(csv.DictReader(handle))
    scored = [(name_score(row['first'], row['second']), row['same'] == '1') for row in rows]
    print(f'{len(rows)} pairs, {sum(same for _s, same in scored)} of one person')
    for threshold in (75, 80, 85, 90, 95):
        hits = [same for score, same in scored if score >= threshold]
        true = sum(hits)
        print(
            f'threshold {threshold}: precision {true / len(hits):.3f}, '
            f'recall {true / sum(same for _s, same in scored):.3f}'
        )


def stored_run(people, listed, threshold):
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ssrhub.settings')
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import get_runner, setup_test_environment

    setup_test_environment()
    runner = get_runner(settings)(verbosity=0)
    old = runner.setup_databases()
    try:
        from django.contrib.auth import get_user_model

        from ssrhub.core.models import Country
        from ssrhub.core.testing.two_factor import verified
        from ssrhub.safeguards import vetting
        from ssrhub.safeguards.models import Individual, ListedPerson, WatchList

        country = Country.objects.get_or_create(iso3='COD', defaults={'iso2': 'CD', 'numeric': '180'})[0]
        user = get_user_model().objects.create_superuser('bench', password='bench')
        individuals = [
            Individual.objects.create(country=country, name=names[0], aliases=names[1], category='commander')
            for names in people
        ]
        watch_list = WatchList.objects.create(country=country, title='Bench list', organisation='Bench')
        for row, names in enumerate(listed, start=2):
            ListedPerson.objects.create(watch_list=watch_list, name=names[0], row=row)
        started = time.perf_counter()
        screenings = vetting.screen(individuals, verified(user), threshold)
        elapsed = time.perf_counter() - started
        matched = sum(screening.matches.count() for screening in screenings)
        print(f'vetting.screen(), stored: {elapsed:.1f} s, {len(screenings)} screenings, {matched} matches')
    finally:
        runner.teardown_databases(old)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--people', type=int, default=1000)
    parser.add_argument('--listed', type=int, default=1000)
    parser.add_argument('--threshold', type=int, default=85)
    parser.add_argument('--store', action='store_true')
    parser.add_argument('--pairs', action='store_true')
    options = parser.parse_args()
    if options.pairs:
        pairs_report()
        return
    rng = random.Random(14)
    people = [names_of(made_up(rng), made_up(rng)) for _ in range(options.people)]
    listed = [names_of(made_up(rng)) for _ in range(options.listed)]
    started = time.perf_counter()
    found = match_all(people, listed, options.threshold)
    elapsed = time.perf_counter() - started
    print(
        f'match_all(): {options.people} individuals (2 names each) against {options.listed} listed names, '
        f'threshold {options.threshold}: {elapsed:.1f} s, {sum(map(len, found))} matches'
    )
    if options.store:
        stored_run(people, listed, options.threshold)


if __name__ == '__main__':
    main()
