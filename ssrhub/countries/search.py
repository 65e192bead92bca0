from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register

from .models import Actor, Assessment, NationalDocument, TimelineEvent


def _with_country(queryset):
    return queryset.select_related('country')


def _describer(text_field: str = ''):
    """Describe a workspace record: its name, its country, and ``text_field`` as the text to show."""

    def describe(record) -> dict:
        return {
            'title': str(record),
            'url': record.get_absolute_url(),
            'text': getattr(record, text_field) if text_field else '',
            'context': record.country.name,
        }

    return describe


register(
    SearchIndex(
        model=Actor,
        kind='actors',
        label=_('Actors'),
        fields=('name', 'name_fr', 'acronym'),
        queryset_hook=_with_country,
        describe=_describer('name'),
        priority=60,
    )
)
register(
    SearchIndex(
        model=NationalDocument,
        kind='national-documents',
        label=capfirst(NationalDocument._meta.verbose_name_plural),
        fields=('title', 'title_fr', 'vision'),
        queryset_hook=_with_country,
        describe=_describer('vision'),
        priority=61,
    )
)
register(
    SearchIndex(
        model=Assessment,
        kind='assessments',
        label=_('Assessments'),
        fields=('title', 'assessed_by'),
        queryset_hook=_with_country,
        describe=_describer('assessed_by'),
        priority=62,
    )
)
register(
    SearchIndex(
        model=TimelineEvent,
        kind='timeline',
        label=_('Timeline'),
        fields=('title', 'title_fr', 'description'),
        queryset_hook=_with_country,
        describe=_describer('description'),
        priority=63,
    )
)
