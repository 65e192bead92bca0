"""Registries through which a higher app adds to each plan action a plan's page shows (coordination adds the partners'
activities linked to it, with a link to add one), to the country dashboard (monitoring adds the context panel) and
to the timeline (monitoring adds UCDP conflict events), from its ``AppConfig.ready()``: countries does not import it,
it asks each registered panel or source for what to show for what the user may view."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = [
    'ActionPanel',
    'DashboardPanel',
    'TimelineEntry',
    'TimelineSource',
    'action_panels',
    'dashboard_panels',
    'dashboard_sources',
    'register_action_panel',
    'register_dashboard_panel',
    'register_timeline_source',
    'timeline_sections',
]


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


# Section: the dashboard's panels and the timeline's context entries (monitoring adds the country's statistics and
# conflict events)


@dataclass(frozen=True)
class DashboardPanel:
    """A section of the country dashboard.

    Args:
        key: a unique name, used in element ids (``panel-<key>``).
        template: the template included, given ``country`` and ``panel`` (what ``context`` returned).
        context: ``context(user, country)``: what the template shows, for what ``user`` may view.
        sources: the models whose rows it shows: a change to one of them changes the kept dashboard.
    """

    key: str
    template: str
    context: Callable[[object, object], object]
    sources: tuple = ()


@dataclass(frozen=True)
class TimelineEntry:
    """A dated entry a higher app adds to a country's timeline: ``label`` (a sentence in the UI language) linked to
    ``url``, on the first day of its period (``precision`` 'day', 'month' or 'year')."""

    date: object
    precision: str
    label: str
    url: str


@dataclass(frozen=True)
class TimelineSource:
    """A kind of context entry of the timeline, kept apart from the country's own events.

    Args:
        key: a unique name (the chart's lane and category key, element ids ``context-<key>``).
        heading: the heading of its table and its chart lane (a lazy translation).
        rule: one sentence saying which records become entries (e.g. one entry per month with events).
        entries: ``entries(user, country)``: the entries for what ``user`` may view, by date.
    """

    key: str
    heading: object
    rule: object
    entries: Callable[[object, object], list[TimelineEntry]]


_DASHBOARD: dict[str, DashboardPanel] = {}
_TIMELINE: dict[str, TimelineSource] = {}


def register_dashboard_panel(panel: DashboardPanel) -> None:
    """Add (or replace, on a second ``ready()``) a section of the country dashboard."""
    _DASHBOARD[panel.key] = panel


def dashboard_sources() -> tuple:
    """Every dashboard panel's source models."""
    return tuple(model for panel in _DASHBOARD.values() for model in panel.sources)


def dashboard_panels(user, country) -> list[tuple[DashboardPanel, object]]:
    """(panel, what it shows) for each registered dashboard panel."""
    return [(panel, panel.context(user, country)) for panel in _DASHBOARD.values()]


def register_timeline_source(source: TimelineSource) -> None:
    """Add (or replace, on a second ``ready()``) a kind of context entry of the timeline."""
    _TIMELINE[source.key] = source


def timeline_sections(user, country) -> list[tuple[TimelineSource, list[TimelineEntry]]]:
    """(source, its entries) for each registered timeline source."""
    return [(source, source.entries(user, country)) for source in _TIMELINE.values()]
