"""Records for the vetting tests: an allegation naming perpetrators, individuals, a watch list (fictitious names)."""

import datetime

from ssrhub.core.models import Country
from ssrhub.countries.models import Actor, ActorType, Area

from ..models import Allegation, Individual, IndividualCategory, ListedPerson, ViolationType, WatchList


def force(iso3: str) -> Actor:
    return Actor.objects.get_or_create(
        country=Country.objects.get(iso3=iso3),
        name=f'Armed forces {iso3}',
        defaults={'area': Area.CORE, 'type': ActorType.DEFENCE},
    )[0]


def allegation(iso3: str, perpetrators: str) -> Allegation:
    return Allegation.objects.create(
        country=Country.objects.get(iso3=iso3),
        recipient=force(iso3),
        occurred_on=datetime.date(2025, 3, 1),
        place='Fictitious village',
        violation=ViolationType.choices[0][0],
        narrative='Fictitious narrative.',
        perpetrators=perpetrators,
        reported_on=datetime.date(2025, 3, 5),
    )


def individual(iso3: str, name: str, aliases: str = '', **extra) -> Individual:
    return Individual.objects.create(
        country=Country.objects.get(iso3=iso3),
        name=name,
        aliases=aliases,
        category=extra.pop('category', IndividualCategory.COMMANDER),
        unit=force(iso3),
        **extra,
    )


def watch_list(iso3: str, *names: str) -> WatchList:
    listed = WatchList.objects.create(
        country=Country.objects.get(iso3=iso3), title=f'Panel list {iso3}', organisation='Panel of experts'
    )
    for row, name in enumerate(names, start=2):
        ListedPerson.objects.create(watch_list=listed, name=name, row=row)
    return listed
