"""The country dashboard's due-diligence panel, for the readers of the country's due-diligence records only: the
latest cases with their current assessment, the newest open allegations, the watch lists and the annual summaries;
everything it shows is logged as read."""

from ssrhub.core.access import can_in_country
from ssrhub.core.readlog import log_reads

from .allegation_rules import OPEN_STEPS
from .models import Allegation, CaseStatus, SupportRequest, WatchList
from .summary_queries import summary_years

__all__ = ['SHOWN', 'due_diligence_panel']

SHOWN = 5  # records of each kind on the panel; the tabs list them all


def due_diligence_panel(user, country) -> dict | None:
    if not can_in_country(user, 'view', SupportRequest, country):
        return None
    requests = list(
        SupportRequest.objects.restrict(user)
        .filter(country=country)
        .exclude(status=CaseStatus.WITHDRAWN)
        .select_related('recipient', 'country')
        .order_by('-last_updated')[:SHOWN]
    )
    cases = [(request, request.current_assessment) for request in requests]
    allegations = list(
        Allegation.objects.restrict(user)
        .filter(country=country, follow_up__in=OPEN_STEPS)
        .select_related('recipient', 'country')
        .order_by('-reported_on', '-pk')[:SHOWN]
    )
    watch_lists = list(WatchList.objects.restrict(user).filter(country=country).select_related('country')[:SHOWN])
    assessments = [assessment for _request, assessment in cases if assessment is not None]
    log_reads(user, [*requests, *assessments, *allegations, *watch_lists], 'list')
    return {
        'cases': cases,
        'allegations': allegations,
        'watch_lists': watch_lists,
        'years': summary_years(country, user),
    }
