from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafeguardsConfig(AppConfig):
    name = 'ssrhub.safeguards'
    label = 'safeguards'
    verbose_name = _('safeguards')

    def ready(self):
        from django.db.models.signals import post_save

        from ssrhub.core import history
        from ssrhub.countries.panels import DashboardPanel, register_dashboard_panel
        from ssrhub.countries.tabs import TabGroup, WorkspaceTab, register_group, register_tab

        from . import exports, search, workflow  # noqa: F401  (search indexes, the lists' exports)
        from .dashboard_panel import due_diligence_panel
        from .models import (
            Allegation,
            AllegationSource,
            Individual,
            Mitigation,
            RiskAssessment,
            RiskFactor,
            SharedDecision,
            SupportRequest,
            WatchList,
        )

        # The group's tabs, each shown only to users who may read its model in the country: outsiders see the
        # shared decisions and nothing else.
        register_group(TabGroup('due-diligence', _('Due diligence')))
        for key, label, url_name, model in (
            ('overview', _('Overview'), 'safeguards:overview', SupportRequest),
            ('support-requests', _('Support requests'), 'safeguards:supportrequest_list', SupportRequest),
            ('allegations', _('Alleged violations'), 'safeguards:allegation_list', Allegation),
            ('vetting', _('Vetting'), 'safeguards:individual_list', Individual),
            ('watch-lists', _('Watch lists'), 'safeguards:watchlist_list', WatchList),
            ('hrdd-summary', _('Annual summary'), 'safeguards:summary_latest', SupportRequest),
            ('shared-decisions', _('Shared decisions'), 'safeguards:shared_decisions', SharedDecision),
        ):
            # Outsiders' only tab, the shared decisions, shows where there is one.
            filled = model is SharedDecision
            register_tab(WorkspaceTab(key, label, url_name, group='due-diligence', model=model, when_filled=filled))

        # A request's history shows its assessments' versions, their factors and its mitigations; an allegation's
        # its sources' changes.
        for owner, model, lookup in (
            (SupportRequest, RiskAssessment, 'request'),
            (SupportRequest, RiskFactor, 'assessment__request'),
            (SupportRequest, Mitigation, 'request'),
            (Allegation, AllegationSource, 'allegation'),
        ):
            history.register_source(
                history.HistorySource(owner=owner, model=model, lookup=lookup, describe=history.describe_part)
            )
        # The country dashboard's due-diligence panel, for the readers of its records only.
        register_dashboard_panel(
            DashboardPanel('due-diligence', 'safeguards/overview/dashboard_panel.html', due_diligence_panel)
        )
        # A new allegation against the recipient of a decided case reopens it.
        post_save.connect(workflow.allegation_saved, sender=Allegation, dispatch_uid='safeguards-reopen-on-allegation')
