"""The coding panel of the paragraphs documents shows: force, codes and review controls, and search filters."""

import django_filters
from django import forms
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from ssrhub.documents.panels import ParagraphPanel

from .codebook import load_codebook
from .effective import effective
from .models import CodeAssignment, ForceChoices, MachineReading, SourceChoices

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


def _review_context(user) -> dict:
    return {'can_review': user.has_perm('coding.add_codeassignment'), 'codebook': load_codebook()}


def _filter_code(queryset, name, value):
    code = value.strip()
    return queryset.filter(pk__in=effective(Q(code__startswith=code)).values('paragraph')) if code else queryset


CODES_PANEL = ParagraphPanel(
    template='coding/includes/paragraph_codes.html',
    load=load_codes,
    attach=attach_codes,
    context=_review_context,
    filters={
        'code': django_filters.CharFilter(
            field_name='code', method=_filter_code, label=_('Code (e.g. component.police)')
        ),
        'force': django_filters.MultipleChoiceFilter(
            field_name='readings__force',
            choices=ForceChoices,
            distinct=True,
            label=_('Force'),
            widget=forms.CheckboxSelectMultiple,
        ),
    },
)
