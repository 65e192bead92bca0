"""Registry through which a higher app adds a tab to the country workspace (coordination adds "Coordination"), from
its ``AppConfig.ready()``: countries does not import it, the workspace tabs name its page by URL name.

Tabs of one ``TabGroup`` show as one tab of the bar that opens on their list (a ``<details>`` disclosure: no script,
keyboard accessible), and as a second row of links on their own pages: the bar stays one line at 1280 px."""

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ['TabGroup', 'WorkspaceTab', 'register_group', 'register_tab', 'registered_tabs']


@dataclass(frozen=True)
class WorkspaceTab:
    """A workspace tab: ``key`` is the ``tab`` its views declare, ``url_name`` a page taking ``iso3``, ``label`` a
    lazy translation; the tab shows after the tab named ``after``, inside the group keyed ``group`` if any, and only
    to users who may view ``model`` in the country when it names one; with ``when_filled``, only when the country
    has such a record (a tab that would always be empty for most readers stays out of a full bar)."""

    key: str
    label: object
    url_name: str
    after: str = 'timeline'
    group: str = ''
    model: type | None = None
    when_filled: bool = False


@dataclass(frozen=True)
class TabGroup:
    """Workspace tabs shown as one tab of the bar (``label``, a lazy translation), in the order they registered; a
    group none of whose tabs the user may see is not shown."""

    key: str
    label: object
    tabs: tuple[WorkspaceTab, ...] = ()

    def __contains__(self, key: str) -> bool:
        return any(tab.key == key for tab in self.tabs)


_TABS: dict[str, WorkspaceTab] = {}
_GROUPS: dict[str, TabGroup] = {}


def register_tab(tab: WorkspaceTab) -> None:
    _TABS[tab.key] = tab


def register_group(group: TabGroup) -> None:
    _GROUPS[group.key] = group


def registered_tabs(
    after: str | None = None, visible: Callable[[WorkspaceTab], bool] | None = None
) -> list[WorkspaceTab | TabGroup]:
    """The registered tabs (after the tab ``after`` when given; those ``visible(tab)`` accepts when given), each
    group in place of its first tab and holding its tabs."""
    entries: list[WorkspaceTab | TabGroup] = []
    groups: dict[str, int] = {}
    for tab in _TABS.values():
        if after is not None and tab.after != after:
            continue
        if visible is not None and not visible(tab):
            continue
        if tab.group not in _GROUPS:
            entries.append(tab)
        elif tab.group in groups:
            group = entries[groups[tab.group]]
            entries[groups[tab.group]] = TabGroup(group.key, group.label, (*group.tabs, tab))
        else:
            groups[tab.group] = len(entries)
            entries.append(TabGroup(tab.group, _GROUPS[tab.group].label, (tab,)))
    return entries
