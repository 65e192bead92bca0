"""The country's due-diligence overview (``safeguards:overview``, the group's first tab) and the shared decisions,
the one page of the group that users outside the due-diligence circle see."""

import datetime

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tables2 import RequestConfig

from ssrhub.core.forms import style_widgets
from ssrhub.core.views.generic import CountryObjectListView, CountryScopedView

from ..allegation_rules import OPEN_STEPS
from ..filtersets.allegations import SharedDecisionFilterSet
from ..models import CaseStatus, InterventionKind, Level, Outcome, SharedDecision, SupportRequest
from ..overview import EXPIRING_DAYS
from ..overview_queries import country_overview
from ..tables.allegations import SharedDecisionTable

__all__ = ['OverviewView', 'SharedDecisionListView']


REASON_LABELS = {
    'allegation-after-decision': gettext_lazy('open allegation after the decision'),
    'overdue-mitigation': gettext_lazy('overdue measure'),
    'decision-expired': gettext_lazy('decision expired'),
    'decision-expiring': gettext_lazy('decision expiring'),
    'reopened': gettext_lazy('reopened, being reassessed'),
    'pending': gettext_lazy('waiting for review or decision'),
}


def _case_entry(case, today) -> dict:
    return {
        'case': case,
        'status': CaseStatus(case.status).label,
        'risk': Level(case.risk).label if case.risk else None,
        'outcome': Outcome(case.outcome).label if case.outcome else None,
        'expired': case.expired(today),
        'expiring': case.expiring(today),
        'interventions': [InterventionKind(kind).label for kind in case.active_interventions],
    }


class OverviewView(CountryScopedView):
    """Every recipient with a current support request: its cases, risk, decision and expiry, open allegations,
    overdue measures and active interventions; recipients needing attention first, the rules stated on the page."""

    queryset = SupportRequest.objects.all()
    tab = 'overview'

    def get(self, request):
        today = datetime.date.today()
        rows = [
            {
                'row': row,
                'cases': [_case_entry(case, today) for case in row.recipient.cases],
                'reasons': [REASON_LABELS[reason] for reason in row.reasons],
            }
            for row in country_overview(request.user, self.country, today)
        ]
        context = self.country_context(rows=rows, expiring_days=EXPIRING_DAYS, open_steps=OPEN_STEPS)
        return render(request, 'safeguards/overview/overview.html', context)


class SharedDecisionListView(CountryObjectListView):
    """The decisions the forum chose to share: recipient, kind of support, decision and its dates, nothing else."""

    queryset = SharedDecision.objects.select_related('recipient', 'country')
    table = SharedDecisionTable
    tab = 'shared-decisions'
    template_name = 'safeguards/overview/shared_decisions.html'

    def get_table_context(self, request) -> dict:
        filterset = SharedDecisionFilterSet(
            request.GET, queryset=self.get_queryset(request), request=request, country=self.country
        )
        style_widgets(filterset.form)
        table = self.table(filterset.qs, request=request)
        RequestConfig(request, paginate={'per_page': 50}).configure(table)
        return {'title': _('Shared decisions'), 'table': table, 'filter_form': filterset.form, 'model': SharedDecision}
