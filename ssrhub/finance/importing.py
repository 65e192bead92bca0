"""Write a checked rates import (``rate_import.py`` plans it): used by the import page and ``ssrhub rates import``."""

from .models import ExchangeRate
from .rate_import import RateImportPlan, StoredRate

__all__ = ['apply_rate_plan', 'stored_rates']


def _rates(user):
    """The rates ``user`` may change; every rate for the command line (``user`` None)."""
    return ExchangeRate.objects.all() if user is None else ExchangeRate.objects.restrict(user, 'change')


def stored_rates(user) -> list[StoredRate]:
    return [
        StoredRate(rate.currency, rate.period, rate.period_precision, rate.rate, rate.source, rate.url)
        for rate in _rates(user).iterator()
    ]


def apply_rate_plan(user, plan: RateImportPlan) -> None:
    """Write a checked plan's new and changed rates (model validation runs); call inside ``transaction.atomic()``."""
    stored = {(rate.currency, rate.period, rate.period_precision): rate for rate in _rates(user)}
    for row in (*plan.create, *plan.update):
        record = stored.get(row.key) or ExchangeRate(
            currency=row.currency, period=row.period.date, period_precision=row.period.precision
        )
        record.rate, record.source, record.url = row.rate, row.source, row.url
        record.full_clean()
        record.save()
