from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ssrhub.core.admin import SourceCitationInline

from .models import Framework, FrameworkItem, FrameworkVersion, Mission, UNEntity, UNEntityMembership, UNEntityName

__all__ = ['FrameworkAdmin', 'FrameworkItemAdmin', 'FrameworkVersionAdmin', 'MissionAdmin', 'UNEntityAdmin']


@admin.register(Framework)
class FrameworkAdmin(SimpleHistoryAdmin):
    list_display = ('code', 'name_en')


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(SimpleHistoryAdmin):
    list_display = ('framework', 'version', 'released')
    readonly_fields = ('content_hash',)


@admin.register(FrameworkItem)
class FrameworkItemAdmin(SimpleHistoryAdmin):
    list_display = ('code', 'label_en', 'version')
    list_filter = ('version',)
    search_fields = ('code', 'label_en', 'label_fr')
    raw_id_fields = ('parent',)
    inlines = [SourceCitationInline]


class UNEntityNameInline(admin.TabularInline):
    model = UNEntityName
    extra = 0


class UNEntityMembershipInline(admin.TabularInline):
    model = UNEntityMembership
    fk_name = 'group'
    extra = 0


@admin.register(UNEntity)
class UNEntityAdmin(SimpleHistoryAdmin):
    list_display = ('code', 'kind')
    list_filter = ('kind',)
    search_fields = ('code', 'names__acronym', 'names__name_en')
    inlines = [UNEntityNameInline, UNEntityMembershipInline, SourceCitationInline]


@admin.register(Mission)
class MissionAdmin(SimpleHistoryAdmin):
    list_display = ('acronym', 'type', 'start', 'end')
    list_filter = ('type',)
    search_fields = ('acronym', 'acronym_fr', 'name_en', 'name_fr')
    filter_horizontal = ('countries', 'predecessors')
    inlines = [SourceCitationInline]
