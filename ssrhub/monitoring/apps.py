from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = 'ssrhub.monitoring'
    label = 'monitoring'
    verbose_name = _('monitoring and evaluation')

    def ready(self):
        from ssrhub.core import history
        from ssrhub.countries.tabs import TabGroup, WorkspaceTab, register_group, register_tab

        from . import search  # noqa: F401
        from .models import (
            ActualReport,
            ActualStep,
            ActualValue,
            Indicator,
            IndicatorPeriod,
            ResultLevel,
            ResultsFramework,
            Survey,
            SurveyImport,
            SurveyVersion,
        )

        # Each part of the app registers its workspace tabs in this group (key 'monitoring').
        register_group(TabGroup('monitoring', _('Monitoring')))
        # Dashboards of approved actuals against targets; results frameworks, indicators and targets.
        register_tab(
            WorkspaceTab('results-dashboard', _('Results dashboard'), 'monitoring:dashboard', group='monitoring')
        )
        register_tab(
            WorkspaceTab('frameworks', _('Results frameworks'), 'monitoring:framework_list', group='monitoring')
        )
        # A framework's history shows its levels' changes, an indicator's its periods and targets.
        for owner, model, lookup in (
            (ResultsFramework, ResultLevel, 'framework'),
            (Indicator, IndicatorPeriod, 'indicator'),
        ):
            history.register_source(
                history.HistorySource(owner=owner, model=model, lookup=lookup, describe=history.describe_part)
            )
        # Actuals and review: a report's history shows its values' changes and its review steps.
        register_tab(
            WorkspaceTab('actuals-review', _('Actuals to review'), 'monitoring:actual_review_list', group='monitoring')
        )
        register_tab(
            WorkspaceTab('disaggregations', _('Disaggregations'), 'monitoring:disaggregation_list', group='monitoring')
        )
        for model in (ActualValue, ActualStep):
            history.register_source(
                history.HistorySource(owner=ActualReport, model=model, lookup='report', describe=history.describe_part)
            )

        # Context: country statistics and conflict events
        from ssrhub.countries.panels import (
            DashboardPanel,
            TimelineSource,
            register_dashboard_panel,
            register_timeline_source,
        )

        from .models import ConflictEvent, StatisticSeries, StatisticValue
        from .views.context import TIMELINE_RULE, dashboard_context, timeline_entries

        register_tab(WorkspaceTab('surveys', _('Surveys'), 'monitoring:survey_list', group='monitoring'))
        # A survey's history shows its form versions (uploaded, published) and its imports of answers.
        for model in (SurveyVersion, SurveyImport):
            history.register_source(
                history.HistorySource(owner=Survey, model=model, lookup='survey', describe=history.describe_part)
            )
        register_tab(WorkspaceTab('report', _('Progress report'), 'monitoring:report', group='monitoring'))
        # The report's "what changed": indicators with approved actuals in the period against baselines and targets.
        from .report import changed
        from .report.sections import ReportSection, register_section

        register_section(ReportSection('indicators', 'changed', changed.build, changed.MESSAGES))
        register_tab(WorkspaceTab('context', _('Context'), 'monitoring:context', group='monitoring'))
        register_tab(WorkspaceTab('iati-results', _('IATI results'), 'monitoring:iati_results', group='monitoring'))
        register_tab(WorkspaceTab('gender', _('Gender'), 'monitoring:gender', group='monitoring'))
        register_dashboard_panel(
            DashboardPanel(
                'context',
                'monitoring/context/dashboard_panel.html',
                dashboard_context,
                sources=(StatisticSeries, StatisticValue, ConflictEvent),
            )
        )
        register_timeline_source(TimelineSource('ucdp', _('Conflict events (UCDP)'), TIMELINE_RULE, timeline_entries))
