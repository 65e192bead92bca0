"""Safeguards pages: human rights due diligence in the country workspace (every path under the country)."""

from django.urls import path  # noqa: F401

app_name = 'safeguards'

HRDD = 'countries/<str:iso3>/workspace/due-diligence/'

urlpatterns = [
    # Section: support requests, assessments, review, decision, mitigations (issue 14 items 1-4)
    # Section: alleged violations, interventions and the country overview (item 5)
    # Section: vetting and screening (item 6)
    # Section: reports and exports (items 7-8)
]
