"""Write the framework and institution data files to the database, idempotently."""

from django.db import transaction

from ssrhub.core.datafiles import DataFileError
from ssrhub.core.loading import LoadReport, set_citations, upsert
from ssrhub.core.models import Country

from .datafiles import DATA_DIR, read_framework, read_institutions
from .models import Framework, FrameworkItem, FrameworkVersion, Mission, UNEntity, UNEntityMembership, UNEntityName

__all__ = ['load_all_frameworks', 'load_framework', 'load_institutions']

FRAMEWORKS_DIR = DATA_DIR / 'frameworks'
INSTITUTIONS_DIR = DATA_DIR / 'institutions'


# Section: framework


def _load_version(framework: Framework, spec, report: LoadReport) -> None:
    version = upsert(
        FrameworkVersion,
        {'framework': framework, 'version': spec.version},
        {
            'released': spec.released,
            'notes_en': spec.notes['en'],
            'notes_fr': spec.notes['fr'],
            'content_hash': spec.content_hash,
        },
        report,
        reason=f'framework data {framework.code}/{spec.version}',
    )
    items = {}
    for item in spec.items:
        items[item.code] = upsert(
            FrameworkItem,
            {'version': version, 'code': item.code},
            {
                'parent': items.get(item.parent_code),
                'ref': item.ref,
                'order': item.order,
                'depth': item.depth,
                'label_en': item.label['en'],
                'label_fr': item.label['fr'],
                'definition_en': item.definition['en'],
                'definition_fr': item.definition['fr'],
            },
            report,
            reason=f'framework data {framework.code}/{spec.version}',
        )
        set_citations(items[item.code], item.citations, report)
    for removed in version.items.exclude(code__in=items).order_by('-depth'):
        removed._change_reason = 'removed from the data files'
        removed.delete()
        report.add(FrameworkItem, 'deleted')


@transaction.atomic
def load_framework(directory, report: LoadReport) -> Framework:
    """Load one framework folder (all its versions). Nothing is written if any file is invalid."""
    spec = read_framework(directory)
    framework = upsert(
        Framework,
        {'code': spec.code},
        {
            'name_en': spec.name['en'],
            'name_fr': spec.name['fr'],
            'description_en': spec.description['en'],
            'description_fr': spec.description['fr'],
        },
        report,
    )
    for version in spec.versions:
        _load_version(framework, version, report)
    return framework


def load_all_frameworks(report: LoadReport) -> None:
    for directory in sorted(FRAMEWORKS_DIR.iterdir()):
        if (directory / 'framework.yaml').is_file():
            load_framework(directory, report)


# Section: institutions


def _country(iso3: str, where: str) -> Country:
    country = Country.objects.filter(iso3=iso3).first()
    if country is None:
        raise DataFileError(f'{where}: unknown country code {iso3} (load countries first)')
    return country


@transaction.atomic
def load_institutions(report: LoadReport, directory=INSTITUTIONS_DIR) -> None:
    """Load UN entities (with names and memberships) and missions. All or nothing."""
    entities_spec, memberships_spec, missions_spec = read_institutions(directory)
    reason = 'institution data files'
    entities = {}
    for spec in entities_spec:
        entity = upsert(UNEntity, {'code': spec['code']}, {'kind': spec['kind'], 'note': spec['note']}, report, reason)
        for name in spec['names']:
            upsert(
                UNEntityName,
                {'entity': entity, 'valid_from': name['from']},
                {
                    'acronym': name['acronym'],
                    'name_en': name['en'],
                    'name_fr': name['fr'],
                    'valid_to': name['to'],
                },
                report,
                reason,
            )
        set_citations(entity, spec['citations'], report)
        entities[entity.code] = entity
    for spec in memberships_spec:
        membership = upsert(
            UNEntityMembership,
            {'group': entities[spec['group']], 'member': entities[spec['member']], 'role': spec['role']},
            {'valid_from': spec['from'], 'valid_to': spec['to'], 'note': spec['note']},
            report,
            reason,
        )
        set_citations(membership, spec['citations'], report)
    missions = {}
    for spec in missions_spec:
        mission = upsert(
            Mission,
            {'acronym': spec['acronym']},
            {
                'acronym_fr': spec['acronym_fr'],
                'name_en': spec['en'],
                'name_fr': spec['fr'],
                'type': spec['type'],
                'start': spec['start'],
                'end': spec['end'],
                'established_by': spec['established_by'],
                'note': spec['note'],
            },
            report,
            reason,
        )
        countries = [_country(iso3, f'mission {spec["acronym"]}') for iso3 in spec['countries']]
        if set(mission.countries.all()) != set(countries):
            mission.countries.set(countries)
        set_citations(mission, spec['citations'], report)
        missions[mission.acronym] = (mission, spec['predecessors'])
    for mission, predecessors in missions.values():
        wanted = {missions[acronym][0] for acronym in predecessors}
        if set(mission.predecessors.all()) != wanted:
            mission.predecessors.set(wanted)
