"""Search indexes of the safeguards app, registered by ``apps.py``."""

from . import allegations, cases, vetting  # noqa: F401
