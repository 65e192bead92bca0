"""Mandated vs reported for a mission and period: the heat-map page, its drill-down and its export."""

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.labels import code_label
from ssrhub.core.exports import EXPORT_FORMATS, export_response
from ssrhub.core.kept import kept_result
from ssrhub.framework.models import MissionTypeChoices

from .comparison import mission_by_reference, mission_matrix, reference_paragraphs
from .delivery import load_vocabulary
from .forms import dimension_label, language, read_form
from .matrix import BREAKDOWNS, MANDATED, REPORTED, ROW_FIELDS, SIDES, TOTAL
from .trend_queries import TREND_SOURCES
from .views import MissionAnalysisView

__all__ = ['MatrixExportView', 'MatrixParagraphsView', 'MissionMatrixView', 'value_label']

HEAT_LEVELS = 4
VALUE_LABELS = {
    'explicit': gettext_lazy('Explicit'),
    'implicit': gettext_lazy('Implicit (generic SSR only)'),
    'long': gettext_lazy('Long (two or more documents)'),
    'short': gettext_lazy('Short (one document)'),
    'both': gettext_lazy('Technical and political'),
    'unspecified': gettext_lazy('Unspecified'),
    'none': gettext_lazy('No category'),
    **dict(MissionTypeChoices.choices),
}
SIDE_LABELS = {MANDATED: gettext_lazy('Mandated'), REPORTED: gettext_lazy('Reported')}
EXPORT_COLUMNS = [(key, key) for key in ROW_FIELDS]


def value_label(dimension: str, value: str) -> str:
    spec = load_vocabulary().dimensions.get(dimension)
    if spec is not None and value in spec.values:
        label = spec.values[value].label
        return label.get(language()) or label['en']
    return str(VALUE_LABELS.get(value, value))


def read_matrix(request, mission):
    """(form, matrix) for the GET parameters; the matrix is None when the form has errors."""
    form, data = read_form(request)
    if data is None:
        return form, None
    return form, mission_matrix(mission, data['period'], explicit_only=data['explicit_only'])


def _heat(count: int, peak: int) -> int:
    """0 for an empty cell, else 1..HEAT_LEVELS in proportion to the largest count of the table."""
    return 0 if not count else max(1, round(HEAT_LEVELS * count / peak))


def heat_legend(peak: int) -> list[dict]:
    """The colour scale of a table whose largest count is ``peak``: each heat level with the counts it shows
    (``low`` to ``high``), levels that no count reaches left out; level 0 is the empty cell."""
    legend = [{'heat': 0, 'low': 0, 'high': 0}]
    for count in range(1, peak + 1):
        heat = _heat(count, peak)
        if legend[-1]['heat'] == heat:
            legend[-1]['high'] = count
        else:
            legend.append({'heat': heat, 'low': count, 'high': count})
    return legend


def heat_rows(matrix, dimension: str) -> tuple[list[str], list[dict], int]:
    """The values of ``dimension`` as columns and, per code, each side's total and per-value cells with a heat level;
    and the largest count of the code rows, whose scale the legend shows.

    The code rows share one scale (their largest count); the totals row, whose counts are sums, has its own.
    """
    values = matrix.totals.values(dimension)

    def counts(row):
        return [row.side(side).count for side in SIDES] + [
            row.side(side).cell(dimension, value).count for value in values for side in SIDES
        ]

    code_peak = max([1, *(count for row in matrix.rows for count in counts(row))])
    total_peak = max([1, *counts(matrix.totals)])
    rows = []
    for row in (*matrix.rows, matrix.totals):
        peak = total_peak if row is matrix.totals else code_peak
        cells = []
        for value in values:
            for side in SIDES:
                cell = row.side(side).cell(dimension, value)
                cells.append({'side': side, 'value': value, 'count': cell.count, 'heat': _heat(cell.count, peak)})
        rows.append(
            {
                'code': row.code,
                'label': _('All codes') if row.code == TOTAL else code_label(row.code),
                'totals': [
                    {'side': side, 'count': row.side(side).count, 'heat': _heat(row.side(side).count, peak)}
                    for side in SIDES
                ],
                'cells': cells,
                'mandated_not_reported': row.mandated_not_reported,
                'reported_not_mandated': row.reported_not_mandated,
                'documents': {side: row.side(side).documents for side in SIDES},
            }
        )
    return [(value, value_label(dimension, value)) for value in values], rows, code_peak


def period_query(params) -> str:
    """The GET parameters that choose the matrix (period, explicit only), without the breakdown, for the links
    of its cells, which add their own ``dimension`` and ``value``."""
    kept = params.copy()
    for name in ('dimension', 'value', 'code', 'side'):
        kept.pop(name, None)
    return kept.urlencode()


class MissionMatrixView(MissionAnalysisView):
    """Codes x {mandated, reported} for a mission and period, broken down by one chapter 9 dimension."""

    def get(self, request):
        mission = self.object
        form, data = read_form(request)
        context = {'mission': mission, 'form': form, 'export_formats': EXPORT_FORMATS, 'sides': SIDE_LABELS}
        if data is None:
            return render(request, 'mandates/matrix.html', context, status=400)
        # Kept as the trends are: the same records, the same events change it.
        matrix = kept_result(
            'mission-matrix',
            request.user,
            TREND_SOURCES,
            [mission.pk, data['period'], data['explicit_only'], load_codebook().version],
            lambda: mission_matrix(mission, data['period'], explicit_only=data['explicit_only']),
        )
        values, rows, peak = heat_rows(matrix, data['dimension'])
        context.update(
            legend=heat_legend(peak),
            matrix=matrix,
            dimension=data['dimension'],
            dimension_label=dimension_label(data['dimension']),
            values=values,
            rows=rows,
            query=request.GET.urlencode(),
            period_query=period_query(request.GET),
            by_reference=[row for row in mission_by_reference(mission, data['period']) if not row['complete']],
        )
        return render(request, 'mandates/matrix.html', context)


class MatrixParagraphsView(MissionAnalysisView):
    """The paragraphs behind one cell: ``code``, ``side`` and optionally ``dimension`` and ``value``."""

    def get(self, request):
        mission = self.object
        form, matrix = read_matrix(request, mission)
        if matrix is None:
            return HttpResponseBadRequest(' '.join(str(e) for errors in form.errors.values() for e in errors))
        code, side = request.GET.get('code', ''), request.GET.get('side', '')
        dimension, value = request.GET.get('dimension', ''), request.GET.get('value', '')
        row = matrix.totals if code == TOTAL else matrix.row(code)
        if row is None or side not in SIDES or (dimension and dimension not in BREAKDOWNS):
            raise Http404(_('No such cell in this matrix.'))
        summary = row.side(side)
        ids = summary.cell(dimension, value).paragraph_ids if dimension else summary.paragraph_ids
        context = {
            'mission': mission,
            'code': code,
            'code_label': _('All codes') if code == TOTAL else code_label(code),
            'side_label': SIDE_LABELS[side],
            'dimension_label': dimension_label(dimension) if dimension else '',
            'value_label': value_label(dimension, value) if dimension else '',
            'paragraphs': reference_paragraphs(ids, None if code == TOTAL else code),
        }
        template = 'mandates/includes/matrix_paragraphs.html' if request.htmx else 'mandates/matrix_paragraphs.html'
        return render(request, template, context)


class MatrixExportView(MissionAnalysisView):
    def get(self, request, fmt):
        mission = self.object
        if fmt not in EXPORT_FORMATS:
            return HttpResponseBadRequest(_('Unknown export format.'))
        form, matrix = read_matrix(request, mission)
        if matrix is None:
            return HttpResponseBadRequest(' '.join(str(e) for errors in form.errors.values() for e in errors))
        return export_response(matrix.as_rows(), EXPORT_COLUMNS, fmt, f'{mission.acronym}-mandated-vs-reported')
