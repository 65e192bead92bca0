"""Table of SDG indicators with the library and framework indicators linked to each."""

import django_tables2 as tables
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from ..models import SdgIndicator

__all__ = ['SdgIndicatorTable']


class SdgIndicatorTable(BaseTable):
    number = tables.Column(verbose_name=_('Number'), order_by=('order',))
    title = tables.Column(verbose_name=_('SDG indicator'), accessor='title_en', order_by=('order',))
    library = tables.Column(verbose_name=_('In the library'), accessor='pk', orderable=False)
    frameworks = tables.Column(verbose_name=_('In results frameworks'), accessor='pk', orderable=False)

    class Meta(BaseTable.Meta):
        model = SdgIndicator
        fields = ('number', 'title', 'library', 'frameworks')
        row_attrs = {'id': lambda record: f'sdg-{record.number}'}
        order_by = ('number',)

    def render_title(self, value, record):
        return record.title

    def render_library(self, value, record):
        found = record.library_indicators.all()
        if not found:
            return '—'
        return format_html_join(
            mark_safe('<br>'), '<a href="{}">{}</a>', ((item.get_absolute_url(), item.title) for item in found)
        )

    def render_frameworks(self, value, record):
        found = getattr(record, 'visible_indicators', [])
        if not found:
            return '—'
        return format_html_join(
            mark_safe('<br>'),
            '<a href="{}">{} ({})</a>',
            ((item.get_absolute_url(), item, item.result.framework.country.iso3) for item in found),
        )
