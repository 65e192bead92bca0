from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Survey, SurveyVersion

# Section: surveys (submissions are not edited in the admin: their identifying answers are masked in the app only)


@admin.register(Survey)
class SurveyAdmin(SimpleHistoryAdmin):
    list_display = ['title', 'country', 'status']
    list_filter = ['status', 'country']
    filter_horizontal = ['owners']


@admin.register(SurveyVersion)
class SurveyVersionAdmin(SimpleHistoryAdmin):
    list_display = ['survey', 'version', 'form_id', 'web_form', 'published_at']
    readonly_fields = ['xform', 'structure', 'features', 'unsupported', 'identifying', 'warnings']
