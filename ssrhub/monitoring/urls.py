"""Monitoring pages."""

from django.urls import path

from .views import actuals

app_name = 'monitoring'

ACTUALS = 'countries/<str:iso3>/workspace/monitoring/actuals/'

urlpatterns = [
    # Section: actuals and review (issue 13 item 3)
    path(ACTUALS, actuals.CountryReviewListView.as_view(), name='actual_review_list'),
    path(f'{ACTUALS}indicators/<int:pk>/', actuals.IndicatorActualsView.as_view(), name='indicator_actuals'),
    path(
        f'{ACTUALS}indicators/<int:pk>/disaggregations/',
        actuals.IndicatorDisaggregationsView.as_view(),
        name='indicator_disaggregations',
    ),
    path(f'{ACTUALS}periods/<int:period>/report/', actuals.ReportAddView.as_view(), name='actual_report_add'),
    path(f'{ACTUALS}reports/<int:pk>/', actuals.ReportView.as_view(), name='actual_report'),
    path(f'{ACTUALS}reports/<int:pk>/values/', actuals.ReportValuesView.as_view(), name='actual_report_values'),
    path(f'{ACTUALS}reports/<int:pk>/step/', actuals.ReportStepView.as_view(), name='actual_report_step'),
    path(f'{ACTUALS}reports/<int:pk>/history/', actuals.ReportHistoryView.as_view(), name='actual_report_history'),
    path(f'{ACTUALS}disaggregations/', actuals.DisaggregationListView.as_view(), name='disaggregation_list'),
    path(f'{ACTUALS}disaggregations/add/', actuals.DisaggregationEditView.as_view(), name='disaggregation_add'),
    path(
        f'{ACTUALS}disaggregations/<int:pk>/edit/',
        actuals.DisaggregationEditView.as_view(),
        name='disaggregation_edit',
    ),
    path('monitoring/actuals/review/', actuals.ReviewQueueView.as_view(), name='actual_review_queue'),
]
