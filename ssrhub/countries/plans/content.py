"""What the plan checks read: the plan elements, the status and timeframe vocabularies, the documents with their
threats, objectives and actions, and the finding a check reports (a code and its parameters: the Django layer,
``countries/plan_messages.py``, turns them into sentences in the reader's language).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from ssrhub.core.dates import period_end

__all__ = [
    'ACTION_KIND_ELEMENTS',
    'BAND_ORDER',
    'CLOSED',
    'CROSS_CUTTING',
    'DROPPED',
    'ERROR',
    'Finding',
    'GOALS_INDICATORS',
    'IMPLEMENTATION_DAYS',
    'IMPLEMENTATION_INFORMATION',
    'IMPLEMENTED_KINDS',
    'INFO',
    'IN_FORCE',
    'MAX_CYCLES',
    'NEEDS_VISION_THREATS',
    'NOT_ADOPTED',
    'PLAN_ELEMENTS',
    'PlanAction',
    'PlanContent',
    'PlanDocument',
    'PlanObjective',
    'PlanThreat',
    'RETIRED',
    'SECURITY_OPERATIONS',
    'SSR_ACTIVITIES',
    'STALE_DAYS',
    'SEVERITY_ORDER',
    'STARTED',
    'UNDER_IMPLEMENTATION',
    'WARNING',
]

ERROR, WARNING, INFO = 'error', 'warning', 'info'
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}

NEEDS_VISION_THREATS = 'plan-element.needs-vision-threats'
SSR_ACTIVITIES = 'plan-element.ssr-activities'
SECURITY_OPERATIONS = 'plan-element.security-operations'
CROSS_CUTTING = 'plan-element.cross-cutting'
GOALS_INDICATORS = 'plan-element.goals-indicators'
IMPLEMENTATION_INFORMATION = 'plan-element.implementation-information'

# The six required elements, as in framework/data/frameworks/un-ssr/2026.1/plan-elements.yaml (a test keeps them
# in step).
PLAN_ELEMENTS = {
    NEEDS_VISION_THREATS: 'Needs, vision, objectives and threats',
    SSR_ACTIVITIES: 'SSR activities',
    SECURITY_OPERATIONS: 'Security operations',
    CROSS_CUTTING: 'Cross-cutting issues',
    GOALS_INDICATORS: 'Goals and indicators',
    IMPLEMENTATION_INFORMATION: 'Implementation information',
}
ACTION_KIND_ELEMENTS = (
    ('ssr', SSR_ACTIVITIES),
    ('operation', SECURITY_OPERATIONS),
    ('cross-cutting', CROSS_CUTTING),
)

# Timeframe bands all run from the start of the strategy, so a band is a deadline: urgent ends first.
BAND_ORDER = {'urgent': 0, 'short': 1, 'medium': 2, 'long': 3}
STARTED = frozenset({'on-track', 'behind', 'done'})
CLOSED = frozenset({'done', 'dropped'})
DROPPED = 'dropped'
IN_FORCE = frozenset({'endorsed', 'adopted', 'implementing'})
UNDER_IMPLEMENTATION = frozenset({'implementing', 'completed'})
NOT_ADOPTED = frozenset({'not-drafted', 'drafting'})
IMPLEMENTED_KINDS = frozenset({'policy', 'strategy', 'plan'})
RETIRED = frozenset({'superseded', 'abandoned'})  # history: not checked, not counted as implementation

IMPLEMENTATION_DAYS = 365
STALE_DAYS = 180
MAX_CYCLES = 50


# Section: content


@dataclass(frozen=True)
class PlanDocument:
    """A national framework document; ``parent_key`` is the document it implements."""

    key: str
    kind: str  # policy, strategy, plan, law, other
    title: str
    status: str  # not-drafted, drafting, endorsed, adopted, implementing, completed, superseded
    adopted: date | None = None
    due: date | None = None
    vision: str = ''
    parent_key: str | None = None
    # A date known to the month or year is its first day; its precision ('day', 'month', 'year') says so.
    adopted_precision: str = 'day'
    due_precision: str = 'day'

    @property
    def due_by(self) -> date | None:
        """The last day the document may be adopted on: the end of the month or year when ``due`` is partial."""
        return period_end(self.due, self.due_precision) if self.due else None


@dataclass(frozen=True)
class PlanThreat:
    key: str
    ref: str
    title: str
    document_key: str


@dataclass(frozen=True)
class PlanObjective:
    key: str
    ref: str
    title: str
    document_key: str
    indicator: str = ''
    threat_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanAction:
    """An action; ``owner`` is the owning actor's name or the owner as written; ``status`` is its status on the check
    date and ``status_as_of`` the date of the latest status update up to then (``None`` without one)."""

    key: str
    ref: str
    title: str
    document_key: str
    kind: str = 'ssr'  # ssr, operation, cross-cutting
    owner: str = ''
    start: date | None = None
    end: date | None = None
    timeframe: str = ''  # urgent, short, medium, long
    cost: Decimal | None = None
    status: str = 'not-started'  # not-started, on-track, behind, done, dropped
    depends_on: tuple[str, ...] = ()
    threat_keys: tuple[str, ...] = ()
    objective_keys: tuple[str, ...] = ()
    indicators: str = ''
    risks: str = ''
    status_as_of: date | None = None
    future_status_on: date | None = None  # the latest status update dated after the check date, not counted
    start_precision: str = 'day'
    end_precision: str = 'day'

    @property
    def end_by(self) -> date | None:
        """The last day of the action's end: the end of the month or year when ``end`` is partial."""
        return period_end(self.end, self.end_precision) if self.end else None

    @property
    def live(self) -> bool:
        return self.status != DROPPED

    @property
    def timed(self) -> bool:
        """An end date (a deadline, with or without a start) or a timeframe band: something it can be late
        against. A start alone is no timeframe."""
        return bool(self.end or self.timeframe)

    def missing(self) -> list[str]:
        """What the action's implementation information lacks, of ``owner``, ``timeframe``, ``cost``, ``risks``."""
        flags = {
            'owner': not self.owner.strip(),
            'timeframe': not self.timed,
            'cost': self.cost is None,
            'risks': not self.risks.strip(),
        }
        return [name for name, lacking in flags.items() if lacking]

    def gaps(self) -> list[str]:
        """Why the action cannot count as answering a threat or objective, of ``owner``, ``timeframe``, ``cost``
        (empty when it can; a dropped action never counts)."""
        return [name for name in self.missing() if name != 'risks']


@dataclass(frozen=True)
class PlanContent:
    """Documents with their threats, objectives and actions: at least a document, its chain and its
    implementation; usually every document of a country."""

    documents: tuple[PlanDocument, ...]
    threats: tuple[PlanThreat, ...] = ()
    objectives: tuple[PlanObjective, ...] = ()
    actions: tuple[PlanAction, ...] = ()

    @cached_property
    def _documents(self) -> dict[str, PlanDocument]:
        return {document.key: document for document in self.documents}

    @cached_property
    def _children(self) -> dict[str, list[PlanDocument]]:
        children = defaultdict(list)
        for document in self.documents:
            if document.parent_key:
                children[document.parent_key].append(document)
        return children

    @cached_property
    def action_index(self) -> dict[str, PlanAction]:
        return {action.key: action for action in self.actions}

    @cached_property
    def dependency_cycles(self) -> list[list[str]]:
        return _cycles(self.actions)

    def document(self, key: str) -> PlanDocument:
        return self._documents[key]

    def chain(self, key: str) -> list[PlanDocument]:
        """The document and those it implements, up to the policy (a parent missing or seen twice stops it)."""
        found, seen, current = [], set(), self._documents.get(key)
        while current is not None and current.key not in seen:
            found.append(current)
            seen.add(current.key)
            current = self._documents.get(current.parent_key) if current.parent_key else None
        return found

    def implementation(self, key: str) -> list[PlanDocument]:
        """The document and the documents implementing it, directly or not, without superseded ones."""
        found, seen, queue = [], set(), [self.document(key)]
        while queue:
            document = queue.pop(0)
            if document.key in seen:
                continue
            seen.add(document.key)
            found.append(document)
            queue.extend(child for child in self._children[document.key] if child.status not in RETIRED)
        return found

    def children(self, key: str) -> list[PlanDocument]:
        return [child for child in self._children[key] if child.status not in RETIRED]

    def threats_of(self, keys: Iterable[str]) -> list[PlanThreat]:
        keys = set(keys)
        return [threat for threat in self.threats if threat.document_key in keys]

    def objectives_of(self, keys: Iterable[str]) -> list[PlanObjective]:
        keys = set(keys)
        return [objective for objective in self.objectives if objective.document_key in keys]

    def actions_of(self, keys: Iterable[str]) -> list[PlanAction]:
        keys = set(keys)
        return [action for action in self.actions if action.document_key in keys]


@dataclass(frozen=True)
class Finding:
    """One problem found by a check, about one record: ``subject_key`` is the document, threat, objective or action
    it is about, ``code`` says which problem (one sentence each, ``plan_messages.py``) and ``params`` its values
    (titles, dates, counts, months); ``related_keys`` are the other records involved, in order, and ``elements`` the
    plan elements (``PLAN_ELEMENTS``) the problem leaves missing or incomplete."""

    check: str  # the rule: completeness, alignment, dependency-cycle, dependency-order, overdue, stale-status...
    severity: str  # error, warning, info
    code: str
    subject_key: str
    subject: str
    params: dict = field(default_factory=dict)
    related_keys: tuple[str, ...] = ()
    elements: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            'check': self.check,
            'code': self.code,
            'severity': self.severity,
            'subject_key': self.subject_key,
            'subject': self.subject,
            'params': {key: _plain(value) for key, value in self.params.items()},
            'related_keys': list(self.related_keys),
            'elements': list(self.elements),
        }


def _plain(value):
    """A parameter as JSON: dates as ISO strings, lists as lists."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _cycles(actions: tuple[PlanAction, ...]) -> list[list[str]]:
    """Every elementary cycle of the dependency graph once, as action keys from its first action (in the given
    order) following ``depends_on``; at most ``MAX_CYCLES``."""
    order = {action.key: index for index, action in enumerate(actions)}
    graph = {action.key: [key for key in dict.fromkeys(action.depends_on) if key in order] for action in actions}
    cycles = []
    for root in actions:
        rank = order[root.key]
        path, on_path, stack = [root.key], {root.key}, [iter(graph[root.key])]
        while stack:
            following = next(stack[-1], None)
            if following is None:
                stack.pop()
                on_path.discard(path.pop())
            elif following == root.key:
                cycles.append(list(path))
                if len(cycles) >= MAX_CYCLES:
                    return cycles
            elif order[following] > rank and following not in on_path:
                path.append(following)
                on_path.add(following)
                stack.append(iter(graph[following]))
    return cycles
