from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ssrhub.core.admin import SourceCitationInline

from .models import (
    Activity,
    AdminArea,
    CodelistItem,
    Decision,
    DecisionStatusUpdate,
    Forum,
    ForumMember,
    IatiImport,
    Meeting,
    Organisation,
)

__all__ = [
    'ActivityAdmin',
    'AdminAreaAdmin',
    'CodelistItemAdmin',
    'DecisionAdmin',
    'ForumAdmin',
    'IatiImportAdmin',
    'MeetingAdmin',
    'OrganisationAdmin',
]


# Section: fora


class ForumMemberInline(admin.TabularInline):
    model = ForumMember
    extra = 0
    raw_id_fields = ('organisation',)
    fields = ('organisation', 'role', 'start', 'start_precision', 'end', 'end_precision', 'note', 'source')


@admin.register(Forum)
class ForumAdmin(SimpleHistoryAdmin):
    list_display = ('name', 'acronym', 'country', 'level', 'layer', 'kind', 'established')
    list_filter = ('level', 'layer', 'kind', 'country')
    search_fields = ('name', 'name_fr', 'acronym', 'mandate')
    raw_id_fields = ('parent', 'chair')
    filter_horizontal = ('components',)
    inlines = [ForumMemberInline, SourceCitationInline]


class DecisionInline(admin.StackedInline):
    model = Decision
    extra = 0
    fields = ('ref', 'text', 'owner', 'owner_name', 'due', 'due_precision', 'status', 'source')
    raw_id_fields = ('owner',)


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ('forum', 'date', 'date_precision', 'number', 'place')
    list_filter = ('forum__country',)
    search_fields = ('forum__name', 'forum__acronym', 'agenda', 'summary')
    raw_id_fields = ('forum', 'minutes_document')
    filter_horizontal = ('attendees',)
    inlines = [DecisionInline, SourceCitationInline]


class DecisionStatusUpdateInline(admin.TabularInline):
    model = DecisionStatusUpdate
    extra = 0
    fields = ('date', 'status', 'note', 'recorded_by', 'source')
    raw_id_fields = ('recorded_by',)


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ('__str__', 'meeting', 'owner', 'owner_name', 'due', 'due_precision', 'status')
    list_filter = ('status', 'meeting__forum__country')
    search_fields = ('text', 'ref', 'owner_name')
    raw_id_fields = ('meeting', 'owner', 'actions')
    filter_horizontal = ('components',)
    inlines = [DecisionStatusUpdateInline, SourceCitationInline]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ('name', 'acronym', 'iati_ref', 'type', 'country')
    list_filter = ('type',)
    search_fields = ('name', 'name_fr', 'acronym', 'iati_ref')
    inlines = [SourceCitationInline]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ('iati_identifier', 'title', 'reporting_organisation', 'country', 'status', 'origin')
    list_filter = ('origin', 'status', 'on_budget')
    search_fields = ('iati_identifier', 'title', 'title_fr')
    raw_id_fields = ('reporting_organisation',)
    inlines = [SourceCitationInline]


@admin.register(AdminArea)
class AdminAreaAdmin(SimpleHistoryAdmin):
    list_display = ('pcode', 'name', 'level', 'country', 'parent')
    list_filter = ('level',)
    search_fields = ('pcode', 'name')


@admin.register(CodelistItem)
class CodelistItemAdmin(SimpleHistoryAdmin):
    list_display = ('codelist', 'code', 'name_en', 'name_fr', 'withdrawn')
    list_filter = ('codelist', 'withdrawn')
    search_fields = ('code', 'name_en', 'name_fr')


@admin.register(IatiImport)
class IatiImportAdmin(SimpleHistoryAdmin):
    list_display = ('name', 'created', 'uploaded_by', 'status')
    list_filter = ('status',)
