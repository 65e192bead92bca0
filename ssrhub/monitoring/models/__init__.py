"""Monitoring and evaluation: results frameworks, indicators with targets and approved actuals, surveys, and the
country statistics and conflict events that give the plan its context. One module per part."""

from .context import (  # noqa: F401
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
