"""The Django side of 3W (HXL) imports: what is known to match against, and the writes a person asks for.

Reading, matching and counting are plain Python in ``hxl3w/``; this module supplies the known organisations (names,
French names, acronyms, confirmed aliases) and sectors (the framework's areas and components), creates the
organisations a person chose to create and records a confirmed match as an alias, each in one transaction.
"""

from django.db import transaction

from ssrhub.framework.models import FrameworkItem

from .hxl3w.matching import Known, Matcher, fold
from .hxl3w.preview import Preview
from .models import Organisation, OrganisationType

__all__ = [
    'SECTOR_PREFIXES',
    'add_alias',
    'create_unknown',
    'create_unknown_values',
    'organisation_matcher',
    'sector_matcher',
]

SECTOR_PREFIXES = ('area.', 'component.')
# Organisation types as 3W tables write them (folded) -> IATI OrganisationType codes.
ORG_TYPES = {
    'government': OrganisationType.GOVERNMENT,
    'national government': OrganisationType.GOVERNMENT,
    'gov': OrganisationType.GOVERNMENT,
    'local government': OrganisationType.LOCAL_GOVERNMENT,
    'international ngo': OrganisationType.INTERNATIONAL_NGO,
    'ingo': OrganisationType.INTERNATIONAL_NGO,
    'ong internationale': OrganisationType.INTERNATIONAL_NGO,
    'national ngo': OrganisationType.NATIONAL_NGO,
    'nngo': OrganisationType.NATIONAL_NGO,
    'ngo': OrganisationType.NATIONAL_NGO,
    'ong nationale': OrganisationType.NATIONAL_NGO,
    'regional ngo': OrganisationType.REGIONAL_NGO,
    'un': OrganisationType.MULTILATERAL,
    'un agency': OrganisationType.MULTILATERAL,
    'united nations': OrganisationType.MULTILATERAL,
    'agence des nations unies': OrganisationType.MULTILATERAL,
    'multilateral': OrganisationType.MULTILATERAL,
    'red cross red crescent': OrganisationType.OTHER,
    'rcrc': OrganisationType.OTHER,
    'foundation': OrganisationType.FOUNDATION,
    'private sector': OrganisationType.PRIVATE_SECTOR,
    'academic research': OrganisationType.ACADEMIC,
    'academic': OrganisationType.ACADEMIC,
    'donor': OrganisationType.OTHER_PUBLIC,
}


def organisation_matcher(organisations=None) -> Matcher:
    """Every organisation by its name, French name, acronym and aliases (``organisations``: a queryset already
    restricted to what the user may see; every organisation for the command line)."""
    organisations = Organisation.objects.all() if organisations is None else organisations
    return Matcher(
        Known(organisation.pk, _label(organisation), (organisation.name, organisation.name_fr, organisation.acronym,
                                                      *organisation.aliases))
        for organisation in organisations.only('pk', 'name', 'name_fr', 'acronym', 'aliases')
    )  # fmt: skip


def sector_matcher() -> Matcher:
    """The framework's components and areas of the security sector, in English and French; a component first when
    both answer to a name ("justice")."""
    items = FrameworkItem.objects.filter(code__regex=r'^(area|component)\.').select_related('version')
    items = sorted(items, key=lambda item: (not item.code.startswith('component.'), item.code))
    return Matcher(
        Known(item.code, item.label, (item.label_en, item.label_fr, item.code.split('.', 1)[1])) for item in items
    )


def _label(organisation: Organisation) -> str:
    name = organisation.display_name
    return f'{name} ({organisation.acronym})' if organisation.acronym and organisation.acronym != name else name


@transaction.atomic
def create_unknown(result: Preview, source: str) -> list[Organisation]:
    """Create an organisation for each unknown organisation of ``result`` (the person asked for it: the command's
    ``--create-unknown``); its acronym and type as the table gives them, ``source`` saying which file."""
    values = [
        {'value': match.value, 'acronym': result.details.get(match.value, ('', ''))[0],
         'type': result.details.get(match.value, ('', ''))[1]}
        for match in result.unknown_organisations
    ]  # fmt: skip
    return create_unknown_values(values, source)


@transaction.atomic
def create_unknown_values(values: list[dict], source: str) -> list[Organisation]:
    """Create an organisation for each ``{'value', 'acronym', 'type'}`` (a name as a table spells it, its acronym
    and type as written there)."""
    created = []
    for item in values:
        name, acronym = item['value'], item.get('acronym', '')
        organisation = Organisation(
            name=name[:250],
            acronym=acronym[:40] if acronym != name else '',
            type=ORG_TYPES.get(fold(item.get('type', '')), ''),
            source=source[:300],
        )
        organisation.full_clean()
        organisation.save()
        created.append(organisation)
    return created


@transaction.atomic
def add_alias(organisation: Organisation, name: str) -> bool:
    """Record ``name`` as another name of ``organisation`` (a person confirmed the match); False when it already
    answers to it."""
    folded = fold(name)
    if folded in {
        fold(known) for known in (organisation.name, organisation.name_fr, organisation.acronym, *organisation.aliases)
    }:
        return False
    organisation.aliases = [*organisation.aliases, name]
    organisation.save()
    return True
