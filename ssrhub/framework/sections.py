"""What the apps above framework add to a mission's record page, registered from their ``ready()``.

framework keeps the missions; documents (the documents linked to a mission) and mandates (its track) stand above
it. Each registers a :class:`MissionSection`, so that the mission page shows them without framework importing
either, the way apps register search indexes in ``core.searching``.
"""

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ['MissionSection', 'mission_sections', 'register']


@dataclass(frozen=True)
class MissionSection:
    """One app's part of a mission's page.

    Args:
        template: rendered with ``mission`` and what ``context`` gives in scope.
        context: ``context(request, mission)`` gives the template's variables, or None when the user may not see
            the section.
        order: sections are shown by increasing order.
    """

    template: str
    context: Callable
    order: int = 0


_SECTIONS: list[MissionSection] = []


def register(section: MissionSection) -> None:
    if section not in _SECTIONS:
        _SECTIONS.append(section)


def mission_sections(request, mission) -> list[tuple[str, dict]]:
    """(template, context) of every registered section the user may see, in order."""
    shown = []
    for section in sorted(_SECTIONS, key=lambda section: section.order):
        context = section.context(request, mission)
        if context is not None:
            shown.append((section.template, {'mission': mission, **context}))
    return shown
