"""Global search over individuals: names, aliases and positions are encrypted, so they are read and matched in Python
over the rows the user may view (``vetting.matching_individuals()``)."""

from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register

from ..models import Individual
from ..vetting import matching_individuals


def _describe(individual) -> dict:
    return {
        'title': str(individual),
        'url': individual.get_absolute_url(),
        'text': individual.position,
        'context': f'{individual.country.name} · {individual.get_category_display()}',
    }


register(
    SearchIndex(
        model=Individual,
        kind='individuals',
        label=_('Individuals screened'),
        queryset_hook=lambda queryset: queryset.select_related('country'),
        search=matching_individuals,
        describe=_describe,
        priority=90,
    )
)
