from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.contrib.contenttypes.admin import GenericTabularInline
from simple_history.admin import SimpleHistoryAdmin

from .models import Country, CountryAssignment, SourceCitation

__all__ = ['AuditedUserAdmin', 'CountryAdmin', 'CountryAssignmentAdmin', 'SourceCitationInline']


class SourceCitationInline(GenericTabularInline):
    model = SourceCitation
    extra = 0
    fields = ('order', 'symbol', 'paragraph', 'book_chapter', 'book_lines', 'url', 'note')


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ('iso3', 'name_en', 'name_fr')
    search_fields = ('iso3', 'iso2', 'name_en', 'name_fr')


@admin.register(CountryAssignment)
class CountryAssignmentAdmin(SimpleHistoryAdmin):
    list_display = ('user', 'country')
    list_filter = ('country',)
    autocomplete_fields = ('user', 'country')


class CountryAssignmentInline(admin.TabularInline):
    model = CountryAssignment
    extra = 0
    autocomplete_fields = ('country',)


admin.site.unregister(User)


@admin.register(User)
class AuditedUserAdmin(SimpleHistoryAdmin, UserAdmin):
    """Users with their roles (groups), the countries they act on, and the history of both."""

    inlines = [CountryAssignmentInline]
