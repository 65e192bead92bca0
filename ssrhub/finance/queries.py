"""Read what the funding calculation needs from the database: a plan's actions, the activities linked to them with
their transactions, and the exchange rates; turn them into ``funding.py``'s dataclasses.

Activities come from coordination's activity records, which are being built (issue 12, item 1): until they exist,
the activity set is empty and every costed action shows its whole cost as a gap. ``plan_inputs()`` is the one place to
wire them in.
"""

from ssrhub.countries.models import Action, NationalDocument

from .conversion import RateTable
from .funding import Activity, FundingResult, Link, PlanAction, Transaction, compute_funding
from .models import DuplicationReview, ExchangeRate

__all__ = ['plan_actions', 'plan_funding', 'plan_inputs', 'rate_table', 'reviews_by_pair']


def _readable(model, user):
    """``model``'s rows ``user`` may view; every row for the command line (``user`` None)."""
    return model.objects.all() if user is None else model.objects.restrict(user, 'view')


def rate_table(user) -> RateTable:
    """Every exchange rate the user may view."""
    return RateTable(rate.as_rate() for rate in _readable(ExchangeRate, user).iterator())


def plan_actions(user, document: NationalDocument) -> list[Action]:
    return list(_readable(Action, user).filter(document=document).select_related('pillar').order_by('pk'))


def plan_inputs(
    user, document: NationalDocument
) -> tuple[list[PlanAction], list[Activity], list[Transaction], list[Link], dict[str, Action]]:
    """The plan's actions as ``PlanAction`` (a cost is converted on the action's start, else on the plan's adoption),
    and the activities, transactions and links that serve them (none until coordination stores activities)."""
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
    return plan, [], [], [], records


def plan_funding(user, document: NationalDocument, currency: str = 'USD') -> tuple[FundingResult, dict[str, Action]]:
    """The funding of ``document``'s actions in ``currency``, and the action records by the ids the result uses."""
    actions, activities, transactions, links, records = plan_inputs(user, document)
    result = compute_funding(actions, activities, transactions, links, rate_table(user), currency)
    return result, records


def reviews_by_pair(user, document: NationalDocument) -> dict[tuple[str, str], DuplicationReview]:
    """The duplication reviews of the plan's actions, by (action id, activities)."""
    reviews = _readable(DuplicationReview, user).filter(action__document=document)
    return {(str(review.action_id), review.activities): review for review in reviews}
