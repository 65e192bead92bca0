"""Exports of the safeguards list pages: aggregate counts by default, rows with names only for a stated reason.

Each list registers an ``ExportSpec`` (``register()``): its model, the dimensions its aggregate export counts by
(codes and months, counted in the database: no encrypted field is read) and the columns of its named export (read
in Python, where the encrypted fields are decrypted). The two views of ``views/reports.py`` serve every registered
spec under ``due-diligence/exports/<key>...``; a list page shows their links with ``export_links()`` and the
``safeguards/reports/export_links.html`` include. Cells a spreadsheet would run as a formula are prefixed by
``core/exports.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .filtersets.allegations import AllegationFilterSet
from .models import (
    Allegation,
    CaseStatus,
    FollowUp,
    Individual,
    IndividualCategory,
    Screening,
    ScreeningResult,
    SupportKind,
    SupportRequest,
    ViolationType,
)

__all__ = [
    'Dimension',
    'ExportSpec',
    'aggregate_columns',
    'aggregate_rows',
    'export_links',
    'get_spec',
    'named_columns',
    'named_rows',
    'register',
]

NOT_SCREENED = 'not-screened'


@dataclass(frozen=True)
class Dimension:
    """One column of an aggregate export: ``expression`` (a field name, or a database expression annotated as
    ``key``) and the labels of its codes (``None``: the value as it is; a month is written YYYY-MM)."""

    key: str
    label: object
    expression: object
    labels: dict | None = None


@dataclass(frozen=True)
class ExportSpec:
    key: str
    model: type
    dimensions: tuple[Dimension, ...]
    columns: tuple[tuple[str, object, Callable], ...]  # (key, label, record -> value) of the named export
    filterset: type | None = None
    select_related: tuple[str, ...] = ()

    @property
    def label(self):
        return self.model._meta.verbose_name_plural


_SPECS: dict[str, ExportSpec] = {}


def register(spec: ExportSpec) -> None:
    _SPECS[spec.key] = spec


def get_spec(key: str) -> ExportSpec:
    try:
        return _SPECS[key]
    except KeyError:
        raise Http404 from None


def aggregate_rows(spec: ExportSpec, records) -> list[dict]:
    """How many of ``records`` fall in each combination of the spec's dimensions (combinations with none left out)."""
    fields = [d.expression for d in spec.dimensions if isinstance(d.expression, str)]
    annotated = {d.key: d.expression for d in spec.dimensions if not isinstance(d.expression, str)}
    names = [d.expression if isinstance(d.expression, str) else d.key for d in spec.dimensions]
    grouped = (
        records.order_by().values(*fields, **annotated).annotate(count=Count('pk', distinct=True)).order_by(*names)
    )
    rows = []
    for group in grouped:
        row = {'count': group['count']}
        for dimension, name in zip(spec.dimensions, names, strict=True):
            value = group[name]
            if hasattr(value, 'strftime'):
                value = value.strftime('%Y-%m')
            elif dimension.labels is not None:
                value = str(dimension.labels.get(value, value))
            row[dimension.key] = value
        rows.append(row)
    return rows


def aggregate_columns(spec: ExportSpec) -> list[tuple[str, object]]:
    return [(dimension.key, dimension.label) for dimension in spec.dimensions] + [
        ('count', pgettext_lazy('count', 'Number'))
    ]


def named_rows(spec: ExportSpec, records) -> list[dict]:
    return [{key: getter(record) for key, _label, getter in spec.columns} for record in records]


def named_columns(spec: ExportSpec) -> list[tuple[str, object]]:
    return [(key, label) for key, label, _getter in spec.columns]


def export_links(country, key: str, query: str = '') -> dict:
    """The links a list page shows: the aggregate downloads and the page asking the reason for a named export."""
    suffix = f'?{query}' if query else ''
    return {
        'aggregate': [
            (fmt.upper(), reverse('safeguards:aggregate_export', args=[country.iso3, key, fmt]) + suffix)
            for fmt in ('csv', 'xlsx', 'json')
        ],
        'named': reverse('safeguards:named_export', args=[country.iso3, key]) + suffix,
    }


# Section: the app's lists


def _choice_labels(choices) -> dict:
    return dict(choices.choices)


def _latest_result():
    latest = Screening.objects.filter(individual=OuterRef('pk')).order_by('-screened_at', '-pk').values('result')
    return Coalesce(Subquery(latest[:1]), Value(NOT_SCREENED))


register(
    ExportSpec(
        key='requests',
        model=SupportRequest,
        dimensions=(
            Dimension('status', _('Status'), 'status', _choice_labels(CaseStatus)),
            Dimension('kind', _('Kind of support'), 'kind', _choice_labels(SupportKind)),
        ),
        columns=(
            ('title', _('Title'), lambda r: r.title),
            ('recipient', _('Recipient'), lambda r: str(r.recipient)),
            ('kind', _('Kind of support'), lambda r: r.get_kind_display()),
            ('status', _('Status'), lambda r: r.get_status_display()),
            ('start', _('Start'), lambda r: r.start),
            ('end', _('End'), lambda r: r.end),
            ('description', _('Description'), lambda r: r.description),
        ),
        select_related=('recipient',),
    )
)

register(
    ExportSpec(
        key='allegations',
        model=Allegation,
        dimensions=(
            Dimension('violation', _('Type of violation'), 'violation', _choice_labels(ViolationType)),
            Dimension('month', _('Month reported'), TruncMonth('reported_on')),
            Dimension('follow_up', _('Follow-up'), 'follow_up', _choice_labels(FollowUp)),
        ),
        columns=(
            ('occurred_on', _('Date'), lambda r: r.occurred_on),
            ('place', _('Place'), lambda r: r.place),
            ('violation', _('Type of violation'), lambda r: r.get_violation_display()),
            ('recipient', _('Alleged perpetrator'), lambda r: str(r.recipient)),
            ('perpetrators', _('Alleged individual perpetrators'), lambda r: r.perpetrators),
            ('victim_names', _('Names of victims'), lambda r: r.victim_names),
            ('narrative', _('Narrative'), lambda r: r.narrative),
            ('follow_up', _('Follow-up'), lambda r: r.get_follow_up_display()),
            ('reported_on', _('Reported on'), lambda r: r.reported_on),
        ),
        filterset=AllegationFilterSet,
        select_related=('recipient',),
    )
)

register(
    ExportSpec(
        key='individuals',
        model=Individual,
        dimensions=(
            Dimension('category', _('Category'), 'category', _choice_labels(IndividualCategory)),
            Dimension(
                'result',
                _('Latest screening result'),
                _latest_result(),
                {**_choice_labels(ScreeningResult), NOT_SCREENED: _('Not screened')},
            ),
        ),
        columns=(
            ('name', _('Name'), lambda r: r.name),
            ('aliases', _('Aliases'), lambda r: r.aliases),
            ('position', _('Position'), lambda r: r.position),
            ('category', _('Category'), lambda r: r.get_category_display()),
            ('unit', _('Unit or force'), lambda r: str(r.unit) if r.unit else ''),
            ('fictitious', _('Fictitious'), lambda r: r.fictitious),
        ),
        select_related=('unit',),
    )
)
