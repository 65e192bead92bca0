"""Read what the funding calculation needs from the database: a plan's actions, the activities linked to them with
their transactions, and the exchange rates; turn them into ``funding.py``'s dataclasses.

Activities, their transactions and their links to plan actions are coordination's records (``Activity``,
``Transaction``, ``ActivityLink``). Activities are known to the calculation by their IATI identifier, which
transactions use to name the provider and receiver activities.
"""

from collections import Counter, defaultdict
from types import SimpleNamespace

from django.core.cache import cache
from django.db.models import Max
from django.utils.translation import get_language

from ssrhub.coordination.models import Activity as ActivityRecord
from ssrhub.coordination.models import ActivityLink, Organisation, ParticipatingOrganisation
from ssrhub.coordination.models import Transaction as TransactionRecord
from ssrhub.core import kept
from ssrhub.core.i18n import translated
from ssrhub.core.kept import data_version
from ssrhub.countries.models import Action, NationalDocument, Pillar

from .conversion import RateTable
from .funding import Activity, FundingResult, Link, PlanAction, Transaction, compute_funding
from .models import DuplicationReview, ExchangeRate

__all__ = [
    'activity_inputs',
    'funding_version',
    'partner_names',
    'plan_actions',
    'plan_funding',
    'kept_readers',
    'plan_inputs',
    'rate_table',
    'reader_key',
    'reviews_by_pair',
]

# What the funding of a plan is calculated from. Every one is audited, so that any write to one (a deletion too)
# adds a history row: the newest history row of each says whether a stored result still holds.
FUNDING_SOURCES = (
    NationalDocument, Pillar, Action, ActivityRecord, ParticipatingOrganisation, TransactionRecord, ActivityLink,
    Organisation, ExchangeRate,
)  # fmt: skip
FUNDING_CACHE_SECONDS = 60 * 60


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
    activities to a plan action (those of other plans count for the shares).

    Only the columns the calculation needs are read (a plan may have ten thousand activities): four queries for
    the activities, their funding organisations, their transactions and their links, one for the organisations'
    names."""
    if not actions:
        return [], [], []
    serving = _readable(ActivityLink, user).filter(kind='action', action__in=actions).values('activity')
    rows = list(
        _readable(ActivityRecord, user)
        .filter(pk__in=serving)
        .annotate(parts_updated=Max('transactions__last_updated'))
        .order_by('iati_identifier')
        .values_list(
            'pk', 'iati_identifier', 'title', 'title_fr', 'reporting_organisation_id', 'actual_start', 'planned_start',
            'actual_end', 'planned_end', 'on_budget', 'last_updated', 'parts_updated', 'default_currency',
        )
    )  # fmt: skip
    keys = {row[0]: row[1] for row in rows}
    readable = _readable(ActivityRecord, user).filter(pk__in=serving).values('pk')
    funders = defaultdict(list)
    for activity, organisation, name in (
        _readable(ParticipatingOrganisation, user)
        .filter(role=FUNDING_ROLE, activity__in=readable)
        .order_by('activity', 'role', 'pk')
        .values_list('activity_id', 'organisation_id', 'name')
    ):
        if organisation or name:
            funders[activity].append((organisation, name))
    money = list(
        _readable(TransactionRecord, user)
        .filter(activity__in=readable)
        .order_by('activity_id', 'date', 'pk')
        .values_list(
            'pk', 'activity_id', 'type', 'value', 'currency', 'value_date', 'provider_organisation_id',
            'provider_name', 'provider_activity_identifier', 'receiver_activity_identifier',
        )
    )  # fmt: skip
    counts = Counter(row[1] for row in money)
    named = {row[4] for row in rows} | {row[6] for row in money}
    named |= {organisation for parts in funders.values() for organisation, _name in parts}
    organisations = partner_names(Organisation.objects.filter(pk__in=named - {None}))
    activities, currencies = [], {}
    for pk, key, title, title_fr, reporter, actual_start, planned_start, actual_end, planned_end, *rest in rows:
        on_budget, last_updated, parts_updated, default_currency = rest
        currencies[pk] = default_currency or 'USD'
        activities.append(
            Activity(
                id=key,
                label=translated(SimpleNamespace(title=title, title_fr=title_fr), 'title'),
                reporting_org=organisations.get(reporter, ''),
                funding_orgs=tuple(organisations[org] if org else name for org, name in funders[pk]),
                start=actual_start or planned_start,
                end=actual_end or planned_end,
                on_budget=ON_BUDGET.get(on_budget),
                version=f'{last_updated.isoformat()}|{parts_updated}|{counts[pk]}',
            )
        )
    transactions = [
        Transaction(
            id=str(pk),
            activity_id=keys[activity],
            type=kind,
            value=value,
            currency=currency or currencies[activity],
            value_date=value_date,
            provider_org=organisations[provider] if provider else provider_name,
            provider_activity_id=provider_activity,
            receiver_activity_id=receiver,
        )
        for pk, activity, kind, value, currency, value_date, provider, provider_name, provider_activity, receiver in (
            money
        )
    ]
    links = [
        Link(str(action), keys[activity], share)
        for action, activity, share in _readable(ActivityLink, user)
        .filter(kind='action', activity__in=list(keys))
        .values_list('action_id', 'activity_id', 'share')
    ]
    return activities, transactions, links


def partner_names(organisations) -> dict[int, str]:
    """Organisation id -> the name the funding result gives the partner: its name in the reader's language, followed by
    its IATI identifier (else its acronym) when two organisations have the same name, so that they stay two
    partners."""
    found = list(organisations.only('pk', 'name', 'name_fr', 'acronym', 'iati_ref'))
    uses = Counter(organisation.display_name for organisation in found)
    return {
        organisation.pk: organisation.display_name
        if uses[organisation.display_name] == 1
        else f'{organisation.display_name} ({organisation.iati_ref or organisation.acronym or organisation.pk})'
        for organisation in found
    }


def _by_id(actions: list[Action]) -> dict[str, Action]:
    """The action records by the ids the calculation knows them by."""
    return {str(action.pk): action for action in actions}


def plan_inputs(
    user, document: NationalDocument
) -> tuple[list[PlanAction], list[Activity], list[Transaction], list[Link], dict[str, Action]]:
    """The plan's actions as ``PlanAction`` (a cost is converted on the action's start, else on the plan's adoption),
    and the activities, transactions and links that serve them."""
    actions = plan_actions(user, document)
    records = _by_id(actions)
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


def funding_version() -> str:
    """The newest change of every kind of record the funding calculation reads."""
    return data_version(FUNDING_SOURCES)


def reader_key(user) -> str:
    """Which of the records the calculation reads ``user`` sees: readers with the same key share one kept result."""
    return kept.reader_key(user, FUNDING_SOURCES)


# The results readers asked for (plan, currency, language, reader key -> one such reader), the newest last: what
# ``refresh_kept_funding()`` calculates again after a change, so that the next reader finds it kept.
KEPT_READERS = 'ssrhub-plan-funding-readers'
KEPT_READERS_MAX = 64


def kept_readers() -> dict[tuple[int, str, str, str], int]:
    return cache.get(KEPT_READERS) or {}


def _remember_reader(entry: tuple[int, str, str, str], user) -> None:
    readers = kept_readers()
    readers.pop(entry, None)
    readers[entry] = user.pk
    while len(readers) > KEPT_READERS_MAX:
        readers.pop(next(iter(readers)))
    cache.set(KEPT_READERS, readers, None)


def plan_funding(user, document: NationalDocument, currency: str = 'USD') -> tuple[FundingResult, dict[str, Action]]:
    """The funding of ``document``'s actions in ``currency``, and the action records by the ids the result uses.

    For a signed-in user the result is kept (the cache) until any record it is calculated from changes: with ten
    thousand activities the calculation takes seconds, and readers of a plan far outnumber its writers. Where a
    Celery worker runs, a change has the kept results calculated again in the background (``finance/tasks.py``)."""
    if user is None:
        return _calculated(user, document, currency)
    entry = (document.pk, currency, get_language(), reader_key(user))
    key = 'ssrhub-plan-funding:{}:{}:{}:{}'.format(*entry) + f':{funding_version()}'
    result = cache.get(key)
    if result is None:
        result, records = _calculated(user, document, currency)
        cache.set(key, result, FUNDING_CACHE_SECONDS)
        _remember_reader(entry, user)
        return result, records
    return result, _by_id(plan_actions(user, document))


def _calculated(user, document: NationalDocument, currency: str) -> tuple[FundingResult, dict[str, Action]]:
    actions, activities, transactions, links, records = plan_inputs(user, document)
    return compute_funding(actions, activities, transactions, links, rate_table(user), currency), records


def reviews_by_pair(user, document: NationalDocument) -> dict[tuple[str, str], DuplicationReview]:
    """The duplication reviews of the plan's actions, by (action id, activities)."""
    reviews = _readable(DuplicationReview, user).filter(action__document=document)
    return {(str(review.action_id), review.activities): review for review in reviews}
