from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = 'ssrhub.monitoring'
    label = 'monitoring'
    verbose_name = _('monitoring and evaluation')

    def ready(self):
        from ssrhub.countries.tabs import TabGroup, WorkspaceTab, register_group, register_tab

        # Each part of the app registers its workspace tabs in this group (key 'monitoring').
        register_group(TabGroup('monitoring', _('Monitoring')))

        # Context: country statistics and conflict events
        from ssrhub.countries.panels import (
            DashboardPanel,
            TimelineSource,
            register_dashboard_panel,
            register_timeline_source,
        )

        from .views.context import TIMELINE_RULE, dashboard_context, timeline_entries

        register_tab(WorkspaceTab('context', _('Context'), 'monitoring:context', group='monitoring'))
        register_dashboard_panel(
            DashboardPanel('context', 'monitoring/context/dashboard_panel.html', dashboard_context)
        )
        register_timeline_source(TimelineSource('ucdp', _('Conflict events (UCDP)'), TIMELINE_RULE, timeline_entries))
