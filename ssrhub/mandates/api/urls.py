from django.urls import path

from . import trends, views

app_name = 'mandates-api'

urlpatterns = [
    path('missions/<str:acronym>/links/', views.MissionLinkListView.as_view(), name='mission_links'),
    path('missions/<str:acronym>/in-force/', views.MissionInForceView.as_view(), name='mission_in_force'),
    path('missions/<str:acronym>/pema-table/', views.MissionPemaTableView.as_view(), name='mission_pema_table'),
    path('missions/<str:acronym>/matrix/', views.MissionMatrixView.as_view(), name='mission_matrix'),
    path('trends/', trends.TrendTablesView.as_view(), name='trends'),
    path('trends/<str:measure>/chart/', trends.TrendChartView.as_view(), name='trend_chart'),
]
