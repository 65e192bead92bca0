"""Resolving a ``SymbolConflict``: keep the file as its own document, merge it as the latest version of the
document another source named, or correct its symbol (docs/operations.md, "Document versions and symbol
conflicts")."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from .missions import link_document
from .models import Document, SymbolConflict

__all__ = ['merge_candidates', 'resolve']


def merge_candidates(conflict: SymbolConflict):
    """The stored documents that the symbols seen name, other than the one holding the file."""
    return Document.objects.filter(key__in=conflict.sources().values()).exclude(pk=conflict.document_id)


@transaction.atomic
def resolve(conflict: SymbolConflict, user, resolution: str, *, into: Document | None = None, symbol: str = ''):
    """Apply ``resolution``; ``into`` is the document to merge into, ``symbol`` the corrected symbol (canonical,
    checked by the caller to be free)."""
    document = conflict.document
    if resolution == SymbolConflict.Resolution.MERGE:
        _merge(document, into)
        conflict.document = into
    elif resolution == SymbolConflict.Resolution.CORRECT:
        document.symbol = document.key = symbol
        document.save()
    conflict.status = SymbolConflict.Status.RESOLVED
    conflict.resolution = resolution
    conflict.resolved_by = user
    conflict.resolved_at = timezone.now()
    conflict.save()


def _merge(document: Document, into: Document) -> None:
    """Move the versions of ``document`` after those of ``into``, the last one current, and remove ``document``."""
    last = into.versions.aggregate(last=Max('number'))['last'] or 0
    into.versions.filter(is_current=True).update(is_current=False)
    versions = list(document.versions.order_by('number'))
    for offset, version in enumerate(versions, start=1):
        version.document = into
        version.number = last + offset
        version.is_current = offset == len(versions)
        version.save(update_fields=['document', 'number', 'is_current'])
    document.symbol_conflicts.update(document=into)  # before the delete, which would cascade to them
    document.delete()
    current = versions[-1]
    link_document(into, current, list(current.paragraphs.all()))
