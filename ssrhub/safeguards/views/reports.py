"""The annual HRDDP summary of a country (HTML and PDF) and the exports of the safeguards lists: aggregate counts,
or the records with their names for a stated, logged reason.

Every page reads through ``restrict()``: only the readers of the country's due-diligence records (with a session
verified by a second factor) reach them; anyone else gets the 403 page.
"""

import datetime

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.http import content_disposition_header

from ssrhub.core.exports import export_response
from ssrhub.core.forms import style_widgets
from ssrhub.core.params import InvalidParameter
from ssrhub.core.readlog import log_reads
from ssrhub.core.views.generic import CountryScopedView

from ..exports import aggregate_columns, aggregate_rows, get_spec, named_columns, named_rows
from ..forms.reports import NamedExportForm
from ..models import NamedExport, SupportRequest
from ..summary_queries import annual_summary, sections, summary_years

__all__ = ['AggregateExportView', 'NamedExportView', 'SummaryLatestView', 'SummaryPdfView', 'SummaryView']

TAB = 'hrdd-summary'
FIRST_YEAR = 2011  # the year the policy was adopted


class SummaryMixin:
    queryset = SupportRequest.objects.all()
    tab = TAB

    def summary_context(self, request, year: int) -> dict:
        if not FIRST_YEAR <= year <= datetime.date.today().year + 1:
            raise Http404
        summary = annual_summary(self.country, year, request.user)
        return self.country_context(year=year, sections=sections(summary))


class SummaryLatestView(SummaryMixin, CountryScopedView):
    """The tab's page: the summary of the latest year with records (the current year when there are none)."""

    def get(self, request):
        years = summary_years(self.country, request.user)
        year = years[0] if years else datetime.date.today().year
        return redirect('safeguards:summary', self.country.iso3, year)


class SummaryView(SummaryMixin, CountryScopedView):
    def get(self, request, year):
        context = self.summary_context(request, year)
        context['years'] = summary_years(self.country, request.user)
        return render(request, 'safeguards/reports/summary.html', context)


class SummaryPdfView(SummaryMixin, CountryScopedView):
    def get(self, request, year):
        from weasyprint import HTML  # imported here: loading Pango costs time that other pages need not pay

        context = self.summary_context(request, year)
        context['language'] = (translation.get_language() or 'en')[:2]
        html = render_to_string('safeguards/reports/summary_document.html', context)
        response = HttpResponse(HTML(string=html).write_pdf(), content_type='application/pdf')
        filename = f'{self.country.iso3.lower()}-hrddp-summary-{year}.pdf'
        response['Content-Disposition'] = content_disposition_header(True, filename)
        return response


class ExportSpecMixin:
    """The list named by ``<records>`` in the URL (a registered ``ExportSpec``), filtered as its list page is."""

    def dispatch(self, request, *args, **kwargs):
        self.spec = get_spec(kwargs.pop('records'))
        self.queryset = self.spec.model.objects.select_related(*self.spec.select_related)
        return super().dispatch(request, *args, **kwargs)

    def records(self, request):
        records = self.get_queryset(request)
        if self.spec.filterset is None:
            return records
        filterset = self.spec.filterset(request.GET, queryset=records, request=request, country=self.country)
        if not filterset.is_valid():
            raise InvalidParameter('; '.join(str(e) for errors in filterset.errors.values() for e in errors))
        return filterset.qs

    def filename(self, kind: str) -> str:
        return f'{self.country.iso3.lower()}-{self.spec.key}-{kind}-{datetime.date.today():%Y-%m-%d}'


class AggregateExportView(ExportSpecMixin, CountryScopedView):
    """Counts by the list's dimensions: no name, no narrative."""

    def get(self, request, fmt):
        rows = aggregate_rows(self.spec, self.records(request))
        return export_response(rows, aggregate_columns(self.spec), fmt, self.filename('counts'))


class NamedExportView(ExportSpecMixin, CountryScopedView):
    """The records with their names: asks for the reason (GET), then logs the export and sends the file (POST)."""

    template_name = 'safeguards/reports/named_export.html'

    def form_response(self, request, form, status=200):
        style_widgets(form)
        context = self.country_context(
            form=form, spec=self.spec, count=self.records(request).count(), query=request.GET.urlencode()
        )
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        return self.form_response(request, NamedExportForm())

    def post(self, request):
        form = NamedExportForm(request.POST)
        if not form.is_valid():
            return self.form_response(request, form, status=400)
        records = list(self.records(request))
        fmt = form.cleaned_data['format']
        with transaction.atomic():
            NamedExport.objects.create(
                user=request.user,
                country=self.country,
                model=self.spec.model._meta.label,
                query=request.GET.urlencode()[:1000] if self.spec.filterset else '',
                format=fmt,
                rows=len(records),
                reason=form.cleaned_data['reason'],
            )
            log_reads(request.user, records, 'export')
        rows = named_rows(self.spec, records)
        return export_response(rows, named_columns(self.spec), fmt, self.filename('names'))
