import django_filters
from django import forms
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import SearchFilterSet

from .effective import effective
from .models import CodeAssignment, ForceChoices, LearnedProposal, ParagraphReview

__all__ = ['PARAGRAPH_FILTERS', 'CodeAssignmentFilterSet', 'LearnedProposalFilterSet', 'ParagraphReviewFilterSet']


class CodeAssignmentFilterSet(SearchFilterSet):
    search_fields = ('code', 'note', 'paragraph__version__document__symbol')
    code = django_filters.CharFilter(lookup_expr='startswith', label=_('Code (e.g. component.police)'))
    coder = django_filters.CharFilter(field_name='coder__username', label=capfirst(_('reviewer')))
    paragraph = django_filters.NumberFilter(field_name='paragraph_id', label=_('Paragraph'))
    symbol = django_filters.CharFilter(field_name='paragraph__version__document__symbol', label=_('Document symbol'))

    class Meta:
        model = CodeAssignment
        fields = ['modality', 'source', 'present', 'explicit', 'mission_task', 'codebook_version']


class ParagraphReviewFilterSet(SearchFilterSet):
    search_fields = ('reviewer__username', 'paragraph__version__document__symbol')
    reviewer = django_filters.CharFilter(field_name='reviewer__username', label=capfirst(_('reviewer')))
    paragraph = django_filters.NumberFilter(field_name='paragraph_id', label=_('Paragraph'))
    symbol = django_filters.CharFilter(field_name='paragraph__version__document__symbol', label=_('Document symbol'))

    class Meta:
        model = ParagraphReview
        fields = []


class LearnedProposalFilterSet(SearchFilterSet):
    search_fields = ('code', 'paragraph__version__document__symbol')
    code = django_filters.CharFilter(lookup_expr='startswith', label=_('Code (e.g. component.police)'))
    paragraph = django_filters.NumberFilter(field_name='paragraph_id', label=_('Paragraph'))
    symbol = django_filters.CharFilter(field_name='paragraph__version__document__symbol', label=_('Document symbol'))
    probability_min = django_filters.NumberFilter(
        field_name='probability', lookup_expr='gte', label=_('Probability at least'), min_value=0, max_value=1
    )

    class Meta:
        model = LearnedProposal
        fields = ['model_version', 'codebook_version']


def _filter_code(queryset, name, value):
    code = value.strip()
    return queryset.filter(pk__in=effective(Q(code__startswith=code)).values('paragraph')) if code else queryset


# The paragraph search's filters by code in force and by force, added to documents' ParagraphFilterSet through
# the coding panel (``paragraphs.py``).
PARAGRAPH_FILTERS = {
    'code': django_filters.CharFilter(field_name='code', method=_filter_code, label=_('Code (e.g. component.police)')),
    'force': django_filters.MultipleChoiceFilter(
        field_name='readings__force',
        choices=ForceChoices,
        distinct=True,
        label=_('Force'),
        widget=forms.CheckboxSelectMultiple,
    ),
}
