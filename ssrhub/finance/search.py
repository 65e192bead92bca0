from django.utils.translation import gettext_lazy as _

from ssrhub.core.searching import SearchIndex, register

from .models import ExchangeRate


def _describe(rate) -> dict:
    return {
        'title': str(rate),
        'url': rate.get_absolute_url(),
        'text': rate.source,
        'context': _('%(rate)s %(currency)s per US dollar')
        % {'rate': f'{rate.rate.normalize():f}', 'currency': rate.currency},
    }


register(
    SearchIndex(
        model=ExchangeRate,
        kind='exchange-rates',
        label=_('Exchange rates'),
        fields=('currency', 'source'),
        describe=_describe,
        priority=90,
    )
)
