"""Money against a national plan: costs, commitments, disbursements and spending per action, pillar and partner, in
one currency, with the financing gap, unfunded actions, possible duplication, on- and off-budget support and funding
by year.

Plain Python: the Django layer (``finance/queries.py``) turns records into the dataclasses below, and the pages turn
the codes of ``notes`` into sentences. Amounts are exact fractions; a converted amount is kept to a millionth of a
unit of the target currency, and nothing else is rounded here.

How the money is counted:

* Commitments are IATI transactions of type 2, disbursements type 3, expenditure type 4. Other types (incoming funds,
  incoming commitments, loans, reimbursements) are not counted.
* The boundary is the set of activities given (those linked to the plan's actions). A transaction of one of these
  activities whose receiver activity is another activity of the set is a transfer inside the boundary: it is left
  out, because the receiving activity reports the same money as its own commitments, disbursements and spending
  (counted once, where it is spent). Incoming funds from an activity of the set are internal as well. Money from
  outside the set enters through the commitments and disbursements of the activities of the set.
* An activity linked to an action with a share (a percentage) gives that share of its money to the action; the
  links of an activity without shares split what the shared ones leave equally (all of it when none has a share), and
  the result says so. Shares above 100 % in all are scaled down to 100 % and said; a share under 100 % in all, or
  a link to an action of another plan, leaves that part to work outside the plan (``outside_plan``).
* A transaction or a cost in a currency without a rate on its value date (a cost's date is the action's start, or
  the plan's date) is left out of every total and listed in ``missing_rates`` or ``costs_without_rate``.
* The gap of an action is its cost less its commitments, never negative; commitments above the cost are
  ``over_committed``. The gap of a pillar, a partner's share or the plan is the sum of its actions' gaps: money
  over-committed to one action does not fill another's gap.
* Possible duplication: two activities linked to the same action, funded by different partners (the funding
  organisations of each, or its reporting organisation), whose periods overlap, and neither funding the other.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from hashlib import sha256

from .conversion import Conversion, Rate, RateTable, to_fraction

__all__ = [
    'COMMITMENT',
    'COUNTED_TYPES',
    'DISBURSEMENT',
    'EXPENDITURE',
    'INCOMING_TYPES',
    'Activity',
    'Amounts',
    'Duplication',
    'FundingResult',
    'Link',
    'MissingRate',
    'PlanAction',
    'Transaction',
    'Transfer',
    'compute_funding',
    'overlapping_pairs',
    'pair_fingerprint',
]

COMMITMENT, DISBURSEMENT, EXPENDITURE = '2', '3', '4'
COUNTED_TYPES = {COMMITMENT: 'committed', DISBURSEMENT: 'disbursed', EXPENDITURE: 'spent'}
INCOMING_TYPES = frozenset({'1', '11'})  # incoming funds, incoming commitment
HUNDRED = Fraction(100)
# Converted amounts are kept in whole millionths of a unit: sums stay exact and fast.
MICRO = 10**6


def _rounded(numerator: int, denominator: int) -> int:
    """``round(Fraction(numerator, denominator))`` (half to even) in integers: no fraction built per transaction."""
    floor, remainder = divmod(numerator, denominator)
    if 2 * remainder < denominator or (2 * remainder == denominator and floor % 2 == 0):
        return floor
    return floor + 1


def _micro(value: Fraction) -> Fraction:
    return Fraction(round(value * MICRO), MICRO)


# Section: input


@dataclass(frozen=True)
class PlanAction:
    """An action of the plan: ``cost`` in ``currency`` (None when not costed), converted on ``cost_date``."""

    id: str
    label: str = ''
    cost: object = None
    currency: str = 'USD'
    pillar: str = ''
    start: datetime.date | None = None
    end: datetime.date | None = None
    cost_date: datetime.date | None = None


@dataclass(frozen=True)
class Activity:
    """An activity of a partner; ``version`` changes whenever the activity does (it keys duplication reviews)."""

    id: str
    label: str = ''
    reporting_org: str = ''
    funding_orgs: tuple[str, ...] = ()
    start: datetime.date | None = None
    end: datetime.date | None = None
    on_budget: bool | None = None
    version: str = ''

    @property
    def partners(self) -> tuple[str, ...]:
        """Who funds it: its funding organisations, else its reporting organisation."""
        return tuple(sorted(set(self.funding_orgs))) or ((self.reporting_org,) if self.reporting_org else ())


@dataclass(frozen=True)
class Transaction:
    """An IATI transaction: ``type`` is the TransactionType code (2 commitment, 3 disbursement, 4 expenditure)."""

    id: str
    activity_id: str
    type: str
    value: object
    currency: str
    value_date: datetime.date
    provider_org: str = ''
    provider_activity_id: str = ''
    receiver_activity_id: str = ''


@dataclass(frozen=True)
class Link:
    """``activity_id`` serves ``action_id``; ``share`` is the percentage of the activity's money given to it."""

    action_id: str
    activity_id: str
    share: object = None


# Section: output


@dataclass
class Amounts:
    """Cost and money in the target currency; ``gap`` and ``over_committed`` are sums over actions."""

    cost: Fraction = Fraction(0)
    committed: Fraction = Fraction(0)
    disbursed: Fraction = Fraction(0)
    spent: Fraction = Fraction(0)
    gap: Fraction = Fraction(0)
    over_committed: Fraction = Fraction(0)

    def add(self, other: 'Amounts') -> None:
        for name in ('cost', 'committed', 'disbursed', 'spent', 'gap', 'over_committed'):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class MissingRate:
    """A transaction left out: no rate for ``currencies`` on its value date."""

    transaction_id: str
    activity_id: str
    value: Fraction
    currency: str
    value_date: datetime.date
    currencies: tuple[str, ...]


@dataclass(frozen=True)
class Transfer:
    """A transaction inside the boundary, left out so that its money is counted once."""

    transaction_id: str
    from_activity: str
    to_activity: str
    type: str
    value: Fraction
    currency: str


@dataclass(frozen=True)
class Duplication:
    """Two activities of different partners on one action whose periods overlap; ``fingerprint`` changes when
    either activity does."""

    action_id: str
    activities: tuple[str, str]
    partners: tuple[tuple[str, ...], tuple[str, ...]]
    overlap_start: datetime.date
    overlap_end: datetime.date
    fingerprint: str


@dataclass
class FundingResult:
    """Everything the funding page, the API and ``ssrhub funding gap`` show. ``notes`` are (code, params)."""

    currency: str
    total: Amounts = field(default_factory=Amounts)
    actions: dict[str, Amounts] = field(default_factory=dict)
    pillars: dict[str, Amounts] = field(default_factory=dict)
    partners: dict[str, Amounts] = field(default_factory=dict)
    budget: dict[str, Amounts] = field(default_factory=dict)  # 'on', 'off', 'unknown'
    years: dict[int, Amounts] = field(default_factory=dict)
    unfunded: list[str] = field(default_factory=list)
    duplications: list[Duplication] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    missing_rates: list[MissingRate] = field(default_factory=list)
    costs_without_rate: list[str] = field(default_factory=list)
    uncosted: list[str] = field(default_factory=list)
    equal_splits: dict[str, tuple[str, ...]] = field(default_factory=dict)
    scaled_shares: dict[str, Fraction] = field(default_factory=dict)
    outside_plan: Fraction = Fraction(0)
    counted: Fraction = Fraction(0)  # every counted transaction, converted, before shares
    rates: list[Rate] = field(default_factory=list)

    @property
    def missing_by_currency(self) -> dict[str, tuple[int, Fraction]]:
        """Per original currency: how many transactions have no rate on their value date, and their sum."""
        summary: dict[str, tuple[int, Fraction]] = {}
        for missing in self.missing_rates:
            count, total = summary.get(missing.currency, (0, Fraction(0)))
            summary[missing.currency] = (count + 1, total + missing.value)
        return dict(sorted(summary.items()))


# Section: calculation


def pair_fingerprint(first: Activity, second: Activity) -> str:
    """A digest of the two activities' versions: a dismissal holds while it is unchanged."""
    a, b = sorted((first, second), key=lambda activity: activity.id)
    text = '\x1f'.join((a.id, a.version, b.id, b.version))
    return sha256(text.encode('utf-8')).hexdigest()[:32]


def _shares(links: list[Link], result: FundingResult) -> dict[tuple[str, str], Fraction]:
    """(action id, activity id) -> the fraction of the activity's money the action receives."""
    by_activity: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        by_activity[link.activity_id].append(link)
    shares = {}
    for activity_id, own in sorted(by_activity.items()):
        own = sorted(own, key=lambda link: link.action_id)
        given = {link.action_id: to_fraction(link.share) / HUNDRED for link in own if link.share is not None}
        total = sum(given.values(), Fraction(0))
        if total > 1:
            result.scaled_shares[activity_id] = total * HUNDRED
            given = {action: share / total for action, share in given.items()}
            total = Fraction(1)
        open_links = [link.action_id for link in own if link.share is None]
        if open_links:
            each = (1 - total) / len(open_links)
            given.update(dict.fromkeys(open_links, each))
            if len(open_links) > 1:
                result.equal_splits[activity_id] = tuple(open_links)
        for action_id, share in given.items():
            shares[(action_id, activity_id)] = share
    return shares


def overlapping_pairs(
    activities: Iterable[Activity],
) -> list[tuple[Activity, Activity, tuple[datetime.date, datetime.date]]]:
    """The pairs of ``activities`` with no partner in common whose periods overlap, each as (first, second, (overlap
    start, overlap end)) with the first's id before the second's, sorted by ids; activities without a partner or a
    whole period are left out.

    A sweep over the periods sorted by start: each activity is compared only with those still running on its first
    day, so the work grows with the number of overlapping pairs, not with the square of the activities.
    """
    dated = sorted(
        (
            activity
            for activity in activities
            if activity.partners
            and activity.start is not None
            and activity.end is not None
            and activity.start <= activity.end
        ),
        key=lambda activity: (activity.start, activity.id),
    )
    pairs = []
    running: list[tuple[Activity, frozenset[str]]] = []
    for activity in dated:
        partners = frozenset(activity.partners)
        running = [(other, funders) for other, funders in running if other.end >= activity.start]
        for other, funders in running:
            if not funders & partners:
                first, second = sorted((other, activity), key=lambda item: item.id)
                pairs.append((first, second, (activity.start, min(other.end, activity.end))))
        running.append((activity, partners))
    pairs.sort(key=lambda pair: (pair[0].id, pair[1].id))
    return pairs


def compute_funding(
    actions: Iterable[PlanAction],
    activities: Iterable[Activity],
    transactions: Iterable[Transaction],
    links: Iterable[Link],
    rates: RateTable,
    currency: str = 'USD',
) -> FundingResult:
    """The plan's funding in ``currency``; see the module's docstring for what is counted and how."""
    actions = sorted(actions, key=lambda action: action.id)
    activities = {activity.id: activity for activity in activities}
    action_ids = {action.id for action in actions}
    # Every link of the activities counts for their shares, those to actions of other plans too.
    links = sorted(
        {(link.action_id, link.activity_id): link for link in links if link.activity_id in activities}.values(),
        key=lambda link: (link.action_id, link.activity_id),
    )
    transactions = sorted(transactions, key=lambda transaction: (transaction.activity_id, transaction.id))
    result = FundingResult(currency=currency.upper())
    used_rates: set[Rate] = set()

    # Costs
    for action in actions:
        amounts = result.actions[action.id] = Amounts()
        if action.cost is None:
            result.uncosted.append(action.id)
            continue
        day = action.cost_date or action.start
        conversion = rates.convert(action.cost, action.currency, day, currency) if day else None
        if conversion is None or not conversion.ok:
            if conversion is None and action.currency.upper() == result.currency:
                amounts.cost = to_fraction(action.cost)
            else:
                result.costs_without_rate.append(action.id)
            continue
        used_rates.update(conversion.rates)
        amounts.cost = _micro(conversion.value)

    # Transactions: internal transfers out, rates in
    # activity -> (kind, year, partner, budget) -> whole millionths of the target currency
    sums: dict[str, dict[tuple, int]] = defaultdict(lambda: defaultdict(int))
    counted = 0
    money_between: set[frozenset[str]] = set()
    factors: dict[tuple[str, datetime.date], Conversion] = {}
    first_partner = {key: next(iter(activity.partners), '') for key, activity in activities.items()}
    funded_raw: set[str] = set()
    for transaction in transactions:
        if transaction.activity_id not in activities:
            continue
        value = to_fraction(transaction.value)
        receiver, provider = transaction.receiver_activity_id, transaction.provider_activity_id
        internal_out = receiver and receiver != transaction.activity_id and receiver in activities
        internal_in = transaction.type in INCOMING_TYPES and provider in activities
        if internal_out or internal_in:
            source, target = (
                (transaction.activity_id, receiver) if internal_out else (provider, transaction.activity_id)
            )
            money_between.add(frozenset((source, target)))
            result.transfers.append(
                Transfer(transaction.id, source, target, transaction.type, value, transaction.currency.upper())
            )
            continue
        if transaction.type not in COUNTED_TYPES:
            continue
        if transaction.type in (COMMITMENT, DISBURSEMENT) and value > 0:
            funded_raw.add(transaction.activity_id)
        # One conversion of a unit per currency and value date: the factor is exact, so the value times it is
        # the value converted.
        factor_key = (transaction.currency, transaction.value_date)
        if (conversion := factors.get(factor_key)) is None:
            conversion = factors[factor_key] = rates.convert(1, transaction.currency, transaction.value_date, currency)
        if not conversion.ok:
            result.missing_rates.append(
                MissingRate(
                    transaction.id,
                    transaction.activity_id,
                    value,
                    transaction.currency.upper(),
                    transaction.value_date,
                    conversion.missing,
                )
            )
            continue
        used_rates.update(conversion.rates)
        activity = activities[transaction.activity_id]
        partner = transaction.provider_org or first_partner[activity.id]
        budget = {True: 'on', False: 'off'}.get(activity.on_budget, 'unknown')
        key = (COUNTED_TYPES[transaction.type], transaction.value_date.year, partner, budget)
        micros = _rounded(
            value.numerator * conversion.value.numerator * MICRO, value.denominator * conversion.value.denominator
        )
        sums[activity.id][key] += micros
        counted += micros
    result.counted = Fraction(counted, MICRO)

    # Attribution to actions, pillars, partners, budget, years
    shares = _shares(links, result)
    by_activity: dict[str, list[tuple[str, Fraction]]] = defaultdict(list)
    for (action_id, activity_id), share in sorted(shares.items()):
        if action_id in action_ids:
            by_activity[activity_id].append((action_id, share))
    # An activity's money goes to each action by its share; its breakdown by partner, budget and year by the sum of
    # its shares in this plan. Whole millionths are added up per bucket and share, and multiplied once at the end:
    # the same exact sums with a few fractions instead of one per activity.
    # Shares are keyed by (numerator, denominator): hashing a fraction costs more than the sum it keys.
    shared: dict[tuple[int, str], dict[tuple[int, int], int]] = defaultdict(lambda: defaultdict(int))
    outside: dict[tuple[int, int], int] = defaultdict(int)
    for activity_id, breakdown in sorted(sums.items()):
        by_kind: dict[str, int] = defaultdict(int)
        for (kind, _year, _partner, _budget), micros in breakdown.items():
            by_kind[kind] += micros
        weight = Fraction(0)
        for action_id, share in by_activity.get(activity_id, ()):
            weight += share
            bucket = result.actions[action_id]
            for kind, micros in by_kind.items():
                shared[(id(bucket), kind)][share.as_integer_ratio()] += micros
        outside[(1 - weight).as_integer_ratio()] += sum(by_kind.values())
        if not weight:
            continue
        weight_key = weight.as_integer_ratio()
        for (kind, year, partner, budget), micros in breakdown.items():
            for bucket in (
                result.partners.setdefault(partner, Amounts()),
                result.budget.setdefault(budget, Amounts()),
                result.years.setdefault(year, Amounts()),
            ):
                shared[(id(bucket), kind)][weight_key] += micros
    buckets = {
        id(bucket): bucket
        for group in (result.actions, result.partners, result.budget, result.years)
        for bucket in group.values()
    }
    for (key, kind), by_share in shared.items():
        bucket = buckets[key]
        total = sum((Fraction(micros * n, MICRO * d) for (n, d), micros in by_share.items()), Fraction(0))
        setattr(bucket, kind, getattr(bucket, kind) + total)
    result.outside_plan = sum((Fraction(micros * n, MICRO * d) for (n, d), micros in outside.items()), Fraction(0))
    for action in actions:
        amounts = result.actions[action.id]
        for bucket in (result.pillars.setdefault(action.pillar, Amounts()), result.total):
            for kind in COUNTED_TYPES.values():
                setattr(bucket, kind, getattr(bucket, kind) + getattr(amounts, kind))

    # Gaps, summed from the actions up
    for action in actions:
        amounts = result.actions[action.id]
        result.pillars.setdefault(action.pillar, Amounts())
        if action.id in result.uncosted or action.id in result.costs_without_rate:
            continue
        amounts.gap = max(amounts.cost - amounts.committed, Fraction(0))
        amounts.over_committed = max(amounts.committed - amounts.cost, Fraction(0))
        for bucket in (result.pillars[action.pillar], result.total):
            bucket.cost += amounts.cost
            bucket.gap += amounts.gap
            bucket.over_committed += amounts.over_committed

    # Actions without a funded activity
    linked: dict[str, list[str]] = defaultdict(list)
    for link in links:
        if link.action_id in action_ids and shares.get((link.action_id, link.activity_id), Fraction(0)) > 0:
            linked[link.action_id].append(link.activity_id)
    result.unfunded = [
        action.id for action in actions if not any(activity in funded_raw for activity in linked[action.id])
    ]

    # Possible duplication
    for action in actions:
        candidates = [activities[key] for key in sorted(set(linked[action.id]))]
        for first, second, overlap in overlapping_pairs(candidates):
            if frozenset((first.id, second.id)) not in money_between:
                result.duplications.append(
                    Duplication(
                        action.id,
                        (first.id, second.id),
                        (first.partners, second.partners),
                        *overlap,
                        pair_fingerprint(first, second),
                    )
                )

    result.pillars = dict(sorted(result.pillars.items()))
    result.partners = dict(sorted(result.partners.items()))
    result.years = dict(sorted(result.years.items()))
    result.budget = {key: result.budget[key] for key in ('on', 'off', 'unknown') if key in result.budget}
    result.rates = sorted(used_rates)
    return result
