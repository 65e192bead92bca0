"""The 3W matrix over stored activities (from 3W tables, IATI files with locations, or recorded by hand): who
(organisation, organisation type) does what (framework area or component linked, or sector as published) where
(admin 1, admin 2) and when (period), counted in the database.

Each dimension is a database expression; one query counts the distinct activities of every cell, two more the
row and column totals (an activity in two areas counts in two cells but once in a total). ``hxl3w/matrix.py`` turns
the counts into the matrix. ``drill_params()`` gives the activity list's filters that show the activities of one
cell, with the same rules (``cell_q()``), so the list has as many activities as the cell counts.
"""

from dataclasses import dataclass

from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.db.models.functions import Cast, Coalesce, Concat

from .hxl3w import matrix
from .hxl3w.export import hxl_csv_lines
from .hxl3w.rows import ThreeWRow
from .models import Activity, AdminArea, Organisation, OrganisationType
from .threew_store import STATUSES

__all__ = ['DIMENSIONS', 'Dimension', 'cell_q', 'count_matrix', 'drill_params', 'hxl_lines', 'labels']

PERIOD = Concat(
    Cast(Coalesce('actual_start', 'planned_start'), CharField()),
    Value('/'),
    Cast(Coalesce('actual_end', 'planned_end'), CharField()),
    output_field=CharField(),
)


@dataclass(frozen=True)
class Dimension:
    """A dimension of the matrix: the expression an activity is counted under, and the activity list's filter for
    one of its values."""

    name: str
    expression: object
    param: str


DIMENSIONS = {
    'organisation': Dimension('organisation', Cast('reporting_organisation_id', CharField()), 'reporting'),
    'org_type': Dimension('org_type', F('reporting_organisation__type'), 'org_type'),
    'framework': Dimension('framework', F('links__framework_item__code'), 'framework'),
    'sector': Dimension('sector', F('sectors__code'), 'sector'),
    'admin1': Dimension(
        'admin1',
        Coalesce('locations__admin_area__parent__pcode', 'locations__admin_area__pcode'),
        'admin1',
    ),
    'admin2': Dimension(
        'admin2', Case(When(locations__admin_area__level=2, then=F('locations__admin_area__pcode'))), 'admin_area'
    ),
    'period': Dimension('period', PERIOD, 'period'),
}


def cell_q(dimension: str, value: str) -> Q:
    """The activities counted under ``value`` of ``dimension`` (the activity list's filter uses it too)."""
    if dimension == 'organisation':
        return Q(reporting_organisation_id=int(value)) if value.isdigit() else Q(pk__in=[])
    if dimension == 'org_type':
        return Q(reporting_organisation__type=value)
    if dimension == 'framework':
        return Q(links__framework_item__code=value)
    if dimension == 'sector':
        return Q(sectors__code=value)
    if dimension == 'admin1':
        return Q(locations__admin_area__pcode=value, locations__admin_area__level=1) | Q(
            locations__admin_area__parent__pcode=value
        )
    if dimension == 'admin2':
        return Q(locations__admin_area__pcode=value, locations__admin_area__level=2)
    start, _slash, end = value.partition('/')
    return Q(pk__in=Activity.objects.annotate(period=PERIOD).filter(period=f'{start}/{end}').values('pk'))


def count_matrix(activities, rows: str, columns: str) -> matrix.Matrix:
    """The matrix of ``activities`` (a queryset already filtered and restricted) by two of ``DIMENSIONS``: three
    aggregate queries, whatever the number of activities."""
    row_expression, column_expression = DIMENSIONS[rows].expression, DIMENSIONS[columns].expression
    base = activities.order_by()
    cells = {
        (_key(item['r']), _key(item['c'])): item['n']
        for item in base.annotate(r=row_expression, c=column_expression)
        .values('r', 'c')
        .annotate(n=Count('pk', distinct=True))
    }
    row_totals = {
        _key(item['r']): item['n']
        for item in base.annotate(r=row_expression).values('r').annotate(n=Count('pk', distinct=True))
    }
    column_totals = {
        _key(item['c']): item['n']
        for item in base.annotate(c=column_expression).values('c').annotate(n=Count('pk', distinct=True))
    }
    return matrix.from_counts(rows, columns, cells, row_totals, column_totals, base.count())


def labels(dimension: str, keys, language_fr: bool = False) -> dict[str, str]:
    """The label shown for each key of a dimension (an organisation's acronym or name, an area's name...)."""
    keys = [key for key in keys if key]
    if dimension == 'organisation':
        found = Organisation.objects.in_bulk([int(key) for key in keys if key.isdigit()])
        return {str(pk): organisation.acronym or organisation.display_name for pk, organisation in found.items()}
    if dimension == 'org_type':
        return {key: str(OrganisationType(key).label) if key in OrganisationType.values else key for key in keys}
    if dimension == 'framework':
        from ssrhub.framework.models import FrameworkItem

        items = FrameworkItem.objects.filter(code__in=keys).order_by('pk')
        return {item.code: item.label for item in items}
    if dimension == 'sector':
        from .models import ActivitySector

        names = ActivitySector.objects.filter(code__in=keys).exclude(name='').values_list('code', 'name')
        return {code: f'{name} ({code})' if name != code else code for code, name in names}
    if dimension in ('admin1', 'admin2'):
        return {pcode: f'{name} ({pcode})' for pcode, name in AdminArea.objects.filter(pcode__in=keys).values_list(
            'pcode', 'name')}  # fmt: skip
    return {key: key.replace('/', ' – ') for key in keys}


def drill_params(dimension: str, value: str) -> dict[str, str]:
    """The activity list's query parameters for one value of a dimension."""
    return {DIMENSIONS[dimension].param: value}


# Status codes as a 3W table writes them, for the HXL download (read back to the same code by threew_store).
STATUS_WORDS = {code: word for word, code in reversed(STATUSES.items())}


def hxl_lines(activities):
    """The activities as an HXL CSV table, one line per activity, sector and location (``hxl3w/export.py``)."""
    values = activities.order_by('pk').values_list(
        'pk',
        'title',
        'origin',
        'status',
        'country__iso3',
        'reporting_organisation__name',
        'reporting_organisation__acronym',
        'reporting_organisation__type',
        'sectors__code',
        'sectors__name',
        'locations__admin_area__level',
        'locations__admin_area__pcode',
        'locations__admin_area__name',
        'locations__admin_area__parent__pcode',
        'locations__admin_area__parent__name',
        'locations__name',
        'planned_start',
        'planned_end',
        'actual_start',
        'actual_end',
    )

    def rows():
        for number, item in enumerate(values.iterator(chunk_size=2000), start=3):
            (_pk, title, origin, status, iso3, name, acronym, org_type, code, sector, level, pcode, area, parent,
             parent_name, place, planned_start, planned_end, actual_start, actual_end) = item  # fmt: skip
            start, end = actual_start or planned_start, actual_end or planned_end
            if level == 2:
                adm1_code, adm1_name, adm2_code, adm2_name = parent or '', parent_name or '', pcode, area
            elif level == 1:
                adm1_code, adm1_name, adm2_code, adm2_name = pcode, area, '', ''
            else:
                adm1_code, adm1_name, adm2_code, adm2_name = '', place or '', '', ''
            placename = adm2_name or adm1_name or adm2_code or adm1_code
            generated = origin == '3w' and title == f'{sector or code} – {placename}'
            yield ThreeWRow(
                row=number,
                org_name=name or '',
                org_acronym=acronym or '',
                org_type=str(OrganisationType(org_type).label) if org_type in OrganisationType.values else '',
                sector_code=code or '',
                sector_name=sector or '',
                adm1_code=adm1_code,
                adm1_name=adm1_name,
                adm2_code=adm2_code,
                adm2_name=adm2_name,
                start=start.isoformat() if start else '',
                end=end.isoformat() if end else '',
                status=STATUS_WORDS.get(status, ''),
                activity='' if generated else title,
                country_code=iso3 or '',
            )

    return hxl_csv_lines(rows())


def _key(value) -> str:
    return '' if value is None else str(value)
