from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Availability,
    Candidate,
    Deployment,
    Expertise,
    ExpertProfile,
    LanguageSkill,
    RegionExperience,
    RequestStep,
    RosterExport,
    SupportRequest,
)


class ExpertiseInline(admin.TabularInline):
    model = Expertise
    extra = 0
    raw_id_fields = ('item',)


class LanguageInline(admin.TabularInline):
    model = LanguageSkill
    extra = 0


class RegionInline(admin.TabularInline):
    model = RegionExperience
    extra = 0


class AvailabilityInline(admin.TabularInline):
    model = Availability
    extra = 0


class DeploymentInline(admin.TabularInline):
    model = Deployment
    extra = 0
    raw_id_fields = ('request',)


@admin.register(ExpertProfile)
class ExpertProfileAdmin(SimpleHistoryAdmin):
    list_display = ('name', 'nationality', 'clearance', 'demo')
    list_filter = ('clearance', 'demo')
    search_fields = ('name', 'email')
    raw_id_fields = ('user',)
    inlines = [ExpertiseInline, LanguageInline, RegionInline, AvailabilityInline, DeploymentInline]


class StepInline(admin.TabularInline):
    model = RequestStep
    extra = 0


class CandidateInline(admin.TabularInline):
    model = Candidate
    extra = 0
    raw_id_fields = ('profile',)


@admin.register(SupportRequest)
class SupportRequestAdmin(SimpleHistoryAdmin):
    list_display = ('title', 'country', 'status', 'status_date')
    list_filter = ('status', 'country')
    search_fields = ('title', 'requested_by')
    filter_horizontal = ('addressees', 'skills')
    inlines = [StepInline, CandidateInline]


@admin.register(RosterExport)
class RosterExportAdmin(admin.ModelAdmin):
    list_display = ('created', 'user', 'format', 'rows', 'contacts', 'query')
    list_filter = ('contacts', 'format')

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
