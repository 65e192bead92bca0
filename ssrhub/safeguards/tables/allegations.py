"""Tables of the alleged violations and of the shared decisions. Encrypted columns (the narrative) cannot be
sorted in SQL: they are not orderable."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from ssrhub.core.dates import PartialDate
from ssrhub.core.fields import format_partial_date
from ssrhub.core.tables import BaseTable

from ..models import Allegation, SharedDecision

__all__ = ['AllegationTable', 'SharedDecisionTable', 'victims_text']

VICTIM_FIELDS = ('victims_women', 'victims_men', 'victims_girls', 'victims_boys', 'victims_unknown')


def victims_text(allegation) -> str:
    """The victims known: their total, or "not known" when no count is known (an empty count is never 0)."""
    counts = [getattr(allegation, name) for name in VICTIM_FIELDS]
    known = [count for count in counts if count is not None]
    return str(sum(known)) if known else str(_('not known'))


class AllegationTable(BaseTable):
    occurred_on = tables.Column(verbose_name=_('Date of the facts'), order_by=('occurred_on', 'pk'))
    recipient = tables.Column(verbose_name=_('Alleged perpetrator'), order_by=('recipient__name',))
    violation = tables.Column(verbose_name=_('Type of violation'))
    place = tables.Column(verbose_name=_('Place'))
    narrative = tables.Column(verbose_name=_('Narrative'), orderable=False)
    victims = tables.Column(verbose_name=_('Victims'), accessor='pk', orderable=False)
    follow_up = tables.Column(verbose_name=_('Follow-up'))

    class Meta(BaseTable.Meta):
        model = Allegation
        fields = ('occurred_on', 'recipient', 'violation', 'place', 'narrative', 'victims', 'follow_up')
        order_by = ('-occurred_on',)

    def render_occurred_on(self, record):
        when = format_partial_date(PartialDate(record.occurred_on, record.occurred_precision))
        return format_html('<a href="{}">{}</a>', record.get_absolute_url(), when)

    def render_narrative(self, value):
        return Truncator(value).words(20)

    def render_victims(self, record):
        return victims_text(record)


class SharedDecisionTable(BaseTable):
    recipient = tables.Column(verbose_name=_('Recipient'), order_by=('recipient__name',))
    kind = tables.Column(verbose_name=_('Kind of support'))
    outcome = tables.Column(verbose_name=_('Decision'))
    decided_on = tables.DateColumn(verbose_name=_('Decided on'))
    expires_on = tables.DateColumn(verbose_name=_('Expires on'))

    class Meta(BaseTable.Meta):
        model = SharedDecision
        fields = ('recipient', 'kind', 'outcome', 'decided_on', 'expires_on')
        order_by = ('-decided_on',)
