"""Global search over monitoring's records, one module per part (imported by ``apps.py``)."""

from . import frameworks, surveys  # noqa: F401
