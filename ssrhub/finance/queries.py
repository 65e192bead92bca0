"""Read what the funding calculation needs from the database: a plan's actions, the activities linked to them with
their transactions, and the exchange rates; turn them into ``funding.py``'s dataclasses.

Activities, their transactions and their links to plan actions are coordination's records (``Activity``,
``Transaction``, ``ActivityLink``). Activities are known to the calculation by their IATI identifier, which
transactions use to name the provider and receiver activities.
"""

from django.db.models import Max, Prefetch

from ssrhub.coordination.models import Activity as ActivityRecord
from ssrhub.coordination.models import ActivityLink, ParticipatingOrganisation
from ssrhub.coordination.models import Transaction as TransactionRecord
from ssrhub.countries.models import Action, NationalDocument

from .conversion import RateTable
from .funding import Activity, FundingResult, Link, PlanAction, Transaction, compute_funding
from .models import DuplicationReview, ExchangeRate

__all__ = ['activity_inputs', 'plan_actions', 'plan_funding', 'plan_inputs', 'rate_table', 'reviews_by_pair']


def _readable(model, user):
    """``model``'s rows ``user`` may view; every row for the command line (``user`` None)."""
    return model.objects.all() if user is None else model.objects.restrict(user, 'view')


def rate_table(user) -> RateTable:
    """Every exchange rate the user may view."""
    return RateTable(rate.as_rate() for rate in _readable(ExchangeRate, user).iterator())


def plan_actions(user, document: NationalDocument) -> list[Action]:
    return list(_readable(Action, user).filter(document=document).select_related('pillar').order_by('pk'))


ON_BUDGET = {'yes': True, 'no': False}
FUNDING_ROLE = '1'  # IATI OrganisationRole: funding


def activity_inputs(user, actions: list[Action]) -> tuple[list[Activity], list[Transaction], list[Link]]:
    """The activities linked to ``actions`` that ``user`` may view, their transactions, and every link of these
    activities to a plan action (those of other plans count for the shares)."""
    if not actions:
        return [], [], []
    serving = _readable(ActivityLink, user).filter(kind='action', action__in=actions).values('activity')
    funders = _readable(ParticipatingOrganisation, user).filter(role=FUNDING_ROLE).select_related('organisation')
    money = _readable(TransactionRecord, user).select_related('provider_organisation')
    records = (
        _readable(ActivityRecord, user)
        .filter(pk__in=serving)
        .select_related('reporting_organisation')
        .prefetch_related(Prefetch('participants', funders, 'funders'), Prefetch('transactions', money, 'money'))
        .annotate(parts_updated=Max('transactions__last_updated'))
    )
    activities, transactions, keys = [], [], {}
    for record in records:
        key = keys[record.pk] = record.iati_identifier
        activities.append(
            Activity(
                id=key,
                label=str(record),
                reporting_org=str(record.reporting_organisation) if record.reporting_organisation_id else '',
                funding_orgs=tuple(
                    str(funder.organisation) if funder.organisation_id else funder.name
                    for funder in record.funders
                    if funder.organisation_id or funder.name
                ),
                start=record.start,
                end=record.end,
                on_budget=ON_BUDGET.get(record.on_budget),
                version=f'{record.last_updated.isoformat()}|{record.parts_updated}|{len(record.money)}',
            )
        )
        transactions += [
            Transaction(
                id=str(item.pk),
                activity_id=key,
                type=item.type,
                value=item.value,
                currency=item.currency or record.default_currency or 'USD',
                value_date=item.value_date,
                provider_org=item.provider,
                provider_activity_id=item.provider_activity_identifier,
                receiver_activity_id=item.receiver_activity_identifier,
            )
            for item in record.money
        ]
    links = [
        Link(str(link.action_id), keys[link.activity_id], link.share)
        for link in _readable(ActivityLink, user).filter(kind='action', activity__in=list(keys))
    ]
    return activities, transactions, links


def plan_inputs(
    user, document: NationalDocument
) -> tuple[list[PlanAction], list[Activity], list[Transaction], list[Link], dict[str, Action]]:
    """The plan's actions as ``PlanAction`` (a cost is converted on the action's start, else on the plan's adoption),
    and the activities, transactions and links that serve them."""
    actions = plan_actions(user, document)
    records = {str(action.pk): action for action in actions}
    plan = [
        PlanAction(
            id=str(action.pk),
            label=str(action),
            cost=action.cost,
            currency=action.currency,
            pillar=str(action.pillar) if action.pillar else '',
            start=action.start,
            end=action.end,
            cost_date=action.start or document.adopted,
        )
        for action in actions
    ]
    return plan, *activity_inputs(user, actions), records


def plan_funding(user, document: NationalDocument, currency: str = 'USD') -> tuple[FundingResult, dict[str, Action]]:
    """The funding of ``document``'s actions in ``currency``, and the action records by the ids the result uses."""
    actions, activities, transactions, links, records = plan_inputs(user, document)
    result = compute_funding(actions, activities, transactions, links, rate_table(user), currency)
    return result, records


def reviews_by_pair(user, document: NationalDocument) -> dict[tuple[str, str], DuplicationReview]:
    """The duplication reviews of the plan's actions, by (action id, activities)."""
    reviews = _readable(DuplicationReview, user).filter(action__document=document)
    return {(str(review.action_id), review.activities): review for review in reviews}
