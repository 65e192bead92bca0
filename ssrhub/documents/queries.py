"""Loading paragraphs together with their machine reading and codes, for pages and the API."""

from django.db.models import Prefetch

from ssrhub.coding.models import CodeAssignment, MachineReading, SourceChoices

__all__ = ['attach_codes', 'coded_paragraphs']


def coded_paragraphs(queryset):
    """Paragraphs with their machine reading and codes (machine and human) loaded in two queries."""
    return queryset.select_related('version__document').prefetch_related(
        Prefetch('readings', queryset=MachineReading.objects.order_by('-codebook_version'), to_attr='reading_list'),
        Prefetch(
            'codes',
            queryset=CodeAssignment.objects.select_related('coder').order_by('code'),
            to_attr='code_list',
        ),
    )


def attach_codes(paragraphs):
    """Set ``reading`` (the latest machine reading), ``machine_codes`` (of that reading's codebook
    version) and ``human_codes`` on paragraphs loaded with :func:`coded_paragraphs`."""
    for paragraph in paragraphs:
        paragraph.reading = paragraph.reading_list[0] if paragraph.reading_list else None
        version = paragraph.reading.codebook_version if paragraph.reading else None
        paragraph.machine_codes = [
            c for c in paragraph.code_list if c.source == SourceChoices.MACHINE and c.codebook_version == version
        ]
        paragraph.human_codes = [c for c in paragraph.code_list if c.source == SourceChoices.HUMAN]
    return paragraphs
