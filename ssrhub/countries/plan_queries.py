"""Reading national framework documents with their threats, objectives and actions out of the database, for the
plan checks of ``plans/``.

A fixed number of queries whatever the size of the plans (eight): the documents, the threats, the objectives, the
actions with their owner and their status on the check date (the latest status update dated up to that day: an
update dated later is not counted, only reported), and one query per many-to-many table. Keys are
``document:<id>``, ``threat:<id>``, ``objective:<id>`` and ``action:<id>``.

Given a ``user``, only what the user may view is read (through ``restrict()``), links to what is left out included;
without one (the ``plans`` command), everything is.
"""

import re
from collections import defaultdict
from datetime import date

from django.db.models import Max, OuterRef, Q, Subquery

from .models import Action, ActionStatusUpdate, NationalDocument, Objective, Threat
from .plans import (
    Finding,
    FindingGroup,
    PlanAction,
    PlanContent,
    PlanDocument,
    PlanObjective,
    PlanThreat,
    check_plan,
    group_findings,
)

__all__ = [
    'country_findings',
    'document_findings',
    'document_groups',
    'key_of',
    'read_country_plans',
    'read_document_plan',
]


KINDS = {NationalDocument: 'document', Threat: 'threat', Objective: 'objective', Action: 'action'}


def key_of(instance) -> str:
    """The plans.py key of a document, threat, objective or action: ``action:12``."""
    return _key(KINDS[type(instance)], instance.pk)


def _key(kind: str, pk: int | None) -> str | None:
    return f'{kind}:{pk}' if pk is not None else None


def _ref_order(ref: str) -> list:
    """Step ``9`` before step ``13``: numbers in a reference compare as numbers."""
    return [(0, int(part), '') if part.isdigit() else (1, 0, part) for part in re.split(r'(\d+)', ref) if part]


def _document(document: NationalDocument) -> PlanDocument:
    return PlanDocument(
        key=_key('document', document.pk),
        kind=document.kind,
        title=document.display_title,
        status=document.status,
        adopted=document.adopted,
        due=document.due,
        vision=document.vision,
        parent_key=_key('document', document.parent_id),
        adopted_precision=document.adopted_precision,
        due_precision=document.due_precision,
    )


def _rows(model, user):
    """Every row of ``model``, or those ``user`` may view."""
    return model.objects.all() if user is None else model.objects.restrict(user)


def _pairs(through, left: str, right: str, kind: str, **filters) -> dict[int, tuple[str, ...]]:
    """``left id -> (keys of the right ids, ...)`` from a many-to-many table, in id order."""
    found = defaultdict(list)
    for left_id, right_id in through.objects.filter(**filters).order_by(left, right).values_list(left, right):
        found[left_id].append(_key(kind, right_id))
    return {left_id: tuple(keys) for left_id, keys in found.items()}


def _status_on(action, today: date) -> str:
    """The action's status on ``today``: its latest update up to then; without one, its own status, unless every
    update is dated later (a status cannot be recorded in advance): then it has not started."""
    if action.status_then:
        return action.status_then
    return 'not-started' if action.future_status_on else action.status


def _read(documents: list[NationalDocument], user=None, today: date | None = None) -> PlanContent:
    today = today or date.today()
    ids = [document.pk for document in documents]
    threats = list(_rows(Threat, user).filter(document_id__in=ids))
    objectives = list(_rows(Objective, user).filter(document_id__in=ids))
    latest_then = ActionStatusUpdate.objects.filter(action=OuterRef('pk'), date__lte=today).order_by('-date', '-pk')
    actions = list(
        _rows(Action, user)
        .filter(document_id__in=ids)
        .select_related('owner')
        .annotate(
            status_as_of=Max('status_updates__date', filter=Q(status_updates__date__lte=today)),
            future_status_on=Max('status_updates__date', filter=Q(status_updates__date__gt=today)),
            status_then=Subquery(latest_then.values('status')[:1]),
        )
    )
    read = {key_of(row) for row in (*threats, *objectives, *actions)}

    def pairs(*args, **filters) -> dict[int, tuple[str, ...]]:
        found = _pairs(*args, **filters)
        return found if user is None else {left: tuple(k for k in keys if k in read) for left, keys in found.items()}

    objective_threats = pairs(
        Objective.threats.through, 'objective_id', 'threat_id', 'threat', objective__document_id__in=ids
    )
    on_actions = {'action__document_id__in': ids}
    action_threats = pairs(Action.threats.through, 'action_id', 'threat_id', 'threat', **on_actions)
    action_objectives = pairs(Action.objectives.through, 'action_id', 'objective_id', 'objective', **on_actions)
    dependencies = pairs(
        Action.depends_on.through, 'from_action_id', 'to_action_id', 'action', from_action__document_id__in=ids
    )
    order = {pk: index for index, pk in enumerate(ids)}

    def in_order(rows):
        return sorted(rows, key=lambda row: (order[row.document_id], _ref_order(row.ref), row.pk))

    return PlanContent(
        documents=tuple(_document(document) for document in documents),
        threats=tuple(
            PlanThreat(_key('threat', threat.pk), threat.ref, threat.title, _key('document', threat.document_id))
            for threat in in_order(threats)
        ),
        objectives=tuple(
            PlanObjective(
                key=_key('objective', objective.pk),
                ref=objective.ref,
                title=objective.title,
                document_key=_key('document', objective.document_id),
                indicator=objective.indicator,
                threat_keys=objective_threats.get(objective.pk, ()),
            )
            for objective in in_order(objectives)
        ),
        actions=tuple(
            PlanAction(
                key=_key('action', action.pk),
                ref=action.ref,
                title=action.title,
                document_key=_key('document', action.document_id),
                kind=action.kind,
                owner=str(action.owner) if action.owner_id else action.owner_name,
                start=action.start,
                end=action.end,
                start_precision=action.start_precision,
                end_precision=action.end_precision,
                timeframe=action.timeframe,
                cost=action.cost,
                status=_status_on(action, today),
                depends_on=dependencies.get(action.pk, ()),
                threat_keys=action_threats.get(action.pk, ()),
                objective_keys=action_objectives.get(action.pk, ()),
                indicators=action.indicators,
                risks=action.risks,
                status_as_of=action.status_as_of,
                future_status_on=action.future_status_on,
            )
            for action in in_order(actions)
        ),
    )


def read_country_plans(country, user=None, today: date | None = None) -> tuple[list[NationalDocument], PlanContent]:
    """Every national framework document of ``country`` (in the model's order) and their content, actions with
    their status on ``today`` (default: the current day)."""
    documents = list(_rows(NationalDocument, user).filter(country=country).select_related('country'))
    return documents, _read(documents, user, today)


def read_document_plan(document: NationalDocument, user=None, today: date | None = None) -> PlanContent:
    """The content ``check_plan`` needs for ``document``: its chain and the documents implementing it, and the
    actions of any other document of its country an action may depend on. A country has few documents, so all
    of them are read: a document's findings are the same whether it is checked alone or with its country."""
    return read_country_plans(document.country_id, user, today)[1]


def country_findings(country, today: date, user=None, **options) -> list[dict]:
    """``{'document': NationalDocument, 'findings': [Finding, ...], 'groups': [FindingGroup, ...]}`` for each
    national framework document of ``country``, in the model's order; ``options`` go to ``check_plan``."""
    documents, content = read_country_plans(country, user, today)
    results = []
    for document in documents:
        findings = check_plan(content, key_of(document), today, **options)
        results.append(
            {'document': document, 'findings': findings, 'groups': group_findings(content, key_of(document), findings)}
        )
    return results


def document_findings(document: NationalDocument, today: date, user=None, **options) -> list[Finding]:
    """The findings of ``check_plan`` for one document."""
    return check_plan(read_document_plan(document, user, today), key_of(document), today, **options)


def document_groups(document: NationalDocument, today: date, user=None, **options) -> list[FindingGroup]:
    """The findings of ``check_plan`` for one document, grouped by the record they are about (``group_findings``)."""
    content = read_document_plan(document, user, today)
    return group_findings(content, key_of(document), check_plan(content, key_of(document), today, **options))
