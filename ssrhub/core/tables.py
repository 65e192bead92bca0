import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Country

__all__ = ['BaseTable', 'CountryTable']


class BaseTable(tables.Table):
    class Meta:
        attrs = {'class': 'table table-sm table-hover align-middle'}
        template_name = 'django_tables2/bootstrap5.html'


class CountryTable(BaseTable):
    name = tables.Column(verbose_name=_('Name'), linkify=True, order_by=('name_rank',), accessor='name')
    iso3 = tables.Column(verbose_name=_('ISO alpha-3'))
    iso2 = tables.Column(verbose_name=_('ISO alpha-2'))
    mission_count = tables.Column(verbose_name=_('Missions'))

    class Meta(BaseTable.Meta):
        model = Country
        fields = ('name', 'iso3', 'iso2')
