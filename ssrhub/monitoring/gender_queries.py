"""The gender page's records, read through ``restrict()``: the country's headcounts with the number of women and its
targets for the share of women (countries), its activities' gender marker and money (coordination), and its
frameworks' indicators disaggregated by sex with their latest approved values (``actual_queries``)."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ssrhub.coordination.models import Activity, ActivityPolicyMarker, Transaction
from ssrhub.countries.models import Actor, Headcount, WomenShareTarget
from ssrhub.countries.women_share import Count, YearShare, institution_shares, sector_shares

from .actual_queries import indicator_rollups
from .gender import GENDER_MARKER, ActivityMarker, MarkerRow, marker_summary
from .models import DisaggregationCategory, Indicator, IndicatorPeriod, ResultsFramework
from .report.assemble import COMMITMENT_TYPES, DISBURSEMENT_TYPES
from .values import percent

__all__ = ['SexRow', 'activities_named', 'gender_markers', 'headcount_shares', 'sex_indicators', 'share_targets']

SEX = 'sex'


def headcount_shares(user, country) -> tuple[list[tuple[Actor, list[YearShare]]], list[YearShare], int]:
    """Each institution's share of women by year (institutions by name), the sector-wide share by year, and the
    number of headcounts that give no split (shown, never counted as zero women)."""
    headcounts = list(Headcount.objects.restrict(user, 'view').filter(actor__country=country).select_related('actor'))
    counts = [Count(h.actor_id, h.date, h.count, h.women) for h in headcounts]
    actors = {h.actor_id: h.actor for h in headcounts}
    by_actor = institution_shares(counts)
    institutions = sorted(
        ((actors[key], shares) for key, shares in by_actor.items()), key=lambda item: item[0].display_name
    )
    without_split = sum(1 for h in headcounts if h.women is None)
    return institutions, sector_shares(counts), without_split


def share_targets(user, country) -> list[WomenShareTarget]:
    return list(
        WomenShareTarget.objects.restrict(user, 'view')
        .filter(country=country)
        .select_related('actor')
        .prefetch_related('citations')
        .order_by('actor__name', 'target_date')
    )


def gender_markers(user, country) -> list[MarkerRow]:
    """The country's activities (their ids) per significance of the gender marker (``gender.marker_summary``).

    Three queries whatever the number of activities (Afghanistan's 3W has 10,902): the readable activities are a
    subquery, never a list of ids."""
    readable = Activity.objects.restrict(user, 'view').filter(country=country).values('pk')
    vocabulary, code = GENDER_MARKER
    significance = dict(
        ActivityPolicyMarker.objects.filter(activity__in=readable, vocabulary=vocabulary, code=code).values_list(
            'activity', 'significance'
        )
    )
    transactions = defaultdict(list)
    for activity, kind, currency, value in Transaction.objects.filter(
        activity__in=readable, type__in=(*COMMITMENT_TYPES, *DISBURSEMENT_TYPES)
    ).values_list('activity', 'type', 'currency', 'value'):
        transactions[activity].append((kind, currency, value))
    return marker_summary(
        (
            ActivityMarker(pk, significance.get(pk, ''), tuple(transactions[pk]))
            for pk in readable.order_by('pk').values_list('pk', flat=True)
        ),
        COMMITMENT_TYPES,
        DISBURSEMENT_TYPES,
    )


def activities_named(user, ids) -> list[Activity]:
    """The activities of ``ids`` (a few), in that order, for their titles and links."""
    found = Activity.objects.restrict(user, 'view').in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


@dataclass(frozen=True)
class SexRow:
    """An indicator's latest approved period with values by sex: the values of women, men and the total (a number,
    or a percentage within each group) and the share of women among those counted (``None`` when not given)."""

    indicator: Indicator
    period: IndicatorPeriod | None
    women: Decimal | None
    men: Decimal | None
    total: Decimal | None
    women_share: Decimal | None


def _value(measure) -> Decimal | None:
    if measure is None:
        return None
    return measure.value if measure.value is not None else percent(measure.numerator, measure.denominator)


def sex_indicators(user, country) -> list[tuple[ResultsFramework, list[SexRow]]]:
    """Per framework of the country, its indicators that collect a sex disaggregation, each with its latest period
    holding approved values (only approved reports count: ``actual_queries.indicator_rollups``)."""
    frameworks = list(
        ResultsFramework.objects.restrict(user, 'view').filter(country=country).select_related('plan').order_by('title')
    )
    indicators = list(
        Indicator.objects.restrict(user, 'view')
        .filter(
            result__framework__in=frameworks,
            disaggregation_links__active=True,
            disaggregation_links__type__kind=SEX,
        )
        .select_related('result__framework__country')
        .prefetch_related('disaggregation_links__type')
        .distinct()
        .order_by('result__framework', 'code')
    )
    rollups = indicator_rollups(indicators)
    sex_types = {
        link.type_id
        for indicator in indicators
        for link in indicator.disaggregation_links.all()
        if link.type.kind == SEX
    }
    codes = dict(DisaggregationCategory.objects.filter(type__in=sex_types).values_list('pk', 'code'))
    periods = {
        period.pk: period
        for period in IndicatorPeriod.objects.filter(indicator__in=indicators).only('pk', 'label', 'start', 'end')
    }
    by_framework = defaultdict(list)
    for indicator in indicators:
        latest = next(
            (
                result
                for result in reversed(rollups.get(indicator.pk, []))
                if result.period_value is not None or any(key in sex_types for key in result.categories)
            ),
            None,
        )
        row = SexRow(indicator, None, None, None, None, None)
        if latest is not None:
            by_code, shares = {}, {}
            for type_key in sex_types & set(latest.categories):
                for category, measure in latest.categories[type_key].items():
                    by_code[codes.get(category)] = measure
                    shares[codes.get(category)] = latest.shares.get(type_key, {}).get(category)
            share = shares.get('female')
            row = SexRow(
                indicator,
                periods.get(latest.key),
                _value(by_code.get('female')),
                _value(by_code.get('male')),
                latest.period_value,
                share.quantize(Decimal('0.1')) if share is not None else None,
            )
        by_framework[indicator.result.framework_id].append(row)
    return [(framework, by_framework[framework.pk]) for framework in frameworks if by_framework[framework.pk]]
