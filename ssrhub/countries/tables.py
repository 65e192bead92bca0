"""Tables of the country workspaces: records as django-tables2 tables for the generic list views, and the columns
of the downloads (``export_columns()`` turns a table's columns into the ``(key, label)`` pairs that
``core/exports.export_response()`` writes). The map, timeline, documents and assessment pages keep their own HTML.
"""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ssrhub.core.tables import BaseTable

from .models import Actor, WomenShareTarget

__all__ = [
    'ActorTable',
    'AssessmentExportTable',
    'FindingExportTable',
    'TimelineExportTable',
    'WomenShareTargetTable',
    'export_columns',
]


def export_columns(table) -> list[tuple[str, str]]:
    """The ``(key, label)`` of each column of ``table`` (a class), in order."""
    return [(name, column.verbose_name) for name, column in table.base_columns.items()]


# Section: records


class ActorTable(BaseTable):
    name = tables.Column(
        accessor='display_name',
        order_by=('name',),
        linkify=True,
        verbose_name=Actor._meta.get_field('name').verbose_name,
    )

    class Meta(BaseTable.Meta):
        model = Actor
        fields = ('name', 'acronym', 'area', 'type', 'statutory')


class WomenShareTargetTable(BaseTable):
    actor = tables.Column(
        accessor='actor__display_name',
        verbose_name=WomenShareTarget._meta.get_field('actor').verbose_name,
        default=_('The whole security sector'),
        order_by=('actor__name',),
    )
    share = tables.Column(attrs={'td': {'class': 'text-end'}})
    target_date = tables.DateColumn(format='Y-m-d')
    actions = tables.TemplateColumn(
        template_name='countries/includes/women_target_actions.html', verbose_name=_('Actions'), orderable=False
    )

    class Meta(BaseTable.Meta):
        model = WomenShareTarget
        fields = ('actor', 'share', 'target_date', 'source', 'note')
        row_attrs = {'id': lambda record: f'target-{record.pk}'}


# Section: downloads


class FindingExportTable(tables.Table):
    severity = tables.Column(verbose_name=_('Severity'))
    subject_key = tables.Column(verbose_name=_('Key'))
    subject = tables.Column(verbose_name=_('Subject'))
    code = tables.Column(verbose_name=_('Code'))
    label = tables.Column(verbose_name=_('Check'))
    message = tables.Column(verbose_name=_('Finding'))


class AssessmentExportTable(tables.Table):
    assessment = tables.Column(verbose_name=_('Assessment'))
    date = tables.Column(verbose_name=_('Date'))
    group = tables.Column(verbose_name=_('Group'))
    ref = tables.Column(verbose_name=_('Reference'))
    code = tables.Column(verbose_name=_('Code'))
    item = tables.Column(verbose_name=_('Item'))
    score = tables.Column(verbose_name=_('Score'))
    compliance = tables.Column(verbose_name=_('Compliance'))
    rating = tables.Column(verbose_name=_('Rating'))
    evidence = tables.Column(verbose_name=_('Evidence'))
    source = tables.Column(verbose_name=_('Source'))
    citations = tables.Column(verbose_name=_('Citations'))


class TimelineExportTable(tables.Table):
    event = tables.Column(verbose_name=_('Event'))
    kind = tables.Column(verbose_name=_('Kind'))
    date = tables.Column(verbose_name=_('Date'))
    precision = tables.Column(verbose_name=_('Precision'))
    source = tables.Column(verbose_name=_('Source'))
    citations = tables.Column(verbose_name=_('Citations'))
    sources_disagree = tables.Column(verbose_name=_('Sources disagree'))
    all_dates = tables.Column(verbose_name=_('Every date given'))
    description = tables.Column(verbose_name=_('Description'))
