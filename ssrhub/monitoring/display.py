"""How an indicator's values and statuses read on a page: values to the indicator's decimal places, in the UI
language's number format, with the unit's sign (a percentage's %, yes or no, a scale's ends); an on-track status in
words."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from . import rollups
from .models import Unit

__all__ = ['format_value', 'status_label']


def format_value(value, indicator) -> str:
    """``value`` of ``indicator`` as text ('—' when there is none): "12.5 %", "Yes", "3.40 (1–5)", "1,250"."""
    if value is None:
        return '—'
    value = Decimal(value)
    if indicator.unit == Unit.YES_NO:
        return _('Yes') if value == 1 else _('No')
    text = number_format(value, decimal_pos=indicator.decimal_places, use_l10n=True, force_grouping=True)
    if indicator.unit == Unit.PERCENTAGE:
        # The no-break space keeps the sign with its number (French puts a space before %, English none).
        return pgettext('a percentage value', '%(value)s%%') % {'value': text}
    if indicator.unit == Unit.SCALE and indicator.scale_min is not None and indicator.scale_max is not None:
        low = number_format(indicator.scale_min.normalize(), use_l10n=True)
        high = number_format(indicator.scale_max.normalize(), use_l10n=True)
        return f'{text} ({low}–{high})'
    return text


def status_label(status: str) -> str:
    """An on-track status in the active language."""
    return {
        rollups.ON_TRACK: _('on track'),
        rollups.AT_RISK: _('at risk'),
        rollups.OFF_TRACK: _('off track'),
        rollups.NO_TARGET: _('no target'),
        rollups.NO_VALUE: _('no approved value'),
        rollups.NO_BASELINE: _('no baseline to judge by'),
    }[status]
