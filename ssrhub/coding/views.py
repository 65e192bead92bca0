import csv

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views import View

from ssrhub.core.exports import CSV_BOM
from ssrhub.core.views.generic import ObjectListView, RestrictedViewMixin
from ssrhub.documents.filtersets import DocumentFilterSet
from ssrhub.documents.models import Document, Paragraph
from ssrhub.documents.panels import attach, load_paragraphs, panel_context, paragraph_panels

from .agreement import AGREEMENT_COLUMNS, MIN_CODERS, MIN_UNITS, agreement_rows
from .codebook import load_codebook
from .filtersets import CodeAssignmentFilterSet, LearnedProposalFilterSet, ParagraphReviewFilterSet
from .forms import ParagraphReviewForm
from .models import CodeAssignment, LearnedProposal, ParagraphReview
from .progress import annotate_progress, review_queue
from .review import judgements
from .tables import CodeAssignmentTable, LearnedProposalTable, ParagraphReviewTable, ReviewQueueTable

__all__ = [
    'AgreementView',
    'CodeAssignmentListView',
    'LearnedProposalListView',
    'ParagraphReviewListView',
    'ParagraphReviewView',
    'ReviewQueueView',
]


class CodeAssignmentListView(LoginRequiredMixin, ObjectListView):
    queryset = CodeAssignment.objects.select_related('paragraph__version__document', 'coder')
    filterset = CodeAssignmentFilterSet
    table = CodeAssignmentTable


class LearnedProposalListView(LoginRequiredMixin, ObjectListView):
    queryset = LearnedProposal.objects.select_related('paragraph__version__document')
    filterset = LearnedProposalFilterSet
    table = LearnedProposalTable


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
        form = ParagraphReviewForm(request.POST, paragraph=paragraph)
        if not form.is_valid():
            return HttpResponse(form.error_text(), status=400, content_type='text/plain; charset=utf-8')
        form.save(request.user)
        if not request.htmx:
            return redirect(f'{paragraph.version.document.get_absolute_url()}#p-{slugify(paragraph.ref)}')
        paragraph = attach(load_paragraphs(self.get_queryset(request).filter(pk=pk)))[0]
        # The document's progress line is swapped out of band, so that it follows "mark reviewed" on its page.
        document = annotate_progress(Document.objects.filter(pk=paragraph.version.document_id)).get()
        context = {
            'paragraph': paragraph,
            'paragraph_panels': paragraph_panels(),
            'object': document,
            'oob': True,
            **panel_context(request.user),
        }
        return render(request, 'coding/paragraph_reviewed.html', context)


class ReviewQueueView(LoginRequiredMixin, ObjectListView):
    """The documents within the user's reach that have coded paragraphs no one has marked reviewed."""

    queryset = Document.objects.all()
    filterset = DocumentFilterSet
    table = ReviewQueueTable
    template_name = 'coding/review_queue.html'
    title = _('Documents to review')

    def get_queryset(self, request, action=None):
        if not request.user.has_perm('coding.add_codeassignment'):
            raise PermissionDenied
        return review_queue(request.user)


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
        context = {
            'rows': rows,
            'reviewed': reviews.values('paragraph').distinct().count(),
            'codebook': codebook,
            'min_units': MIN_UNITS,
            'min_coders': MIN_CODERS,
        }
        return render(request, 'coding/agreement.html', context)
