from django.utils.translation import gettext_lazy as _

from .models import Country
from .searching import SearchIndex, register

register(SearchIndex(model=Country, fields=('name_en', 'name_fr', 'iso3', 'official_name_en'), label=_('Countries')))
