"""Search indexes of the safeguards app, registered by ``apps.py``."""

# Section: vetting and screening (item 6)
from . import (
    allegations,  # noqa: F401
    vetting,  # noqa: F401
)
