"""Country workspace pages, under /countries/<iso3>/workspace/ (the country's reference page stays in core)."""

from django.urls import path

from .views import actor_import, actors, assessments, brief, timeline, women_targets, workspace

app_name = 'countries'

W = 'countries/<str:iso3>/workspace/'
DOC = f'{W}documents/<int:pk>/'
MAP = f'{W}actors/'
ASSESSMENTS = f'{W}assessments/'

urlpatterns = [
    path(W, workspace.DashboardView.as_view(), name='dashboard'),
    path(f'{W}engagement/', workspace.EngagementView.as_view(), name='engagement'),
    path(f'{W}engagement/edit/', workspace.EngagementEditView.as_view(), name='engagement_edit'),
    path(f'{W}engagement/stages/<str:stage>/', workspace.StageEditView.as_view(), name='stage_edit'),
    path(f'{W}documents/', workspace.DocumentListView.as_view(), name='documents'),
    path(f'{W}documents/add/', workspace.DocumentEditView.as_view(), name='document_add'),
    path(DOC, workspace.DocumentView.as_view(), name='document'),
    path(f'{DOC}edit/', workspace.DocumentEditView.as_view(), name='document_edit'),
    path(f'{DOC}checks.<str:fmt>', workspace.DocumentChecksExportView.as_view(), name='document_checks'),
    path(f'{DOC}<str:part>/add/', workspace.DocumentPartEditView.as_view(), name='part_add'),
    path(f'{DOC}<str:part>/<int:part_pk>/', workspace.DocumentPartEditView.as_view(), name='part_edit'),
    path(f'{W}actions/<int:pk>/status/', workspace.ActionStatusView.as_view(), name='action_status'),
    path(f'{W}brief/', brief.BriefView.as_view(), name='brief'),
    path(f'{W}brief.pdf', brief.BriefPdfView.as_view(), name='brief_pdf'),
    # Section: security-sector map
    path(MAP, actors.ActorListView.as_view(), name='actors'),
    path(f'{MAP}graph.json', actors.ActorGraphView.as_view(), name='actor_graph'),
    path(f'{MAP}export.<str:fmt>', actors.ActorExportView.as_view(), name='actor_export'),
    path(f'{MAP}import/', actor_import.ActorBulkImportView.as_view(), name='actor_import'),
    path(f'{MAP}add/', actors.ActorEditView.as_view(), name='actor_add'),
    path(f'{MAP}<int:pk>/edit/', actors.ActorEditView.as_view(), name='actor_edit'),
    path(f'{MAP}<int:pk>/delete/', actors.ActorDeleteView.as_view(), name='actor_delete'),
    path(f'{MAP}relations/add/', actors.ActorRelationEditView.as_view(), name='actor_relation_add'),
    path(f'{MAP}relations/<int:pk>/edit/', actors.ActorRelationEditView.as_view(), name='actor_relation_edit'),
    path(f'{MAP}relations/<int:pk>/delete/', actors.ActorRelationDeleteView.as_view(), name='actor_relation_delete'),
    path(f'{MAP}headcounts/add/', actors.HeadcountEditView.as_view(), name='actor_headcount_add'),
    path(f'{MAP}headcounts/<int:pk>/edit/', actors.HeadcountEditView.as_view(), name='actor_headcount_edit'),
    path(f'{MAP}headcounts/<int:pk>/delete/', actors.HeadcountDeleteView.as_view(), name='actor_headcount_delete'),
    path(f'{MAP}women-targets/', women_targets.WomenShareTargetListView.as_view(), name='women_target_list'),
    path(f'{MAP}women-targets/add/', women_targets.WomenShareTargetEditView.as_view(), name='women_target_add'),
    path(
        f'{MAP}women-targets/<int:pk>/edit/', women_targets.WomenShareTargetEditView.as_view(), name='women_target_edit'
    ),
    path(
        f'{MAP}women-targets/<int:pk>/delete/',
        women_targets.WomenShareTargetDeleteView.as_view(),
        name='women_target_delete',
    ),
    path(
        f'{MAP}women-targets/<int:pk>/history/',
        women_targets.WomenShareTargetHistoryView.as_view(),
        name='women_target_history',
    ),
    # Section: assessments
    path(ASSESSMENTS, assessments.AssessmentListView.as_view(), name='assessments'),
    path(f'{ASSESSMENTS}add/', assessments.AssessmentEditView.as_view(), name='assessment_add'),
    path(f'{ASSESSMENTS}compare/', assessments.AssessmentCompareView.as_view(), name='assessment_compare'),
    path(f'{ASSESSMENTS}<int:pk>/', assessments.AssessmentView.as_view(), name='assessment'),
    path(f'{ASSESSMENTS}<int:pk>/edit/', assessments.AssessmentEditView.as_view(), name='assessment_edit'),
    path(
        f'{ASSESSMENTS}<int:pk>/export.<str:fmt>', assessments.AssessmentExportView.as_view(), name='assessment_export'
    ),
    # Section: timeline
    path(f'{W}timeline/', timeline.TimelineView.as_view(), name='timeline'),
    path(f'{W}timeline/chart.json', timeline.TimelineJsonView.as_view(), name='timeline_json'),
    path(f'{W}timeline.<str:fmt>', timeline.TimelineExportView.as_view(), name='timeline_export'),
    path(f'{W}timeline/events/add/', timeline.EventEditView.as_view(), name='event_add'),
    path(f'{W}timeline/events/<int:pk>/edit/', timeline.EventEditView.as_view(), name='event_edit'),
    path(f'{W}timeline/events/<int:pk>/dates/add/', timeline.EventDateAddView.as_view(), name='event_date_add'),
]
