from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register

from .models import Actor, Assessment, NationalDocument, TimelineEvent

register(
    SearchIndex(
        model=Actor,
        fields=('name', 'name_fr', 'acronym'),
        label=_('Actors'),
        queryset_hook=lambda queryset: queryset.select_related('country'),
    )
)
register(
    SearchIndex(
        model=NationalDocument,
        fields=('title', 'title_fr', 'vision'),
        label=capfirst(NationalDocument._meta.verbose_name_plural),
        queryset_hook=lambda queryset: queryset.select_related('country'),
    )
)
register(
    SearchIndex(
        model=Assessment,
        fields=('title', 'assessed_by'),
        label=_('Assessments'),
        queryset_hook=lambda queryset: queryset.select_related('country'),
    )
)
register(
    SearchIndex(
        model=TimelineEvent,
        fields=('title', 'title_fr', 'description'),
        label=_('Timeline'),
        queryset_hook=lambda queryset: queryset.select_related('country'),
    )
)
