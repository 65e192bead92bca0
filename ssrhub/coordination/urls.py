"""Coordination pages: organisations, activities and IATI under /coordination/; a country's fora and its 3W import are
workspace pages, under /countries/<iso3>/workspace/."""

from django.urls import path

from .views import activities, fora, threew, threew_matrix, workspace

app_name = 'coordination'

FORA = 'countries/<str:iso3>/workspace/fora/'
ORG = 'coordination/organisations/'
ACT = 'coordination/activities/'
WACT = 'countries/<str:iso3>/workspace/activities/'

urlpatterns = [
    # Section: who does what where
    path('countries/<str:iso3>/workspace/3w/', threew_matrix.ThreeWMatrixView.as_view(), name='threew_matrix'),
    path('countries/<str:iso3>/workspace/3w/import/', threew.ThreeWImportView.as_view(), name='threew_import'),
    # Section: the workspace's activities
    path(WACT, workspace.WorkspaceActivityListView.as_view(), name='workspace_activity_list'),
    path(
        'countries/<str:iso3>/workspace/activities.<str:fmt>',
        workspace.WorkspaceActivityExportView.as_view(),
        name='workspace_activity_export',
    ),
    path(f'{WACT}add/', workspace.WorkspaceActivityAddView.as_view(), name='workspace_activity_add'),
    path(
        'countries/<str:iso3>/workspace/3w/import/<int:pk>/',
        threew.ThreeWImportStatusView.as_view(),
        name='threew_import_status',
    ),
    path('coordination/3w/', threew_matrix.ThreeWMatrixAllView.as_view(), name='threew_matrix_all'),
    # Section: fora, meetings and decisions
    path(FORA, fora.ForumListView.as_view(), name='forum_list'),
    path(f'{FORA}add/', fora.ForumEditView.as_view(), name='forum_add'),
    path(f'{FORA}<int:pk>/', fora.ForumView.as_view(), name='forum'),
    path(f'{FORA}<int:pk>/edit/', fora.ForumEditView.as_view(), name='forum_edit'),
    path(f'{FORA}<int:pk>/delete/', fora.ForumDeleteView.as_view(), name='forum_delete'),
    path(f'{FORA}<int:pk>/history/', fora.ForumHistoryView.as_view(), name='forum_history'),
    path(f'{FORA}<int:forum_pk>/members/add/', fora.MemberEditView.as_view(), name='member_add'),
    path(f'{FORA}members/<int:pk>/edit/', fora.MemberEditView.as_view(), name='member_edit'),
    path(f'{FORA}members/<int:pk>/delete/', fora.MemberDeleteView.as_view(), name='member_delete'),
    path(f'{FORA}<int:forum_pk>/meetings/add/', fora.MeetingEditView.as_view(), name='meeting_add'),
    path(f'{FORA}meetings/<int:pk>/', fora.MeetingView.as_view(), name='meeting'),
    path(f'{FORA}meetings/<int:pk>/edit/', fora.MeetingEditView.as_view(), name='meeting_edit'),
    path(f'{FORA}meetings/<int:pk>/delete/', fora.MeetingDeleteView.as_view(), name='meeting_delete'),
    path(f'{FORA}meetings/<int:pk>/history/', fora.MeetingHistoryView.as_view(), name='meeting_history'),
    path(f'{FORA}meetings/<int:pk>/minutes/original/', fora.MeetingMinutesView.as_view(), name='meeting_minutes'),
    path(f'{FORA}meetings/<int:meeting_pk>/decisions/add/', fora.DecisionEditView.as_view(), name='decision_add'),
    path(f'{FORA}decisions/', fora.DecisionListView.as_view(), name='decision_list'),
    path(f'{FORA}decisions.<str:fmt>', fora.DecisionExportView.as_view(), name='decision_export'),
    path(f'{FORA}decisions/<int:pk>/', fora.DecisionView.as_view(), name='decision'),
    path(f'{FORA}decisions/<int:pk>/edit/', fora.DecisionEditView.as_view(), name='decision_edit'),
    path(f'{FORA}decisions/<int:pk>/delete/', fora.DecisionDeleteView.as_view(), name='decision_delete'),
    path(f'{FORA}decisions/<int:pk>/history/', fora.DecisionHistoryView.as_view(), name='decision_history'),
    path(f'{FORA}decisions/<int:pk>/status/', fora.DecisionStatusView.as_view(), name='decision_status'),
    # Section: organisations, activities and IATI
    path(ORG, activities.OrganisationListView.as_view(), name='organisation_list'),
    path(f'{ORG}add/', activities.OrganisationEditView.as_view(), name='organisation_add'),
    path(f'{ORG}<int:pk>/', activities.OrganisationView.as_view(), name='organisation'),
    path(f'{ORG}<int:pk>/edit/', activities.OrganisationEditView.as_view(), name='organisation_edit'),
    path(f'{ORG}<int:pk>/history/', activities.OrganisationHistoryView.as_view(), name='organisation_history'),
    path(ACT, activities.ActivityListView.as_view(), name='activity_list'),
    path('coordination/activities.<str:fmt>', activities.ActivityExportView.as_view(), name='activity_export'),
    path(f'{ACT}add/', activities.ActivityEditView.as_view(), name='activity_add'),
    path(f'{ACT}<int:pk>/', activities.ActivityView.as_view(), name='activity'),
    path(f'{ACT}<int:pk>/edit/', activities.ActivityEditView.as_view(), name='activity_edit'),
    path(f'{ACT}<int:pk>/delete/', activities.ActivityDeleteView.as_view(), name='activity_delete'),
    path(f'{ACT}<int:pk>/history/', activities.ActivityHistoryView.as_view(), name='activity_history'),
    path(f'{ACT}<int:pk>/links/add/', activities.ActivityLinkAddView.as_view(), name='activitylink_add'),
    path(
        'coordination/links/<int:pk>/delete/', activities.ActivityLinkDeleteView.as_view(), name='activitylink_delete'
    ),
    path('coordination/iati/imports/', activities.IatiImportListView.as_view(), name='iatiimport_list'),
    path('coordination/iati/upload/', activities.IatiUploadView.as_view(), name='iati_upload'),
    path('coordination/iati/imports/<int:pk>/', activities.IatiImportView.as_view(), name='iatiimport'),
]
