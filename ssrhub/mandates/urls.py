from django.urls import path

from . import matrix_views, trend_views, views

app_name = 'mandates'

urlpatterns = [
    path('mandates/', views.MandateIndexView.as_view(), name='index'),
    path('mandates/missions/<str:acronym>/', views.MissionTrackView.as_view(), name='mission_track'),
    path('mandates/missions/<str:acronym>/timeline.json', views.MissionTimelineView.as_view(), name='timeline'),
    path(
        'mandates/missions/<str:acronym>/in-force.<str:fmt>', views.InForceExportView.as_view(), name='in_force_export'
    ),
    path(
        'mandates/missions/<str:acronym>/pema-table.<str:fmt>',
        views.PemaTableExportView.as_view(),
        name='pema_table_export',
    ),
    path('mandates/missions/<str:acronym>/carry.<str:fmt>', views.CarryExportView.as_view(), name='carry_export'),
    path('mandates/missions/<str:acronym>/matrix/', matrix_views.MissionMatrixView.as_view(), name='matrix'),
    path(
        'mandates/missions/<str:acronym>/matrix/paragraphs/',
        matrix_views.MatrixParagraphsView.as_view(),
        name='matrix_paragraphs',
    ),
    path(
        'mandates/missions/<str:acronym>/matrix.<str:fmt>',
        matrix_views.MatrixExportView.as_view(),
        name='matrix_export',
    ),
    path('mandates/trends/', trend_views.TrendsView.as_view(), name='trends'),
    path('mandates/trends/<str:measure>.<str:fmt>', trend_views.TrendExportView.as_view(), name='trend_export'),
]
