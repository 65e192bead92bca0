import django_tables2 as tables
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from .models import CodeAssignment, ParagraphReview

__all__ = ['CodeAssignmentTable', 'ParagraphReviewTable']


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


class ParagraphReviewTable(ParagraphColumnsMixin, BaseTable):
    reviewer = tables.Column(verbose_name=capfirst(_('reviewer')), accessor='reviewer__username')
    created = tables.DateTimeColumn(format='Y-m-d H:i')

    class Meta(BaseTable.Meta):
        model = ParagraphReview
        fields = ('document', 'ref', 'reviewer', 'created')
