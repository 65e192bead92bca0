"""Tables of the vetting pages. Name, aliases and position are encrypted: their columns are never sorted (SQL cannot
read them)."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from ..models import Individual, ListedPerson, ScreeningResult, WatchList

__all__ = ['IndividualTable', 'ListedPersonTable', 'WatchListTable', 'fictitious_badge']

RESULT_BADGES = {
    ScreeningResult.PENDING: 'text-bg-warning',
    ScreeningResult.MATCH: 'text-bg-danger',
    ScreeningResult.CLEAR: 'text-bg-success',
}


def fictitious_badge(individual) -> str:
    """The individual's name, with a "fictitious" badge for a made-up person of the demonstration."""
    if individual.fictitious:
        return format_html('{} <span class="badge text-bg-secondary">{}</span>', individual.name, _('fictitious'))
    return individual.name


class IndividualTable(BaseTable):
    name = tables.Column(verbose_name=_('Name'), linkify=True, orderable=False)
    position = tables.Column(verbose_name=_('Position'), orderable=False)
    category = tables.Column(verbose_name=_('Category'))
    unit = tables.Column(verbose_name=_('Unit or force'), order_by=('unit__name',))
    latest_result = tables.Column(verbose_name=_('Latest screening'))

    class Meta(BaseTable.Meta):
        model = Individual
        fields = ('name', 'position', 'category', 'unit', 'latest_result')
        row_attrs = {'id': lambda record: f'individual-{record.pk}'}

    def render_name(self, value, record):
        return fictitious_badge(record)

    def render_latest_result(self, value, record):
        return format_html('<span class="badge {}">{}</span>', RESULT_BADGES[value], ScreeningResult(value).label)


class WatchListTable(BaseTable):
    title = tables.Column(
        verbose_name=_('Title'),
        linkify=lambda record: reverse('safeguards:watchlist', args=[record.country.iso3, record.pk]),
    )
    organisation = tables.Column(verbose_name=_('Organisation'))
    people_count = tables.Column(verbose_name=_('Names'))
    imported_from = tables.Column(verbose_name=_('File'))
    last_updated = tables.DateTimeColumn(verbose_name=_('Last imported'), format='Y-m-d H:i')

    class Meta(BaseTable.Meta):
        model = WatchList
        fields = ('title', 'organisation', 'people_count', 'imported_from', 'last_updated')


class ListedPersonTable(BaseTable):
    row = tables.Column(verbose_name=_('Row'))
    name = tables.Column(verbose_name=_('Name'), orderable=False)
    aliases = tables.Column(verbose_name=_('Aliases'), orderable=False)
    note = tables.Column(verbose_name=_('Note'), orderable=False)

    class Meta(BaseTable.Meta):
        model = ListedPerson
        fields = ('row', 'name', 'aliases', 'note')
        row_attrs = {'id': lambda record: f'listed-{record.pk}'}

    def render_aliases(self, value, record):
        return '; '.join(value.splitlines())
