"""Monitoring and evaluation: results frameworks, indicators with targets and approved actuals, surveys, and the
country statistics and conflict events that give the plan its context. One module per part."""

from .actuals import (
    ActualReport,
    ActualStep,
    ActualValue,
    DisaggregationCategory,
    DisaggregationType,
    IndicatorDisaggregation,
    ReportStatus,
    StepAction,
)
from .context import (
    ConflictEvent,
    DatePrecision,
    EventClarity,
    LoadedDataset,
    StatisticLoad,
    StatisticSeries,
    StatisticValue,
    ViolenceType,
    WherePrecision,
)
from .frameworks import (
    DEFAULT_LEVELS,
    FrameworkResult,
    FrameworkStatus,
    ResultActivity,
    ResultLevel,
    ResultsFramework,
    code_key,
)
from .indicators import Direction, Frequency, Indicator, IndicatorPeriod, Unit
from .reference import Disaggregation, LibraryIndicator, SdgGoal, SdgIndicator, SdgTarget, Topic

__all__ = [
    'ConflictEvent',
    'DatePrecision',
    'EventClarity',
    'LoadedDataset',
    'StatisticLoad',
    'StatisticSeries',
    'StatisticValue',
    'ViolenceType',
    'WherePrecision',
    'ActualReport',
    'ActualStep',
    'ActualValue',
    'DisaggregationCategory',
    'DisaggregationType',
    'IndicatorDisaggregation',
    'ReportStatus',
    'StepAction',
    'DEFAULT_LEVELS',
    'Direction',
    'Disaggregation',
    'FrameworkResult',
    'FrameworkStatus',
    'Frequency',
    'Indicator',
    'IndicatorPeriod',
    'LibraryIndicator',
    'ResultActivity',
    'ResultLevel',
    'ResultsFramework',
    'SdgGoal',
    'SdgIndicator',
    'SdgTarget',
    'Topic',
    'Unit',
    'code_key',
]
