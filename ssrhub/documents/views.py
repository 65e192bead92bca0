from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from ssrhub.core.forms import style_widgets
from ssrhub.core.views import generic

from .filtersets import DocumentFilterSet, ParagraphFilterSet
from .forms import DocumentUploadForm
from .ingest import ingest_bytes
from .models import Document, DocumentVersion, Paragraph
from .panels import annotate_documents, attach, document_panels, load_paragraphs, panel_context, paragraph_panels
from .tables import DocumentTable

__all__ = [
    'DocumentHistoryView',
    'DocumentListView',
    'DocumentOriginalView',
    'DocumentUploadView',
    'DocumentView',
    'ParagraphSearchView',
]

PARAGRAPHS_PER_PAGE = 25


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
        return {
            **panel_context(request.user),
            'paragraph_panels': paragraph_panels(),
            'document_panels': document_panels(),
            'versions': versions,
            'version': version,
            'paragraphs': paragraphs,
            'counts': {
                kind: sum(1 for p in paragraphs if p.kind == kind and not p.parent_ref)
                for kind in ('preambular', 'operative', 'annex')
            },
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
        upload = form.cleaned_data['file']
        outcome = ingest_bytes(upload.read(), upload.name, user=request.user)
        if outcome.status == 'refused':
            form.add_error('file', outcome.message)
            return render(request, self.template_name, {'form': form}, status=400)
        document = get_object_or_404(Document, pk=outcome.document_id)
        text = {
            'created': _('Stored %(document)s: %(count)s paragraphs, coded.'),
            'new-version': _('Stored version %(version)s of %(document)s: %(count)s paragraphs, coded.'),
            'unchanged': _('%(document)s already holds this exact file; nothing was added.'),
        }[outcome.status]
        messages.success(
            request, text % {'document': document, 'version': outcome.version, 'count': outcome.paragraphs}
        )
        return redirect(document.get_absolute_url())


class ParagraphSearchView(LoginRequiredMixin, View):
    """Full-text search over the current version of every document, with the filters of the paragraph panels."""

    def get(self, request):
        queryset = Paragraph.objects.restrict(request.user).filter(version__is_current=True)
        filterset = ParagraphFilterSet(request.GET, queryset=queryset)
        style_widgets(filterset.form)
        searched = any(value for key, value in request.GET.items() if key != 'page')
        page = None
        if searched and filterset.is_valid():
            paginator = Paginator(load_paragraphs(filterset.qs), PARAGRAPHS_PER_PAGE)
            page = paginator.get_page(request.GET.get('page'))
            page.object_list = attach(page.object_list)
        context = {
            'filter_form': filterset.form,
            'page': page,
            'searched': searched,
            'paragraph_panels': paragraph_panels(),
        }
        template = 'documents/htmx/paragraph_results.html' if request.htmx else 'documents/paragraph_search.html'
        return render(request, template, context)
