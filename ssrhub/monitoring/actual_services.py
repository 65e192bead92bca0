"""The one path for an actual report's steps and values: ``take_step()`` applies the workflow of ``review.py`` with
the user's rights and writes the step; ``save_values()`` writes a report's grid, all or nothing."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ssrhub.core.access import can, is_administrator

from . import review, values
from .models import ActualReport, ActualStep, ActualValue, StepAction

__all__ = [
    'ACTIONS',
    'StepRefused',
    'step_label',
    'grid_cells',
    'not_deletable_message',
    'may_take',
    'refusal_message',
    'save_values',
    'take_step',
]


ACTIONS = tuple(review.ACTIONS)


def step_label(action: str) -> str:
    """A step's name in the active language."""
    return str(StepAction(action).label)


class StepRefused(PermissionDenied):
    """A step the workflow refuses, with the code of ``review.refusal()`` and its sentence."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(refusal_message(code))


def refusal_message(code: str) -> str:
    """The sentence of a refusal code of ``review.refusal()``, in the active language."""
    return {
        'unknown-action': _('There is no such step.'),
        'locked': _('This report is locked: unlock it first.'),
        'not-locked': _('This report is not locked.'),
        'wrong-status': _('This step cannot follow the report’s current status.'),
        'not-allowed': _('You may not take this step on this report.'),
        'own-submission': _('You submitted this report: another person must review it.'),
        'comment-required': _('Say why in the comment.'),
        'no-values': _('Enter at least one value before submitting.'),
    }[code]


def not_deletable_message() -> str:
    """Why a report that went through review cannot be deleted."""
    return _('Only a draft that was never submitted can be deleted.')


def _actor(user, report) -> review.Actor:
    return review.Actor(
        user_id=user.pk,
        may_change=user.is_authenticated and can(user, 'change', report),
        is_administrator=user.is_authenticated and is_administrator(user),
    )


def may_take(user, report: ActualReport, action: str) -> bool:
    """Whether ``user`` may take ``action`` on ``report`` now (a comment being given where one is needed)."""
    return (
        review.refusal(
            action,
            report.status,
            report.locked,
            _actor(user, report),
            report.submitted_by_id,
            comment='-',
            values=report.values.count(),
        )
        is None
    )


def take_step(report: ActualReport, user, action: str, comment: str = '') -> ActualStep:
    """Take ``action`` on ``report`` as ``user`` (raises ``StepRefused``): the status or lock changes and a dated
    ``ActualStep`` records who, when, from and to, with the comment."""
    with transaction.atomic():
        report = ActualReport.objects.select_for_update().get(pk=report.pk)
        code = review.refusal(
            action,
            report.status,
            report.locked,
            _actor(user, report),
            report.submitted_by_id,
            comment=comment,
            values=report.values.count(),
        )
        if code:
            raise StepRefused(code)
        step = review.ACTIONS[action]
        before = report.status
        if step.target:
            report.status = step.target
        if step.lock is not None:
            report.locked = step.lock
        if action == 'submit':
            report.submitted_by, report.submitted_at = user, timezone.now()
        report._change_reason = comment or action
        report.save()
        return ActualStep.objects.create(
            report=report, action=action, user=user, from_status=before, to_status=report.status, comment=comment
        )


def grid_cells(report: ActualReport) -> list[dict]:
    """The cells of a report's grid: the total, then each category of each disaggregation the indicator collects,
    in order, each with its stored value (or ``None``); then the values of disaggregations no longer collected."""
    stored = {value.category_id: value for value in report.values.select_related('category__type')}
    links = report.period.indicator.disaggregation_links.select_related('type').prefetch_related('type__categories')
    cells = [{'category': None, 'type': None, 'value': stored.pop(None, None), 'active': True}]
    for link in links:
        if not link.active:
            continue
        for category in link.type.categories.all():
            cells.append(
                {'category': category, 'type': link.type, 'value': stored.pop(category.pk, None), 'active': True}
            )
    for value in stored.values():
        cells.append({'category': value.category, 'type': value.category.type, 'value': value, 'active': False})
    return cells


def _number(text):
    """A typed number as a Decimal (a comma is a decimal point); text that is not a number stays, for the model's
    check to name it."""
    try:
        return values.to_decimal(text)
    except ValueError:
        return text


def save_values(report: ActualReport, user, rows: list[dict]) -> None:
    """Write a report's values from ``rows`` (``category``: a category or ``None`` for the total, ``value``,
    ``numerator``, ``denominator``, ``note``, ``source``): an empty row deletes the stored value. Every row is
    checked first (``ActualValue.full_clean()``); any error raises a ``ValidationError`` keyed by the row's index and
    nothing is written."""
    if not can(user, 'change', report):
        raise PermissionDenied
    if not report.editable:
        raise ValidationError(report.not_editable_reason())
    stored = {value.category_id: value for value in report.values.all()}
    errors, writes, deletes = {}, [], []
    for index, row in enumerate(rows):
        category = row.get('category')
        value = stored.get(category.pk if category else None)
        empty = all(row.get(name) in (None, '') for name in ('value', 'numerator', 'denominator'))
        if empty:
            if value is not None:
                deletes.append(value)
            continue
        if value is None:
            value = ActualValue(report=report, category=category)
        for name in ('value', 'numerator', 'denominator'):
            setattr(value, name, _number(row.get(name)))
        for name in ('note', 'source'):
            setattr(value, name, row.get(name) or '')
        try:
            value.full_clean()
        except ValidationError as error:
            errors[index] = error.messages
            continue
        writes.append(value)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for value in deletes:
            value.delete()
        for value in writes:
            value.save()
