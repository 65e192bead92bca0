"""Plan checks: does a national security plan carry the six elements a plan must carry, and do its actions answer
the threats and objectives of the documents it implements (policy -> strategy -> plan)?

Plain Python: no Django import. ``plan_queries.py`` reads the database into these dataclasses. The rules are
spelled out in each check's docstring and in ``docs/countries.md`` ("Plan checks"); they follow chapter 8 of the
source book (the six elements, L1870-1875; Liberia's 2008 Implementation Schedule, which left almost every threat
of its own strategy without an action, L1905).

Scopes
------
* *The chain* of a document: the document and the documents it implements, up to the policy.
* *The implementation* of a document: the document and the documents that implement it, directly or not,
  leaving out superseded ones (and what only they implement).
* *The plan's actions*: the document's own actions. A document is checked as a plan (completeness) when it is of
  kind plan or has actions of its own (a strategy that lists its reforms).
* A *live* action is any action not dropped.

Completeness and the action checks look at the plan's own actions; alignment looks at every action of the
document's implementation, since a policy's threats are answered by the strategy and plans under it.

The package holds the `content` the checks read (and the `Finding` they report: a code and its parameters, made
into sentences by ``countries/plan_messages.py``) and the `checks` themselves, with ``group_findings()``.
"""

from .checks import (
    FindingGroup,
    check_alignment,
    check_completeness,
    check_dependency_cycles,
    check_dependency_order,
    check_documents,
    check_future_status,
    check_not_implemented,
    check_overdue,
    check_past_due,
    check_plan,
    check_stale_status,
    group_findings,
    is_plan,
    months_between,
)
from .content import (
    CROSS_CUTTING,
    ERROR,
    GOALS_INDICATORS,
    IMPLEMENTATION_DAYS,
    IMPLEMENTATION_INFORMATION,
    IMPLEMENTED_KINDS,
    INFO,
    NEEDS_VISION_THREATS,
    PLAN_ELEMENTS,
    SECURITY_OPERATIONS,
    SEVERITY_ORDER,
    SSR_ACTIVITIES,
    STALE_DAYS,
    WARNING,
    Finding,
    PlanAction,
    PlanContent,
    PlanDocument,
    PlanObjective,
    PlanThreat,
)

__all__ = [
    'CROSS_CUTTING',
    'ERROR',
    'GOALS_INDICATORS',
    'IMPLEMENTATION_DAYS',
    'IMPLEMENTATION_INFORMATION',
    'IMPLEMENTED_KINDS',
    'INFO',
    'NEEDS_VISION_THREATS',
    'PLAN_ELEMENTS',
    'SECURITY_OPERATIONS',
    'SEVERITY_ORDER',
    'SSR_ACTIVITIES',
    'STALE_DAYS',
    'WARNING',
    'Finding',
    'FindingGroup',
    'PlanAction',
    'PlanContent',
    'PlanDocument',
    'PlanObjective',
    'PlanThreat',
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
