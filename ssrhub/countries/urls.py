"""Country workspace pages, under /countries/<iso3>/workspace/ (the country's reference page stays in core)."""

from django.urls import path

from . import actor_views, assessment_views, brief_views, timeline_views, views

app_name = 'countries'

W = 'countries/<str:iso3>/workspace/'
DOC = f'{W}documents/<int:pk>/'

urlpatterns = [
    path(W, views.DashboardView.as_view(), name='dashboard'),
    path(f'{W}engagement/', views.EngagementView.as_view(), name='engagement'),
    path(f'{W}engagement/edit/', views.EngagementEditView.as_view(), name='engagement_edit'),
    path(f'{W}engagement/stages/<str:stage>/', views.StageEditView.as_view(), name='stage_edit'),
    path(f'{W}documents/', views.DocumentListView.as_view(), name='documents'),
    path(f'{W}documents/add/', views.DocumentEditView.as_view(), name='document_add'),
    path(DOC, views.DocumentView.as_view(), name='document'),
    path(f'{DOC}edit/', views.DocumentEditView.as_view(), name='document_edit'),
    path(f'{DOC}checks.<str:fmt>', views.DocumentChecksExportView.as_view(), name='document_checks'),
    path(f'{DOC}<str:part>/add/', views.DocumentPartEditView.as_view(), name='part_add'),
    path(f'{DOC}<str:part>/<int:part_pk>/', views.DocumentPartEditView.as_view(), name='part_edit'),
    path(f'{W}actions/<int:pk>/status/', views.ActionStatusView.as_view(), name='action_status'),
    path(f'{W}brief/', brief_views.BriefView.as_view(), name='brief'),
    path(f'{W}brief.pdf', brief_views.BriefPdfView.as_view(), name='brief_pdf'),
    *actor_views.urlpatterns,
    *assessment_views.urlpatterns,
    *timeline_views.urlpatterns,
]
