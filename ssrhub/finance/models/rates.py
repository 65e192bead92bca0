"""Exchange rates: units of a currency per one US dollar, for a day, a month or a year."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ssrhub.core.dates import iso_text, truncate
from ssrhub.core.fields import CurrencyField, precision_field
from ssrhub.core.models import ChangeLoggedModel

from ..conversion import Rate

__all__ = ['ExchangeRate']


class ExchangeRate(ChangeLoggedModel):
    """Units of ``currency`` for one US dollar (as the IMF and the OECD publish rates) over a day, a month or a year,
    with where the figure comes from. Entered or imported by people; never fetched. Shared by every country."""

    currency = CurrencyField(verbose_name=_('currency'))
    rate = models.DecimalField(
        verbose_name=_('units per US dollar'),
        max_digits=20,
        decimal_places=8,
        help_text=_('How many units of the currency buy one US dollar, as the IMF and the OECD publish rates.'),
    )
    period = models.DateField(
        verbose_name=_('period'),
        help_text=_('The day, month or year the rate applies to: 2024-03-15, 2024-03 or 2024.'),
    )
    period_precision = precision_field()
    source = models.CharField(verbose_name=_('source'), max_length=300)
    url = models.URLField(verbose_name=_('source address'), blank=True)

    access_kind = 'workspace'

    class Meta:
        ordering = ['currency', '-period', 'period_precision']
        verbose_name = _('exchange rate')
        verbose_name_plural = _('exchange rates')
        constraints = [
            models.UniqueConstraint(
                fields=['currency', 'period', 'period_precision'],
                name='finance_exchangerate_unique_currency_period',
                violation_error_message=_('This currency already has a rate for this period.'),
            ),
            models.CheckConstraint(
                condition=models.Q(rate__gt=0),
                name='finance_exchangerate_rate_positive',
                violation_error_message=_('A rate must be more than zero.'),
            ),
        ]

    def __str__(self):
        return f'{self.currency} {self.period_text}'

    @property
    def period_text(self) -> str:
        return iso_text(self.period, self.period_precision) if self.period else ''

    def clean(self):
        if self.period:
            self.period = truncate(self.period, self.period_precision)

    def as_rate(self) -> Rate:
        """The rate for ``conversion.py``."""
        return Rate(self.currency, self.period, self.period_precision, self.rate, self.source, self.url)

    def get_absolute_url(self):
        return reverse('finance:rate', args=[self.pk])
