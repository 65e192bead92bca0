"""One activity as plain data: what the reader produces, the store writes, and the writer serialises, so that an
import and an export read and write the same shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

__all__ = [
    'ActivityRecord',
    'BudgetRecord',
    'DimensionValue',
    'IndicatorRecord',
    'LocationRecord',
    'OrgRef',
    'ParticipantRecord',
    'PeriodRecord',
    'PolicyMarkerRecord',
    'RecipientCountryRecord',
    'ResultRecord',
    'SectorRecord',
    'TransactionRecord',
]


@dataclass
class OrgRef:
    """An organisation as IATI names it: its identifier (``ref``), type and narrative name."""

    ref: str = ''
    name: str = ''
    type: str = ''


@dataclass
class ParticipantRecord:
    org: OrgRef
    role: str
    activity_id: str = ''


@dataclass
class RecipientCountryRecord:
    code: str  # ISO 3166-1 alpha-2, as IATI uses
    percentage: Decimal | None = None


@dataclass
class SectorRecord:
    vocabulary: str
    code: str
    percentage: Decimal | None = None
    name: str = ''


@dataclass
class PolicyMarkerRecord:
    vocabulary: str
    code: str
    significance: str = ''
    name: str = ''


@dataclass
class LocationRecord:
    name: str = ''
    pcode: str = ''
    latitude: Decimal | None = None
    longitude: Decimal | None = None


@dataclass
class BudgetRecord:
    type: str
    status: str
    period_start: date
    period_end: date
    value: Decimal
    currency: str
    value_date: date


@dataclass
class TransactionRecord:
    type: str
    date: date
    value: Decimal
    currency: str
    value_date: date
    ref: str = ''
    description: str = ''
    provider: OrgRef | None = None
    provider_activity_id: str = ''
    receiver: OrgRef | None = None
    receiver_activity_id: str = ''
    line: int | None = None


@dataclass
class DimensionValue:
    """A period's target or actual for one category of a dimension (IATI's ``<dimension name="sex"
    value="female">``), beside the period's total."""

    name: str
    category: str
    value: str


@dataclass
class PeriodRecord:
    period_start: date
    period_end: date
    target: str = ''
    actual: str = ''
    comment: str = ''
    target_dimensions: list[DimensionValue] = field(default_factory=list)
    actual_dimensions: list[DimensionValue] = field(default_factory=list)


@dataclass
class IndicatorRecord:
    measure: str
    title: str
    ascending: bool = True
    baseline_year: int | None = None
    baseline_value: str = ''
    baseline_comment: str = ''
    periods: list[PeriodRecord] = field(default_factory=list)


@dataclass
class ResultRecord:
    type: str
    title: str
    description: str = ''
    indicators: list[IndicatorRecord] = field(default_factory=list)


@dataclass
class ActivityRecord:
    """An IATI activity with every part ssrhub keeps. ``line`` is where it starts in its file."""

    identifier: str
    reporting_org: OrgRef
    title: str
    title_fr: str = ''
    description: str = ''
    description_fr: str = ''
    language: str = ''
    description_language: str = ''  # when not the activity's
    status: str = ''
    planned_start: date | None = None
    actual_start: date | None = None
    planned_end: date | None = None
    actual_end: date | None = None
    humanitarian: bool = False
    default_currency: str = ''
    default_flow_type: str = ''
    default_finance_type: str = ''
    default_aid_type: str = ''
    default_tied_status: str = ''
    last_updated: datetime | None = None
    on_budget: str = 'unknown'
    recipient_countries: list[RecipientCountryRecord] = field(default_factory=list)
    participants: list[ParticipantRecord] = field(default_factory=list)
    sectors: list[SectorRecord] = field(default_factory=list)
    policy_markers: list[PolicyMarkerRecord] = field(default_factory=list)
    locations: list[LocationRecord] = field(default_factory=list)
    budgets: list[BudgetRecord] = field(default_factory=list)
    transactions: list[TransactionRecord] = field(default_factory=list)
    results: list[ResultRecord] = field(default_factory=list)
    line: int | None = None

    @property
    def start(self) -> date | None:
        return self.actual_start or self.planned_start
