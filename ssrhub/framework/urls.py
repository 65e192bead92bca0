from django.urls import path

from . import views

app_name = 'framework'

urlpatterns = [
    path('framework/', views.framework_index, name='index'),
    path('framework/<slug:framework>/<str:version>/', views.FrameworkVersionView.as_view(), name='version'),
    path(
        'framework/<slug:framework>/<str:version>/export.<str:fmt>',
        views.FrameworkVersionExportView.as_view(),
        name='version_export',
    ),
    path(
        'framework/<slug:framework>/<str:version>/items/<str:code>/',
        views.FrameworkItemView.as_view(),
        name='item',
    ),
    path(
        'framework/<slug:framework>/<str:version>/items/<str:code>/history/',
        views.FrameworkItemHistoryView.as_view(),
        name='item_history',
    ),
    path('entities/', views.UNEntityListView.as_view(), name='entity_list'),
    path('entities/<str:code>/', views.UNEntityView.as_view(), name='entity'),
    path('entities/<str:code>/history/', views.UNEntityHistoryView.as_view(), name='entity_history'),
    path('missions/', views.MissionListView.as_view(), name='mission_list'),
    path('missions/<str:acronym>/', views.MissionView.as_view(), name='mission'),
    path('missions/<str:acronym>/edit/', views.MissionEditView.as_view(), name='mission_edit'),
    path('missions/<str:acronym>/history/', views.MissionHistoryView.as_view(), name='mission_history'),
]
