from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Document, DocumentVersion, MissionLink

__all__ = ['DocumentAdmin', 'DocumentVersionInline', 'MissionLinkAdmin']


class DocumentVersionInline(admin.TabularInline):
    """The stored versions, read-only: only ingestion writes a version, its paragraphs and its text."""

    model = DocumentVersion
    extra = 0
    fields = ('number', 'is_current', 'filename', 'file_format', 'size', 'pages', 'sha256', 'created', 'ingested_by')
    readonly_fields = fields
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ('symbol', 'key', 'doc_type', 'language', 'date')
    list_filter = ('doc_type', 'language')
    search_fields = ('symbol', 'key', 'title')
    date_hierarchy = 'date'
    readonly_fields = ('missions',)
    inlines = [DocumentVersionInline]

    def has_add_permission(self, request):
        # A document comes in through ingestion (upload page or `ssrhub ingest`), which stores its first version.
        return False


@admin.register(MissionLink)
class MissionLinkAdmin(SimpleHistoryAdmin):
    list_display = ('document', 'mission', 'relation', 'source', 'excluded')
    list_filter = ('relation', 'source', 'excluded', 'mission')
    search_fields = ('document__symbol', 'mission__acronym', 'note')
    list_select_related = ('document', 'mission')

    # Corrections go through the mission's track page (documents/missions.py), which keeps Document.missions in step.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
