"""The progress report page of a country workspace: the form (period, language, format), the report in HTML with
links to every cited record, and the same report as a PDF or DOCX download."""

from datetime import date

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.http import content_disposition_header

from ssrhub.core.views.generic import CountryScopedView
from ssrhub.countries.models import NationalDocument

from ..forms.report import ReportForm
from ..report import render as renderers
from ..report.assemble import build_report
from ..report.sentences import written_report
from ..report.structure import default_period

__all__ = ['ReportView']


class ReportView(CountryScopedView):
    """Read as a workspace record: a user who may read the country's plans reads its report, made of what the user
    may view."""

    queryset = NationalDocument.objects.all()
    tab = 'report'

    def get(self, request):
        start, end = default_period(date.today())
        language = (translation.get_language() or 'en')[:2]
        data = {'from': start.isoformat(), 'to': end.isoformat(), 'lang': language, 'format': 'html'}
        data.update({key: value for key, value in request.GET.items() if key in data and value})
        form = ReportForm(data)
        if not form.is_valid():
            return render(request, 'monitoring/report/page.html', self.country_context(form=form), status=400)
        values = form.cleaned_data
        report = build_report(self.country, values['start'], values['end'], values['lang'], request.user)
        written = written_report(report)
        fmt = values['format']
        if fmt != 'html':
            response = HttpResponse(renderers.render(written, fmt), content_type=renderers.CONTENT_TYPES[fmt])
            response['Content-Disposition'] = content_disposition_header(True, renderers.filename(written, fmt))
            return response
        query = {'from': values['start'].isoformat(), 'to': values['end'].isoformat(), 'lang': values['lang']}
        context = self.country_context(form=form, written=written, query=query)
        return render(request, 'monitoring/report/page.html', context)
