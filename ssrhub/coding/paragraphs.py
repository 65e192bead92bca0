"""The coding panel of the paragraphs documents shows: force, codes and review controls, and search filters."""

import django_tables2 as tables
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ssrhub.documents.panels import DocumentPanel, ParagraphPanel

from .chips import build_chips
from .codebook import load_codebook
from .effective import effective_codes
from .filtersets import PARAGRAPH_FILTERS
from .learned import attach_proposals
from .models import CodeAssignment, LearnedProposal, MachineReading, ParagraphReview, SourceChoices
from .progress import annotate_progress

__all__ = ['CODES_PANEL', 'PROGRESS_PANEL', 'attach_codes', 'load_codes']


def load_codes(queryset):
    """Paragraphs with their machine readings, codes (machine and human), reviews and learned proposals prefetched in
    four queries."""
    return queryset.prefetch_related(
        Prefetch('readings', queryset=MachineReading.objects.order_by('-codebook_version'), to_attr='reading_list'),
        Prefetch(
            'codes',
            queryset=CodeAssignment.objects.select_related('coder').order_by('code'),
            to_attr='code_list',
        ),
        Prefetch(
            'reviews',
            queryset=ParagraphReview.objects.select_related('reviewer').order_by('created'),
            to_attr='review_list',
        ),
        Prefetch('learned_proposals', queryset=LearnedProposal.objects.all(), to_attr='learned_list'),
    )


def attach_codes(paragraphs):
    """Set ``reading`` (the latest machine reading), ``machine_codes`` (of that reading's codebook
    version), ``human_codes`` (every reviewer's decisions), ``chips`` (one per code, the implicit components
    of a generic mention grouped) and ``learned`` (the learned proposals still open, ``learned.attach_proposals``)
    on paragraphs loaded with :func:`load_codes`."""
    expands_to = {code: spec.expands_to for code, spec in load_codebook().codes.items() if spec.expands_to}
    for paragraph in paragraphs:
        paragraph.reading = paragraph.reading_list[0] if paragraph.reading_list else None
        version = paragraph.reading.codebook_version if paragraph.reading else None
        paragraph.machine_codes = [
            c for c in paragraph.code_list if c.source == SourceChoices.MACHINE and c.codebook_version == version
        ]
        paragraph.human_codes = [c for c in paragraph.code_list if c.source == SourceChoices.HUMAN]
        paragraph.chips = build_chips(paragraph.machine_codes, paragraph.human_codes, expands_to)
    attach_proposals(paragraphs)
    return paragraphs


class _PanelField(serializers.Field):
    """A read-only API field computed from the whole paragraph by ``read``."""

    def __init__(self, read, **kwargs):
        self.read = read
        super().__init__(source='*', read_only=True, **kwargs)

    def to_representation(self, paragraph):
        return self.read(paragraph)


@extend_schema_field(OpenApiTypes.STR)
class _TextField(_PanelField):
    pass


@extend_schema_field({'type': 'string', 'nullable': True})
class _OptionalTextField(_PanelField):
    pass


@extend_schema_field({'type': 'array', 'items': {'type': 'object', 'additionalProperties': {}}})
class _ListField(_PanelField):
    pass


def _codes(paragraph) -> list[dict]:
    return [
        {
            'code': code.code,
            'modality': code.modality,
            'explicit': code.explicit,
            'source': code.source,
            'coder': code.coder.get_username() if code.coder else None,
            'present': code.present,
            'evidence': code.evidence,
            'updated': code.last_updated.isoformat() if code.coder else None,
        }
        for code in paragraph.code_list
    ]


def _reviews(paragraph) -> list[dict]:
    return [
        {'reviewer': review.reviewer.get_username(), 'created': review.created.isoformat()}
        for review in paragraph.review_list
    ]


def _api_fields() -> dict:
    """The reading and codes of a paragraph, in the record shape of `ssrhub code`."""
    return {
        'force': _OptionalTextField(lambda p: p.reading.get_force_display() if p.reading else None),
        'verb': _TextField(lambda p: p.reading.verb if p.reading else ''),
        'addressee': _OptionalTextField(lambda p: p.reading.addressee if p.reading else None),
        'codes': _ListField(_codes),
        'reviews': _ListField(_reviews),
    }


def _export(paragraphs) -> dict:
    """The force and the codes in force (:func:`effective`) of each paragraph, for the paragraph search's downloads."""
    codes = {}
    for paragraph_id, code, modality, explicit in effective_codes(Q(paragraph__in=[p.pk for p in paragraphs])):
        codes.setdefault(paragraph_id, []).append(
            code + (f' ({modality})' if modality else '') + ('' if explicit else f' [{_("implicit")}]')
        )
    return {
        'force': (_('Force'), {p.pk: p.reading.get_force_display() for p in paragraphs if p.reading}),
        'codes': (_('Codes in force'), {pk: '; '.join(sorted(values)) for pk, values in codes.items()}),
    }


def _review_context(user) -> dict:
    codebook = load_codebook()
    return {
        'can_review': user.has_perm('coding.add_codeassignment'),
        'codebook': codebook,
        'modalities': list(codebook.modalities),
    }


CODES_PANEL = ParagraphPanel(
    template='coding/includes/paragraph_codes.html',
    load=load_codes,
    attach=attach_codes,
    context=_review_context,
    filters=PARAGRAPH_FILTERS,
    api_fields=_api_fields,
    export=_export,
    sources=(MachineReading, CodeAssignment, ParagraphReview, LearnedProposal),
)


def _progress_columns() -> dict:
    return {
        'review_progress': tables.TemplateColumn(
            template_name='coding/includes/progress_cell.html',
            verbose_name=_('Reviewed'),
            order_by=('review_reviewed', 'review_coded'),
            attrs={'td': {'class': 'text-nowrap'}},
        )
    }


def _progress_api_fields() -> dict:
    return {
        'review_coded': serializers.IntegerField(
            read_only=True, help_text='Paragraphs of the current version with codes'
        ),
        'review_reviewed': serializers.IntegerField(read_only=True, help_text='Those marked reviewed by someone'),
        'review_next': serializers.CharField(
            read_only=True, allow_null=True, help_text='The first coded paragraph still to review'
        ),
    }


PROGRESS_PANEL = DocumentPanel(
    annotate=annotate_progress,
    columns=_progress_columns,
    template='coding/includes/document_progress.html',
    api_fields=_progress_api_fields,
)
