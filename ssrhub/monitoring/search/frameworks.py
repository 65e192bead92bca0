"""Global search over results frameworks (title, programme, description) and their indicators (code, title,
definition, data source)."""

from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register

from ..models import Indicator, ResultsFramework


def _framework_hits(queryset):
    return queryset.select_related('country', 'plan')


def _describe_framework(framework) -> dict:
    return {
        'title': framework.display_title,
        'url': framework.get_absolute_url(),
        'text': [framework.description, framework.programme],
        'context': f'{framework.country.name} · {framework.get_status_display()}',
    }


def _indicator_hits(queryset):
    return queryset.select_related('result__framework__country')


def _describe_indicator(indicator) -> dict:
    framework = indicator.result.framework
    return {
        'title': str(indicator),
        'url': indicator.get_absolute_url(),
        'text': [indicator.definition, indicator.data_source],
        'context': f'{framework.country.name} · {framework.display_title}',
    }


register(
    SearchIndex(
        model=ResultsFramework,
        kind='results-frameworks',
        label=_('Results frameworks'),
        fields=('title', 'title_fr', 'programme', 'description'),
        queryset_hook=_framework_hits,
        describe=_describe_framework,
        priority=70,
    )
)
register(
    SearchIndex(
        model=Indicator,
        kind='indicators',
        label=_('Indicators'),
        fields=('title', 'title_fr', 'code', 'definition', 'data_source'),
        queryset_hook=_indicator_hits,
        describe=_describe_indicator,
        priority=71,
    )
)
