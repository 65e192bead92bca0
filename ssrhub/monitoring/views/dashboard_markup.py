"""The dashboard's per-indicator markup written in Python: the chart's SVG (``indicator_chart.IndicatorChart``) and
the rows of the table beside it. A dashboard of 50 indicators of 20 periods places some 3,000 figures; written by the
template engine, node by node, they took most of the page's time (measured: 350 ms of 500), written here 20 ms.
Every text is escaped; coordinates are written as SVG reads them, whatever the page's language."""

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .. import rollups
from ..display import format_value, status_label

__all__ = ['Texts', 'chart_svg', 'figure_rows', 'table_rows']

COLOURS = {rollups.ON_TRACK: '#198754', rollups.AT_RISK: '#b35c00', rollups.OFF_TRACK: '#b02a37'}
GREY = '#6c757d'


def _n(number: float) -> str:
    """A coordinate as SVG reads it (never "12,5")."""
    return f'{number:g}'


class Texts:
    """Values and statuses as text, each written once per page: a framework's indicators share units, targets and
    statuses, and formatting a number in the page's language is the dearest part of the markup."""

    def __init__(self):
        self.values: dict = {}
        self.statuses: dict = {}

    def value(self, value, indicator) -> str:
        key = (value, indicator.unit, indicator.decimal_places, indicator.scale_min, indicator.scale_max)
        if key not in self.values:
            self.values[key] = format_value(value, indicator)
        return self.values[key]

    def status(self, status: str) -> str:
        if status not in self.statuses:
            self.statuses[status] = status_label(status)
        return self.statuses[status]


def figure_rows(entry, texts: Texts) -> list[tuple[str, str, str, str, str]]:
    """Per period: its label, target, approved value (as text in the indicator's unit), status and status in words."""
    indicator = entry.indicator
    rows = []
    for period, label, result in entry.periods:
        status = result.status if result else rollups.NO_VALUE
        actual = texts.value(result.value if result else None, indicator)
        rows.append((label, texts.value(period.target, indicator), actual, status, texts.status(status)))
    return rows


def table_rows(rows) -> SafeString:
    return mark_safe(
        ''.join(
            f'<tr><th scope="row">{escape(label)}</th><td class="text-end">{escape(target)}</td>'
            f'<td class="text-end">{escape(actual)}</td><td data-track="{status}">{escape(words)}</td></tr>'
            for label, target, actual, status, words in rows
        )
    )


def chart_svg(entry, rows, chart_id: str, texts: Texts) -> SafeString:
    """The chart with its title and description (``aria-labelledby``); each target and value also carries its
    figure as a tooltip."""
    indicator, chart = entry.indicator, entry.chart
    colon = pgettext('colon', ':')
    figures = {label: (target, actual) for label, target, actual, _status, _words in rows}
    left, right = _n(chart.left), _n(chart.right)
    parts = [
        format_html(
            '<svg viewBox="0 0 {} {}" width="100%" style="max-width: {}px" role="img" '
            'aria-labelledby="{}-title {}-desc" id="{}" class="indicator-chart">'
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            chart.width,
            chart.height,
            chart.width,
            chart_id,
            chart_id,
            chart_id,
            chart_id,
            _('%(code)s %(title)s: approved values against targets by period')
            % {'code': indicator.code, 'title': indicator.display_title},
            chart_id,
            _(
                'Dashed line: the targets. Grey line: the baseline. Dots: the approved values, green on track, amber '
                'at risk, red off track. The table gives every figure.'
            ),
        )
    ]
    for value, y in chart.ticks:
        parts.append(
            f'<line x1="{left}" x2="{right}" y1="{_n(y)}" y2="{_n(y)}" stroke="#dee2e6"></line>'
            f'<text x="{_n(chart.left - 6)}" y="{_n(y)}" dy="4" text-anchor="end" font-size="11">'
            f'{escape(texts.value(value, indicator))}</text>'
        )
    floor = _n(chart.floor)
    parts.append(f'<line x1="{left}" x2="{right}" y1="{floor}" y2="{floor}" stroke="#495057"></line>')
    label_y = _n(chart.height - 8)
    parts += [
        f'<text x="{_n(x)}" y="{label_y}" text-anchor="middle" font-size="11">{escape(label)}</text>'
        for label, x in chart.labels
    ]
    if chart.baseline_y is not None:
        y = _n(chart.baseline_y)
        baseline = f'{_("Baseline")}{colon} {format_value(chart.baseline, indicator)}'
        parts.append(
            f'<line x1="{left}" x2="{right}" y1="{y}" y2="{y}" stroke="{GREY}" stroke-width="1.5" class="baseline">'
            f'<title>{escape(baseline)}</title></line>'
        )
    if chart.targets:
        word = _('target')
        parts.append(
            f'<polyline points="{chart.target_path}" fill="none" stroke="#1f5f8b" stroke-width="1.5" '
            'stroke-dasharray="5 4" class="targets"></polyline>'
        )
        parts += [
            f'<rect x="{_n(x - 3)}" y="{_n(y - 3)}" width="6" height="6" fill="#fff" stroke="#1f5f8b">'
            f'<title>{escape(f"{label}, {word}{colon} {figures[label][0]}")}</title></rect>'
            for label, _value, x, y in chart.targets
        ]
    if chart.actuals:
        word = _('approved value')
        parts.append(
            f'<polyline points="{chart.actual_path}" fill="none" stroke="#212529" stroke-width="1.5" '
            'class="actuals"></polyline>'
        )
        parts += [
            f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4" data-track="{status}" fill="{COLOURS.get(status, GREY)}">'
            f'<title>{escape(f"{label}, {word}{colon} {figures[label][1]}")}</title></circle>'
            for label, _value, x, y, status in chart.actuals
        ]
    parts.append('</svg>')
    return mark_safe(''.join(parts))
