from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ssrhub.core.admin import SourceCitationInline

from .models import (
    Action,
    ActionStatusUpdate,
    Actor,
    ActorRelation,
    Assessment,
    AssessmentRating,
    Engagement,
    EngagementStage,
    EventDate,
    Headcount,
    NationalDocument,
    Objective,
    Pillar,
    Threat,
    TimelineEvent,
    WomenShareTarget,
)

__all__ = [
    'ActionAdmin',
    'ActorAdmin',
    'ActorRelationAdmin',
    'AssessmentAdmin',
    'EngagementAdmin',
    'HeadcountAdmin',
    'NationalDocumentAdmin',
    'TimelineEventAdmin',
    'WomenShareTargetAdmin',
]


class EngagementStageInline(admin.TabularInline):
    model = EngagementStage
    extra = 0
    fields = ('stage', 'status', 'start', 'start_precision', 'end', 'end_precision', 'led_by', 'skip_reason', 'source')


@admin.register(Engagement)
class EngagementAdmin(SimpleHistoryAdmin):
    list_display = ('country', 'setting', 'mission', 'mandate_symbol')
    list_filter = ('setting', 'country')
    raw_id_fields = ('mission',)
    inlines = [EngagementStageInline, SourceCitationInline]


class HeadcountInline(admin.TabularInline):
    model = Headcount
    extra = 0


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ('name', 'name_fr', 'acronym', 'country', 'area', 'type', 'statutory')
    list_filter = ('country', 'area', 'type', 'statutory')
    search_fields = ('name', 'name_fr', 'acronym')
    inlines = [HeadcountInline, SourceCitationInline]


@admin.register(ActorRelation)
class ActorRelationAdmin(SimpleHistoryAdmin):
    list_display = ('from_actor', 'kind', 'to_actor')
    list_filter = ('kind', 'from_actor__country')
    raw_id_fields = ('from_actor', 'to_actor')


@admin.register(Headcount)
class HeadcountAdmin(SimpleHistoryAdmin):
    list_display = ('actor', 'date', 'count', 'women', 'basis', 'source')
    list_filter = ('actor__country',)
    raw_id_fields = ('actor',)


@admin.register(WomenShareTarget)
class WomenShareTargetAdmin(SimpleHistoryAdmin):
    list_display = ('country', 'actor', 'share', 'target_date', 'source')
    list_filter = ('country',)
    raw_id_fields = ('actor',)
    inlines = [SourceCitationInline]


class AssessmentRatingInline(admin.TabularInline):
    model = AssessmentRating
    extra = 0
    raw_id_fields = ('item',)


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ('title', 'country', 'date', 'framework_version')
    list_filter = ('country',)
    search_fields = ('title', 'assessed_by')
    inlines = [AssessmentRatingInline, SourceCitationInline]


class ThreatInline(admin.TabularInline):
    model = Threat
    extra = 0


class ObjectiveInline(admin.TabularInline):
    model = Objective
    extra = 0
    exclude = ('threats',)


class PillarInline(admin.TabularInline):
    model = Pillar
    extra = 0


@admin.register(NationalDocument)
class NationalDocumentAdmin(SimpleHistoryAdmin):
    list_display = ('title', 'title_fr', 'country', 'kind', 'status', 'adopted', 'due')
    list_filter = ('country', 'kind', 'status')
    search_fields = ('title', 'title_fr')
    raw_id_fields = ('parent',)
    inlines = [ThreatInline, ObjectiveInline, PillarInline, SourceCitationInline]


class ActionStatusUpdateInline(admin.TabularInline):
    model = ActionStatusUpdate
    extra = 0
    raw_id_fields = ('recorded_by',)


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ('ref', 'title', 'document', 'status', 'start', 'end')
    list_filter = ('status', 'document__country')
    search_fields = ('ref', 'title')
    raw_id_fields = ('document', 'pillar', 'owner')
    filter_horizontal = ('depends_on', 'threats', 'objectives')
    inlines = [ActionStatusUpdateInline, SourceCitationInline]


class EventDateInline(admin.TabularInline):
    model = EventDate
    extra = 0


@admin.register(TimelineEvent)
class TimelineEventAdmin(SimpleHistoryAdmin):
    list_display = ('title', 'title_fr', 'country', 'kind')
    list_filter = ('country', 'kind')
    search_fields = ('title', 'title_fr', 'description')
    inlines = [EventDateInline]
