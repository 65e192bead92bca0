"""Monitoring and evaluation: results frameworks, indicators with targets and approved actuals, surveys, and the
country statistics and conflict events that give the plan its context. One module per part."""

from .surveys import (  # noqa: F401
    MASK,
    Submission,
    SubmissionSource,
    Survey,
    SurveyImport,
    SurveyImportStatus,
    SurveyStatus,
    SurveyVersion,
    mask,
)
