"""Approved demo actuals of Liberia's demo results framework (``monitoring/data/demo/actuals.yaml``), loaded by
``ssrhub demo`` after the framework and the demo survey: each report is entered and submitted by the demo country
editor and approved by the demo administrator, through the review workflow's one path (``actual_services.py``), and
one is computed from the survey's answers by its formula (``survey_actuals.py``). Idempotent: a report already there
is left as it is. One transaction; nothing is written when a record is refused."""

from pathlib import Path

from django.db import transaction
from django.utils import translation

from ssrhub.coordination.models import Organisation
from ssrhub.core.datafiles import DataFileError, read_yaml
from ssrhub.core.loading import LoadReport
from ssrhub.countries.demo.writing import acting_as

from . import actual_services
from .models import (
    ActualReport,
    ActualStep,
    DisaggregationType,
    Indicator,
    IndicatorDisaggregation,
    Survey,
)
from .survey_actuals import store_survey_actual
from .survey_demo import DEMO_TITLE

__all__ = ['DEMO_ACTUALS', 'load_actuals_demo']

DEMO_ACTUALS = Path(__file__).resolve().parent / 'data' / 'demo' / 'actuals.yaml'


def _rows(report, values: dict, note: str) -> list[dict]:
    """The grid rows of ``values`` (``total`` and category codes; a percentage as [numerator, denominator])."""
    rows = []
    for cell in actual_services.grid_cells(report):
        given = values.get(cell['category'].code if cell['category'] else 'total')
        if given is None:
            continue
        pair = isinstance(given, list)
        rows.append(
            {
                'category': cell['category'],
                'value': None if pair else given,
                'numerator': given[0] if pair else None,
                'denominator': given[1] if pair else None,
                'note': note,
            }
        )
    return rows


def load_actuals_demo(editor, reviewer, path: Path = DEMO_ACTUALS) -> LoadReport:
    """Write the file's reports as ``editor`` (entered, submitted) and approve them as ``reviewer``."""
    data = read_yaml(path)
    report = LoadReport()
    indicators = {
        indicator.code: indicator
        for indicator in Indicator.objects.filter(
            result__framework__country__iso3=data['country'], result__framework__title=data['framework']
        )
    }
    organisation = Organisation.objects.get(name=data['organisation'])
    submitted = []
    with transaction.atomic(), translation.override('en'):
        with acting_as(editor):
            for spec in data['indicators']:
                indicator = indicators.get(spec['code'])
                if indicator is None:
                    raise DataFileError(f'{path.name}: no indicator {spec["code"]} (load the demo framework first)')
                for kind in spec.get('disaggregations', []):
                    IndicatorDisaggregation.objects.get_or_create(
                        indicator=indicator, type=DisaggregationType.objects.get(country=None, kind=kind)
                    )
                periods = {period.label: period for period in indicator.periods.all()}
                for label, values in spec.get('periods', {}).items():
                    if ActualReport.objects.filter(period=periods[label], organisation=organisation).exists():
                        report.add(ActualReport, 'unchanged')
                        continue
                    actual = ActualReport(period=periods[label], organisation=organisation)
                    actual.full_clean()
                    actual.save()
                    ActualStep.objects.create(report=actual, action='create', user=editor, to_status=actual.status)
                    actual_services.save_values(actual, editor, _rows(actual, values, data['note']))
                    submitted.append(actual)
                if survey_spec := spec.get('survey'):
                    period = periods[survey_spec['period']]
                    if ActualReport.objects.filter(period=period, organisation=organisation).exists():
                        report.add(ActualReport, 'unchanged')
                        continue
                    survey = Survey.objects.get(country__iso3=data['country'], title=DEMO_TITLE)
                    submitted.append(
                        store_survey_actual(survey, editor, survey_spec['formula'], period, organisation).report
                    )
            for actual in submitted:
                actual_services.take_step(actual, editor, 'submit')
        with acting_as(reviewer):
            for actual in submitted:
                actual_services.take_step(actual, reviewer, 'approve')
                report.add(ActualReport, 'created')
    return report
