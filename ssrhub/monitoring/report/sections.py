"""Registry through which the parts of the monitoring app add to the progress report: the indicators (what changed)
and the context (country statistics, conflict events).

Plain Python (no Django). A part registers a ``ReportSection`` from the app's ``AppConfig.ready()``; ``assemble.py``
asks every section registered for a slot to ``build`` its paragraphs for the country and period, and
``sentences.py`` writes their sentences with the section's ``messages``. A section that has nothing to say returns
no paragraph: when no section of the ``changed`` slot says anything, the report says plainly that no indicators are
recorded, and never shows a number of its own.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .structure import Paragraph

__all__ = ['SLOTS', 'ReportSection', 'message_for', 'register_section', 'registered_sections', 'unregister_section']

SLOTS = ('context', 'changed')


@dataclass(frozen=True)
class ReportSection:
    """A part of a slot of the report.

    Args:
        key: a unique name.
        slot: ``changed`` (indicators against baselines and targets) or ``context`` (statistics, conflict events).
        build: ``build(user, country, start, end)`` -> the paragraphs of the records ``user`` may view (``None``:
            the command line, every record); each sentence cites the records its figures come from.
        messages: sentence code -> ``function(params) -> str`` writing the sentence in the active language (the
            Django layer of the part, with gettext and localised numbers and dates).
        order: place among the slot's sections, lowest first.
    """

    key: str
    slot: str
    build: Callable[..., list[Paragraph]]
    messages: Mapping[str, Callable[[dict], str]] = field(default_factory=dict)
    order: int = 100

    def __post_init__(self):
        if self.slot not in SLOTS:
            raise ValueError(f'unknown report slot {self.slot!r}: one of {", ".join(SLOTS)}')


_SECTIONS: dict[str, ReportSection] = {}


def register_section(section: ReportSection) -> None:
    """Add (or replace, on a second ``ready()``) a section."""
    _SECTIONS[section.key] = section


def unregister_section(key: str) -> None:
    """Remove a section (tests register one for a while)."""
    _SECTIONS.pop(key, None)


def registered_sections(slot: str) -> list[ReportSection]:
    """The sections of ``slot``, in order."""
    return sorted((s for s in _SECTIONS.values() if s.slot == slot), key=lambda s: (s.order, s.key))


def message_for(code: str) -> Callable[[dict], str] | None:
    """The function writing a registered section's sentence ``code``, if a section declares it."""
    for section in _SECTIONS.values():
        if code in section.messages:
            return section.messages[code]
    return None
