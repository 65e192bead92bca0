"""Registry through which a higher app adds a tab to the country workspace (coordination adds "Coordination"), from
its ``AppConfig.ready()``: countries does not import it, the workspace tabs name its page by URL name."""

from dataclasses import dataclass

__all__ = ['WorkspaceTab', 'register_tab', 'registered_tabs']


@dataclass(frozen=True)
class WorkspaceTab:
    """A workspace tab: ``key`` is the ``tab`` its views declare, ``url_name`` a page taking ``iso3``, ``label`` a
    lazy translation; the tab shows after the tab named ``after``."""

    key: str
    label: object
    url_name: str
    after: str = 'timeline'


_TABS: dict[str, WorkspaceTab] = {}


def register_tab(tab: WorkspaceTab) -> None:
    _TABS[tab.key] = tab


def registered_tabs() -> list[WorkspaceTab]:
    return list(_TABS.values())
