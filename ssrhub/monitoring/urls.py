"""Monitoring pages."""

from django.urls import path

from .views import report

app_name = 'monitoring'

urlpatterns = [
    # Section: the progress report (issue 13 item 7)
    path('countries/<str:iso3>/workspace/report/', report.ReportView.as_view(), name='report'),
]
