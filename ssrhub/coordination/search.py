from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register

from .models import Activity, Organisation


def _describe_organisation(record) -> dict:
    return {'title': record.display_name, 'url': record.get_absolute_url(), 'text': record.iati_ref, 'context': ''}


def _describe_activity(record) -> dict:
    return {
        'title': record.display_title,
        'url': record.get_absolute_url(),
        'text': record.iati_identifier,
        'context': record.country.name if record.country_id else '',
    }


register(
    SearchIndex(
        model=Organisation,
        kind='organisations',
        label=_('Organisations'),
        fields=('name', 'name_fr', 'acronym', 'iati_ref'),
        describe=_describe_organisation,
        priority=55,
    )
)
register(
    SearchIndex(
        model=Activity,
        kind='activities',
        label=_('Activities'),
        fields=('iati_identifier', 'title', 'title_fr'),
        queryset_hook=lambda queryset: queryset.select_related('country'),
        describe=_describe_activity,
        priority=50,
    )
)
