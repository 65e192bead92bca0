"""Safeguards pages: human rights due diligence in the country workspace (every path under the country)."""

from django.urls import path  # noqa: F401

from .views import allegations, overview

app_name = 'safeguards'

HRDD = 'countries/<str:iso3>/workspace/due-diligence/'

urlpatterns = [
    # Section: support requests, assessments, review, decision, mitigations (issue 14 items 1-4)
    # Section: alleged violations, interventions and the country overview (item 5)
    path(HRDD, overview.OverviewView.as_view(), name='overview'),
    path(HRDD + 'shared-decisions/', overview.SharedDecisionListView.as_view(), name='shared_decisions'),
    path(HRDD + 'allegations/', allegations.AllegationListView.as_view(), name='allegation_list'),
    path(HRDD + 'allegations/add/', allegations.AllegationEditView.as_view(), name='allegation_add'),
    path(HRDD + 'allegations/<int:pk>/', allegations.AllegationView.as_view(), name='allegation'),
    path(HRDD + 'allegations/<int:pk>/edit/', allegations.AllegationEditView.as_view(), name='allegation_edit'),
    path(HRDD + 'allegations/<int:pk>/delete/', allegations.AllegationDeleteView.as_view(), name='allegation_delete'),
    path(
        HRDD + 'allegations/<int:pk>/history/', allegations.AllegationHistoryView.as_view(), name='allegation_history'
    ),
    # Section: vetting and screening (item 6)
    # Section: reports and exports (items 7-8)
]
