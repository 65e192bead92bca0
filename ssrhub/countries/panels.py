"""Registry through which a higher app adds to each plan action a plan's page shows (coordination adds the partners'
activities linked to it, with a link to add one), from its ``AppConfig.ready()``: countries does not import it, it
asks each registered panel for what to show under the actions the user may view."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ['ActionPanel', 'action_panels', 'register_action_panel']


@dataclass(frozen=True)
class ActionPanel:
    """A part of a plan action's row.

    Args:
        key: a unique name, used in element ids (``<key>-<action pk>``).
        template: the template included for each action, given ``action`` and ``panel`` (what ``items`` returned
            for it, or None).
        items: ``items(user, country, actions)``: action pk -> what the template shows, for the actions ``user``
            may view in ``country``.
    """

    key: str
    template: str
    items: Callable[[object, object, Iterable], dict]


_PANELS: dict[str, ActionPanel] = {}


def register_action_panel(panel: ActionPanel) -> None:
    """Add (or replace, on a second ``ready()``) a panel of the plan actions."""
    _PANELS[panel.key] = panel


def action_panels(user, country, actions: list) -> None:
    """Set ``action.panels`` on each of ``actions``: ``(template, what to show)`` per registered panel."""
    found = [(panel, panel.items(user, country, actions)) for panel in _PANELS.values()]
    for action in actions:
        action.panels = [(panel.template, items.get(action.pk)) for panel, items in found]
