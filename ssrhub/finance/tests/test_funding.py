"""The conversion and the funding calculation (plain Python, no database)."""

import datetime
import time
from decimal import Decimal
from fractions import Fraction
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from ssrhub.core.dates import DAY, MONTH, YEAR
from ssrhub.finance.conversion import Rate, RateTable
from ssrhub.finance.funding import (
    Activity,
    Link,
    PlanAction,
    Transaction,
    _rounded,
    compute_funding,
    overlapping_pairs,
)

D = datetime.date

# IMF-style rates, units per US dollar (EUR monthly averages around 0.92; SEK about 10.5).
RATES = RateTable([
    Rate('EUR', D(2024, 1, 1), YEAR, Decimal('0.9243'), 'IMF annual average 2024'),
    Rate('EUR', D(2024, 3, 1), MONTH, Decimal('0.9240'), 'ECB March 2024'),
    Rate('EUR', D(2024, 3, 15), DAY, Decimal('0.9190'), 'ECB 15 March 2024'),
    Rate('SEK', D(2023, 1, 1), YEAR, Decimal('10.6128'), 'Riksbank 2023'),
    Rate('XOF', D(2024, 1, 1), YEAR, Decimal('606.3'), 'BCEAO 2024'),
])  # fmt: skip


# Section: conversion


def test_the_most_specific_rate_wins():
    assert RATES.find('EUR', D(2024, 3, 15)).precision == DAY
    assert RATES.find('EUR', D(2024, 3, 16)).precision == MONTH
    assert RATES.find('eur', D(2024, 7, 1)).precision == YEAR
    assert RATES.find('EUR', D(2025, 1, 1)) is None


def test_conversion_goes_through_the_dollar_and_lists_its_rates():
    conversion = RATES.convert(Decimal('1000'), 'EUR', D(2024, 3, 20), 'XOF')
    assert conversion.value == Fraction(1000) / Fraction('0.9240') * Fraction('606.3')
    assert [rate.period for rate in conversion.rates] == ['2024-03', '2024']
    assert round(float(conversion.rates[0].usd_per_unit), 4) == 1.0823


def test_no_rate_is_said_not_guessed():
    conversion = RATES.convert(Decimal('5'), 'SEK', D(2024, 1, 2), 'USD')  # the 2023 rate is the nearest: not used
    assert not conversion.ok and conversion.missing == ('SEK',)
    assert RATES.convert(Decimal('5'), 'USD', D(1990, 1, 1)).value == 5


# Section: the calculation on a small plan

ACTIONS = [
    PlanAction('a1', 'Vetting of the police', Decimal('1000000'), 'USD', 'Police', D(2024, 1, 1), D(2025, 12, 31)),
    PlanAction('a2', 'Defence law', Decimal('500000'), 'EUR', 'Defence', D(2024, 3, 15), D(2024, 12, 31)),
    PlanAction('a3', 'Prison registry', Decimal('200000'), 'USD', 'Justice', D(2024, 1, 1), D(2024, 12, 31)),
    PlanAction('a4', 'Oversight committee', None, 'USD', 'Justice'),
]
ACTIVITIES = [
    Activity('X', 'Police support', 'SE-0', ('SE-0',), D(2024, 1, 1), D(2025, 6, 30), True, 'v1'),
    Activity('Y', 'Police vetting', 'XM-DAC-41114', ('US-GOV-1',), D(2024, 6, 1), D(2026, 6, 30), False, 'v1'),
    Activity('Z', 'UNDP implementation', 'XM-DAC-41114', ('SE-0',), D(2024, 1, 1), D(2024, 12, 31), None, 'v1'),
]
TRANSACTIONS = [
    Transaction('t1', 'X', '2', Decimal('600000'), 'USD', D(2024, 2, 1), 'SE-0'),
    Transaction('t2', 'X', '3', Decimal('300000'), 'USD', D(2024, 5, 1), 'SE-0', receiver_activity_id='Z'),
    Transaction('t3', 'Z', '1', Decimal('300000'), 'USD', D(2024, 5, 2), provider_activity_id='X'),
    Transaction('t4', 'Z', '4', Decimal('250000'), 'USD', D(2024, 9, 1)),
    Transaction('t5', 'Y', '2', Decimal('800000'), 'USD', D(2024, 6, 1), 'US-GOV-1'),
    Transaction('t6', 'Y', '3', Decimal('-50000'), 'USD', D(2025, 1, 10), 'US-GOV-1'),  # a correction
    Transaction('t7', 'Y', '3', Decimal('12000000'), 'SEK', D(2024, 7, 1), 'US-GOV-1'),  # no 2024 SEK rate
]
LINKS = [Link('a1', 'X'), Link('a2', 'X'), Link('a1', 'Y', Decimal('75')), Link('a2', 'Z')]


def result(**kwargs):
    return compute_funding(ACTIONS, ACTIVITIES, TRANSACTIONS, LINKS, RATES, **kwargs)


def test_per_action_gap_and_over_commitment():
    funding = result()
    a1, a2 = funding.actions['a1'], funding.actions['a2']
    # a1: half of X's 600,000 and 75 % of Y's 800,000.
    assert a1.committed == 300000 + 600000
    assert a1.gap == 100000 and a1.over_committed == 0
    # a2 costs EUR 500,000 at the day rate of 15 March 2024; it has half of X's commitment.
    assert abs(a2.cost - Fraction(500000) / Fraction('0.9190')) < Fraction(1, 10**6)
    assert a2.committed == 300000 and a2.gap == a2.cost - 300000
    assert funding.actions['a3'].gap == 200000 and funding.unfunded == ['a3', 'a4']
    assert funding.uncosted == ['a4']


def test_transfers_inside_the_set_are_counted_once():
    funding = result()
    assert {transfer.transaction_id for transfer in funding.transfers} == {'t2', 't3'}
    # X's disbursement to Z is left out; Z's spending is counted (a2 receives all of Z).
    assert funding.actions['a2'].disbursed == 0 and funding.actions['a2'].spent == 250000
    # Y's correction is a negative disbursement: it reduces a1's disbursed.
    assert funding.actions['a1'].disbursed == Fraction(-50000) * Fraction(3, 4)


def test_missing_rates_are_listed_not_guessed():
    funding = result()
    assert [missing.transaction_id for missing in funding.missing_rates] == ['t7']
    assert funding.missing_by_currency == {'SEK': (1, Fraction(12000000))}


def test_equal_split_and_remaining_share_are_said():
    funding = result()
    assert funding.equal_splits == {'X': ('a1', 'a2')}
    assert funding.outside_plan == Fraction(800000 - 50000) / 4  # the 25 % of Y no action takes


def test_a_link_to_another_plans_action_takes_its_part_outside():
    links = [Link('a3', 'Z'), Link('other-plan-action', 'Z')]
    funding = compute_funding(ACTIONS, ACTIVITIES[2:], TRANSACTIONS, links, RATES)
    assert funding.actions['a3'].spent == 125000 and funding.outside_plan == 125000
    assert funding.equal_splits == {'Z': ('a3', 'other-plan-action')}


def test_duplication_needs_two_partners_and_an_overlap():
    funding = result()
    [flag] = funding.duplications
    assert flag.action_id == 'a1' and flag.activities == ('X', 'Y')
    assert (flag.overlap_start, flag.overlap_end) == (D(2024, 6, 1), D(2025, 6, 30))
    # X funds Z: the same money, not duplication (and both have Sweden as partner).
    assert all(set(flag.activities) != {'X', 'Z'} for flag in funding.duplications)
    changed = [Activity(**{**vars(ACTIVITIES[1]), 'version': 'v2'}), ACTIVITIES[0], ACTIVITIES[2]]
    again = compute_funding(ACTIONS, changed, TRANSACTIONS, LINKS, RATES).duplications[0]
    assert again.fingerprint != flag.fingerprint


def test_budget_and_years():
    funding = result()
    assert set(funding.budget) == {'on', 'off', 'unknown'}
    assert funding.years[2024].committed == 600000 + 800000 * Fraction(3, 4)
    assert funding.years[2025].disbursed == Fraction(-50000) * Fraction(3, 4)


def test_target_currency_converts_costs_and_money():
    funding = result(currency='EUR')
    assert funding.actions['a2'].cost == 500000
    assert funding.actions['a1'].cost == 924300
    assert {rate.period for rate in funding.rates} == {'2024'}  # EUR needs no rate; USD amounts use the year's


# Section: properties

dates = st.dates(min_value=D(2023, 1, 1), max_value=D(2025, 12, 31))
money = st.decimals(min_value=-1000, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)
rates = RateTable([
    Rate('EUR', D(2023, 1, 1), YEAR, Decimal('0.91'), ''),
    Rate('EUR', D(2024, 1, 1), YEAR, Decimal('0.92'), ''),
    Rate('EUR', D(2024, 6, 1), MONTH, Decimal('0.93'), ''),
    Rate('XOF', D(2024, 1, 1), YEAR, Decimal('600'), ''),
])  # fmt: skip


@st.composite
def plans(draw):
    n_actions = draw(st.integers(1, 5))
    actions = [
        PlanAction(f'a{i}', cost=draw(money.filter(lambda value: value >= 0)), currency='USD', pillar=f'p{i % 2}')
        for i in range(n_actions)
    ]
    n_activities = draw(st.integers(1, 5))
    activities = []
    for i in range(n_activities):
        start = draw(dates)
        end = start + datetime.timedelta(days=draw(st.integers(0, 700)))
        activities.append(Activity(f'x{i}', reporting_org=f'org{i % 3}', start=start, end=end, on_budget=i % 2 == 0))
    ids = [activity.id for activity in activities]
    transactions = [
        Transaction(
            f't{i}',
            draw(st.sampled_from(ids)),
            draw(st.sampled_from(['1', '2', '3', '4', '11'])),
            draw(money),
            draw(st.sampled_from(['USD', 'EUR', 'XOF'])),
            draw(dates),
            receiver_activity_id=draw(st.sampled_from(['', '', *ids])),
            provider_activity_id=draw(st.sampled_from(['', *ids])),
        )
        for i in range(draw(st.integers(0, 12)))
    ]
    # Every activity linked to at least one action, without shares: its money goes entirely to the plan.
    links = [
        Link(action, activity.id)
        for activity in activities
        for action in draw(
            st.lists(st.sampled_from([a.id for a in actions]), min_size=1, max_size=n_actions, unique=True)
        )
    ]
    return actions, activities, transactions, links


@given(plans(), st.randoms(use_true_random=False))
def test_money_is_conserved_and_order_does_not_matter(plan, random):
    actions, activities, transactions, links = plan
    funding = compute_funding(actions, activities, transactions, links, rates)
    attributed = sum(
        (amounts.committed + amounts.disbursed + amounts.spent for amounts in funding.actions.values()), Fraction(0)
    )
    assert attributed == funding.counted and funding.outside_plan == 0
    by_year = sum((a.committed + a.disbursed + a.spent for a in funding.years.values()), Fraction(0))
    assert by_year == funding.counted
    assert all(amounts.gap >= 0 and amounts.over_committed >= 0 for amounts in funding.actions.values())
    assert funding.total.gap == sum((amounts.gap for amounts in funding.pillars.values()), Fraction(0))
    for items in (actions, activities, transactions, links):
        random.shuffle(items)
    assert compute_funding(actions, activities, transactions, links, rates) == funding


@given(money.filter(lambda value: value > 0), dates)
def test_a_flow_between_two_activities_of_the_set_is_counted_once(value, day):
    activities = [Activity('donor', reporting_org='A'), Activity('agency', reporting_org='B')]
    transactions = [
        Transaction('out', 'donor', '3', value, 'USD', day, receiver_activity_id='agency'),
        Transaction('in', 'agency', '1', value, 'USD', day, provider_activity_id='donor'),
        Transaction('spent', 'agency', '4', value, 'USD', day),
    ]
    links = [Link('a', 'donor'), Link('a', 'agency')]
    funding = compute_funding([PlanAction('a', cost=value)], activities, transactions, links, rates)
    assert funding.counted == value
    assert funding.actions['a'].spent == value and funding.actions['a'].disbursed == 0


# Section: the duplication sweep


def pairwise(activities):
    """The duplication search as it was: every pair of activities compared (the reference for the sweep)."""
    dated = sorted(
        (a for a in activities if a.partners and a.start is not None and a.end is not None), key=lambda a: a.id
    )
    pairs = []
    for first, second in combinations(dated, 2):
        start, end = max(first.start, second.start), min(first.end, second.end)
        if start <= end and not set(first.partners) & set(second.partners):
            pairs.append((first.id, second.id, (start, end)))
    return sorted(pairs)


def swept(activities):
    return [(first.id, second.id, overlap) for first, second, overlap in overlapping_pairs(activities)]


days = st.integers(min_value=0, max_value=60).map(lambda n: D(2024, 1, 1) + datetime.timedelta(days=n))
partner_sets = st.lists(st.sampled_from(['SE-0', 'US-GOV-1', 'GB-GOV-1', 'XM-DAC-41114']), max_size=3)
random_activity = st.builds(
    lambda number, reporter, funders, start, end: Activity(
        f'A{number:03d}', reporting_org=reporter, funding_orgs=tuple(funders), start=start, end=end
    ),
    st.integers(min_value=0, max_value=999),
    st.sampled_from(['', 'SE-0', 'US-GOV-1']),
    partner_sets,
    st.none() | days,
    st.none() | days,
)


@given(st.lists(random_activity, max_size=25, unique_by=lambda activity: activity.id))
def test_the_sweep_finds_exactly_the_pairs_of_the_pairwise_search(activities):
    assert swept(activities) == pairwise(activities)


def test_the_sweep_is_not_quadratic_on_periods_that_do_not_overlap():
    def chain(count):
        """``count`` activities of alternating partners, each starting the day after the previous one ends."""
        return [
            Activity(
                f'A{n:06d}',
                reporting_org=('SE-0', 'US-GOV-1')[n % 2],
                start=D(2000, 1, 1) + datetime.timedelta(days=2 * n),
                end=D(2000, 1, 1) + datetime.timedelta(days=2 * n + 1),
            )
            for n in range(count)
        ]

    def seconds(activities):
        began = time.perf_counter()
        assert overlapping_pairs(activities) == []
        return time.perf_counter() - began

    small, large = chain(2_000), chain(20_000)
    seconds(small)
    # Ten times the activities: about ten times the work for a sweep, a hundred times for a pairwise search.
    assert min(seconds(large) for _ in range(3)) < 30 * min(seconds(small) for _ in range(3))
    assert swept(chain(3)[:2] + [Activity('B', reporting_org='GB-GOV-1', start=D(2000, 1, 1), end=D(2000, 1, 3))]) == [
        ('A000000', 'B', (D(2000, 1, 1), D(2000, 1, 2))),
        ('A000001', 'B', (D(2000, 1, 3), D(2000, 1, 3))),
    ]


@given(st.integers(min_value=-(10**15), max_value=10**15), st.integers(min_value=1, max_value=10**9))
def test_money_is_rounded_to_millionths_as_a_fraction_rounds(numerator, denominator):
    assert _rounded(numerator, denominator) == round(Fraction(numerator, denominator))
    assert _rounded(5, 2) == 2 and _rounded(7, 2) == 4 and _rounded(-5, 2) == -2
