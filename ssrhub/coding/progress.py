"""Review progress: which paragraphs of a document's current version carry codes and which a reviewer marked
reviewed; the queue of documents still to review."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from ssrhub.documents.models import Document, Paragraph

from .codebook import load_codebook
from .models import CodeAssignment, ParagraphReview, SourceChoices

__all__ = ['annotate_progress', 'coded', 'review_queue']


def coded() -> Exists:
    """Whether a paragraph (``OuterRef('pk')``) carries a code: the machine's (current codebook) or a reviewer's."""
    machine = Q(source=SourceChoices.MACHINE, codebook_version=load_codebook().version)
    return Exists(
        CodeAssignment.objects.filter(machine | Q(source=SourceChoices.HUMAN, present=True), paragraph=OuterRef('pk'))
    )


def _reviewed() -> Exists:
    return Exists(ParagraphReview.objects.filter(paragraph=OuterRef('pk')))


def _count(paragraphs) -> Coalesce:
    counted = paragraphs.order_by().values('version__document').annotate(n=Count('pk')).values('n')
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def annotate_progress(documents):
    """``documents`` with ``review_coded`` (paragraphs of the current version with codes), ``review_reviewed``
    (those marked reviewed by someone) and ``review_next`` (the reference of the first coded paragraph still
    to review, None when none is left)."""
    paragraphs = Paragraph.objects.filter(version__document=OuterRef('pk'), version__is_current=True).filter(coded())
    waiting = paragraphs.filter(~_reviewed()).order_by('order').values('ref')[:1]
    return documents.annotate(
        review_coded=_count(paragraphs),
        review_reviewed=_count(paragraphs.filter(_reviewed())),
        review_next=Subquery(waiting),
    )


def review_queue(user):
    """The documents ``user`` may view that have coded paragraphs no one has marked reviewed: the most advanced
    first (finishing a document makes its agreement usable), then the newest."""
    documents = annotate_progress(Document.objects.restrict(user, 'view'))
    return documents.filter(review_next__isnull=False).order_by('-review_reviewed', '-date', 'symbol')
