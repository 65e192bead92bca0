"""Monitoring pages."""

from django.urls import path

from .views import context

app_name = 'monitoring'

urlpatterns = []

# Context: country statistics and conflict events (the Context tab of a country workspace)
CONTEXT = 'countries/<str:iso3>/workspace/context/'
urlpatterns += [
    path(CONTEXT, context.ContextView.as_view(), name='context'),
    path(f'{CONTEXT}statistics.<str:fmt>', context.StatisticsExportView.as_view(), name='statistics_export'),
    path(f'{CONTEXT}statistics/<int:pk>/', context.StatisticValueView.as_view(), name='statistic_value'),
    path(
        f'{CONTEXT}statistics/<int:pk>/history/',
        context.StatisticValueHistoryView.as_view(),
        name='statistic_value_history',
    ),
    path(f'{CONTEXT}events/', context.ConflictEventListView.as_view(), name='conflict_event_list'),
    path(f'{CONTEXT}events/<int:pk>/', context.ConflictEventView.as_view(), name='conflict_event'),
    path(
        f'{CONTEXT}events/<int:pk>/history/',
        context.ConflictEventHistoryView.as_view(),
        name='conflict_event_history',
    ),
]
