import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from .models import Mission, UNEntity

__all__ = ['MissionTable', 'UNEntityTable']


class UNEntityTable(BaseTable):
    code = tables.Column(verbose_name=_('Code'), linkify=True)
    current_name = tables.Column(verbose_name=_('Current name'), accessor='current_name__name', orderable=False)
    kind = tables.Column(verbose_name=_('Kind'))

    class Meta(BaseTable.Meta):
        model = UNEntity
        fields = ('code', 'current_name', 'kind')


class MissionTable(BaseTable):
    acronym = tables.Column(verbose_name=_('Acronym'), linkify=True)
    name = tables.Column(verbose_name=_('Name'), accessor='name', order_by=('name_en',))
    type = tables.Column(verbose_name=_('Type'))
    countries = tables.ManyToManyColumn(verbose_name=_('Countries'), linkify_item=True)
    start = tables.DateColumn(verbose_name=_('Start'), format='Y-m-d', attrs={'td': {'class': 'text-nowrap'}})
    end = tables.DateColumn(verbose_name=_('End'), format='Y-m-d', default='—', attrs={'td': {'class': 'text-nowrap'}})

    class Meta(BaseTable.Meta):
        model = Mission
        fields = ('acronym', 'name', 'type', 'countries', 'start', 'end')
