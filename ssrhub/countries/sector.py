"""The security-sector map of a country as data: its actors with their latest headcounts, relations, the areas by
type, the JSON the graph draws and the rows of the downloads (columns are the header the CSV import reads too)."""

from django.utils.translation import gettext_lazy

from .actor_import import normalise_name
from .models import Actor, ActorRelation, ActorType, Area, Headcount, RelationKind

__all__ = [
    'ACTOR_EXPORT_COLUMNS',
    'EXPORT_TABLES',
    'EXPORT_TABLE_LABELS',
    'HEADCOUNT_EXPORT_COLUMNS',
    'RELATION_EXPORT_COLUMNS',
    'actor_graph',
    'actor_rows',
    'areas_by_type',
    'headcount_rows',
    'latest_headcounts',
    'load_sector',
    'relation_rows',
]


# Column keys are the header of the downloaded files and of the files the import reads: they stay English
# identifiers in every language (the ``*_label`` columns hold the translated labels for people).
ACTOR_EXPORT_COLUMNS = (
    'name',
    'name_fr',
    'acronym',
    'area',
    'area_label',
    'type',
    'type_label',
    'statutory',
    'note',
    'source',
    'latest_headcount',
    'latest_headcount_date',
    'latest_headcount_basis',
    'latest_headcount_source',
    'headcount_sources_disagree',
)
RELATION_EXPORT_COLUMNS = (
    'actor',
    'actor_acronym',
    'relation',
    'relation_label',
    'other_actor',
    'other_actor_acronym',
    'note',
    'source',
)
HEADCOUNT_EXPORT_COLUMNS = ('actor', 'actor_acronym', 'date', 'count', 'women', 'women_share', 'basis', 'source')
EXPORT_TABLES = {
    'actors': ('security-actors', ACTOR_EXPORT_COLUMNS),
    'relations': ('actor-relations', RELATION_EXPORT_COLUMNS),
    'headcounts': ('actor-headcounts', HEADCOUNT_EXPORT_COLUMNS),
}
EXPORT_TABLE_LABELS = {
    'actors': gettext_lazy('Actors'),
    'relations': gettext_lazy('Relations'),
    'headcounts': gettext_lazy('Headcounts'),
}
# Several latest headcounts (sources that disagree) share one CSV or XLSX cell; JSON gives a list.
JOIN = ' | '


# Section: reading the map


def latest_headcounts(headcounts) -> list[Headcount]:
    """The newest headcount of each source (its basis and source, case aside), newest first.

    Sources that disagree (the ministry's personnel database against the payroll) are all kept, whatever their date.
    """
    newest = {}
    for headcount in sorted(headcounts, key=lambda h: (h.date, h.pk), reverse=True):
        newest.setdefault((normalise_name(headcount.basis), normalise_name(headcount.source)), headcount)
    return list(newest.values())


def load_sector(user, country) -> tuple[list[Actor], list[ActorRelation]]:
    """The country's actors (by name, each with ``latest`` headcounts and ``disagree``) and relations."""
    actors = list(
        Actor.objects.restrict(user, 'view').filter(country=country).prefetch_related('headcounts').order_by('name')
    )
    for actor in actors:
        actor.latest = latest_headcounts(actor.headcounts.all())
        actor.disagree = len({headcount.count for headcount in actor.latest}) > 1
    relations = list(
        ActorRelation.objects.restrict(user, 'view')
        .filter(from_actor__country=country)
        .select_related('from_actor', 'to_actor')
        .order_by('from_actor__name', 'kind', 'to_actor__name')
    )
    return actors, relations


def areas_by_type(actors) -> list[dict]:
    """The four areas, each with its actors grouped by type (in the order of the type choices)."""
    type_order = {value: index for index, value in enumerate(ActorType.values)}
    areas = []
    for area in Area:
        members = [actor for actor in actors if actor.area == area]
        groups = []
        for value in sorted({actor.type for actor in members}, key=lambda value: type_order.get(value, 99)):
            group = [actor for actor in members if actor.type == value]
            groups.append({'type': value, 'label': group[0].get_type_display(), 'actors': group})
        areas.append({'key': area.value, 'label': area.label, 'count': len(members), 'groups': groups})
    return areas


def actor_graph(country, actors, relations) -> dict:
    """The JSON that ``actor-graph.js`` draws (contract in that file's header)."""
    return {
        'country': country.iso3,
        'areas': [
            {'key': area.value, 'label': str(area.label), 'count': sum(a.area == area for a in actors)} for area in Area
        ],
        'kinds': [{'key': kind.value, 'label': str(kind.label)} for kind in RelationKind],
        'nodes': [
            {
                'id': f'actor-{actor.pk}',
                'label': str(actor),
                'name': actor.display_name,
                'acronym': actor.acronym,
                'area': actor.area,
                'type': actor.type,
                'type_label': actor.get_type_display(),
                'statutory': actor.statutory,
                'headcounts': [
                    {'count': h.count, 'date': h.date.isoformat(), 'basis': h.basis, 'source': h.source}
                    for h in actor.latest
                ],
                'anchor': f'#actor-{actor.pk}',
            }
            for actor in actors
        ],
        'edges': [
            {
                'id': f'relation-{relation.pk}',
                'source': f'actor-{relation.from_actor_id}',
                'target': f'actor-{relation.to_actor_id}',
                'kind': relation.kind,
                'label': relation.get_kind_display(),
                'note': relation.note,
            }
            for relation in relations
        ],
    }


# Section: downloads


def _several(values, fmt):
    """One cell for the values of the latest headcounts: a list in JSON, one value or joined text otherwise."""
    if fmt == 'json':
        return values
    if len(values) == 1:
        return values[0]
    return JOIN.join(value.isoformat() if hasattr(value, 'isoformat') else str(value) for value in values) or None


def actor_rows(actors, fmt) -> list[dict]:
    return [
        {
            'name': actor.name,
            'name_fr': actor.name_fr,
            'acronym': actor.acronym,
            'area': actor.area,
            'area_label': actor.get_area_display(),
            'type': actor.type,
            'type_label': actor.get_type_display(),
            'statutory': actor.statutory,
            'note': actor.note,
            'source': actor.source,
            'latest_headcount': _several([h.count for h in actor.latest], fmt),
            'latest_headcount_date': _several([h.date for h in actor.latest], fmt),
            'latest_headcount_basis': _several([h.basis for h in actor.latest], fmt),
            'latest_headcount_source': _several([h.source for h in actor.latest], fmt),
            'headcount_sources_disagree': actor.disagree,
        }
        for actor in sorted(actors, key=lambda actor: (Area.values.index(actor.area), actor.type, actor.name))
    ]


def relation_rows(relations) -> list[dict]:
    return [
        {
            'actor': relation.from_actor.name,
            'actor_acronym': relation.from_actor.acronym,
            'relation': relation.kind,
            'relation_label': relation.get_kind_display(),
            'other_actor': relation.to_actor.name,
            'other_actor_acronym': relation.to_actor.acronym,
            'note': relation.note,
            'source': relation.source,
        }
        for relation in relations
    ]


def headcount_rows(actors) -> list[dict]:
    return [
        {
            'actor': actor.name,
            'actor_acronym': actor.acronym,
            'date': headcount.date,
            'count': headcount.count,
            'women': headcount.women,
            'women_share': headcount.women_share,
            'basis': headcount.basis,
            'source': headcount.source,
        }
        for actor in actors
        for headcount in sorted(actor.headcounts.all(), key=lambda h: (h.date, h.pk), reverse=True)
    ]
