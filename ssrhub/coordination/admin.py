from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ssrhub.core.admin import SourceCitationInline

from .models import Activity, AdminArea, CodelistItem, IatiImport, Organisation

__all__ = ['ActivityAdmin', 'AdminAreaAdmin', 'CodelistItemAdmin', 'IatiImportAdmin', 'OrganisationAdmin']


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
