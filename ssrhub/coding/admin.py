from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CodeAssignment, LearnedProposal, MachineReading, ParagraphReview

__all__ = [
    'CodeAssignmentAdmin',
    'LearnedProposalAdmin',
    'MachineReadingAdmin',
    'ParagraphReviewAdmin',
    'ReadOnlyAdminMixin',
]


class ReadOnlyAdminMixin:
    """Shows records without add, change or delete: the coder writes readings and machine codes, and reviewers
    decide on the document pages, so that every decision goes through ``review.record_decision()``."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MachineReading)
class MachineReadingAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ('paragraph', 'codebook_version', 'force', 'verb', 'addressee')
    list_filter = ('codebook_version', 'force', 'addressee')
    search_fields = ('paragraph__version__document__symbol', 'verb')
    list_select_related = ('paragraph__version__document',)


@admin.register(CodeAssignment)
class CodeAssignmentAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ('paragraph', 'code', 'modality', 'source', 'coder', 'present', 'codebook_version')
    list_filter = ('source', 'present', 'mission_task', 'codebook_version')
    search_fields = ('code', 'paragraph__version__document__symbol', 'coder__username')
    list_select_related = ('paragraph__version__document', 'coder')


@admin.register(ParagraphReview)
class ParagraphReviewAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    list_display = ('paragraph', 'reviewer', 'created')
    search_fields = ('paragraph__version__document__symbol', 'reviewer__username')
    list_select_related = ('paragraph__version__document', 'reviewer')


@admin.register(LearnedProposal)
class LearnedProposalAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ('paragraph', 'code', 'probability', 'model_version', 'codebook_version', 'created')
    list_filter = ('model_version', 'codebook_version')
    search_fields = ('code', 'paragraph__version__document__symbol')
    list_select_related = ('paragraph__version__document',)
