from django.utils.translation import gettext_lazy as _

from .models import Country
from .searching import SearchIndex, register


def _describe_country(country) -> dict:
    return {'title': country.name, 'url': country.get_absolute_url(), 'context': country.iso3}


register(
    SearchIndex(
        model=Country,
        kind='countries',
        label=_('Countries'),
        fields=('name_en', 'name_fr', 'iso3', 'official_name_en'),
        describe=_describe_country,
        priority=20,
    )
)
