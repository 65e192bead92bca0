"""A results framework exported as IATI 2.03 results (``ssrhub monitoring iati-export``, the framework page's
download): its results, indicators, baselines and periods, with the targets and the approved actuals (by sex as
``<dimension name="sex">`` where reported), written as the ``<result>`` blocks of one ``<iati-activity>`` (the
framework's programme activity, or one chosen) through the coordination app's IATI records and writer.

The activity is written as stored, with the framework's results in place of the ones it was imported with, and
last updated now: imported again, it replaces them. Nothing is written when the framework has no activity or an
indicator's unit has no IATI measure (``iati_results.py``)."""

from datetime import UTC, datetime

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from ssrhub.coordination.iati.records import ActivityRecord, DimensionValue, IndicatorRecord, PeriodRecord, ResultRecord
from ssrhub.coordination.iati.writer import write_activities
from ssrhub.coordination.iati_export import activity_records
from ssrhub.coordination.models import Activity

from . import rollups
from .actual_queries import indicator_rollups
from .iati_results import MEASURES, SEX, ExportProblem, ascending, iati_value, unit_problems
from .models import DisaggregationCategory, FrameworkResult, Indicator, ResultsFramework, Unit, code_key

__all__ = ['FrameworkExportError', 'export_framework', 'framework_activity_record', 'problem_message']


class FrameworkExportError(Exception):
    """The export was refused: ``problems`` say why (``problem_message()`` in the reader's language)."""

    def __init__(self, problems: list[ExportProblem]):
        super().__init__([problem.code for problem in problems])
        self.problems = problems

    def messages(self) -> list[str]:
        return [problem_message(problem) for problem in self.problems]


def problem_message(problem: ExportProblem) -> str:
    params = problem.params
    if problem.code == 'no_activity':
        return (
            _(
                'The framework “%(framework)s” has no programme activity: record the activity it follows on the '
                'framework (or choose one) before exporting its results to IATI. Nothing was written.'
            )
            % params
        )
    if problem.code == 'unknown_activity':
        return _('No activity with the IATI identifier %(identifier)s is recorded. Nothing was written.') % params
    return _(
        'Indicator %(code)s is measured as “%(unit)s”, which IATI’s indicator measures cannot express: change its '
        'unit or leave it out. Nothing was written.'
    ) % {'code': params['code'], 'unit': Unit(params['unit']).label}


def _activity(framework: ResultsFramework, identifier: str | None) -> Activity:
    if identifier:
        activity = Activity.objects.filter(iati_identifier=identifier).first()
        if activity is None:
            raise FrameworkExportError([ExportProblem('unknown_activity', {'identifier': identifier})])
        return activity
    if framework.activity_id is None:
        raise FrameworkExportError([ExportProblem('no_activity', {'framework': framework.display_title})])
    return framework.activity


def _period_records(indicator: Indicator, rolled: list, sex_codes: dict) -> list[PeriodRecord]:
    by_period = {period.key: period for period in rolled}
    records = []
    for period in indicator.periods.all():
        result = by_period.get(period.pk)
        actual = result.period_value if result else None
        measures = {
            category: measure
            for categories in (result.categories.values() if result else ())
            for category, measure in categories.items()
        }
        # In the categories' order (female, male...), each with a value.
        by_sex = [
            DimensionValue(SEX, code, iati_value(value))
            for category, code in sex_codes.items()
            if category in measures and (value := rollups.measure_value(indicator.unit, measures[category])) is not None
        ]
        records.append(
            PeriodRecord(
                period_start=period.start,
                period_end=period.end,
                target=iati_value(period.target),
                actual=iati_value(actual),
                actual_dimensions=by_sex,
            )
        )
    return records


def framework_results(framework: ResultsFramework, user=None) -> list[ResultRecord]:
    """The framework's results as IATI result records (the ones ``user`` may view, when given), in code order;
    raises ``FrameworkExportError`` when an indicator's unit has no IATI measure."""
    results = FrameworkResult.objects.filter(framework=framework)
    indicators = Indicator.objects.prefetch_related('periods')
    if user is not None:
        results, indicators = results.restrict(user), indicators.restrict(user)
    results = sorted(
        results.select_related('level').prefetch_related(Prefetch('indicators', indicators)),
        key=lambda result: code_key(result.code),
    )
    every = [indicator for result in results for indicator in result.indicators.all()]
    if problems := unit_problems((indicator.code, indicator.unit) for indicator in every):
        raise FrameworkExportError(problems)
    rolled = indicator_rollups(every)
    sex_codes = dict(
        DisaggregationCategory.objects.filter(type__kind=SEX).order_by('type', 'order', 'pk').values_list('pk', 'code')
    )
    records = []
    for result in results:
        indicators_ = sorted(result.indicators.all(), key=lambda indicator: code_key(indicator.code))
        records.append(
            ResultRecord(
                type=result.level.result_type,
                title=result.statement,
                description=result.description,
                indicators=[
                    IndicatorRecord(
                        measure=MEASURES[indicator.unit],
                        title=indicator.title,
                        ascending=ascending(indicator.direction),
                        baseline_year=indicator.baseline_date.year if indicator.baseline_date else None,
                        baseline_value=iati_value(indicator.baseline_value),
                        periods=_period_records(indicator, rolled.get(indicator.pk, []), sex_codes),
                    )
                    for indicator in indicators_
                ],
            )
        )
    return records


def framework_activity_record(framework: ResultsFramework, identifier: str | None = None, user=None) -> ActivityRecord:
    """The IATI record of the framework's activity (or of the activity ``identifier``) carrying the framework's
    results, last updated now."""
    activity = _activity(framework, identifier)
    results = framework_results(framework, user)
    record = next(activity_records(Activity.objects.filter(pk=activity.pk)))
    record.results = results
    record.last_updated = datetime.now(UTC).replace(microsecond=0)
    return record


def export_framework(framework: ResultsFramework, output, identifier: str | None = None, user=None) -> ActivityRecord:
    """Write the framework's IATI activity to the binary file ``output`` (nothing when it is refused: the record is
    made, and every problem found, before a byte is written); return the record written."""
    record = framework_activity_record(framework, identifier, user)
    write_activities([record], output)
    return record
