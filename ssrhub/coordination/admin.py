from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ssrhub.core.admin import SourceCitationInline

from .models import Decision, DecisionStatusUpdate, Forum, ForumMember, Meeting

__all__ = ['DecisionAdmin', 'ForumAdmin', 'MeetingAdmin']


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
