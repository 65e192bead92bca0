"""The share of women from headcounts (plain Python, no database)."""

from datetime import date
from decimal import Decimal

from ssrhub.countries.women_share import Count, YearShare, institution_shares, sector_shares, women_share


def test_share_is_women_over_personnel_to_one_decimal():
    assert women_share(17, 100) == Decimal('17.0')
    assert women_share(1, 3) == Decimal('33.3')
    assert women_share(2, 3) == Decimal('66.7')  # rounded half up, not truncated
    assert women_share(0, 250) == Decimal('0.0')


def test_no_split_or_no_personnel_has_no_share():
    assert women_share(None, 4000) is None  # a total without the split is never zero women
    assert women_share(0, 0) is None


def test_an_institution_takes_its_latest_split_of_each_year_and_ignores_totals_alone():
    counts = [
        Count('police', date(2016, 3, 31), 4000, 600),
        Count('police', date(2016, 12, 31), 5000, 850),  # later in the same year: this one counts
        Count('police', date(2017, 12, 31), 5200, None),  # no split: left out, not zero
        Count('army', date(2016, 6, 30), 2000, 60),
    ]
    shares = institution_shares(counts)
    assert shares['police'] == [YearShare(2016, 850, 5000, Decimal('17.0'))]
    assert shares['army'] == [YearShare(2016, 60, 2000, Decimal('3.0'))]


def test_sources_on_the_same_latest_date_are_pooled():
    counts = [Count('police', date(2016, 12, 31), 1000, 100), Count('police', date(2016, 12, 31), 3000, 500)]
    assert institution_shares(counts)['police'] == [YearShare(2016, 600, 4000, Decimal('15.0'))]


def test_the_sector_pools_women_and_personnel_not_the_shares():
    counts = [
        Count('police', date(2016, 12, 31), 5000, 850),
        Count('army', date(2016, 6, 30), 2000, 60),
        Count('police', date(2018, 12, 31), 5000, 1000),
    ]
    # (850 + 60) / 7000 = 13.0 %, not the mean of 17 % and 3 % (10 %)
    assert sector_shares(counts) == [
        YearShare(2016, 910, 7000, Decimal('13.0'), institutions=2),
        YearShare(2018, 1000, 5000, Decimal('20.0'), institutions=1),
    ]


def test_nothing_without_a_split():
    counts = [Count('police', date(2016, 12, 31), 5000, None)]
    assert institution_shares(counts) == {}
    assert sector_shares(counts) == []
