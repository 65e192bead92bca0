"""The state machine of a support request (django-fsm-2), and the records each step writes.

    draft --submit--> submitted --review--> reviewed --decide--> decided --suspend--> suspended
      ^                  |                                        |  ^                  |  |
      +-----return-------+                                        |  +------resume------+  |
      +-----reopen (officer, a new allegation, the expiry)--------+-------------------------+
                                              decided or suspended --withdraw--> withdrawn

A reopened case is reassessed while the support its last decision gave goes on: the decision-maker may suspend
that support (or lift the suspension, or withdraw it) at any point of the reassessment, which carries on; the status
stays the reassessment's, and the open suspension (an ``Intervention``) says that the support is stopped. The next
decision then governs the support from its date, so it ends an open suspension.

Who takes a step is the role the user holds in the request's country (``holds_role()``), named by the transition's
``permission``; the model permission alone (which administrators and every role of the circle share) is not enough.
Each step runs in one transaction: the request's row is locked, the state changes on the caller's copy and is
saved, so a copy read before another step (two decisions posted at once) is refused by ``ConcurrentTransitionMixin``
and nothing it wrote is kept. Every step writes a history row whose change reason names it.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_fsm import ConcurrentTransition, TransitionNotAllowed, transition

from ssrhub.core.access import holds_role
from ssrhub.core.roles import Role

from .models import (
    CaseStatus,
    Decision,
    ForumReview,
    Intervention,
    InterventionKind,
    Outcome,
    Reopening,
    ReopenReason,
    RiskAssessment,
    RiskFactor,
    SharedDecision,
    SupportRequest,
)

__all__ = [
    'STEPS',
    'StepConflict',
    'allegation_saved',
    'available_steps',
    'decide',
    'deletable',
    'reopen',
    'reopen_expired',
    'resume',
    'return_to_draft',
    'review',
    'submit',
    'suspend',
    'withdraw',
]

STATUS = SupportRequest._meta.get_field('status')
OPEN_DECISION = (CaseStatus.DECIDED, CaseStatus.SUSPENDED)
REASSESSING = (CaseStatus.DRAFT, CaseStatus.SUBMITTED, CaseStatus.REVIEWED)
SUPPORTING = (Outcome.SUPPORT, Outcome.SUPPORT_WITH_MEASURES)

# The change reason of each step's history row: stored in English, shown translated (``views/cases.py``).
REASONS = {
    'submit': gettext_noop('Submitted to the forum'),
    'return': gettext_noop('Returned by the forum for more work'),
    'review': gettext_noop('Reviewed by the forum'),
    'decide': gettext_noop('Decided'),
    'reopen': gettext_noop('Reopened'),
    'suspend': gettext_noop('Support suspended'),
    'withdraw': gettext_noop('Support withdrawn'),
    'resume': gettext_noop('Support resumed'),
}


class StepConflict(Exception):
    """The request is no longer in a state this step starts from (another step came first): a 409."""

    def __init__(self, request):
        self.request = request
        super().__init__(
            _('The request has already moved on (it is now: %(status)s); nothing was changed.')
            % {'status': request.get_status_display()}
        )


def _officer(request, user) -> bool:
    return holds_role(user, Role.DUE_DILIGENCE_OFFICER, request.country)


def _forum(request, user) -> bool:
    return holds_role(user, Role.HRDDP_FORUM_MEMBER, request.country)


def _decision_maker(request, user) -> bool:
    return holds_role(user, Role.HRDDP_DECISION_MAKER, request.country)


def _support_given(request) -> bool:
    """The last decision gave support (running or suspended)."""
    decision = request.current_decision
    return decision is not None and decision.outcome in SUPPORTING


def _open_suspension(request):
    return request.interventions.filter(kind=InterventionKind.SUSPENSION, ended_on__isnull=True).first()


def _suspended(request) -> bool:
    return _open_suspension(request) is not None


def _support_running(request) -> bool:
    return _support_given(request) and not _suspended(request)


# Why a step whose state allows it is refused all the same (a transition's conditions).
UNMET = {
    'suspend': gettext_noop('The support is not running: no decision gave it, or it is already suspended.'),
    'withdraw': gettext_noop('No decision gave support: there is none to withdraw.'),
    'resume': gettext_noop('The support is not suspended.'),
}

# Section: the transitions (state only; the steps below write their records)


@transition(field=STATUS, source=CaseStatus.DRAFT, target=CaseStatus.SUBMITTED, permission=_officer)
def _submit(request):
    pass


@transition(field=STATUS, source=CaseStatus.SUBMITTED, target=CaseStatus.DRAFT, permission=_forum)
def _return(request):
    pass


@transition(field=STATUS, source=CaseStatus.SUBMITTED, target=CaseStatus.REVIEWED, permission=_forum)
def _review(request):
    pass


@transition(field=STATUS, source=CaseStatus.REVIEWED, target=CaseStatus.DECIDED, permission=_decision_maker)
def _decide(request):
    pass


@transition(field=STATUS, source=OPEN_DECISION, target=CaseStatus.DRAFT, permission=_officer)
def _reopen(request):
    pass


# During a reassessment (target None) the status stays; the step's intervention records the change of support.
@transition(
    field=STATUS,
    source=CaseStatus.DECIDED,
    target=CaseStatus.SUSPENDED,
    conditions=[_support_running],
    permission=_decision_maker,
)
@transition(field=STATUS, source=REASSESSING, target=None, conditions=[_support_running], permission=_decision_maker)
def _suspend(request):
    pass


@transition(
    field=STATUS,
    source=(*OPEN_DECISION, *REASSESSING),
    target=CaseStatus.WITHDRAWN,
    conditions=[_support_given],
    permission=_decision_maker,
)
def _withdraw(request):
    pass


@transition(field=STATUS, source=CaseStatus.SUSPENDED, target=CaseStatus.DECIDED, permission=_decision_maker)
@transition(field=STATUS, source=REASSESSING, target=None, conditions=[_suspended], permission=_decision_maker)
def _resume(request):
    pass


TRANSITIONS = {
    'submit': _submit,
    'return': _return,
    'review': _review,
    'decide': _decide,
    'reopen': _reopen,
    'suspend': _suspend,
    'withdraw': _withdraw,
    'resume': _resume,
}


def may_take(step: str, request, user) -> bool:
    """Whether ``user`` holds the role that takes ``step`` on ``request`` (whatever its state)."""
    meta = TRANSITIONS[step]._django_fsm
    return any(t.has_perm(request, user) for t in meta.transitions.values())


def deletable(request) -> bool:
    """A request is deleted only in draft and never submitted: a case once submitted keeps its record."""
    return request.status == CaseStatus.DRAFT and not request.assessments.filter(frozen=True).exists()


def available_steps(request, user) -> list[str]:
    """The steps ``user`` may take on ``request`` now: the buttons of the case page."""
    state = request.status
    return [
        step
        for step, function in TRANSITIONS.items()
        if function._django_fsm.has_transition(state)
        and function._django_fsm.conditions_met(request, state)
        and function._django_fsm.has_transition_perm(request, state, user)
    ]


def _run(step: str, request, user, write):
    """Take ``step`` on ``request`` for ``user`` (None: the platform itself), then ``write()`` its records, in one
    transaction; refuse with PermissionDenied (the role), StepConflict (the state) or ValidationError (the data)."""
    if user is not None and not may_take(step, request, user):
        raise PermissionDenied
    try:
        with transaction.atomic():
            list(SupportRequest.objects.select_for_update().filter(pk=request.pk).values_list('pk'))
            meta = TRANSITIONS[step]._django_fsm
            if meta.has_transition(request.status) and not meta.conditions_met(request, request.status):
                raise ValidationError(_(UNMET[step]))
            try:
                TRANSITIONS[step](request)
            except TransitionNotAllowed:
                raise StepConflict(SupportRequest.objects.get(pk=request.pk)) from None
            request._change_reason = REASONS[step]
            request.save()
            return write()
    except ConcurrentTransition:
        raise StepConflict(SupportRequest.objects.get(pk=request.pk)) from None
    finally:
        request.refresh_from_db()


def _check(record):
    record.full_clean()
    record.save()
    return record


# Section: the steps


def submit(request, user):
    """Submit the current assessment to the forum and freeze it."""

    def write():
        assessment = request.current_assessment
        errors = []
        if assessment is None or None in (assessment.likelihood, assessment.impact, assessment.overall_risk):
            errors.append(_('The assessment needs its likelihood, impact and overall risk before it is submitted.'))
        if assessment is not None and not assessment.assessors.exists():
            errors.append(_('The assessment needs at least one assessor before it is submitted.'))
        if errors:
            raise ValidationError(errors)
        assessment.frozen = True
        assessment._change_reason = REASONS['submit']
        return _check(assessment)

    return _run('submit', request, user, write)


def return_to_draft(request, user, comment: str):
    """The forum sends the request back for more work: a reopening (reason "returned") with the forum's comment,
    and a new version of the assessment to work on (the submitted one stays frozen)."""
    if not comment.strip():
        raise ValidationError({'note': _('Say what the assessment still needs.')})
    return _run('return', request, user, lambda: _reopening(request, ReopenReason.RETURNED, comment, None))


def review(request, user, recommendation: str, comment: str = '', reviewed_on=None):
    def write():
        return _check(
            ForumReview(
                request=request,
                assessment=request.current_assessment,
                recommendation=recommendation,
                comment=comment,
                reviewer=user,
                reviewed_on=reviewed_on or datetime.date.today(),
            )
        )

    return _run('review', request, user, write)


def decide(request, user, outcome, justification, expires_on, shared=False, decided_on=None):
    """Record the decision, which ends a suspension made during the reassessment (the decision now governs the
    support); share what others may see of it (``SharedDecision``) only when ``shared``."""

    def write():
        if outcome == Outcome.SUPPORT_WITH_MEASURES and not request.mitigations.exists():
            raise ValidationError(
                {'outcome': _('Support with mitigatory measures needs at least one mitigatory measure.')}
            )
        decision = _check(
            Decision(
                request=request,
                assessment=request.current_assessment,
                outcome=outcome,
                approver=user,
                decided_on=decided_on or datetime.date.today(),
                justification=justification,
                expires_on=expires_on,
                shared=shared,
            )
        )
        _end_suspension(request, decision.decided_on)
        _share(request, decision)
        return decision

    return _run('decide', request, user, write)


def _share(request, decision):
    if not decision.shared:
        for shared in SharedDecision.objects.filter(request=request):
            shared.delete()
        return
    shared = SharedDecision.objects.filter(request=request).first() or SharedDecision(request=request)
    shared.country, shared.recipient, shared.kind = request.country, request.recipient, request.kind
    shared.outcome, shared.decided_on, shared.expires_on = decision.outcome, decision.decided_on, decision.expires_on
    shared.save()


def reopen(request, user, reason: str, note: str = '', allegation=None, reopened_on=None):
    """Open a decided or suspended case again: a reopening saying why and a new assessment version."""
    return _run('reopen', request, user, lambda: _reopening(request, reason, note, allegation, reopened_on))


def _reopening(request, reason, note, allegation, reopened_on=None):
    reopening = _check(
        Reopening(
            request=request,
            reason=reason,
            note=note,
            allegation=allegation,
            reopened_on=reopened_on or datetime.date.today(),
        )
    )
    _next_version(request, allegation)
    return reopening


def _next_version(request, allegation=None) -> RiskAssessment:
    """A new, unfrozen version of the assessment copied from the last one (factors, assessors, allegations)."""
    last = request.current_assessment
    if last is None:
        return RiskAssessment.objects.create(request=request)
    copied = ('record', 'likelihood', 'impact', 'overall_risk', 'risk_reason', 'conclusion')
    new = RiskAssessment.objects.create(
        request=request, version=last.version + 1, **{name: getattr(last, name) for name in copied}
    )
    new.assessors.set(last.assessors.all())
    new.allegations.set([*last.allegations.all(), *([allegation] if allegation else [])])
    for factor in last.factors.all():
        RiskFactor.objects.create(assessment=new, factor=factor.factor, rating=factor.rating, finding=factor.finding)
    return new


def suspend(request, user, started_on, reason: str, allegation=None):
    def write():
        return _check(
            Intervention(
                request=request,
                kind=InterventionKind.SUSPENSION,
                started_on=started_on,
                reason=reason,
                allegation=allegation,
            )
        )

    return _run('suspend', request, user, write)


def withdraw(request, user, started_on, reason: str, allegation=None):
    """Withdraw the support for good; an open suspension ends the day the withdrawal starts."""

    def write():
        _end_suspension(request, started_on)
        return _check(
            Intervention(
                request=request,
                kind=InterventionKind.WITHDRAWAL,
                started_on=started_on,
                reason=reason,
                allegation=allegation,
            )
        )

    return _run('withdraw', request, user, write)


def resume(request, user, ended_on):
    """Resume the support: the open suspension ends on ``ended_on``."""
    return _run('resume', request, user, lambda: _end_suspension(request, ended_on))


def _end_suspension(request, ended_on):
    suspension = _open_suspension(request)
    if suspension is not None:
        suspension.ended_on = ended_on
        _check(suspension)
    return suspension


# Section: automatic reopening


def allegation_saved(sender, instance, created, raw=False, **kwargs):
    """A new allegation against the recipient of a decided or suspended request of its country reopens it."""
    if not created or raw:
        return
    requests = SupportRequest.objects.filter(
        country_id=instance.country_id, recipient_id=instance.recipient_id, status__in=OPEN_DECISION
    )
    for request in requests:
        reopen(request, None, ReopenReason.NEW_ALLEGATION, allegation=instance)


def reopen_expired(today: datetime.date) -> list[SupportRequest]:
    """Reopen every decided or suspended request whose current decision expires on or before ``today``."""
    reopened = []
    candidates = SupportRequest.objects.filter(status__in=OPEN_DECISION, decisions__expires_on__lte=today).distinct()
    for request in candidates:
        if request.current_decision.expires_on <= today:
            reopen(request, None, ReopenReason.EXPIRED)
            reopened.append(request)
    return reopened


# Each step's function, called with the request, the user and its form's cleaned data.
STEPS = {
    'submit': submit,
    'return': return_to_draft,
    'review': review,
    'decide': decide,
    'reopen': reopen,
    'suspend': suspend,
    'withdraw': withdraw,
    'resume': resume,
}
