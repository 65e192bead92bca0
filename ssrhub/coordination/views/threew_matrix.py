"""The 3W matrix pages: a country's (in its workspace) and every country's (under /coordination/3w/), over stored
activities of every origin, filterable, as a heat table with totals, each cell a link to its activities, and
downloads (CSV, XLSX, HXL CSV). ``threew_matrix`` counts in the database; ``hxl3w/matrix.py`` makes the matrix."""

from urllib.parse import urlencode

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ssrhub.core.exports import export_response
from ssrhub.core.forms import AccessibleFormMixin, style_widgets
from ssrhub.core.params import InvalidParameter
from ssrhub.core.views.generic import CountryScopedView, RestrictedViewMixin

from .. import threew_matrix
from ..models import Activity, Origin

__all__ = ['ThreeWMatrixAllView', 'ThreeWMatrixView']

SHOWN_ROWS = 40  # the page shows the rows with most activities; downloads hold them all
DIMENSION_LABELS = {
    'organisation': gettext_lazy('Organisation'),
    'org_type': gettext_lazy('Organisation type'),
    'framework': gettext_lazy('Framework area or component'),
    'sector': gettext_lazy('Sector as published'),
    'admin1': gettext_lazy('Admin 1'),
    'admin2': gettext_lazy('Admin 2'),
    'period': gettext_lazy('Period'),
}


def _in_sentence(label) -> str:
    """A dimension's label inside a sentence ("400 activities by organisation and sector as published")."""
    text = str(label)
    return text[:1].lower() + text[1:]


class MatrixForm(AccessibleFormMixin, forms.Form):
    """What the matrix counts by, and which activities it counts."""

    rows = forms.ChoiceField(label=gettext_lazy('Rows'), choices=DIMENSION_LABELS.items(), initial='organisation')
    columns = forms.ChoiceField(label=gettext_lazy('Columns'), choices=DIMENSION_LABELS.items(), initial='sector')
    country = forms.CharField(label=gettext_lazy('Country (ISO alpha-3)'), required=False, max_length=3)
    origin = forms.ChoiceField(label=gettext_lazy('Origin'), required=False, choices=[('', '—'), *Origin.choices])
    org_type = forms.CharField(label=gettext_lazy('Organisation type (IATI code)'), required=False, max_length=3)
    sector = forms.CharField(label=gettext_lazy('Sector code'), required=False, max_length=100)
    admin_level = forms.ChoiceField(
        label=gettext_lazy('Admin level'),
        required=False,
        choices=[('', '—'), ('1', gettext_lazy('Admin 1')), ('2', gettext_lazy('Admin 2'))],
    )
    period = forms.CharField(label=gettext_lazy('Period (start/end)'), required=False, max_length=21)

    def __init__(self, *args, with_country=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_country:
            del self.fields['country']
        style_widgets(self)

    def filtered(self, activities):
        data = self.cleaned_data
        if data.get('country'):
            activities = activities.filter(country__iso3__iexact=data['country'])
        if data['origin']:
            activities = activities.filter(origin=data['origin'])
        if data['admin_level']:
            activities = activities.filter(
                pk__in=Activity.objects.filter(locations__admin_area__level=int(data['admin_level'])).values('pk')
            )
        for name, dimension in (('org_type', 'org_type'), ('sector', 'sector'), ('period', 'period')):
            if data[name].strip():
                activities = activities.filter(
                    pk__in=Activity.objects.filter(threew_matrix.cell_q(dimension, data[name].strip())).values('pk')
                )
        return activities


class MatrixMixin:
    template_name = 'coordination/threew_matrix.html'
    with_country = True

    def matrix_response(self, request, activities, extra: dict, base_params: dict, filename: str):
        data = {'rows': 'organisation', 'columns': 'sector', **request.GET.dict()}
        form = MatrixForm(data, with_country=self.with_country)
        if not form.is_valid():
            message = _('The matrix filters are not valid: %(errors)s') % {'errors': form.errors.as_text()}
            raise InvalidParameter(message)
        activities = form.filtered(activities)
        rows, columns = form.cleaned_data['rows'], form.cleaned_data['columns']
        download = request.GET.get('download', '')
        if download == 'hxl':
            response = StreamingHttpResponse(
                threew_matrix.hxl_lines(activities), content_type='text/csv; charset=utf-8'
            )
            response['Content-Disposition'] = content_disposition_header(True, f'{filename}-hxl.csv')
            return response
        counted = threew_matrix.count_matrix(activities, rows, columns)
        row_labels = threew_matrix.labels(rows, counted.rows)
        column_labels = threew_matrix.labels(columns, counted.columns)
        none = _('(none)')
        if download:
            return self.download(counted, row_labels, column_labels, none, download, filename)
        filters = {**base_params, **{key: value for key, value in form.cleaned_data.items() if value and key not in (
            'rows', 'columns', 'admin_level')}}  # fmt: skip
        activity_list = reverse('coordination:activity_list')

        base = f'{activity_list}?{urlencode(filters)}&' if filters else f'{activity_list}?'
        row_params = {row: urlencode(threew_matrix.drill_params(rows, row)) for row in counted.rows[:SHOWN_ROWS]}
        column_params = {column: urlencode(threew_matrix.drill_params(columns, column)) for column in counted.columns}

        def drill(row, column):
            if not row or not column:
                return ''
            return f'{base}{row_params[row]}&{column_params[column]}'

        shown = counted.rows[:SHOWN_ROWS]
        heat = {
            'columns': [column_labels.get(column, column) or none for column in counted.columns],
            'rows': [
                (
                    row_labels.get(row, row) or none,
                    _cells(counted, row, drill),
                    counted.row_totals.get(row, 0),
                )
                for row in shown
            ],
            'column_totals': [counted.column_totals.get(column, 0) for column in counted.columns],
            'total': counted.total,
            'hidden': len(counted.rows) - len(shown),
        }
        query = request.GET.copy()
        downloads = {}
        for fmt in ('csv', 'xlsx', 'hxl'):
            query['download'] = fmt
            downloads[fmt] = f'?{query.urlencode()}'
        context = {
            'form': form,
            'heat': heat,
            'row_label': DIMENSION_LABELS[rows],
            'column_label': DIMENSION_LABELS[columns],
            'row_words': _in_sentence(DIMENSION_LABELS[rows]),
            'column_words': _in_sentence(DIMENSION_LABELS[columns]),
            'downloads': downloads,
            **extra,
        }
        return render(request, self.template_name, context)

    def download(self, counted, row_labels, column_labels, none, fmt, filename):
        keys = [f'c{index}' for index in range(len(counted.columns))]
        pairs = list(zip(keys, counted.columns, strict=True))
        columns = [
            ('label', f'{DIMENSION_LABELS[counted.row_dimension]} / {DIMENSION_LABELS[counted.column_dimension]}'),
            *(
                (key, column_labels.get(column, column) or none)
                for key, column in zip(keys, counted.columns, strict=True)
            ),
            ('total', _('Total')),
        ]
        table = [
            {
                'label': row_labels.get(row, row) or none,
                **{key: counted.count(row, column) for key, column in pairs},
                'total': counted.row_totals.get(row, 0),
            }
            for row in counted.rows
        ]
        table.append(
            {
                'label': _('Total'),
                **{
                    key: counted.column_totals.get(column, 0) for key, column in zip(keys, counted.columns, strict=True)
                },
                'total': counted.total,
            }
        )
        if fmt not in ('csv', 'xlsx'):
            raise InvalidParameter(_('There is no “%(format)s” download: choose CSV, XLSX or HXL.') % {'format': fmt})
        return export_response(table, columns, fmt, filename)


class ThreeWMatrixView(MatrixMixin, CountryScopedView):
    """The 3W matrix of a country, in its workspace."""

    queryset = Activity.objects.all()
    tab = '3w'
    with_country = False

    def get(self, request):
        activities = self.get_queryset(request)
        return self.matrix_response(
            request,
            activities,
            self.country_context(workspace=True),
            {'country': self.country.iso3},
            f'3w-matrix-{self.country.iso3}',
        )


class ThreeWMatrixAllView(LoginRequiredMixin, MatrixMixin, RestrictedViewMixin, View):
    """The 3W matrix of every country the user may see."""

    queryset = Activity.objects.all()
    template_name = 'coordination/threew_matrix_all.html'

    def get(self, request):
        if refusal := self.refuse_reader(request, Activity):
            return refusal
        return self.matrix_response(request, self.get_queryset(request), {'workspace': False}, {}, '3w-matrix')


def _cells(counted, row: str, drill) -> str:
    """The cells of one row of the heat table, as HTML: a template loop over a thousand cells is the page's
    slowest part."""
    largest = max(counted.cells.values(), default=0) or 1
    parts = []
    for column in counted.columns:
        count = counted.count(row, column)
        shade = _shade(count / largest)
        link = drill(row, column) if count else ''
        content = (
            f'<a href="{escape(link)}" class="threew-cell">{count}</a>' if link else (str(count) if count else '·')
        )
        parts.append(f'<td class="text-end heat heat-{shade}">{content}</td>')
    return mark_safe(''.join(parts))  # noqa: S308 (numbers and escaped links only)


def _shade(share: float) -> int:
    return 0 if share == 0 else min(4, 1 + int(share * 4))
