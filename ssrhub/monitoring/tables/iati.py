"""The table of a country's IATI results page: one row per indicator of an imported activity's result."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ssrhub.coordination.models import ResultIndicator
from ssrhub.core.tables import BaseTable

__all__ = ['IatiResultTable']


class IatiResultTable(BaseTable):
    activity = tables.Column(
        verbose_name=_('Activity'), accessor='result__activity__title', order_by=('result__activity__title', 'pk')
    )
    result = tables.Column(verbose_name=_('Result'), accessor='result__title', order_by=('result__type', 'pk'))
    title = tables.Column(verbose_name=_('Indicator'))
    baseline_value = tables.Column(verbose_name=_('Baseline'), order_by=('baseline_year',), empty_values=())
    periods = tables.Column(verbose_name=_('Targets and actuals'), orderable=False, empty_values=(), accessor='pk')

    class Meta(BaseTable.Meta):
        model = ResultIndicator
        fields = ('activity', 'result', 'title', 'baseline_value', 'periods')
        order_by = ('activity',)

    def render_activity(self, record):
        activity = record.result.activity
        organisation = activity.reporting_organisation
        return format_html(
            '<a href="{}" lang="">{}</a><div class="small text-body-secondary">{}</div>',
            activity.get_absolute_url(),
            activity.title,
            organisation.display_name if organisation else activity.iati_identifier,
        )

    def render_result(self, record):
        return format_html(
            '<span class="badge text-bg-{} result-type">{}</span> <span lang="">{}</span>',
            {'3': 'dark', '2': 'primary', '1': 'info'}.get(record.result.type, 'secondary'),
            record.result.get_type_display(),
            record.result.title,
        )

    def render_title(self, record):
        return format_html(
            '<span lang="">{}</span><div class="small text-body-secondary">{} · {}</div>',
            record.title,
            record.get_measure_display(),
            _('higher is better') if record.ascending else _('lower is better'),
        )

    def render_baseline_value(self, record):
        if record.baseline_year is None and not record.baseline_value:
            return '—'
        return format_html('{} <span class="text-body-secondary">({})</span>', record.baseline_value or '—',
                           record.baseline_year or '…')  # fmt: skip

    def render_periods(self, record):
        return render_to_string('monitoring/iati/_periods.html', {'periods': record.periods.all()})
