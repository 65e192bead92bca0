"""Reading national framework documents with their threats, objectives and actions out of the database, for the
plan checks of ``plans.py``.

A fixed number of queries whatever the size of the plans (eight): the documents, the threats, the objectives, the
actions with their owner and latest status update, and one query per many-to-many table. Keys are
``document:<id>``, ``threat:<id>``, ``objective:<id>`` and ``action:<id>``.

Given a ``user``, only what the user may view is read (through ``restrict()``), links to what is left out included;
without one (the ``plans`` command), everything is.
"""

import re
from collections import defaultdict
from datetime import date

from django.db.models import Max

from .models import Action, NationalDocument, Objective, Threat
from .plans import Finding, PlanAction, PlanContent, PlanDocument, PlanObjective, PlanThreat, check_plan

__all__ = [
    'country_findings',
    'document_findings',
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
        title=document.title,
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


def _read(documents: list[NationalDocument], user=None) -> PlanContent:
    ids = [document.pk for document in documents]
    threats = list(_rows(Threat, user).filter(document_id__in=ids))
    objectives = list(_rows(Objective, user).filter(document_id__in=ids))
    actions = list(
        _rows(Action, user)
        .filter(document_id__in=ids)
        .select_related('owner')
        .annotate(status_as_of=Max('status_updates__date'))
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
                status=action.status,
                depends_on=dependencies.get(action.pk, ()),
                threat_keys=action_threats.get(action.pk, ()),
                objective_keys=action_objectives.get(action.pk, ()),
                indicators=action.indicators,
                risks=action.risks,
                status_as_of=action.status_as_of,
            )
            for action in in_order(actions)
        ),
    )


def read_country_plans(country, user=None) -> tuple[list[NationalDocument], PlanContent]:
    """Every national framework document of ``country`` (in the model's order) and their content."""
    documents = list(_rows(NationalDocument, user).filter(country=country))
    return documents, _read(documents, user)


def read_document_plan(document: NationalDocument, user=None) -> PlanContent:
    """The content ``check_plan`` needs for ``document``: its chain and the documents implementing it, and the
    actions of any other document of its country an action may depend on. A country has few documents, so all
    of them are read: a document's findings are the same whether it is checked alone or with its country."""
    return read_country_plans(document.country_id, user)[1]


def country_findings(country, today: date, user=None, **options) -> list[dict]:
    """``{'document': NationalDocument, 'findings': [Finding, ...]}`` for each national framework document of
    ``country``, in the model's order; ``options`` go to ``check_plan``."""
    documents, content = read_country_plans(country, user)
    return [
        {'document': document, 'findings': check_plan(content, key_of(document), today, **options)}
        for document in documents
    ]


def document_findings(document: NationalDocument, today: date, user=None, **options) -> list[Finding]:
    """The findings of ``check_plan`` for one document."""
    return check_plan(read_document_plan(document, user), key_of(document), today, **options)
