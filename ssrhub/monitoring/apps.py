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
        register_tab(WorkspaceTab('surveys', _('Surveys'), 'monitoring:survey_list', group='monitoring'))
