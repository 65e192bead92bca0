"""The demo's context: the Gapminder series and UCDP GED 23.1 events of CAF, CIV and LBR, cut from the shared data
(``data/context/README.md``)."""

from pathlib import Path

from .context_loading import LoadReport, load_events, load_statistics

__all__ = ['DEMO_FOLDER', 'DEMO_RELEASE', 'load_context_demo']

DEMO_FOLDER = Path(__file__).parent / 'data' / 'context' / 'demo' / 'gapminder'
DEMO_EVENTS = Path(__file__).parent / 'data' / 'context' / 'demo' / 'ucdp' / 'ged-23.1-caf-civ-lbr.csv'
DEMO_RELEASE = 'GED 23.1'


def load_context_demo() -> tuple[list[LoadReport], LoadReport]:
    """Load the demo statistics and events (idempotent)."""
    return load_statistics(DEMO_FOLDER), load_events(DEMO_EVENTS, DEMO_RELEASE)
