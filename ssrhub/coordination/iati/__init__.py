"""IATI 2.03 in and out, in plain Python (lxml, no Django): ``reader`` streams and validates a file into
``records``, ``writer`` serialises records as a file that validates against the same schema."""

from .messages import ERRORS, FILE_ERRORS, NOTES, Finding, IatiFileError
from .reader import ActivityOutcome, activity_schema, read_activities, validate_tree
from .records import ActivityRecord

__all__ = [
    'ERRORS',
    'FILE_ERRORS',
    'NOTES',
    'ActivityOutcome',
    'ActivityRecord',
    'Finding',
    'IatiFileError',
    'activity_schema',
    'read_activities',
    'validate_tree',
]
