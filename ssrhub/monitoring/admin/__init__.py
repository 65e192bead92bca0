"""Admin of the monitoring app, one module per part."""

from . import frameworks  # noqa: F401
