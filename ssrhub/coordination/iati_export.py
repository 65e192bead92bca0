"""Activities as IATI 2.03: the stored records turned into ``iati.records`` for ``iati.writer`` (one shape for
import and export), read in batches so a large selection does not sit in memory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import Prefetch

from .iati.records import (
    ActivityRecord,
    BudgetRecord,
    IndicatorRecord,
    LocationRecord,
    OrgRef,
    ParticipantRecord,
    PeriodRecord,
    PolicyMarkerRecord,
    RecipientCountryRecord,
    ResultRecord,
    SectorRecord,
    TransactionRecord,
)
from .iati.writer import write_activities
from .models import Activity, Result, ResultIndicator

__all__ = ['activity_record', 'activity_records', 'export_activities']

BATCH = 200


def _org(organisation, name: str = '', type_: str = '') -> OrgRef | None:
    if organisation is None and not name:
        return None
    if organisation is None:
        return OrgRef(name=name, type=type_)
    return OrgRef(ref=organisation.iati_ref, name=name or organisation.name, type=type_ or organisation.type)


def activity_record(activity: Activity) -> ActivityRecord:
    """The IATI record of a stored activity (its parts prefetched as ``activity_records()`` does)."""
    return ActivityRecord(
        identifier=activity.iati_identifier,
        reporting_org=_org(activity.reporting_organisation),
        title=activity.title,
        title_fr=activity.title_fr,
        description=activity.description,
        description_fr=activity.description_fr,
        language=activity.language,
        description_language=activity.description_language,
        status=activity.status,
        planned_start=activity.planned_start,
        actual_start=activity.actual_start,
        planned_end=activity.planned_end,
        actual_end=activity.actual_end,
        humanitarian=activity.humanitarian,
        default_currency=activity.default_currency,
        default_flow_type=activity.default_flow_type,
        default_finance_type=activity.default_finance_type,
        default_aid_type=activity.default_aid_type,
        default_tied_status=activity.default_tied_status,
        last_updated=activity.last_updated_datetime,
        on_budget=activity.on_budget,
        recipient_countries=[
            RecipientCountryRecord(r.country.iso2, r.percentage) for r in activity.recipient_countries.all()
        ]
        or ([RecipientCountryRecord(activity.country.iso2)] if activity.country_id else []),
        participants=[
            ParticipantRecord(_org(p.organisation, p.name, p.type), p.role, p.activity_identifier)
            for p in activity.participants.all()
        ],
        sectors=[SectorRecord(s.vocabulary, s.code, s.percentage, s.name) for s in activity.sectors.all()],
        policy_markers=[
            PolicyMarkerRecord(m.vocabulary, m.code, m.significance, m.name) for m in activity.policy_markers.all()
        ],
        locations=[
            LocationRecord(
                name=loc.name or (loc.admin_area.name if loc.admin_area_id else ''),
                pcode=loc.admin_area.pcode if loc.admin_area_id else '',
                latitude=loc.latitude,
                longitude=loc.longitude,
            )
            for loc in activity.locations.all()
        ],
        budgets=[
            BudgetRecord(b.type, b.status, b.period_start, b.period_end, b.value, b.currency, b.value_date)
            for b in activity.budgets.all()
        ],
        transactions=[
            TransactionRecord(
                type=t.type,
                date=t.date,
                value=t.value,
                currency=t.currency,
                value_date=t.value_date,
                ref=t.ref,
                description=t.description,
                provider=_org(t.provider_organisation, t.provider_name),
                provider_activity_id=t.provider_activity_identifier,
                receiver=_org(t.receiver_organisation, t.receiver_name),
                receiver_activity_id=t.receiver_activity_identifier,
            )
            for t in activity.transactions.all()
        ],
        results=[
            ResultRecord(
                type=result.type,
                title=result.title,
                description=result.description,
                indicators=[
                    IndicatorRecord(
                        measure=i.measure,
                        title=i.title,
                        ascending=i.ascending,
                        baseline_year=i.baseline_year,
                        baseline_value=i.baseline_value,
                        baseline_comment=i.baseline_comment,
                        periods=[
                            PeriodRecord(p.period_start, p.period_end, p.target, p.actual, p.comment)
                            for p in i.periods.all()
                        ],
                    )
                    for i in result.indicators.all()
                ],
            )
            for result in activity.results.all()
        ],
    )


def activity_records(queryset, limit: int | None = None) -> Iterator[ActivityRecord]:
    """The records of ``queryset``'s activities (the first ``limit`` by identifier), read ``BATCH`` at a time with
    their parts."""
    ids = list(queryset.order_by('iati_identifier').values_list('pk', flat=True).distinct()[:limit])
    for start in range(0, len(ids), BATCH):
        batch = (
            Activity.objects.filter(pk__in=ids[start : start + BATCH])
            .order_by('iati_identifier')
            .select_related('reporting_organisation', 'country')
            .prefetch_related(
                'recipient_countries__country',
                'participants__organisation',
                'sectors',
                'policy_markers',
                'locations__admin_area',
                'budgets',
                'transactions__provider_organisation',
                'transactions__receiver_organisation',
                Prefetch(
                    'results',
                    Result.objects.prefetch_related(
                        Prefetch('indicators', ResultIndicator.objects.prefetch_related('periods'))
                    ),
                ),
            )
        )
        yield from (activity_record(activity) for activity in batch)


def export_activities(queryset, output, limit: int | None = None) -> int:
    """Write ``queryset``'s activities to the binary file ``output`` as IATI 2.03; return how many."""
    records: Iterable[ActivityRecord] = activity_records(queryset, limit)
    return write_activities(records, output)
