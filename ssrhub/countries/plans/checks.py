"""The plan checks: completeness, alignment, dependencies, overdue and stale actions, implementation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from .content import (
    ACTION_KIND_ELEMENTS,
    BAND_ORDER,
    CLOSED,
    ERROR,
    GOALS_INDICATORS,
    IMPLEMENTATION_DAYS,
    IMPLEMENTATION_INFORMATION,
    IMPLEMENTED_KINDS,
    IN_FORCE,
    INFO,
    NEEDS_VISION_THREATS,
    NOT_ADOPTED,
    PLAN_ELEMENTS,
    RETIRED,
    STALE_DAYS,
    STARTED,
    UNDER_IMPLEMENTATION,
    WARNING,
    Finding,
    PlanAction,
    PlanContent,
)

__all__ = [
    'check_alignment',
    'check_completeness',
    'check_dependency_cycles',
    'check_dependency_order',
    'check_documents',
    'check_not_implemented',
    'check_overdue',
    'check_past_due',
    'check_plan',
    'check_stale_status',
    'is_plan',
]

# Section: helpers


def _words(value: str) -> str:
    """A status value as words: 'on-track' -> 'on track'."""
    return value.replace('-', ' ')


def _quoted(title: str) -> str:
    return f"'{title}'"


def _enumerate(words: list[str]) -> str:
    """``['a', 'b', 'c']`` -> ``a, b and c``."""
    return words[0] if len(words) == 1 else f'{", ".join(words[:-1])} and {words[-1]}'


def _titles(items) -> str:
    return _enumerate([_quoted(item.title) for item in items])


def _days(since: date, today: date) -> str:
    days = (today - since).days
    return '1 day' if days == 1 else f'{days} days'


def is_plan(content: PlanContent, key: str) -> bool:
    """Whether the document is checked as a plan: of kind plan, or listing actions of its own."""
    return content.document(key).kind == 'plan' or bool(content.actions_of([key]))


def _element(code: str, message: str, related: Iterable[str] = ()) -> Finding:
    return Finding('completeness', ERROR, code, PLAN_ELEMENTS[code], message, tuple(related))


# Section: checks


def check_completeness(content: PlanContent, key: str) -> list[Finding]:
    """One error per required plan element the plan lacks (only for documents checked as plans, ``is_plan``).

    1. needs, vision, objectives and threats: some document of the chain has a vision text, and the chain has at
       least one objective and at least one threat;
    2.-4. SSR activities, security operations, cross-cutting issues: at least one live action of that kind;
    5. goals and indicators: the chain has at least one objective and every objective of the chain is measurable:
       it has an indicator of its own, or a live action of the plan serving it records indicators;
    6. implementation information: every live action has an owner, a timeframe (start and end dates, or a band),
       a cost (zero counts: a cost-neutral action) and its risks; and a plan of two or more live actions records at
       least one dependency between them (sequencing). A plan without live actions lacks it too.
    """
    if not is_plan(content, key):
        return []
    chain = content.chain(key)
    chain_keys = [document.key for document in chain]
    threats, objectives = content.threats_of(chain_keys), content.objectives_of(chain_keys)
    actions = [action for action in content.actions_of([key]) if action.live]
    findings = []

    missing = []
    if not any(document.vision.strip() for document in chain):
        missing.append('a statement of needs and vision')
    if not objectives:
        missing.append('an objective')
    if not threats:
        missing.append('a threat')
    if missing:
        message = f'Neither the plan nor the documents it implements give {_enumerate(missing)}.'
        findings.append(_element(NEEDS_VISION_THREATS, message))

    for kind, code, what in ACTION_KIND_ELEMENTS:
        if not any(action.kind == kind for action in actions):
            findings.append(_element(code, f'The plan has no action of kind {kind}: {what}.'))

    if not objectives:
        findings.append(_element(GOALS_INDICATORS, 'The plan and the documents it implements set no objective.'))
    else:
        measured = {item for action in actions if action.indicators.strip() for item in action.objective_keys}
        unmeasured = [item for item in objectives if not item.indicator.strip() and item.key not in measured]
        if unmeasured:
            message = (
                f'No indicator for {_titles(unmeasured)}: neither the objective nor an action serving it records one.'
            )
            findings.append(_element(GOALS_INDICATORS, message, (item.key for item in unmeasured)))

    findings.extend(_implementation_information(actions))
    return findings


def _implementation_information(actions: list[PlanAction]) -> list[Finding]:
    if not actions:
        return [_element(IMPLEMENTATION_INFORMATION, 'The plan has no action.')]
    lacking = {
        'an owner': [action for action in actions if not action.owner.strip()],
        'a timeframe (start and end dates, or a band)': [action for action in actions if not action.timed],
        'a cost': [action for action in actions if action.cost is None],
        'risks': [action for action in actions if not action.risks.strip()],
    }
    parts = [f'Without {what}: {_titles(items)}.' for what, items in lacking.items() if items]
    related = list(dict.fromkeys(action.key for items in lacking.values() for action in items))
    keys = {action.key for action in actions}
    if len(actions) > 1 and not any(other in keys for action in actions for other in action.depends_on):
        parts.append(f'No dependency is recorded between its {len(actions)} actions.')
    if not parts:
        return []
    return [_element(IMPLEMENTATION_INFORMATION, ' '.join(parts), related)]


def check_alignment(content: PlanContent, key: str) -> list[Finding]:
    """One error per threat and per objective of the chain that no *counting* action of the document's
    implementation answers.

    An action answers an objective it lists; it answers a threat it lists, or one that an objective it lists
    answers. It counts when it is live and has an owner, a timeframe (start and end dates, or a band) and a cost;
    each finding names the actions that answer but do not count, and why.
    """
    chain_keys = [item.key for item in content.chain(key)]
    threats, objectives = content.threats_of(chain_keys), content.objectives_of(chain_keys)
    if not (threats or objectives):
        return []
    actions = content.actions_of(item.key for item in content.implementation(key))

    objective_titles = {objective.key: objective.title for objective in content.objectives}
    answered_through = defaultdict(list)  # threat key -> objectives answering it
    for objective in content.objectives:
        for threat_key in objective.threat_keys:
            answered_through[threat_key].append(objective.key)

    findings = []
    for what, item in [('threat', threat) for threat in threats] + [('objective', item) for item in objectives]:
        answering = []  # (action, the objective it answers the threat through, or None)
        for action in actions:
            if item.key in (action.threat_keys if what == 'threat' else action.objective_keys):
                answering.append((action, None))
            elif what == 'threat':
                through = [other for other in answered_through[item.key] if other in action.objective_keys]
                if through:
                    answering.append((action, through[0]))
        if any(not action.gaps() for action, _ in answering):
            continue
        if answering:
            reasons = [
                _quoted(action.title)
                + (f' (through objective {_quoted(objective_titles[through])})' if through else '')
                + f', which {"has " if action.live else ""}{_enumerate(action.gaps())}'
                for action, through in answering
            ]
            message = f'Covered only by {"; ".join(reasons)}'
        else:
            message = f'No action answers this {what}'
        if item.document_key != key:
            message += f' (listed in {_quoted(content.document(item.document_key).title)})'
        related = tuple(action.key for action, _ in answering)
        findings.append(Finding('alignment', ERROR, item.key, item.title, f'{message}.', related))
    return findings


def check_dependency_cycles(content: PlanContent, key: str) -> list[Finding]:
    """One error per dependency cycle through at least one of the plan's actions (a self-dependency is a
    cycle), its actions in order from the first one in the plan: each depends on the next, the last on the
    first. Cycles are sought over every action of the content, so a cycle across documents is found too."""
    own = {action.key for action in content.actions_of([key])}
    index = content.action_index
    findings = []
    for cycle in content.dependency_cycles:
        if not own.intersection(cycle):
            continue
        actions = [index[action_key] for action_key in cycle]
        first = actions[0]
        if len(actions) == 1:
            message = f'{_quoted(first.title)} depends on itself.'
        else:
            steps = ', which depends on '.join(_quoted(action.title) for action in actions[1:])
            message = f'{_quoted(first.title)} depends on {steps}, which depends on {_quoted(first.title)}.'
        findings.append(Finding('dependency-cycle', ERROR, first.key, first.title, message, tuple(cycle)))
    return findings


def _out_of_order(action: PlanAction, dependency: PlanAction) -> str | None:
    """Why ``action`` cannot wait for ``dependency``, by the first rule whose dates are known (``None`` if it
    can, or if nothing can be compared)."""
    other = _quoted(dependency.title)
    if action.start and dependency.end:
        if action.start < dependency.end:
            return f'Starts on {action.start}, before {other}, which it depends on, ends on {dependency.end}.'
    elif action.start and dependency.start:
        if action.start < dependency.start:
            return f'Starts on {action.start}, before {other}, which it depends on, starts on {dependency.start}.'
    elif action.end and dependency.end:
        if action.end < dependency.end:
            return f'Ends on {action.end}, before {other}, which it depends on, ends on {dependency.end}.'
    elif action.timeframe in BAND_ORDER and dependency.timeframe in BAND_ORDER:
        if BAND_ORDER[action.timeframe] < BAND_ORDER[dependency.timeframe]:
            return (
                f'Is due in the {action.timeframe} band, before {other}, which it depends on and is due in the '
                f'{dependency.timeframe} band.'
            )
    return None


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
            message = _out_of_order(action, dependency)
            if message:
                findings.append(
                    Finding('dependency-order', WARNING, action.key, action.title, message, (dependency.key,))
                )
    return findings


def check_overdue(content: PlanContent, key: str, today: date) -> list[Finding]:
    """One warning per action of the plan whose end date is before ``today`` and whose status is neither done
    nor dropped (an action with a band only has no date to be late against)."""
    return [
        Finding(
            'overdue',
            WARNING,
            action.key,
            action.title,
            f'Due to end on {action.end} ({_days(action.end, today)} ago); status {_words(action.status)}.',
        )
        for action in content.actions_of([key])
        if action.end and action.end < today and action.status not in CLOSED
    ]


def check_stale_status(content: PlanContent, key: str, today: date, days: int = STALE_DAYS) -> list[Finding]:
    """One info finding per action of the plan, neither done nor dropped, whose latest status update is more than
    ``days`` days before ``today`` (actions without any status update are not judged)."""
    return [
        Finding(
            'stale-status',
            INFO,
            action.key,
            action.title,
            f'Status {_words(action.status)} last reported on {action.status_as_of} '
            f'({_days(action.status_as_of, today)} ago).',
        )
        for action in content.actions_of([key])
        if action.status not in CLOSED and action.status_as_of and (today - action.status_as_of).days > days
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
    plans are implemented through actions; a law or another framework document is not flagged."""
    document = content.document(key)
    if document.kind not in IMPLEMENTED_KINDS:
        return []
    if document.status not in IN_FORCE or not document.adopted or (today - document.adopted).days <= days:
        return []
    if _under_way(content, key, set()):
        return []
    verb = 'Endorsed' if document.status == 'endorsed' else 'Adopted'
    actions = content.actions_of([key])
    if actions:
        what = f'none of its {len(actions)} actions has started' if len(actions) > 1 else 'its action has not started'
        what += ' and no document implementing it is under way'
    else:
        what = 'it has no action and no document implementing it is under way'
    message = f'{verb} on {document.adopted} ({_days(document.adopted, today)} ago) but {what}.'
    return [Finding('adopted-not-implemented', WARNING, key, document.title, message)]


def check_past_due(content: PlanContent, key: str, today: date) -> list[Finding]:
    """A warning for a document not yet drafted or being drafted whose ``due`` date (for adoption) is before
    ``today``."""
    document = content.document(key)
    if document.status not in NOT_ADOPTED or not document.due or document.due >= today:
        return []
    message = (
        f'Due to be adopted on {document.due} ({_days(document.due, today)} ago); status {_words(document.status)}.'
    )
    return [Finding('past-due', WARNING, key, document.title, message)]


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
        *check_not_implemented(content, key, today, implementation_days),
        *check_past_due(content, key, today),
    ]


def check_documents(content: PlanContent, today: date, **options) -> dict[str, list[Finding]]:
    """``check_plan`` for every document of the content, by document key, in content order."""
    return {document.key: check_plan(content, document.key, today, **options) for document in content.documents}
