from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View

from ssrhub.core.access import may_attempt
from ssrhub.core.exports import export_response
from ssrhub.core.forms import style_widgets
from ssrhub.core.kept import kept_html
from ssrhub.core.textsearch import spelling_alternatives
from ssrhub.core.views import generic

from .conflicts import resolve
from .filtersets import DocumentFilterSet, ParagraphFilterSet
from .forms import DocumentMetadataForm, DocumentUploadForm, SymbolConflictForm
from .jobs import UploadRefused, job_error, job_progress, job_result, ocr_progress, start_job
from .models import Document, DocumentVersion, IngestJob, Paragraph, SymbolConflict
from .panels import (
    annotate_documents,
    attach,
    document_panels,
    export_columns,
    load_paragraphs,
    panel_context,
    panel_sources,
    paragraph_panels,
)
from .search import index_words
from .tables import DocumentTable

__all__ = [
    'DocumentEditView',
    'DocumentHistoryView',
    'DocumentListView',
    'DocumentOriginalView',
    'DocumentUploadView',
    'DocumentView',
    'IngestJobListView',
    'IngestJobView',
    'ParagraphExportView',
    'ParagraphSearchView',
    'SymbolConflictListView',
    'SymbolConflictResolveView',
]

PARAGRAPHS_PER_PAGE = 25
EXPORT_LIMIT = 10000
SPELLING_SUGGESTIONS = 3
# Parameters that shape the results without being a search.
NOT_SEARCH = ('page', 'sort')


class DocumentListView(LoginRequiredMixin, generic.ObjectListView):
    queryset = Document.objects.annotate(
        paragraph_count=Count('versions__paragraphs', filter=Q(versions__is_current=True))
    )
    filterset = DocumentFilterSet
    table = DocumentTable
    template_name = 'documents/document_list.html'

    def get_queryset(self, request, action=None):
        return annotate_documents(super().get_queryset(request, action))


class DocumentView(LoginRequiredMixin, generic.ObjectView):
    queryset = Document.objects.all()
    template_name = 'documents/document.html'

    def get_queryset(self, request, action=None):
        return annotate_documents(super().get_queryset(request, action))

    def get_extra_context(self, request, obj):
        versions = list(obj.versions.restrict(request.user).order_by('-number'))
        wanted = request.GET.get('version')
        version = next((v for v in versions if str(v.number) == wanted), None) or next(
            (v for v in versions if v.is_current), None
        )
        paragraphs = attach(load_paragraphs(version.paragraphs.order_by('order'))) if version else []
        counts = {
            kind: sum(1 for p in paragraphs if p.kind == kind and not p.parent_ref)
            for kind in ('preambular', 'operative', 'annex')
        }
        return {
            **panel_context(request.user),
            'paragraph_panels': paragraph_panels(),
            'document_panels': document_panels(),
            'versions': versions,
            'version': version,
            'paragraphs': paragraphs,
            'counts': {**counts, 'total': sum(counts.values())},
            'ocr_review': any(page['needs_review'] for page in version.ocr_pages) if version else False,
            'ocr_min_confidence': settings.SSRHUB_OCR_MIN_CONFIDENCE,
        }


class DocumentOriginalView(LoginRequiredMixin, View):
    """Download the file a version was read from, under its original name."""

    def get(self, request, pk, number):
        version = get_object_or_404(
            DocumentVersion.objects.restrict(request.user).exclude(original=''), document_id=pk, number=number
        )
        return FileResponse(version.original.open('rb'), as_attachment=True, filename=version.filename)


class DocumentHistoryView(LoginRequiredMixin, generic.ObjectHistoryView):
    queryset = Document.objects.all()


class DocumentEditView(generic.ObjectEditView):
    """Correct what the reader detected: symbol, title, date, type and language."""

    queryset = Document.objects.all()
    form = DocumentMetadataForm


class DocumentUploadView(LoginRequiredMixin, View):
    template_name = 'documents/upload.html'

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm('documents.add_document'):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {'form': DocumentUploadForm()})

    def post(self, request):
        form = DocumentUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, self.template_name, {'form': form}, status=400)
        try:
            job = start_job(request.user, form.cleaned_data['file'], form.cleaned_data['symbol'])
        except UploadRefused as refused:
            form.add_error('file', refused.message)
            return render(request, self.template_name, {'form': form}, status=refused.status)
        return redirect(job.get_absolute_url())


class IngestJobListView(LoginRequiredMixin, View):
    """The recent uploads the user may read (their own; every one for administrators) and what came of each: for
    those who may upload."""

    def get(self, request):
        if not request.user.has_perm('documents.add_document'):
            raise PermissionDenied
        # A file sent with others is listed on the page of their job, not here.
        jobs = IngestJob.objects.restrict(request.user).filter(parent=None).select_related('document', 'user')[:50]
        return render(request, 'documents/ingest_jobs.html', {'jobs': jobs})


class IngestJobView(LoginRequiredMixin, View):
    """One upload: its progress while it runs (polled with htmx), then what it stored or why it was refused; for
    several files, how many are read and the paragraphs stored so far, and each file's job."""

    def get(self, request, pk):
        job = get_object_or_404(IngestJob.objects.restrict(request.user).select_related('document', 'user'), pk=pk)
        failed = job.status == IngestJob.Status.FAILED
        context = {'object': job, 'result': job_result(job), 'error': job_error(job) if failed else ''}
        if job.several:
            context.update(progress=job_progress(job), files=job.files.order_by('pk').select_related('document'))
        elif job.reading_by_ocr:
            context.update(progress=ocr_progress(job))
        return render(request, 'documents/ingest_job.html', context)


class _SymbolConflictsMixin(LoginRequiredMixin, View):
    """The open symbol conflicts, each with its resolve form, for those who may change documents."""

    template_name = 'documents/symbol_conflicts.html'

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not may_attempt(request.user, SymbolConflict, 'change'):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def conflicts(self, request):
        open_conflicts = SymbolConflict.objects.restrict(request.user, 'change').filter(
            status=SymbolConflict.Status.OPEN
        )
        return open_conflicts.select_related('document', 'known')

    def render(self, request, bound=None, status=200):
        rows = [
            (conflict, bound if bound and bound.conflict.pk == conflict.pk else SymbolConflictForm(conflict=conflict))
            for conflict in self.conflicts(request)
        ]
        resolved = SymbolConflict.objects.restrict(request.user, 'view').filter(status=SymbolConflict.Status.RESOLVED)
        context = {'rows': rows, 'resolved': resolved.select_related('document', 'resolved_by')[:20]}
        return render(request, self.template_name, context, status=status)


class SymbolConflictListView(_SymbolConflictsMixin):
    def get(self, request):
        return self.render(request)


class SymbolConflictResolveView(_SymbolConflictsMixin):
    def post(self, request, pk):
        conflict = get_object_or_404(self.conflicts(request), pk=pk)
        form = SymbolConflictForm(request.POST, conflict=conflict)
        if not form.is_valid():
            return self.render(request, form, status=400)
        data = form.cleaned_data
        resolve(conflict, request.user, data['resolution'], into=data['into'], symbol=data['symbol'])
        messages.success(
            request,
            _('%(file)s: %(resolution)s.')
            % {'file': conflict.filename, 'resolution': conflict.get_resolution_display()},
        )
        return redirect('documents:symbol_conflicts')


class ParagraphSearchView(LoginRequiredMixin, View):
    """Full-text search over the current version of every document, with the filters of the paragraph panels;
    a search that finds nothing offers close spellings and the same search with fewer filters."""

    def filterset(self, request, data=None):
        queryset = Paragraph.objects.restrict(request.user).filter(version__is_current=True)
        return ParagraphFilterSet(request.GET if data is None else data, queryset=queryset)

    def get(self, request):
        filterset = self.filterset(request)
        style_widgets(filterset.form)
        # The results are kept until a paragraph, a document or what a panel shows of them changes, for the readers
        # who see the same paragraphs: they are the same page for the same search.
        sources = (Paragraph, DocumentVersion, Document, *panel_sources())
        parts = [request.GET.urlencode(), get_language()]
        results = kept_html(
            'paragraph-results',
            request,
            sources,
            parts,
            'documents/htmx/paragraph_results.html',
            lambda: self.results_context(request, filterset),
        )
        if request.htmx:
            return HttpResponse(results)
        return render(request, 'documents/paragraph_search.html', {'filter_form': filterset.form, 'results': results})

    def results_context(self, request, filterset) -> dict:
        """What the results part of the page shows (the part htmx swaps in when a filter changes)."""
        searched = any(value for key, value in request.GET.items() if key not in NOT_SEARCH)
        page = None
        suggestions = []
        if searched and filterset.is_valid():
            paginator = Paginator(load_paragraphs(filterset.qs), PARAGRAPHS_PER_PAGE)
            page = paginator.get_page(request.GET.get('page'))
            page.object_list = attach(page.object_list)
            if not paginator.count:
                suggestions = self.suggestions(request, filterset)
        return {
            'filter_form': filterset.form,
            'page': page,
            'searched': searched,
            'suggestions': suggestions,
            'query_string': _query_string(request.GET, drop=('page',)),
            'export_formats': ('csv', 'xlsx'),
            'export_limit': EXPORT_LIMIT,
            'paragraph_panels': paragraph_panels(),
        }

    def count(self, request, data: dict[str, list[str]]) -> int:
        query = QueryDict(mutable=True)
        for key, values in data.items():
            query.setlist(key, values)
        filterset = self.filterset(request, query)
        return filterset.qs.count() if filterset.is_valid() else 0

    def suggestions(self, request, filterset) -> list[dict]:
        """Searches close to one that found nothing, each with the number of paragraphs it finds."""
        # The suggested searches keep the chosen order (``sort``) and start again at the first page.
        data = {key: values for key, values in request.GET.lists() if key != 'page' and any(values)}
        query = filterset.form.cleaned_data.get('q') or ''
        found = []

        def offer(label, changed):
            count = self.count(request, changed)
            if count:
                found.append({'label': label, 'url': f'?{_query_string(changed)}', 'count': count})
            return count

        spelled = 0
        for alternative in spelling_alternatives(query, index_words()):
            spelled += bool(
                offer(_('“%(query)s” (close spelling)') % {'query': alternative}, {**data, 'q': [alternative]})
            )
            if spelled == SPELLING_SUGGESTIONS:
                break
        filters = [name for name in data if name not in ('q', *NOT_SEARCH)]
        if 'year' in filters and filterset.form.cleaned_data.get('year'):
            for year in _nearest_years(request.user, int(filterset.form.cleaned_data['year'])):
                offer(_('The same search in %(year)s') % {'year': year}, {**data, 'year': [str(year)]})
        if len(filters) > 1:
            for name in filters:
                label = _('Without the filter %(filter)s: %(value)s') % {
                    'filter': filterset.form[name].label,
                    'value': _display(filterset.form[name], data[name]),
                }
                offer(label, {key: values for key, values in data.items() if key != name})
        if filters:
            unfiltered = {key: values for key, values in data.items() if key in ('q', *NOT_SEARCH)}
            if query:
                offer(_('“%(query)s” without any filter') % {'query': query}, unfiltered)
            else:
                offer(_('Every paragraph, without any filter'), unfiltered)
        return found


class ParagraphExportView(ParagraphSearchView):
    """The paragraphs a paragraph search finds (the first ``EXPORT_LIMIT``), in its order, as CSV or XLSX."""

    def get(self, request, fmt):
        filterset = self.filterset(request)
        if fmt not in ('csv', 'xlsx') or not filterset.is_valid():
            return HttpResponseBadRequest(_('Unknown export format or filter values that are not valid.'))
        paragraphs = attach(load_paragraphs(filterset.qs)[:EXPORT_LIMIT])
        added = export_columns(paragraphs)
        columns = [
            ('symbol', _('Document symbol')),
            ('paragraph', _('Paragraph')),
            ('kind', _('Paragraph type')),
            ('date', _('Date')),
            ('title', _('Document title')),
            ('text', _('Text')),
            *[(key, label) for key, (label, _values) in added.items()],
            ('link', _('Link')),
        ]
        rows = []
        for paragraph in paragraphs:
            document = paragraph.version.document
            rows.append(
                {
                    'symbol': document.symbol or document.key,
                    'paragraph': paragraph.ref,
                    'kind': paragraph.get_kind_display(),
                    'date': document.date,
                    'title': document.title,
                    'text': paragraph.text,
                    **{key: values.get(paragraph.pk, '') for key, (_label, values) in added.items()},
                    'link': request.build_absolute_uri(f'{document.get_absolute_url()}#p-{slugify(paragraph.ref)}'),
                }
            )
        return export_response(rows, columns, fmt, f'ssrhub-paragraphs-{timezone.localdate().isoformat()}')


def _query_string(data, drop=()) -> str:
    pairs = data.lists() if hasattr(data, 'lists') else data.items()
    return urlencode([(key, value) for key, values in pairs if key not in drop for value in values], doseq=False)


def _display(field, values) -> str:
    """The values of a filter as the form shows them (choice labels rather than codes)."""
    choices = {str(key): label for key, label in getattr(field.field, 'choices', ())}
    return ', '.join(str(choices.get(value, value)) for value in values)


def _nearest_years(user, year: int, limit: int = 2) -> list[int]:
    """The years closest to ``year`` in which the user may read a document."""
    years = {
        day.year for day in Document.objects.restrict(user).filter(versions__is_current=True).dates('date', 'year')
    }
    return sorted(sorted(years - {year}, key=lambda known: (abs(known - year), known))[:limit])
