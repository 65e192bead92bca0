import django_filters
from django import forms
from django.db.models import Case, F, Value, When
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from ssrhub.core.filtersets import FilterSet, SearchFilterSet

from .models import LANGUAGE_CHOICES, Document, DocumentTypeChoices, Paragraph, ParagraphKindChoices
from .search import search_paragraphs

__all__ = ['SORT_CHOICES', 'DocumentFilterSet', 'ParagraphFilterSet', 'sort_paragraphs']


class DocumentFilterSet(SearchFilterSet):
    search_fields = ('symbol', 'title', 'key')
    doc_type = django_filters.MultipleChoiceFilter(choices=DocumentTypeChoices, label=_('Document type'))
    language = django_filters.ChoiceFilter(choices=LANGUAGE_CHOICES, label=_('Language'))
    year = django_filters.NumberFilter(field_name='date', lookup_expr='year', label=_('Year'))
    mission = django_filters.CharFilter(field_name='missions__acronym', distinct=True, label=_('Mission (acronym)'))
    country = django_filters.CharFilter(
        field_name='missions__countries__iso3', distinct=True, label=_('Country (ISO alpha-3)')
    )

    class Meta:
        model = Document
        fields = ['symbol', 'date']


SORT_CHOICES = [
    ('relevance', _('Relevance')),
    ('newest', _('Newest first')),
    ('oldest', _('Oldest first')),
    ('symbol', _('Document symbol')),
]


def sort_paragraphs(queryset, sort: str, searched_words: bool):
    """``queryset`` in the chosen order; by relevance (the full-text rank) only when words were searched, otherwise
    newest first. Symbols sort naturally within a series (S/RES/898 before S/RES/2151); documents with no symbol (a
    file whose sources disagreed, documents/symbol_sources.py) come after every symbol."""
    if searched_words and sort in ('', 'relevance'):
        return queryset
    within = ('version__document__symbol', 'version__document__key', 'order')
    if sort == 'symbol':
        no_symbol = Case(When(version__document__symbol='', then=Value(1)), default=Value(0))
        return queryset.order_by(no_symbol, 'version__document__doc_type', Length('version__document__symbol'), *within)
    if sort == 'oldest':
        return queryset.order_by(F('version__document__date').asc(nulls_last=True), *within)
    return queryset.order_by(F('version__document__date').desc(nulls_last=True), *within)


class ParagraphFilterSet(FilterSet):
    """Full-text search over the current version of every document, with the filters of the paragraph panels
    (``panels.py``), in the order ``sort`` asks."""

    q = django_filters.CharFilter(method='full_text', label=_('Words or "a phrase"'))
    kind = django_filters.ChoiceFilter(choices=ParagraphKindChoices, label=_('Paragraph type'))
    doc_type = django_filters.MultipleChoiceFilter(
        field_name='version__document__doc_type',
        choices=DocumentTypeChoices,
        label=_('Document type'),
        widget=forms.CheckboxSelectMultiple,
    )
    year = django_filters.NumberFilter(field_name='version__document__date', lookup_expr='year', label=_('Year'))
    symbol = django_filters.CharFilter(field_name='version__document__symbol', label=_('Document symbol'))
    mission = django_filters.CharFilter(
        field_name='version__document__missions__acronym', distinct=True, label=_('Mission (acronym)')
    )
    country = django_filters.CharFilter(
        field_name='version__document__missions__countries__iso3', distinct=True, label=_('Country (ISO alpha-3)')
    )

    sort = django_filters.ChoiceFilter(choices=SORT_CHOICES, method='keep', empty_label=None, label=_('Sort by'))

    class Meta:
        model = Paragraph
        fields = []

    def keep(self, queryset, name, value):
        return queryset  # ordered last, in filter_queryset()

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        return sort_paragraphs(queryset, data.get('sort') or '', bool((data.get('q') or '').strip()))

    @classmethod
    def add_filters(cls, filters: dict) -> None:
        """Add a panel's filters, shown after the words field."""
        words, *others = cls.base_filters.items()
        cls.base_filters = dict([words, *filters.items(), *others])

    def full_text(self, queryset, name, value):
        return search_paragraphs(queryset, value)
