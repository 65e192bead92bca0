"""Roll-up of approved actuals for a plan's dashboard: a results framework with 50 indicators x 20 periods x 10
disaggregation categories of approved values, built with bulk_create inside a transaction that is rolled back at
the end (the development database is left as it was).

Run by hand (after ``make setup``):
    .venv/bin/python bench/monitoring_dashboard.py [--indicators 50] [--periods 20] [--categories 10] [--repeat 5]
Prints the rows written and the median time of the roll-up of the whole framework (``indicator_rollups()``: three
queries and the calculation of ``rollups.py``, then ``level_counts()``). Target for the dashboard page: 300 ms.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'ssrhub.settings')

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from ssrhub.coordination.models import Organisation  # noqa: E402
from ssrhub.core.models import Country  # noqa: E402
from ssrhub.monitoring.actual_queries import indicator_rollups, level_counts  # noqa: E402
from ssrhub.monitoring.models import (  # noqa: E402
    ActualReport,
    ActualValue,
    DisaggregationCategory,
    DisaggregationType,
    FrameworkResult,
    Indicator,
    IndicatorDisaggregation,
    IndicatorPeriod,
    ResultsFramework,
)


def build(indicators: int, periods: int, categories: int):
    """The framework and its approved values; returns the indicators and the number of values."""
    country = Country.objects.get(iso3='LBR')
    framework = ResultsFramework.objects.create(
        country=country, title='Benchmark framework', programme='Benchmark', start=datetime.date(2000, 1, 1)
    )
    outcome, output = framework.levels.get(order=2), framework.levels.get(order=3)
    results = [
        FrameworkResult.objects.create(framework=framework, level=level, code=str(index), statement='Benchmark')
        for index, level in enumerate((outcome, output), start=1)
    ]
    counties = DisaggregationType.objects.create(country=country, kind='admin-area', name='Benchmark counties')
    category_rows = DisaggregationCategory.objects.bulk_create(
        DisaggregationCategory(type=counties, order=index, code=f'c{index}', name=f'County {index}')
        for index in range(categories)
    )
    created = Indicator.objects.bulk_create(
        Indicator(
            result=results[index % 2],
            code=f'b.{index}',
            title=f'Benchmark indicator {index}',
            baseline_value=10,
            baseline_date=datetime.date(2000, 1, 1),
            cumulative=index % 3 == 0,
        )
        for index in range(indicators)
    )
    IndicatorDisaggregation.objects.bulk_create(
        IndicatorDisaggregation(indicator=indicator, type=counties) for indicator in created
    )
    period_rows = IndicatorPeriod.objects.bulk_create(
        IndicatorPeriod(
            indicator=indicator,
            start=datetime.date(2001 + year, 1, 1),
            end=datetime.date(2001 + year, 12, 31),
            target=10 + 5 * (year + 1),
        )
        for indicator in created
        for year in range(periods)
    )
    organisation = Organisation.objects.create(name='Benchmark reporting partner')
    reports = ActualReport.objects.bulk_create(
        ActualReport(period=period, organisation=organisation, status='approved') for period in period_rows
    )
    values = []
    for number, report in enumerate(reports):
        total = 10 * categories + number % 7
        values.append(ActualValue(report=report, value=total))
        values += [ActualValue(report=report, category=category, value=10) for category in category_rows]
    ActualValue.objects.bulk_create(values, batch_size=5000)
    return created, len(values)


def median_ms(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--indicators', type=int, default=50)
    parser.add_argument('--periods', type=int, default=20)
    parser.add_argument('--categories', type=int, default=10)
    parser.add_argument('--repeat', type=int, default=5)
    options = parser.parse_args()
    with transaction.atomic():
        started = time.perf_counter()
        indicators, count = build(options.indicators, options.periods, options.categories)
        built = time.perf_counter() - started
        print(
            f'{len(indicators)} indicators x {options.periods} periods x {options.categories} categories: '
            f'{count} approved values written in {built:.1f} s'
        )
        loaded = list(Indicator.objects.filter(pk__in=[i.pk for i in indicators]).select_related('result__level'))

        def roll_up():
            results = indicator_rollups(loaded)
            return results, level_counts(loaded, results)

        results, counts = roll_up()
        flagged = sum(bool(period.flags) for periods in results.values() for period in periods)
        print(f'periods with a sum flag: {flagged}; indicators by level and status: {dict(counts)}')
        print(f'roll-up of the framework: {median_ms(roll_up, options.repeat):.0f} ms (median of {options.repeat})')
        transaction.set_rollback(True)


if __name__ == '__main__':
    main()
