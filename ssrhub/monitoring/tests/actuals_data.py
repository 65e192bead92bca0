"""Records the actuals' tests share: a Liberian results framework with an indicator, two periods and a sex
disaggregation, and users for each part of the review; approved values for the dashboards."""

import datetime
from decimal import Decimal

from ssrhub.coordination.models import Organisation
from ssrhub.core.models import Country
from ssrhub.monitoring.models import (
    ActualReport,
    ActualValue,
    DisaggregationType,
    FrameworkResult,
    Indicator,
    IndicatorDisaggregation,
    IndicatorPeriod,
    ResultsFramework,
)

__all__ = ['approved', 'dashboard_plan', 'make_indicator', 'organisation', 'outcome_indicator', 'sex']


def sex() -> DisaggregationType:
    """The built-in sex disaggregation (seeded by the migration)."""
    return DisaggregationType.objects.get(country=None, kind='sex')


def organisation(name: str = 'Liberia National Police') -> Organisation:
    return Organisation.objects.get_or_create(name=name)[0]


def make_indicator(iso3: str = 'LBR', unit: str = 'number', code: str = '1.1.a', **fields) -> Indicator:
    """An output indicator of a framework of ``iso3`` (2024-2026), with 2024 and 2025 periods (targets 100 and 200)
    and the sex disaggregation."""
    framework = ResultsFramework.objects.create(
        country=Country.objects.get(iso3=iso3),
        title=f'Security sector reform results {iso3}',
        programme='National security strategy',
        start=datetime.date(2024, 1, 1),
        end=datetime.date(2026, 12, 31),
    )
    result = FrameworkResult.objects.create(
        framework=framework, level=framework.levels.get(order=3), code='1.1', statement='Police officers trained'
    )
    indicator = Indicator.objects.create(
        result=result,
        code=code,
        title='Police officers trained in human rights',
        unit=unit,
        baseline_value=fields.pop('baseline_value', 0),
        baseline_date=datetime.date(2023, 12, 31),
        **fields,
    )
    for year, target in ((2024, 100), (2025, 200)):
        IndicatorPeriod.objects.create(
            indicator=indicator,
            start=datetime.date(year, 1, 1),
            end=datetime.date(year, 12, 31),
            label=str(year),
            target=target if unit == 'number' else 40,
        )
    IndicatorDisaggregation.objects.create(indicator=indicator, type=sex(), order=1)
    return indicator


def approved(period, value, name='Liberia National Police', status='approved', **parts) -> ActualReport:
    """A report of ``period`` in ``status`` (approved by default, written as it stands, without its steps) with its
    total."""
    report = ActualReport.objects.create(period=period, organisation=organisation(name), status=status)
    ActualValue.objects.create(report=report, value=value, **parts)
    return report


def outcome_indicator(framework, code='2.1.a', **fields) -> Indicator:
    """A percentage outcome indicator of ``framework``: baseline 10 %, 2024 target 40 %."""
    result, _created = FrameworkResult.objects.get_or_create(
        framework=framework, level=framework.levels.get(order=2), code='2', defaults={'statement': 'Trust restored'}
    )
    indicator = Indicator.objects.create(
        result=result,
        code=code,
        title='Share of women among police officers',
        unit='percentage',
        decimal_places=1,
        baseline_value=fields.pop('baseline_value', 10),
        baseline_date=datetime.date(2023, 12, 31),
        **fields,
    )
    IndicatorPeriod.objects.create(
        indicator=indicator, start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31), label='2024', target=40
    )
    return indicator


def dashboard_plan() -> dict:
    """For the dashboards: an output trained 90 of 100 in 2024 (on track) and 110 of 200 in 2025 (at risk: 55 %), a
    submitted 2025 value of 999 that must not count; an outcome at 15 % against 40 % from 10 % (off track: 17 %)."""
    output = make_indicator()
    framework = output.result.framework
    first, second = output.periods.order_by('start')
    reports = {
        'output-2024': approved(first, 90),
        'output-2025': approved(second, 110),
        'pending': approved(second, 999, name='Ministry of Justice', status='submitted'),
    }
    outcome = outcome_indicator(framework)
    reports['outcome-2024'] = approved(outcome.periods.get(), Decimal(15), numerator=15, denominator=100)
    return {'framework': framework, 'output': output, 'outcome': outcome, 'reports': reports}


def sample_report():
    """A submitted Liberian report whose sex categories do not add up (100 against 30 + 60), with a returned step,
    for the pages' translation and phone checks (the demo's reports are approved and add up); made once."""
    from ssrhub.monitoring.models import ActualReport, ActualStep, ActualValue

    found = ActualReport.objects.filter(organisation__name='Sample reporting partner').first()
    if found:
        return found
    indicator = make_indicator(code='9.9.s')
    report = ActualReport.objects.create(
        period=indicator.periods.get(label='2024'), organisation=organisation('Sample reporting partner')
    )
    female, male = sex().categories.all()[:2]
    ActualValue.objects.create(report=report, value=100, source='LNP register')
    ActualValue.objects.create(report=report, category=female, value=30)
    ActualValue.objects.create(report=report, category=male, value=60)
    ActualStep.objects.create(report=report, action='submit', from_status='draft', to_status='submitted')
    ActualStep.objects.create(
        report=report, action='return', from_status='submitted', to_status='returned', comment='Check the total.'
    )
    report.status = 'returned'
    report.save()
    return report
