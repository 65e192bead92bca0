"""Safeguards pages: human rights due diligence in the country workspace (every path under the country)."""

from django.urls import path

from .views import cases

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
    # Section: vetting and screening (item 6)
    # Section: reports and exports (items 7-8)
]
