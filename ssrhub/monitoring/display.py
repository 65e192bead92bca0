"""How an indicator's values and statuses read on a page: values to the indicator's decimal places, in the UI
language's number format, with the unit's sign (a percentage's %, yes or no, a scale's ends); an on-track status in
words."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from . import rollups
from .models import Unit

__all__ = ['format_value', 'kind_label', 'status_label']


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


STATUS_LABELS = {
    rollups.ON_TRACK: gettext_lazy('on track'),
    rollups.AT_RISK: gettext_lazy('at risk'),
    rollups.OFF_TRACK: gettext_lazy('off track'),
    rollups.NO_TARGET: gettext_lazy('no target'),
    rollups.NO_VALUE: gettext_lazy('no approved value'),
    rollups.NO_BASELINE: gettext_lazy('no baseline to judge by'),
}


def status_label(status: str) -> str:
    """An on-track status in the active language."""
    return str(STATUS_LABELS[status])


def kind_label(kind: str) -> str:
    """The results of a level's IATI result type, in the plural: Outputs, Outcomes, Impacts, Other results."""
    return {'1': _('Outputs'), '2': _('Outcomes'), '3': _('Impacts')}.get(kind, _('Other results'))
