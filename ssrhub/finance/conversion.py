"""Currency conversion through the US dollar, with the rates entered or imported by people (never fetched).

A rate is given as units of a currency per one US dollar, as the IMF and the OECD publish them, for a day, a month or
a year. To convert a value on its value date, each currency's rate is the most specific one whose period holds that
date (a day's rate over its month's, a month's over its year's); when no rate covers the date the conversion says
which currency lacks one and gives no value: no guess from the nearest date. The US dollar needs no rate.

Plain Python: amounts are exact fractions here; pages and exports round them.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ssrhub.core.dates import DAY, MONTH, YEAR, iso_text, period_end, truncate

__all__ = ['PIVOT', 'Conversion', 'Rate', 'RateTable', 'to_fraction']

PIVOT = 'USD'


def to_fraction(value) -> Fraction:
    """An exact fraction of an int, a Decimal, a string or a Fraction (a float is refused: it is not exact)."""
    if isinstance(value, float):
        raise TypeError('amounts are exact: give a Decimal, a string or a Fraction, not a float')
    return value if isinstance(value, Fraction) else Fraction(value)


@dataclass(frozen=True, order=True)
class Rate:
    """``per_usd`` units of ``currency`` for one US dollar over the period starting ``start`` (its first day) with
    ``precision`` (``day``, ``month`` or ``year``)."""

    currency: str
    start: datetime.date
    precision: str
    per_usd: Decimal
    source: str = ''
    url: str = ''

    @property
    def end(self) -> datetime.date:
        return period_end(self.start, self.precision)

    @property
    def period(self) -> str:
        """``2024``, ``2024-03`` or ``2024-03-15``."""
        return iso_text(self.start, self.precision)

    @property
    def usd_per_unit(self) -> Fraction:
        """US dollars for one unit of the currency (1 EUR = 1.0823 USD when 0.9240 EUR buy one dollar)."""
        return 1 / to_fraction(self.per_usd)

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Conversion:
    """A value converted to ``currency``; ``value`` is None when a rate is missing, and ``missing`` names the
    currencies without a rate on ``value_date``. ``rates`` are the rates used (none for dollars to dollars)."""

    original_value: Fraction
    original_currency: str
    value_date: datetime.date
    currency: str
    value: Fraction | None
    rates: tuple[Rate, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.value is not None


class RateTable:
    """The rates known, indexed by currency and period; ``find()`` and ``convert()`` answer for one value date."""

    def __init__(self, rates: Iterable[Rate]):
        self._rates: dict[tuple[str, str, datetime.date], Rate] = {}
        self._per_usd: dict[Rate, Fraction] = {}
        for rate in rates:
            self._rates[(rate.currency.upper(), rate.precision, truncate(rate.start, rate.precision))] = rate

    def _fraction(self, rate: Rate) -> Fraction:
        # Read once per rate: a plan's transactions use the same few rates thousands of times.
        if (value := self._per_usd.get(rate)) is None:
            value = self._per_usd[rate] = to_fraction(rate.per_usd)
        return value

    def find(self, currency: str, day: datetime.date) -> Rate | None:
        """The most specific rate of ``currency`` whose period holds ``day``, or None."""
        currency = currency.upper()
        for precision in (DAY, MONTH, YEAR):
            if rate := self._rates.get((currency, precision, truncate(day, precision))):
                return rate
        return None

    def convert(self, value, currency: str, day: datetime.date, target: str = PIVOT) -> Conversion:
        """``value`` in ``currency`` on ``day``, in ``target``, through the US dollar."""
        currency, target, amount = currency.upper(), target.upper(), to_fraction(value)
        if currency == target:
            return Conversion(amount, currency, day, target, amount)
        used, missing = [], []
        for code in (currency, target):
            if code == PIVOT:
                continue
            rate = self.find(code, day)
            if rate is None:
                missing.append(code)
            else:
                used.append(rate)
        if missing:
            return Conversion(amount, currency, day, target, None, tuple(used), tuple(missing))
        in_usd = amount
        if currency != PIVOT:
            in_usd = amount / self._fraction(used[0])
        converted = in_usd
        if target != PIVOT:
            converted = in_usd * self._fraction(used[-1])
        return Conversion(amount, currency, day, target, converted, tuple(used))
