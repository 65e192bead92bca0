"""A survey formula's result stored as an indicator's actual values: a DRAFT report in the normal review workflow
(``actual_services.py``), never submitted or approved here.

``survey_result()`` computes a formula over a survey's answers as the user may read them (identifying answers masked
for a non-owner), for the formula page and for storing alike. ``store_survey_actual()`` writes the result as the
report of one organisation for one period of an indicator of the survey's country: the total and, for a formula
``by`` the sex question, the value of each sex category (``formula_actuals.py`` states the rule). The report keeps
the survey, the formula and the number of answers read (the report page says so in the reader's language); its note
repeats them as stored data, and each value cites the survey and formula as its source. Running it again updates the
same draft (or returned report) in place; a report that is submitted or approved, locked, or entered by hand or from
another survey is refused and left as it is."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ssrhub.core.access import can, can_in_country

from . import actual_services
from . import formula as formulas
from .formula_actuals import FormulaActualError, actual_cells
from .messages import formula_actual_text, formula_error_text
from .models import ActualReport, ActualStep, IndicatorPeriod, Submission, Survey, mask
from .xlsform import walk

__all__ = ['SurveyActualRefused', 'StoredActual', 'store_survey_actual', 'survey_names', 'survey_result']


class SurveyActualRefused(Exception):
    """Why a result is not stored, as a sentence in the active language; nothing was written."""


@dataclass(frozen=True)
class StoredActual:
    report: ActualReport
    created: bool
    answers: int


def survey_names(survey: Survey) -> set[str]:
    """Every question and repeat name of the survey's versions (what a formula may name)."""
    names = set()
    for version in survey.versions.all():
        names |= {question['name'] for question, _repeat in walk(version.structure.get('questions', []))}
    return names


def survey_result(survey: Survey, user, formula: formulas.Formula) -> tuple[formulas.FormulaResult, int]:
    """The formula over the survey's answers that ``user`` may read (masked unless an owner), and how many
    submissions were read."""
    owner = survey.is_owner(user)
    submissions = Submission.objects.restrict(user).filter(survey=survey).select_related('version')
    read = 0

    def rows():
        nonlocal read
        for submission in submissions.iterator(chunk_size=2000):
            read += 1
            yield mask(submission.answers, submission.version.identifying, owner)

    result = formulas.compute(formula, rows())
    return result, read


def _sex_codes(indicator) -> list[str] | None:
    """The category codes of the sex disaggregation the indicator collects, ``None`` when it collects none."""
    link = indicator.disaggregation_links.filter(active=True, type__kind='sex').select_related('type').first()
    return None if link is None else list(link.type.categories.values_list('code', flat=True))


def _existing(period, organisation, survey, user):
    """The organisation's report of the period to update (locked), ``None`` when there is none to create; refused
    when the user may not, or when it is not a draft computed from this survey."""
    report = ActualReport.objects.select_for_update().filter(period=period, organisation=organisation).first()
    if report is None:
        if not can_in_country(user, 'add', ActualReport, period.indicator.result.framework.country):
            raise PermissionDenied
        return None
    if not can(user, 'change', report):
        raise PermissionDenied
    names = {'organisation': organisation, 'period': period}
    if report.locked:
        raise SurveyActualRefused(_("%(organisation)s's report for %(period)s is locked: it is not changed.") % names)
    if not report.editable:
        raise SurveyActualRefused(
            _(
                "%(organisation)s's report for %(period)s is %(status)s: it is not changed. Return or reopen it "
                'first to compute it again.'
            )
            % {**names, 'status': report.get_status_display().lower()}
        )
    if report.survey_id != survey.pk:
        raise SurveyActualRefused(
            _("%(organisation)s's report for %(period)s was not computed from this survey: it is not changed.") % names
        )
    return report


def store_survey_actual(survey: Survey, user, text: str, period: IndicatorPeriod, organisation) -> StoredActual:
    """Compute ``text`` over the survey's answers and store it as ``organisation``'s draft report for ``period``
    (created, or the same draft updated). Raises ``SurveyActualRefused`` with the reason, or ``PermissionDenied``;
    nothing is written then."""
    if not can(user, 'view', survey):
        raise PermissionDenied
    indicator = period.indicator
    if indicator.result.framework.country_id != survey.country_id:
        raise SurveyActualRefused(_("Choose a period of an indicator of the survey's country."))
    try:
        formula = formulas.parse_formula(text, survey_names(survey))
    except formulas.FormulaError as error:
        raise SurveyActualRefused(formula_error_text(error)) from error
    result, read = survey_result(survey, user, formula)
    try:
        cells = actual_cells(result, indicator.unit, indicator.decimal_places, _sex_codes(indicator))
    except FormulaActualError as error:
        raise SurveyActualRefused(formula_actual_text(error, indicator.get_unit_display())) from error
    # Stored data, not a sentence of the catalogue: it shows as written in the report's history in every language.
    note = f'Survey "{survey.title}", formula {formula.text}, {read} answers, {timezone.localdate().isoformat()}.'
    source = f'{survey.title} · {formula.text}'[:500]
    with transaction.atomic():
        report = _existing(period, organisation, survey, user)
        created = report is None
        if created:
            report = ActualReport(period=period, organisation=organisation)
        report.survey, report.formula, report.survey_answers, report.note = survey, formula.text, read, note
        try:
            report.full_clean()
        except ValidationError as error:
            raise SurveyActualRefused(' '.join(error.messages)) from error
        report._change_reason = note
        report.save()
        if created:
            ActualStep.objects.create(report=report, action='create', user=user, to_status=report.status)
        computed = {cell.category: cell for cell in cells}
        rows = []
        for grid in actual_services.grid_cells(report):
            if not grid['active']:
                continue
            cell = computed.get(grid['category'].code if grid['category'] else None)
            rows.append(
                {
                    'category': grid['category'],
                    'value': cell.value if cell else None,
                    'numerator': cell.numerator if cell else None,
                    'denominator': cell.denominator if cell else None,
                    'note': f'n = {cell.n}' if cell else '',
                    'source': source if cell else '',
                }
            )
        try:
            actual_services.save_values(report, user, rows)
        except ValidationError as error:
            raise SurveyActualRefused(' '.join(error.messages)) from error
    return StoredActual(report, created, read)
