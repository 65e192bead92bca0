from django.urls import path

from . import views

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
]
