"""The plan checks: completeness, alignment, dependencies, overdue and stale actions, implementation.

Each finding is one problem about one record (the document, a threat, an objective or an action), and the rules
exclude each other: an action without a timeframe has no end date, so it is never overdue; a threat or objective
answered only by actions that cannot count is reported as such, never also as unanswered; an objective missing is
reported once (with the needs, vision, objectives and threats), not again under goals and indicators; a plan
without actions is one finding, not one per missing kind of action. ``group_findings()`` puts them under their
record, worst first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from .content import (
    ACTION_KIND_ELEMENTS,
    BAND_ORDER,
    CLOSED,
    CROSS_CUTTING,
    ERROR,
    GOALS_INDICATORS,
    IMPLEMENTATION_DAYS,
    IMPLEMENTATION_INFORMATION,
    IMPLEMENTED_KINDS,
    IN_FORCE,
    INFO,
    NEEDS_VISION_THREATS,
    NOT_ADOPTED,
    RETIRED,
    SECURITY_OPERATIONS,
    SEVERITY_ORDER,
    SSR_ACTIVITIES,
    STALE_DAYS,
    STARTED,
    UNDER_IMPLEMENTATION,
    WARNING,
    Finding,
    PlanAction,
    PlanContent,
)

__all__ = [
    'FindingGroup',
    'check_alignment',
    'check_completeness',
    'check_dependency_cycles',
    'check_dependency_order',
    'check_documents',
    'check_future_status',
    'check_not_implemented',
    'check_overdue',
    'check_past_due',
    'check_plan',
    'check_stale_status',
    'group_findings',
    'is_plan',
    'months_between',
]

# Section: helpers


def months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later`` (0 when less than a month): 2017-12-31 -> 2018-03-30 is 2."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return max(months - (later.day < earlier.day), 0)


def is_plan(content: PlanContent, key: str) -> bool:
    """Whether the document is checked as a plan: of kind plan, or listing actions of its own."""
    return content.document(key).kind == 'plan' or bool(content.actions_of([key]))


def _on_document(content: PlanContent, key: str, code: str, elements: tuple[str, ...], **params) -> Finding:
    return Finding('completeness', ERROR, code, key, content.document(key).title, params, (), elements)


# Section: checks


def check_completeness(content: PlanContent, key: str) -> list[Finding]:
    """The required plan elements the plan lacks, one finding per problem (only for documents checked as plans,
    ``is_plan``), over the plan's own live actions:

    1. needs, vision, objectives and threats (``missing-parts`` on the document, naming what is missing): some
       document of the chain has a vision text, and the chain has at least one objective and one threat; a chain
       without objective also lacks goals and indicators (the same finding says so);
    2.-4. SSR activities, security operations, cross-cutting issues (``no-action-of-kind``): a live action of that
       kind; a plan without any live action gets one ``no-action`` finding instead (it lacks 2.-4. and 6.);
    5. goals and indicators (``no-indicator`` on each objective): every objective of the chain has an indicator of
       its own, or a live action of the plan serving it records indicators;
    6. implementation information (``missing-information`` on each action): every live action has an owner, a
       timeframe (an end date or a band), a cost (zero counts: a cost-neutral action) and its risks; and a plan of
       two or more live actions records a dependency between them (``no-dependency`` on the document).
    """
    if not is_plan(content, key):
        return []
    chain = content.chain(key)
    chain_keys = [document.key for document in chain]
    threats, objectives = content.threats_of(chain_keys), content.objectives_of(chain_keys)
    actions = [action for action in content.actions_of([key]) if action.live]
    findings = []

    parts = [
        name
        for name, lacking in (
            ('vision', not any(document.vision.strip() for document in chain)),
            ('objective', not objectives),
            ('threat', not threats),
        )
        if lacking
    ]
    if parts:
        elements = (NEEDS_VISION_THREATS, GOALS_INDICATORS) if 'objective' in parts else (NEEDS_VISION_THREATS,)
        findings.append(_on_document(content, key, 'missing-parts', elements, parts=parts))

    if not actions:
        elements = (SSR_ACTIVITIES, SECURITY_OPERATIONS, CROSS_CUTTING, IMPLEMENTATION_INFORMATION)
        findings.append(_on_document(content, key, 'no-action', elements))
    else:
        for kind, element in ACTION_KIND_ELEMENTS:
            if not any(action.kind == kind for action in actions):
                findings.append(_on_document(content, key, 'no-action-of-kind', (element,), kind=kind))
        keys = {action.key for action in actions}
        if len(actions) > 1 and not any(other in keys for action in actions for other in action.depends_on):
            findings.append(
                _on_document(content, key, 'no-dependency', (IMPLEMENTATION_INFORMATION,), count=len(actions))
            )

    measured = {item for action in actions if action.indicators.strip() for item in action.objective_keys}
    for objective in objectives:
        if not objective.indicator.strip() and objective.key not in measured:
            findings.append(
                Finding(
                    'completeness', ERROR, 'no-indicator', objective.key, objective.title, {}, (), (GOALS_INDICATORS,)
                )
            )
    for action in actions:
        missing = action.missing()
        if missing:
            findings.append(
                Finding(
                    'completeness',
                    ERROR,
                    'missing-information',
                    action.key,
                    action.title,
                    {'missing': missing},
                    (),
                    (IMPLEMENTATION_INFORMATION,),
                )
            )
    return findings


def check_alignment(content: PlanContent, key: str) -> list[Finding]:
    """One error per threat and per objective of the chain that no *counting* action of the document's
    implementation answers.

    An action answers an objective it lists; it answers a threat it lists, or one that an objective it lists
    answers. It counts when it is live and has an owner, a timeframe (an end date or a band) and a cost. The finding
    is ``not-answered`` when no action answers the item; ``answered-only-by-incomplete`` when only live actions
    that do not count answer it (``gaps``: what they lack, in the order owner, timeframe, cost; a dropped action
    answering too is left out); ``answered-only-by-dropped`` when only dropped actions do.
    """
    chain_keys = [item.key for item in content.chain(key)]
    threats, objectives = content.threats_of(chain_keys), content.objectives_of(chain_keys)
    if not (threats or objectives):
        return []
    actions = content.actions_of(item.key for item in content.implementation(key))
    answered_through = defaultdict(set)  # threat key -> objectives answering it
    for objective in content.objectives:
        for threat_key in objective.threat_keys:
            answered_through[threat_key].add(objective.key)

    findings = []
    for kind, item in [('threat', threat) for threat in threats] + [('objective', item) for item in objectives]:
        answering = [
            action
            for action in actions
            if item.key in (action.threat_keys if kind == 'threat' else action.objective_keys)
            or (kind == 'threat' and answered_through[item.key].intersection(action.objective_keys))
        ]
        if any(action.live and not action.gaps() for action in answering):
            continue
        live = [action for action in answering if action.live]
        if live:
            gaps = [gap for gap in ('owner', 'timeframe', 'cost') if any(gap in action.gaps() for action in live)]
            code, params, related = 'answered-only-by-incomplete', {'gaps': gaps}, live
        elif answering:
            code, params, related = 'answered-only-by-dropped', {}, answering
        else:
            code, params, related = 'not-answered', {}, []
        params.update(kind=kind, count=len(related), actions=[action.title for action in related])
        findings.append(
            Finding('alignment', ERROR, code, item.key, item.title, params, tuple(action.key for action in related))
        )
    return findings


def check_dependency_cycles(content: PlanContent, key: str) -> list[Finding]:
    """One error per dependency cycle through at least one of the plan's actions (a self-dependency is a
    cycle), on its first action in the plan: ``actions`` are the titles in order, each depending on the next and
    the last on the first. Cycles are sought over every action of the content, so a cycle across documents is
    found too."""
    own = {action.key for action in content.actions_of([key])}
    index = content.action_index
    findings = []
    for cycle in content.dependency_cycles:
        if not own.intersection(cycle):
            continue
        actions = [index[action_key] for action_key in cycle]
        first = actions[0]
        params = {'actions': [action.title for action in actions]}
        findings.append(Finding('dependency-cycle', ERROR, 'cycle', first.key, first.title, params, tuple(cycle)))
    return findings


def _out_of_order(action: PlanAction, dependency: PlanAction) -> dict | None:
    """Why ``action`` cannot wait for ``dependency``, by the first rule whose dates are known (``None`` if it
    can, or if nothing can be compared): ``rule`` (start-end, start-start, end-end, band), ``own`` and ``other``
    the two dates or bands compared."""
    if action.start and dependency.end:
        pair = ('start-end', action.start, dependency.end)
    elif action.start and dependency.start:
        pair = ('start-start', action.start, dependency.start)
    elif action.end and dependency.end:
        pair = ('end-end', action.end, dependency.end)
    elif action.timeframe in BAND_ORDER and dependency.timeframe in BAND_ORDER:
        if BAND_ORDER[action.timeframe] < BAND_ORDER[dependency.timeframe]:
            return {'rule': 'band', 'own': action.timeframe, 'other': dependency.timeframe}
        return None
    else:
        return None
    rule, own, other = pair
    return {'rule': rule, 'own': own, 'other': other} if own < other else None


def check_dependency_order(content: PlanContent, key: str) -> list[Finding]:
    """One warning per live action of the plan and live action it depends on that it cannot follow. The first
    rule whose dates are both known decides:

    1. the dependant's start and the dependency's end: dependant.start < dependency.end;
    2. else both starts (the dependency has no end): dependant.start < dependency.start;
    3. else both ends (the dependant has no start): dependant.end < dependency.end;
    4. else both bands: the dependant's band is earlier (urgent < short < medium < long; every band runs from
       the strategy's start, so it is a deadline).

    Nothing comparable: no finding. A self-dependency is left to the cycle check.
    """
    index = content.action_index
    findings = []
    for action in content.actions_of([key]):
        if not action.live:
            continue
        for dependency_key in dict.fromkeys(action.depends_on):
            dependency = index.get(dependency_key)
            if dependency is None or not dependency.live or dependency.key == action.key:
                continue
            params = _out_of_order(action, dependency)
            if params:
                params['dependency'] = dependency.title
                findings.append(
                    Finding(
                        'dependency-order',
                        WARNING,
                        'before-dependency',
                        action.key,
                        action.title,
                        params,
                        (dependency.key,),
                    )
                )
    return findings


def check_overdue(content: PlanContent, key: str, today: date) -> list[Finding]:
    """One warning per action of the plan whose end date is before ``today`` and whose status on ``today`` is
    neither done nor dropped (an action with a band only has no date to be late against; one without an end date
    has no timeframe, reported by the completeness check instead)."""
    return [
        Finding(
            'overdue',
            WARNING,
            'overdue',
            action.key,
            action.title,
            {'end': action.end, 'months': months_between(action.end_by, today), 'status': action.status},
        )
        for action in content.actions_of([key])
        if action.end and action.end_by < today and action.status not in CLOSED
    ]


def check_stale_status(content: PlanContent, key: str, today: date, days: int = STALE_DAYS) -> list[Finding]:
    """One info finding per action of the plan, neither done nor dropped, whose latest status update up to
    ``today`` is more than ``days`` days old (actions without any status update are not judged; an update dated
    after ``today`` does not count, ``check_future_status``)."""
    return [
        Finding(
            'stale-status',
            INFO,
            'stale-status',
            action.key,
            action.title,
            {
                'as_of': action.status_as_of,
                'months': months_between(action.status_as_of, today),
                'status': action.status,
            },
        )
        for action in content.actions_of([key])
        if action.status not in CLOSED and action.status_as_of and (today - action.status_as_of).days > days
    ]


def check_future_status(content: PlanContent, key: str, today: date) -> list[Finding]:
    """One warning per action of the plan with a status update dated after ``today``: a status cannot be known in
    advance, so the update is not counted (the action keeps its status of ``today``)."""
    return [
        Finding(
            'future-status',
            WARNING,
            'future-status',
            action.key,
            action.title,
            {'date': action.future_status_on, 'status': action.status},
        )
        for action in content.actions_of([key])
        if action.future_status_on and action.future_status_on > today
    ]


def _under_way(content: PlanContent, key: str, seen: set[str]) -> bool:
    """Any action of the document started, or a document implementing it under implementation (status
    implementing or completed) or itself under way."""
    seen.add(key)
    if any(action.status in STARTED for action in content.actions_of([key])):
        return True
    return any(
        child.status in UNDER_IMPLEMENTATION or (child.key not in seen and _under_way(content, child.key, seen))
        for child in content.children(key)
    )


def check_not_implemented(
    content: PlanContent, key: str, today: date, days: int = IMPLEMENTATION_DAYS
) -> list[Finding]:
    """A warning for a document endorsed, adopted or under implementation whose adoption date is more than
    ``days`` days before ``today``, when nothing implementing it is under way: none of its own actions has
    started (on-track, behind or done), and no document implementing it, directly or not, is under
    implementation (status implementing or completed) or has a started action. Only policies, strategies and
    plans are implemented through actions; a law or another framework document is not flagged. ``count`` is the
    number of its actions (0: it has none)."""
    document = content.document(key)
    if document.kind not in IMPLEMENTED_KINDS:
        return []
    if document.status not in IN_FORCE or not document.adopted or (today - document.adopted).days <= days:
        return []
    if _under_way(content, key, set()):
        return []
    params = {
        'status': document.status,
        'adopted': document.adopted,
        'months': months_between(document.adopted, today),
        'count': len(content.actions_of([key])),
    }
    return [Finding('adopted-not-implemented', WARNING, 'adopted-not-implemented', key, document.title, params)]


def check_past_due(content: PlanContent, key: str, today: date) -> list[Finding]:
    """A warning for a document not yet drafted or being drafted whose ``due`` date (for adoption) is before
    ``today``."""
    document = content.document(key)
    if document.status not in NOT_ADOPTED or not document.due or document.due_by >= today:
        return []
    params = {'due': document.due, 'months': months_between(document.due_by, today), 'status': document.status}
    return [Finding('past-due', WARNING, 'past-due', key, document.title, params)]


def check_plan(
    content: PlanContent,
    key: str,
    today: date,
    *,
    implementation_days: int = IMPLEMENTATION_DAYS,
    stale_days: int = STALE_DAYS,
) -> list[Finding]:
    """Every check for one document and the chain it implements, in a fixed order. A superseded or abandoned
    document is history: it is not checked."""
    if content.document(key).status in RETIRED:
        return []
    return [
        *check_completeness(content, key),
        *check_alignment(content, key),
        *check_dependency_cycles(content, key),
        *check_dependency_order(content, key),
        *check_overdue(content, key, today),
        *check_stale_status(content, key, today, stale_days),
        *check_future_status(content, key, today),
        *check_not_implemented(content, key, today, implementation_days),
        *check_past_due(content, key, today),
    ]


def check_documents(content: PlanContent, today: date, **options) -> dict[str, list[Finding]]:
    """``check_plan`` for every document of the content, by document key, in content order."""
    return {document.key: check_plan(content, document.key, today, **options) for document in content.documents}


# Section: grouping


@dataclass(frozen=True)
class FindingGroup:
    """The findings about one record, worst first: ``kind`` is document, threat, objective or action, ``ref`` its
    reference, ``listed_in`` the title of the document it belongs to when that is not the checked document (a
    threat or objective up the chain)."""

    subject_key: str
    kind: str
    subject: str
    ref: str
    listed_in: str
    findings: tuple[Finding, ...]

    @property
    def severity(self) -> str:
        return self.findings[0].severity

    def as_dict(self) -> dict:
        return {
            'subject_key': self.subject_key,
            'kind': self.kind,
            'subject': self.subject,
            'ref': self.ref,
            'listed_in': self.listed_in,
            'severity': self.severity,
            'findings': [finding.as_dict() for finding in self.findings],
        }


KIND_ORDER = ('document', 'threat', 'objective', 'action')


def group_findings(content: PlanContent, key: str, findings: list[Finding]) -> list[FindingGroup]:
    """``findings`` of document ``key`` by the record they are about: the worst severity first, then the document,
    threats, objectives and actions in their order; within a record, the worst first (a stable order otherwise)."""
    records = {}
    for position, document in enumerate(content.documents):
        records[document.key] = ('document', position, document.title, '', document.key)
    for kind, rows in (('threat', content.threats), ('objective', content.objectives), ('action', content.actions)):
        for position, row in enumerate(rows):
            records[row.key] = (kind, position, row.title, row.ref, row.document_key)
    by_subject: dict[str, list[Finding]] = {}
    for finding in findings:
        by_subject.setdefault(finding.subject_key, []).append(finding)
    groups = []
    for subject_key, members in by_subject.items():
        kind, _position, title, ref, document_key = records.get(
            subject_key, ('document', 0, members[0].subject, '', subject_key)
        )
        ordered = tuple(sorted(members, key=lambda finding: SEVERITY_ORDER[finding.severity]))
        listed_in = content.document(document_key).title if document_key != key and kind != 'document' else ''
        groups.append(FindingGroup(subject_key, kind, title, ref, listed_in, ordered))

    def order(group: FindingGroup):
        kind, position = records.get(group.subject_key, ('document', 0))[:2]
        return SEVERITY_ORDER[group.severity], KIND_ORDER.index(kind), position

    return sorted(groups, key=order)
