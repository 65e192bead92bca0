"""Tables of the finance pages."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from .funding_messages import decimal_text
from .models import ExchangeRate

__all__ = ['ExchangeRateTable']


class ExchangeRateTable(BaseTable):
    currency = tables.Column(linkify=True, verbose_name=_('Currency'))
    period = tables.Column(accessor='period_text', order_by=('period', 'period_precision'), verbose_name=_('Period'))
    rate = tables.Column(verbose_name=_('Units per US dollar'))
    source = tables.Column(verbose_name=_('Source'))

    class Meta(BaseTable.Meta):
        model = ExchangeRate
        fields = ('currency', 'period', 'rate', 'source')

    def render_rate(self, value):
        return decimal_text(value)
