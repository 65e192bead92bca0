import csv

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views import View

from ssrhub.core.exports import CSV_BOM
from ssrhub.core.views.generic import ObjectListView, RestrictedViewMixin
from ssrhub.documents.models import Paragraph
from ssrhub.documents.panels import attach, load_paragraphs, panel_context, paragraph_panels

from .agreement import agreement_rows
from .codebook import load_codebook
from .filtersets import CodeAssignmentFilterSet, ParagraphReviewFilterSet
from .forms import ParagraphReviewForm
from .models import CodeAssignment, ParagraphReview
from .review import judgements
from .tables import CodeAssignmentTable, ParagraphReviewTable

__all__ = ['AgreementView', 'CodeAssignmentListView', 'ParagraphReviewListView', 'ParagraphReviewView']

AGREEMENT_COLUMNS = ('code', 'machine_human_alpha', 'machine_human_units', 'human_human_alpha', 'human_human_units')


class CodeAssignmentListView(LoginRequiredMixin, ObjectListView):
    queryset = CodeAssignment.objects.select_related('paragraph__version__document', 'coder')
    filterset = CodeAssignmentFilterSet
    table = CodeAssignmentTable


class ParagraphReviewListView(LoginRequiredMixin, ObjectListView):
    queryset = ParagraphReview.objects.select_related('paragraph__version__document', 'reviewer').order_by('-created')
    filterset = ParagraphReviewFilterSet
    table = ParagraphReviewTable


class ParagraphReviewView(LoginRequiredMixin, RestrictedViewMixin, View):
    """Accept, reject or add a code on a paragraph, or mark it reviewed; htmx gets the paragraph back."""

    queryset = Paragraph.objects.all()

    def post(self, request, pk):
        if not request.user.has_perm('coding.add_codeassignment'):
            raise PermissionDenied
        paragraph = self.get_object(request, pk=pk)
        form = ParagraphReviewForm(request.POST)
        if not form.is_valid():
            return HttpResponse(form.error_text(), status=400, content_type='text/plain; charset=utf-8')
        form.save(paragraph, request.user)
        if not request.htmx:
            return redirect(f'{paragraph.version.document.get_absolute_url()}#p-{slugify(paragraph.ref)}')
        paragraph = attach(load_paragraphs(self.get_queryset(request).filter(pk=pk)))[0]
        context = {'paragraph': paragraph, 'paragraph_panels': paragraph_panels(), **panel_context(request.user)}
        return render(request, 'documents/includes/paragraph.html', context)


class AgreementView(LoginRequiredMixin, RestrictedViewMixin, View):
    """Krippendorff's alpha per code over reviewed paragraphs; ``?format=csv`` downloads the table."""

    queryset = ParagraphReview.objects.all()

    def get(self, request):
        codebook = load_codebook()
        reviews = self.get_queryset(request).filter(paragraph__in=Paragraph.objects.restrict(request.user))
        rows = agreement_rows(judgements(reviews, list(codebook.codes)))
        if request.GET.get('format') == 'csv':
            response = HttpResponse(content_type='text/csv; charset=utf-8')
            response['Content-Disposition'] = 'attachment; filename="ssrhub-agreement.csv"'
            response.write(CSV_BOM)
            writer = csv.DictWriter(response, fieldnames=AGREEMENT_COLUMNS)
            writer.writeheader()
            writer.writerows(row.as_dict() for row in rows)
            return response
        context = {'rows': rows, 'reviewed': reviews.values('paragraph').distinct().count(), 'codebook': codebook}
        return render(request, 'coding/agreement.html', context)
