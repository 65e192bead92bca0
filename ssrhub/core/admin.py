from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from simple_history.admin import SimpleHistoryAdmin

from .access import is_administrator
from .models import ApiToken, Country, CountryAssignment, SensitiveRead, SourceCitation
from .two_factor import reset_devices

__all__ = [
    'ApiTokenAdmin',
    'AuditedUserAdmin',
    'CountryAdmin',
    'CountryAssignmentAdmin',
    'LockoutAdmin',
    'SensitiveReadAdmin',
    'SourceCitationInline',
]


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
    list_display = ('user', 'country', 'role')
    list_filter = ('role', 'country')
    search_fields = ('user__username', 'country__iso3', 'country__name_en')
    autocomplete_fields = ('user', 'country')


class CountryAssignmentInline(admin.TabularInline):
    model = CountryAssignment
    extra = 0
    fields = ('country', 'role')
    autocomplete_fields = ('country',)


admin.site.unregister(User)
# django-otp's own device pages would show users' secret keys, QR codes and backup codes to staff: an administrator
# resets a user's devices from the user list instead (``AuditedUserAdmin.reset_two_factor``).
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(User)
class AuditedUserAdmin(SimpleHistoryAdmin, UserAdmin):
    """Users with their roles (groups), the countries they act on, and the history of both."""

    inlines = [CountryAssignmentInline]
    list_filter = (*UserAdmin.list_filter, 'country_assignments__role')
    actions = ['reset_two_factor']

    @admin.action(description=_('Reset two-factor authentication (lost phone)'), permissions=['change'])
    def reset_two_factor(self, request, queryset):
        for user in queryset:
            reset_devices(user)
            self.log_change(request, user, [{'changed': {'fields': ['two-factor devices (reset)']}}])
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                'Two-factor authentication reset for %(count)d user: they set it up again at their next login.',
                'Two-factor authentication reset for %(count)d users: they set it up again at their next login.',
                count,
            )
            % {'count': count},
            messages.SUCCESS,
        )


admin.site.unregister(AccessAttempt)


class AdministratorsOnlyMixin:
    """An admin page seen by administrators (the role or superusers) only, whatever Django permissions say."""

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and is_administrator(request.user)

    def has_module_permission(self, request):
        return self.has_view_permission(request)


@admin.register(AccessAttempt)
class LockoutAdmin(AdministratorsOnlyMixin, AccessAttemptAdmin):
    """django-axes' failed logins by username and client address, those locked first, for administrators (role or
    superuser); "Unlock" removes them (the admin's log records who unlocked what)."""

    list_display = ('username', 'ip_address', 'failures_since_start', 'locked', 'attempt_time')
    ordering = ('-failures_since_start', '-attempt_time')
    actions = ['unlock']

    def has_delete_permission(self, request, obj=None):
        return self.has_view_permission(request)

    @admin.display(boolean=True, description=_('Locked'))
    def locked(self, attempt):
        return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT

    @admin.action(description=_('Unlock (forget these failed logins)'), permissions=['delete'])
    def unlock(self, request, queryset):
        count = len(queryset)
        self.log_deletions(request, queryset)
        queryset.delete()
        self.message_user(
            request,
            ngettext('%(count)d username and address unlocked.', '%(count)d usernames and addresses unlocked.', count)
            % {'count': count},
            messages.SUCCESS,
        )


@admin.register(SensitiveRead)
class SensitiveReadAdmin(AdministratorsOnlyMixin, admin.ModelAdmin):
    """The read log, for administrators only, read-only: who read which sensitive record, when and how (the record's
    kind and id, never its content)."""

    list_display = ('at', 'user', 'content_type', 'object_id', 'channel')
    list_filter = ('channel', 'content_type')
    search_fields = ('user__username',)
    date_hierarchy = 'at'
    list_select_related = ('user', 'content_type')

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(AdministratorsOnlyMixin, admin.ModelAdmin):
    """Everyone's API tokens, for administrators: they see them (never a key: only its digest is stored) and revoke any
    (delete, one or all of a user's at once). Tokens are created by their owner on the account page."""

    list_display = ('name', 'user', 'created', 'last_used', 'expiry')
    list_filter = ('expiry', 'last_used')
    search_fields = ('user__username', 'name')
    list_select_related = ('user',)
    fields = ('name', 'user', 'created', 'last_used', 'expiry')
    readonly_fields = fields

    def has_delete_permission(self, request, obj=None):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
