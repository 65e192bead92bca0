"""The sentences of ``values.check_value()``'s problems, in the reader's language: the one place that turns a value's
problem codes into words, for targets, baselines, actuals and imports alike."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .values import Problem, to_decimal

__all__ = ['problem_errors', 'problem_message']


def _number(text: str) -> str:
    try:
        number = to_decimal(text)
    except ValueError:
        return text
    return number_format(number.normalize() if number == number.to_integral() else number)


def problem_message(problem: Problem) -> str:
    """One problem as a sentence in the active language."""
    params = {name: _number(value) if name != 'unit' else value for name, value in problem.params.items()}
    messages = {
        'unknown-unit': lambda: _('Unknown unit: %(unit)s.') % params,
        'not-a-number': lambda: _('“%(value)s” is not a number.') % problem.params,
        'ratio-not-allowed': lambda: _('Only a percentage has a numerator and a denominator.'),
        'negative': lambda: _('The value cannot be negative (%(value)s).') % params,
        'percentage-over-100': lambda: _('A percentage cannot be over 100 (%(value)s).') % params,
        'denominator-zero': lambda: _('The denominator cannot be 0.'),
        'numerator-over-denominator': lambda: _(
            'The numerator (%(numerator)s) cannot be larger than the denominator (%(denominator)s).'
        )
        % params,
        'ratio-incomplete': lambda: _('Give both the numerator and the denominator, or neither.'),
        'percentage-mismatch': lambda: _(
            'The percentage (%(value)s) does not match the numerator and denominator (%(computed)s).'
        )
        % params,
        'not-yes-no': lambda: _('The value must be 1 (yes) or 0 (no), not %(value)s.') % params,
        'below-scale': lambda: _('The value %(value)s is below the lowest point of the scale (%(minimum)s).') % params,
        'above-scale': lambda: _('The value %(value)s is above the highest point of the scale (%(maximum)s).') % params,
        'too-many-decimals': lambda: _('The indicator is measured to %(places)s decimal places.') % params,
    }
    return messages[problem.code]()


def problem_errors(problems: list[Problem], fields: dict[str, str]) -> dict[str, list[str]]:
    """Problems as a ``ValidationError`` dict: each on the model field that ``fields`` names for its part ('value',
    'numerator', 'denominator')."""
    errors = {}
    for problem in problems:
        errors.setdefault(fields[problem.part], []).append(problem_message(problem))
    return errors
