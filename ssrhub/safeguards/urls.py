"""Safeguards pages: human rights due diligence in the country workspace (every path under the country)."""

from django.urls import path  # noqa: F401

from .views import reports

app_name = 'safeguards'

HRDD = 'countries/<str:iso3>/workspace/due-diligence/'

urlpatterns = [
    # Section: support requests, assessments, review, decision, mitigations (issue 14 items 1-4)
    # Section: alleged violations, interventions and the country overview (item 5)
    # Section: vetting and screening (item 6)
    # Section: reports and exports (items 7-8)
    path(f'{HRDD}summary/', reports.SummaryLatestView.as_view(), name='summary_latest'),
    path(f'{HRDD}summary/<int:year>/', reports.SummaryView.as_view(), name='summary'),
    path(f'{HRDD}summary/<int:year>.pdf', reports.SummaryPdfView.as_view(), name='summary_pdf'),
    path(f'{HRDD}exports/<str:records>.<str:fmt>', reports.AggregateExportView.as_view(), name='aggregate_export'),
    path(f'{HRDD}exports/<str:records>/named/', reports.NamedExportView.as_view(), name='named_export'),
]
