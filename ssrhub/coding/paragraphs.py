"""The coding panel of the paragraphs documents shows: force, codes and review controls, and search filters."""

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ssrhub.documents.panels import ParagraphPanel

from .codebook import load_codebook
from .effective import effective_codes
from .filtersets import PARAGRAPH_FILTERS
from .models import CodeAssignment, MachineReading, SourceChoices

__all__ = ['CODES_PANEL', 'attach_codes', 'load_codes']


def load_codes(queryset):
    """Paragraphs with their machine readings and codes (machine and human) prefetched in two queries."""
    return queryset.prefetch_related(
        Prefetch('readings', queryset=MachineReading.objects.order_by('-codebook_version'), to_attr='reading_list'),
        Prefetch(
            'codes',
            queryset=CodeAssignment.objects.select_related('coder').order_by('code'),
            to_attr='code_list',
        ),
    )


def attach_codes(paragraphs):
    """Set ``reading`` (the latest machine reading), ``machine_codes`` (of that reading's codebook
    version) and ``human_codes`` (every reviewer's decisions) on paragraphs loaded with :func:`load_codes`."""
    for paragraph in paragraphs:
        paragraph.reading = paragraph.reading_list[0] if paragraph.reading_list else None
        version = paragraph.reading.codebook_version if paragraph.reading else None
        paragraph.machine_codes = [
            c for c in paragraph.code_list if c.source == SourceChoices.MACHINE and c.codebook_version == version
        ]
        paragraph.human_codes = [c for c in paragraph.code_list if c.source == SourceChoices.HUMAN]
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
        }
        for code in paragraph.code_list
    ]


def _api_fields() -> dict:
    """The reading and codes of a paragraph, in the record shape of `ssrhub code`."""
    return {
        'force': _OptionalTextField(lambda p: p.reading.get_force_display() if p.reading else None),
        'verb': _TextField(lambda p: p.reading.verb if p.reading else ''),
        'addressee': _OptionalTextField(lambda p: p.reading.addressee if p.reading else None),
        'codes': _ListField(_codes),
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
    return {'can_review': user.has_perm('coding.add_codeassignment'), 'codebook': load_codebook()}


CODES_PANEL = ParagraphPanel(
    template='coding/includes/paragraph_codes.html',
    load=load_codes,
    attach=attach_codes,
    context=_review_context,
    filters=PARAGRAPH_FILTERS,
    api_fields=_api_fields,
    export=_export,
)
