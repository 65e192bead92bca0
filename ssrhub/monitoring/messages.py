"""The sentences of the surveys' codes (plain modules return codes and parameters): an XLSForm's refusal, an answer
file's issues, a formula's error, a web form's problems, the features outside the web form."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

__all__ = ['feature_text', 'form_error_text', 'formula_actual_text', 'formula_error_text', 'issue_text', 'problem_text']

FORM_ERRORS = {
    'unreadable': gettext_noop('The file cannot be read as an .xlsx workbook.'),
    'no-survey-sheet': gettext_noop('The workbook has no "survey" sheet.'),
    'duplicate-name': gettext_noop(
        'Row %(row)s of the survey sheet: the name "%(name)s" is already used on row %(first)s. The app keeps '
        'answers by name, so each question needs its own.'
    ),
    'validate': gettext_noop('ODK Validate refused the converted form: %(message)s'),
}

ISSUES = {
    'unknown-columns': gettext_noop(
        'Columns that are not questions of this form version: %(columns)s. Export the answers with XML values and '
        'headers, from the same form version.'
    ),
    'no-instance-column': gettext_noop('The file has no instance id column (_uuid, meta-instanceID or KEY).'),
    'no-instance-id': gettext_noop('This row has no instance id.'),
    'duplicate-instance': gettext_noop('The instance id %(instance)s appears twice in the file.'),
    'version-mismatch': gettext_noop(
        'The answers were collected with form version "%(found)s", not with this version (%(expected)s).'
    ),
    'not-a-number': gettext_noop('Column %(column)s: "%(value)s" is not a number.'),
    'unknown-choice': gettext_noop('Column %(column)s: "%(value)s" is not a choice of this question.'),
    'orphan-repeat': gettext_noop('This repeat row belongs to no submission of the file (parent %(parent)s).'),
    'unreadable': gettext_noop('The file cannot be read: %(message)s'),
    'no-table': gettext_noop('The ZIP file holds no CSV table.'),
}

FORMULA_ERRORS = {
    'empty': gettext_noop('Write a formula.'),
    'aggregate': gettext_noop('A formula starts with count(), percent(...), mean(...) or sum(...), not "%(text)s".'),
    'arguments': gettext_noop('%(aggregate)s() does not take these arguments.'),
    'keyword': gettext_noop('"%(keyword)s" is given twice or without anything after it.'),
    'unknown-name': gettext_noop('"%(name)s" is not a question or repeat of this survey.'),
    'expression': gettext_noop('The condition "%(expression)s" cannot be read.'),
}

# formula_actuals.FormulaActualError codes.
FORMULA_ACTUAL_ERRORS = {
    'unit': gettext_noop("A %(aggregate)s() formula does not give a value of this indicator's unit (%(unit)s)."),
    'no-value': gettext_noop('The formula gives no value: none of the %(n)s answers it read counts.'),
    'by-several': gettext_noop('Only a breakdown by sex can be stored: the formula groups by %(names)s.'),
    'no-sex': gettext_noop(
        'The indicator is not broken down by sex: remove "by %(name)s" from the formula, or choose the sex '
        "disaggregation on the indicator's actuals page."
    ),
    'answer': gettext_noop(
        'The answer "%(answer)s" to %(name)s is not a category of the sex disaggregation (%(categories)s).'
    ),
}

PROBLEMS = {
    'required': gettext_noop('This question needs an answer.'),
    'integer': gettext_noop('Write a whole number.'),
    'decimal': gettext_noop('Write a number.'),
    'date': gettext_noop('Write a date as YYYY-MM-DD.'),
    'choice': gettext_noop('Choose among the answers given.'),
    'constraint': gettext_noop('This answer is not allowed.'),
}


def form_error_text(error) -> str:
    if error.code == 'pyxform':
        params = error.params
        # pyxform writes its messages in English only; the row and sheet are said in the reader's language.
        if params.get('row') and params.get('sheet'):
            return _('Row %(row)s of the "%(sheet)s" sheet: %(message)s') % params
        if params.get('row'):
            return _('Row %(row)s: %(message)s') % params
        return params['message']
    return _(FORM_ERRORS[error.code]) % error.params


def issue_text(code: str, params: dict) -> str:
    return _(ISSUES[code]) % params


def formula_error_text(error) -> str:
    return _(FORMULA_ERRORS[error.code]) % error.params


def formula_actual_text(error, unit_label: str) -> str:
    return _(FORMULA_ACTUAL_ERRORS[error.code]) % {**error.params, 'unit': unit_label}


def problem_text(problem) -> str:
    return problem.message or _(PROBLEMS[problem.code])


def feature_text(item: dict) -> str:
    """A feature outside the web form, with its row."""
    kind, _sep, name = item['feature'].partition(':')
    if kind == 'type':
        text = _('the question type "%(name)s"') % {'name': name}
    elif kind == 'column':
        text = _('the column "%(name)s"') % {'name': name}
    else:
        text = _('the %(column)s expression "%(expression)s"') % {'column': name, 'expression': item['expression']}
    return _('row %(row)s: %(feature)s') % {'row': item['row'], 'feature': text}
