"""The support-request list: every column sortable but the encrypted description (never ordered in SQL)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from ..models import SupportRequest

__all__ = ['SupportRequestTable']


class SupportRequestTable(BaseTable):
    title = tables.Column(verbose_name=_('Title'), linkify=True)
    recipient = tables.Column(verbose_name=_('Recipient'), order_by=('recipient__name',))
    un_entity = tables.Column(verbose_name=_('UN entity'), order_by=('un_entity__code',))
    kind = tables.Column(verbose_name=_('Kind of support'))
    start = tables.DateColumn(verbose_name=_('Start'), format='Y-m-d')
    status = tables.Column(verbose_name=_('Status'))
    description = tables.Column(verbose_name=_('Description'), orderable=False)

    class Meta(BaseTable.Meta):
        model = SupportRequest
        fields = ('title', 'recipient', 'un_entity', 'kind', 'start', 'status', 'description')
        row_attrs = {'id': lambda record: f'request-{record.pk}'}
        order_by = ('-start',)

    def render_description(self, value):
        return value if len(value) <= 120 else f'{value[:119]}…'
