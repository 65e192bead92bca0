"""Global search over surveys (title, description), found by a word of their title in any language the title is
written in, accents folded."""

from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register

from ..models import Survey


def _hits(queryset):
    return queryset.select_related('country')


def _describe(survey) -> dict:
    return {
        'title': survey.title,
        'url': survey.get_absolute_url(),
        'text': [survey.description],
        'context': f'{survey.country.name} · {survey.get_status_display()}',
    }


register(
    SearchIndex(
        model=Survey,
        kind='surveys',
        label=_('Surveys'),
        fields=('title', 'description'),
        queryset_hook=_hits,
        describe=_describe,
        priority=72,
    )
)
