"""Coordination: the organisations that support security sector reform, what they do where, and the fora in which
they coordinate. One module per part; every model is importable from here."""

from .activities import (
    Activity,
    ActivityLink,
    ActivityLocation,
    ActivityPolicyMarker,
    ActivitySector,
    ActivityStatus,
    Budget,
    BudgetStatus,
    BudgetType,
    IndicatorMeasure,
    LinkKind,
    OnBudget,
    OrganisationRole,
    Origin,
    ParticipatingOrganisation,
    RecipientCountry,
    Result,
    ResultIndicator,
    ResultPeriod,
    ResultType,
    Transaction,
    TransactionType,
)
from .codelists import Codelist, CodelistItem
from .imports import IatiImport, ImportStatus
from .organisations import Organisation, OrganisationType
from .places import AdminArea

__all__ = [
    'Activity',
    'ActivityLink',
    'ActivityLocation',
    'ActivityPolicyMarker',
    'ActivitySector',
    'ActivityStatus',
    'AdminArea',
    'Budget',
    'BudgetStatus',
    'BudgetType',
    'Codelist',
    'CodelistItem',
    'IatiImport',
    'ImportStatus',
    'IndicatorMeasure',
    'LinkKind',
    'OnBudget',
    'Organisation',
    'OrganisationRole',
    'OrganisationType',
    'Origin',
    'ParticipatingOrganisation',
    'RecipientCountry',
    'Result',
    'ResultIndicator',
    'ResultPeriod',
    'ResultType',
    'Transaction',
    'TransactionType',
]
