from django.urls import path

from . import views

app_name = 'coordination'

ORG = 'organisations/'
ACT = 'activities/'

urlpatterns = [
    path(ORG, views.OrganisationListView.as_view(), name='organisation_list'),
    path(f'{ORG}add/', views.OrganisationEditView.as_view(), name='organisation_add'),
    path(f'{ORG}<int:pk>/', views.OrganisationView.as_view(), name='organisation'),
    path(f'{ORG}<int:pk>/edit/', views.OrganisationEditView.as_view(), name='organisation_edit'),
    path(f'{ORG}<int:pk>/history/', views.OrganisationHistoryView.as_view(), name='organisation_history'),
    path(ACT, views.ActivityListView.as_view(), name='activity_list'),
    path('activities.<str:fmt>', views.ActivityExportView.as_view(), name='activity_export'),
    path(f'{ACT}add/', views.ActivityEditView.as_view(), name='activity_add'),
    path(f'{ACT}<int:pk>/', views.ActivityView.as_view(), name='activity'),
    path(f'{ACT}<int:pk>/edit/', views.ActivityEditView.as_view(), name='activity_edit'),
    path(f'{ACT}<int:pk>/delete/', views.ActivityDeleteView.as_view(), name='activity_delete'),
    path(f'{ACT}<int:pk>/history/', views.ActivityHistoryView.as_view(), name='activity_history'),
    path(f'{ACT}<int:pk>/links/add/', views.ActivityLinkAddView.as_view(), name='activitylink_add'),
    path('links/<int:pk>/delete/', views.ActivityLinkDeleteView.as_view(), name='activitylink_delete'),
    path('iati/imports/', views.IatiImportListView.as_view(), name='iatiimport_list'),
    path('iati/upload/', views.IatiUploadView.as_view(), name='iati_upload'),
    path('iati/imports/<int:pk>/', views.IatiImportView.as_view(), name='iatiimport'),
]
