"""Trends page and downloads: resolutions with SSR language by year, code, setting and force; the country-specific
share. Definitions in ``trends.py``; the API (``api/trends.py``) serves the same tables and the charts' JSON.
"""

from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from ssrhub.coding.codebook import GROUPS, load_codebook
from ssrhub.coding.labels import code_label
from ssrhub.coding.models import FORCE_LABELS
from ssrhub.core.exports import EXPORT_FORMATS, export_response
from ssrhub.core.kept import kept_result
from ssrhub.core.views.generic import AnalysisView
from ssrhub.documents.models import MissionLink
from ssrhub.framework.models import MissionTypeChoices

from .forms import GROUP_LABELS, MEASURE_LABELS, read_filters
from .trend_queries import TREND_SOURCES, resolution_records
from .trends import (
    CHART_SERIES,
    MEASURE_COLUMNS,
    MEASURES,
    codes_chart,
    measure_chart,
    measure_rows,
    year_range,
)

__all__ = ['COLUMN_LABELS', 'TrendAnalysisView', 'TrendExportView', 'TrendsView', 'trend_chart', 'trend_table']

MEASURE_HELP = {
    'ssr-language': gettext_lazy(
        'A resolution has SSR language when at least one paragraph carries a code of the component, initiative '
        'or SSR group (police, defence, justice, corrections, intelligence, border management, national SSR '
        'initiatives, security sector reform as such). Explicit wording: the words "security sector reform" or '
        'an equivalent.'
    ),
    'codes': gettext_lazy(
        'Resolutions carrying each code in at least one paragraph, every group included; a generic mention of '
        'security sector reform also counts for the components it implies.'
    ),
    'settings': gettext_lazy(
        'The types of the missions on whose track the resolution is (its link is neither excluded nor a mere '
        'mention). A resolution on the tracks of missions of two types counts in both.'
    ),
    'force': gettext_lazy(
        'Each resolution with SSR language counted once, under the strongest opening verb among its paragraphs '
        'with SSR language (a sub-item takes the verb of its chapeau).'
    ),
    'country-specific': gettext_lazy(
        "A resolution is country-specific when it is on a mission's track or names a country, unless it admits "
        'a Member, fills a vacancy, appoints the Secretary-General or lists the candidates or the Prosecutor of '
        'a tribunal. The share is the part of the country-specific resolutions that have SSR language.'
    ),
}
SETTING_LABELS = {
    'pko': MissionTypeChoices.PEACEKEEPING.label,
    'spm': MissionTypeChoices.POLITICAL.label,
    'non_mission': MissionTypeChoices.NON_MISSION.label,
    'none': gettext_lazy('No mission'),
}
COLUMN_LABELS = {
    'year': gettext_lazy('Year'),
    'resolutions': gettext_lazy('Resolutions'),
    'ssr_language': gettext_lazy('Resolutions with SSR language'),
    'ssr_share': gettext_lazy('Share with SSR language'),
    'ssr_explicit': gettext_lazy('Resolutions with explicit SSR wording'),
    'code': gettext_lazy('Code'),
    'label': gettext_lazy('Label'),
    'group': gettext_lazy('Group'),
    'explicit_resolutions': gettext_lazy('Resolutions with the code read explicitly'),
    **{f'{key}_resolutions': gettext_lazy('%(setting)s: resolutions') for key in SETTING_LABELS},
    **{f'{key}_ssr': gettext_lazy('%(setting)s: with SSR language') for key in SETTING_LABELS},
    **{force.name.lower(): label for force, label in FORCE_LABELS.items()},
    'country_specific': gettext_lazy('Country-specific resolutions'),
    'country_specific_ssr': gettext_lazy('Country-specific resolutions with SSR language'),
    'share': gettext_lazy('Share with SSR language'),
}
SERIES_LABELS = {
    'resolutions': gettext_lazy('All resolutions'),
    'ssr_language': gettext_lazy('With SSR language'),
    'ssr_explicit': gettext_lazy('With explicit SSR wording'),
    **{f'{key}_ssr': label for key, label in SETTING_LABELS.items()},
    'share_percent': gettext_lazy('Share with SSR language (%)'),
}
Y_LABELS = {'country-specific': gettext_lazy('Share of country-specific resolutions (%)')}
SHARE_COLUMNS = {'ssr_share', 'share'}
SECTIONS_TEMPLATE = 'mandates/includes/trend_sections.html'


# Section: access and parameters


class TrendAnalysisView(AnalysisView):
    """Trends read mission tracks and codes: the user needs to read mission links (403 otherwise)."""

    queryset = MissionLink.objects.all()


def unknown_measure(measure: str) -> str:
    return _('Unknown measure %(measure)s; expected one of %(measures)s.') % {
        'measure': measure,
        'measures': ', '.join(MEASURES),
    }


# Section: tables and charts


def trend_table(measure, records, years, group='') -> tuple[list[tuple[str, str]], list[dict]]:
    """``(columns, rows)`` of ``measure``: ``(key, translated label)`` pairs and the rows (codes: of ``group``)."""
    rows = measure_rows(measure, records, years)
    keys = list(MEASURE_COLUMNS[measure])
    if measure == 'codes':
        labels = _code_labels(rows)
        rows = [{**row, 'label': labels[row['code']]} for row in rows if not group or row['group'] == group]
        keys.insert(keys.index('code') + 1, 'label')
    return [(key, _column_label(key)) for key in keys], rows


def _column_label(key: str) -> str:
    for suffix in ('_resolutions', '_ssr'):
        setting = key.removesuffix(suffix)
        if key.endswith(suffix) and setting in SETTING_LABELS:
            return str(COLUMN_LABELS[key]) % {'setting': SETTING_LABELS[setting]}
    return capfirst(str(COLUMN_LABELS[key]))


def _code_labels(rows) -> dict[str, str]:
    return {code: code_label(code) for code in {row['code'] for row in rows}}


def trend_chart(measure, records, years, group='', rows=None) -> dict:
    """The ``charts.js`` line chart of ``measure`` (codes: one series per code, of ``group`` when given).

    ``rows``: the measure's rows when already computed.
    """
    if rows is None:
        rows = measure_rows(measure, records, years)
    axes = {'y_label': Y_LABELS.get(measure, COLUMN_LABELS['resolutions']), 'x_label': COLUMN_LABELS['year']}
    if measure == 'codes':
        return codes_chart(rows, _code_labels(rows), group=group or None, **axes)
    labels = {key: str(SERIES_LABELS.get(key) or _column_label(key)) for key in CHART_SERIES[measure]}
    return measure_chart(measure, rows, labels, **axes)


def chart_table(chart: dict) -> tuple[list[str], list[list]]:
    """The chart's data as a table: a header (year, then each series) and one row per label."""
    header = [str(chart['x_label']), *(series['label'] for series in chart['series'])]
    rows = [
        [label, *(series['values'][index] for series in chart['series'])] for index, label in enumerate(chart['labels'])
    ]
    return header, rows


def _collapse_empty_years(rows: list[list], stored_years: set[int]) -> list[list]:
    """Table rows (year first) with each run of years without any stored resolution shown as one row,
    ``1995–2013`` followed by dashes, so that a corpus with a long gap gives a short table."""
    collapsed, run = [], []

    def close_run():
        if run:
            label = str(run[0][0]) if len(run) == 1 else f'{run[0][0]}–{run[-1][0]}'
            collapsed.append([label, *('–' for _cell in run[0][1:])])
            run.clear()

    for row in rows:
        if int(row[0]) in stored_years:
            close_run()
            collapsed.append(row)
        else:
            run.append(row)
    close_run()
    return collapsed


def _cell(key, value):
    if value is None:
        return '–'
    if key in SHARE_COLUMNS:
        return f'{number_format(round(value * 100, 1), 1)} %'
    return value if key in {'year', 'code', 'label', 'group'} else number_format(value)


# Section: pages


class TrendsView(TrendAnalysisView):
    """Trend lines (drawn from the API) each with its data table and downloads."""

    template_name = 'mandates/trends.html'

    def get(self, request):
        form = read_filters(request.GET)
        context = {'form': form, 'export_formats': EXPORT_FORMATS, 'measure_choices': MEASURE_LABELS.items()}
        if not form.is_valid():
            context.update(year_from=request.GET.get('from', ''), year_to=request.GET.get('to', ''))
            return render(request, self.template_name, context, status=400)
        data = form.cleaned_data
        parts = [get_language(), load_codebook().version, *sorted(data.items())]
        page = kept_result('trend-page', request.user, TREND_SOURCES, parts, lambda: self.tables(request, data))
        # The sections' HTML was rendered from the records the reader's scope decides and nothing else of theirs.
        context.update(page, sections=mark_safe(page['sections']))
        return render(request, self.template_name, context)

    def tables(self, request, data) -> dict:
        """The page's years and its sections (tables, chart sources, downloads) rendered, kept as the records are."""
        records = resolution_records(request.user, data['from'], data['to'])
        years = year_range(records, data['from'], data['to'])
        measures = [data['measure']] if data['measure'] else list(MEASURES)
        span = {'from': years[0], 'to': years[-1]} if years else {}
        shown = {
            'year_from': span.get('from', data['from']),
            'year_to': span.get('to', data['to']),
            'sections': [self.section(measure, records, years, span, data['group']) for measure in measures]
            if years
            else [],
        }
        return {**shown, 'sections': str(render_to_string(SECTIONS_TEMPLATE, shown, request))}

    def section(self, measure, records, years, span, group) -> dict:
        stored_years = {record.year for record in records}
        query = urlencode({**span, **({'group': group} if measure == 'codes' and group else {})})
        section = {
            'measure': measure,
            'title': MEASURE_LABELS[measure],
            'help': MEASURE_HELP[measure],
            'exports': [
                (fmt, f'{reverse("mandates:trend_export", args=[measure, fmt])}?{query}') for fmt in EXPORT_FORMATS
            ],
        }
        chart_url = reverse('mandates-api:trend_chart', args=[measure])
        if measure == 'codes':
            charts = []
            code_rows = measure_rows(measure, records, years)
            for code_group in [group] if group else GROUPS:
                chart = trend_chart(measure, records, years, code_group, rows=code_rows)
                if chart['series']:
                    header, rows = chart_table(chart)
                    charts.append({
                        'key': f'codes-{code_group}',
                        'title': GROUP_LABELS[code_group],
                        'src': f'{chart_url}?{urlencode({**span, "group": code_group})}',
                        'header': header,
                        'rows': _collapse_empty_years(
                            [[label, *(_cell('resolutions', value) for value in values)] for label, *values in rows],
                            stored_years,
                        ),
                    })  # fmt: skip
            section['charts'] = charts
            return section
        columns, rows = trend_table(measure, records, years)
        section['charts'] = [
            {
                'key': measure,
                'title': '',
                'src': f'{chart_url}?{urlencode(span)}',
                'header': [label for _key, label in columns],
                'rows': _collapse_empty_years(
                    [[_cell(key, row[key]) for key, _label in columns] for row in rows], stored_years
                ),
            }
        ]
        return section


class TrendExportView(TrendAnalysisView):
    """A measure's table as CSV, XLSX or JSON (the codes table has one row per year and code)."""

    def get(self, request, measure, fmt):
        if measure not in MEASURES:
            return HttpResponseBadRequest(unknown_measure(measure))
        if fmt not in EXPORT_FORMATS:
            return HttpResponseBadRequest(_('Unknown export format.'))
        form = read_filters(request.GET)
        if not form.is_valid():
            return HttpResponseBadRequest(form.error_text())
        data = form.cleaned_data
        records = resolution_records(request.user, data['from'], data['to'])
        years = year_range(records, data['from'], data['to'])
        columns, rows = trend_table(measure, records, years, data['group'])
        span = f'-{years[0]}-{years[-1]}' if years else ''
        return export_response(rows, columns, fmt, f'ssr-trends-{measure}{span}')
