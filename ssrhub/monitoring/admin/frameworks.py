from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ssrhub.core.admin import SourceCitationInline

from ..models import (
    FrameworkResult,
    Indicator,
    IndicatorPeriod,
    LibraryIndicator,
    ResultLevel,
    ResultsFramework,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
)

__all__ = [
    'FrameworkResultAdmin',
    'IndicatorAdmin',
    'LibraryIndicatorAdmin',
    'ResultsFrameworkAdmin',
    'SdgIndicatorAdmin',
]


class ResultLevelInline(admin.TabularInline):
    model = ResultLevel
    extra = 0


class IndicatorPeriodInline(admin.TabularInline):
    model = IndicatorPeriod
    extra = 0


@admin.register(ResultsFramework)
class ResultsFrameworkAdmin(SimpleHistoryAdmin):
    list_display = ('title', 'country', 'plan', 'status', 'start', 'end')
    list_filter = ('status', 'country')
    search_fields = ('title', 'title_fr', 'programme')
    inlines = [ResultLevelInline, SourceCitationInline]


@admin.register(FrameworkResult)
class FrameworkResultAdmin(SimpleHistoryAdmin):
    list_display = ('code', 'statement', 'framework', 'level')
    list_filter = ('framework__country',)
    search_fields = ('code', 'statement')


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ('code', 'title', 'result', 'unit', 'direction', 'frequency')
    list_filter = ('unit', 'result__framework__country')
    search_fields = ('code', 'title', 'title_fr')
    inlines = [IndicatorPeriodInline, SourceCitationInline]


@admin.register(LibraryIndicator)
class LibraryIndicatorAdmin(SimpleHistoryAdmin):
    list_display = ('code', 'title_en', 'topic', 'unit')
    list_filter = ('topic', 'unit')
    search_fields = ('code', 'title_en', 'title_fr')
    inlines = [SourceCitationInline]


@admin.register(SdgIndicator)
class SdgIndicatorAdmin(SimpleHistoryAdmin):
    list_display = ('number', 'title_en')
    search_fields = ('number', 'title_en', 'title_fr')


admin.site.register([SdgGoal, SdgTarget], SimpleHistoryAdmin)
