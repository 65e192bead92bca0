"""Safeguards pages: human rights due diligence in the country workspace (every path under the country)."""

from django.urls import path

from .views import allegations, cases, overview, reports, vetting

app_name = 'safeguards'

HRDD = 'countries/<str:iso3>/workspace/due-diligence/'

urlpatterns = [
    # Section: support requests, assessments, review, decision, mitigations (issue 14 items 1-4)
    path(HRDD + 'requests/', cases.SupportRequestListView.as_view(), name='supportrequest_list'),
    path(HRDD + 'requests/add/', cases.SupportRequestEditView.as_view(), name='supportrequest_add'),
    path(HRDD + 'requests/<int:pk>/', cases.SupportRequestView.as_view(), name='supportrequest'),
    path(HRDD + 'requests/<int:pk>/edit/', cases.SupportRequestEditView.as_view(), name='supportrequest_edit'),
    path(HRDD + 'requests/<int:pk>/delete/', cases.SupportRequestDeleteView.as_view(), name='supportrequest_delete'),
    path(HRDD + 'requests/<int:pk>/history/', cases.SupportRequestHistoryView.as_view(), name='supportrequest_history'),
    path(HRDD + 'requests/<int:pk>/assessment/', cases.AssessmentEditView.as_view(), name='riskassessment_edit'),
    path(HRDD + 'requests/<int:pk>/step/<str:step>/', cases.StepView.as_view(), name='supportrequest_step'),
    path(
        HRDD + 'requests/<int:request_pk>/mitigations/add/', cases.MitigationEditView.as_view(), name='mitigation_add'
    ),
    path(HRDD + 'assessments/<int:pk>/', cases.AssessmentView.as_view(), name='riskassessment'),
    path(HRDD + 'mitigations/<int:pk>/edit/', cases.MitigationEditView.as_view(), name='mitigation_edit'),
    path(HRDD + 'mitigations/<int:pk>/delete/', cases.MitigationDeleteView.as_view(), name='mitigation_delete'),
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
    path(HRDD + 'vetting/individuals/', vetting.IndividualListView.as_view(), name='individual_list'),
    path(HRDD + 'vetting/individuals/add/', vetting.IndividualEditView.as_view(), name='individual_add'),
    path(HRDD + 'vetting/individuals/screen/', vetting.ScreenManyView.as_view(), name='screening_batch'),
    path(HRDD + 'vetting/individuals/<int:pk>/', vetting.IndividualView.as_view(), name='individual'),
    path(HRDD + 'vetting/individuals/<int:pk>/edit/', vetting.IndividualEditView.as_view(), name='individual_edit'),
    path(
        HRDD + 'vetting/individuals/<int:pk>/delete/', vetting.IndividualDeleteView.as_view(), name='individual_delete'
    ),
    path(
        HRDD + 'vetting/individuals/<int:pk>/history/',
        vetting.IndividualHistoryView.as_view(),
        name='individual_history',
    ),
    path(HRDD + 'vetting/individuals/<int:pk>/screen/', vetting.ScreenIndividualView.as_view(), name='screen'),
    path(HRDD + 'vetting/matches/<int:pk>/', vetting.MatchReviewView.as_view(), name='match_review'),
    path(HRDD + 'vetting/lists/', vetting.WatchListListView.as_view(), name='watchlist_list'),
    path(HRDD + 'vetting/lists/import/', vetting.WatchListImportView.as_view(), name='watchlist_import'),
    path(HRDD + 'vetting/lists/<int:pk>/', vetting.WatchListView.as_view(), name='watchlist'),
    path(HRDD + 'vetting/lists/<int:pk>.<str:fmt>', vetting.WatchListExportView.as_view(), name='watchlist_export'),
    # Section: reports and exports (items 7-8)
    path(f'{HRDD}summary/', reports.SummaryLatestView.as_view(), name='summary_latest'),
    path(f'{HRDD}summary/<int:year>/', reports.SummaryView.as_view(), name='summary'),
    path(f'{HRDD}summary/<int:year>.pdf', reports.SummaryPdfView.as_view(), name='summary_pdf'),
    path(f'{HRDD}exports/<str:records>.<str:fmt>', reports.AggregateExportView.as_view(), name='aggregate_export'),
    path(f'{HRDD}exports/<str:records>/named/', reports.NamedExportView.as_view(), name='named_export'),
]
