from django.urls import path

from . import views

app_name = 'documents'

urlpatterns = [
    path('documents/', views.DocumentListView.as_view(), name='document_list'),
    path('documents/upload/', views.DocumentUploadView.as_view(), name='document_upload'),
    path('documents/jobs/', views.IngestJobListView.as_view(), name='ingest_jobs'),
    path('documents/jobs/<int:pk>/', views.IngestJobView.as_view(), name='ingest_job'),
    path('documents/conflicts/', views.SymbolConflictListView.as_view(), name='symbol_conflicts'),
    path(
        'documents/conflicts/<int:pk>/resolve/',
        views.SymbolConflictResolveView.as_view(),
        name='symbol_conflict_resolve',
    ),
    path('documents/<int:pk>/', views.DocumentView.as_view(), name='document'),
    path('documents/<int:pk>/edit/', views.DocumentEditView.as_view(), name='document_edit'),
    path('documents/<int:pk>/history/', views.DocumentHistoryView.as_view(), name='document_history'),
    path(
        'documents/<int:pk>/versions/<int:number>/original/',
        views.DocumentOriginalView.as_view(),
        name='document_original',
    ),
    path('paragraphs/', views.ParagraphSearchView.as_view(), name='paragraph_search'),
    path('paragraphs.<str:fmt>', views.ParagraphExportView.as_view(), name='paragraph_export'),
]
