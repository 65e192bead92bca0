from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import DuplicationReview, ExchangeRate

__all__ = ['DuplicationReviewAdmin', 'ExchangeRateAdmin']


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ('currency', 'period', 'period_precision', 'rate', 'source')
    list_filter = ('period_precision', 'currency')
    search_fields = ('currency', 'source')


@admin.register(DuplicationReview)
class DuplicationReviewAdmin(SimpleHistoryAdmin):
    list_display = ('action', 'activities', 'decision', 'last_updated')
    list_filter = ('decision',)
    search_fields = ('activities', 'note')
    raw_id_fields = ('action',)
