"""The conflict events table of a country's Context tab and the columns of the statistics download."""

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from ..models import ConflictEvent

__all__ = ['ConflictEventTable', 'deaths_text']


def deaths_text(best: int, low: int, high: int) -> str:
    """ "12 (10–15)": the best estimate with the low-high range when the estimates differ."""
    return f'{best} ({low}–{high})' if (low, high) != (best, best) else str(best)


class ConflictEventTable(BaseTable):
    date_start = tables.Column(verbose_name=_('Date'), order_by=('date_start', 'date_end'))
    type_of_violence = tables.Column(verbose_name=_('Type of violence'))
    sides = tables.Column(verbose_name=_('Sides'), accessor='side_a', order_by=('side_a', 'side_b'))
    best = tables.Column(verbose_name=_('Deaths, best (low–high)'), attrs={'td': {'class': 'text-end text-nowrap'}})
    adm_1 = tables.Column(verbose_name=_('Where'), order_by=('adm_1', 'adm_2'))
    source_office = tables.Column(verbose_name=_('Source'), orderable=False)

    class Meta(BaseTable.Meta):
        model = ConflictEvent
        fields = ('date_start', 'type_of_violence', 'sides', 'best', 'adm_1', 'source_office')
        order_by = ('-date_start',)

    def render_date_start(self, record):
        start, end = date_format(record.date_start), date_format(record.date_end)
        when = start if start == end else f'{start} – {end}'
        return format_html(
            '<a href="{}">{}</a><div class="small text-body-secondary">{}</div>',
            record.get_absolute_url(),
            when,
            record.get_date_precision_display(),
        )

    def render_sides(self, record):
        return format_html(
            '<span lang="en">{}<span class="d-block small">– {}</span></span>', record.side_a, record.side_b
        )

    def render_best(self, record):
        return deaths_text(record.best, record.low, record.high)

    def render_adm_1(self, record):
        place = record.where_description or ''
        areas = ', '.join(area for area in (record.adm_2, record.adm_1) if area)
        return format_html(
            '<span lang="en">{}<span class="d-block small text-body-secondary">{}</span></span>', areas or '—', place
        )

    def render_source_office(self, record):
        return format_html(
            '{}<div class="small text-body-secondary">{}</div>', '; '.join(record.sources), record.release
        )
