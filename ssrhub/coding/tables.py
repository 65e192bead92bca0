import django_tables2 as tables
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable
from ssrhub.documents.models import Document

from .models import CodeAssignment, LearnedProposal, ParagraphReview

__all__ = ['CodeAssignmentTable', 'LearnedProposalTable', 'ParagraphReviewTable', 'ReviewQueueTable']


class ParagraphColumnsMixin(tables.Table):
    """The document (linked) and the paragraph a coding record is about."""

    document = tables.Column(
        verbose_name=_('Document'),
        accessor='paragraph__version__document',
        linkify=True,
        order_by=('paragraph__version__document__symbol', 'paragraph__order'),
    )
    ref = tables.Column(verbose_name=_('Paragraph'), accessor='paragraph__ref', order_by=('paragraph__order',))


class CodeAssignmentTable(ParagraphColumnsMixin, BaseTable):
    coder = tables.Column(verbose_name=capfirst(_('reviewer')), accessor='coder__username')

    class Meta(BaseTable.Meta):
        model = CodeAssignment
        fields = ('document', 'ref', 'code', 'modality', 'source', 'coder', 'present', 'codebook_version')


class LearnedProposalTable(ParagraphColumnsMixin, BaseTable):
    probability = tables.Column(verbose_name=_('probability'), attrs={'td': {'class': 'text-end'}})
    created = tables.DateTimeColumn(format='Y-m-d H:i')

    class Meta(BaseTable.Meta):
        model = LearnedProposal
        fields = ('document', 'ref', 'code', 'probability', 'model_version', 'codebook_version', 'created')

    def render_probability(self, value):
        return f'{value:.2f}'


class ParagraphReviewTable(ParagraphColumnsMixin, BaseTable):
    reviewer = tables.Column(verbose_name=capfirst(_('reviewer')), accessor='reviewer__username')
    created = tables.DateTimeColumn(format='Y-m-d H:i')

    class Meta(BaseTable.Meta):
        model = ParagraphReview
        fields = ('document', 'ref', 'reviewer', 'created')


class ReviewQueueTable(BaseTable):
    document = tables.Column(verbose_name=_('Document'), accessor='pk', linkify=True, order_by=('symbol', 'key'))
    title = tables.Column(verbose_name=_('Title'))
    date = tables.DateColumn(verbose_name=_('Date'), format='Y-m-d', attrs={'td': {'class': 'text-nowrap'}})
    review_progress = tables.TemplateColumn(
        template_name='coding/includes/progress_cell.html',
        verbose_name=_('Reviewed'),
        order_by=('review_reviewed', 'review_coded'),
        attrs={'td': {'class': 'text-nowrap'}},
    )
    review_next = tables.TemplateColumn(
        template_name='coding/includes/next_cell.html',
        verbose_name=_('Next paragraph to review'),
        orderable=False,
    )

    class Meta(BaseTable.Meta):
        model = Document
        fields = ('document', 'title', 'date', 'review_progress', 'review_next')

    def render_document(self, record):
        return str(record)
