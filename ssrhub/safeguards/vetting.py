"""Vetting in the database: screen individuals against their country's allegations and watch lists, review the
matches, import watch lists.

The names are encrypted at rest, so nothing here filters on them in SQL: the candidates are read once through
``restrict(user)``, decrypted, and compared in Python by ``screening.py``. A screening is a new record every time;
an older one is never overwritten.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ssrhub.core.textsearch import fold, search_terms

from . import screening as matching
from . import watchlists
from .models import (
    Allegation,
    ListedPerson,
    Screening,
    ScreeningMatch,
    ScreeningResult,
    WatchList,
)

__all__ = [
    'LIST_MESSAGES',
    'Candidate',
    'apply_import',
    'candidates',
    'list_message',
    'matching_individuals',
    'plan_for',
    'review_match',
    'screen',
]

LIST_MESSAGES = {
    'too-large': _('The file is larger than %(max_kb)s KB.'),
    'empty': _('The file is empty.'),
    'encoding': _('The file is not UTF-8 text. Save it as “CSV UTF-8”.'),
    'bad-csv': _('The file cannot be read as CSV: %(detail)s.'),
    'bad-xlsx': _('The file cannot be read as an XLSX workbook.'),
    'macros': _('The workbook contains macros; save it as a plain .xlsx workbook without macros.'),
    'no-name-column': _('No column is titled name (or tagged #person+name); the columns are name, aliases and note.'),
    'too-many-rows': _('The file has more than %(max_rows)s rows.'),
    'no-rows': _('The file has a header but no names.'),
    'required': _('The name is missing.'),
    'too-long': _('The name is longer than %(max)s characters.'),
    'duplicate': _('The name %(name)s is already on row %(first_row)s.'),
}


def list_message(code: str, params: dict) -> str:
    """A problem of ``watchlists.py`` in the user's language."""
    return str(LIST_MESSAGES[code]) % params


@dataclass(frozen=True)
class Candidate:
    """A person an individual is screened against: an alleged perpetrator (one line of an allegation) or a listed
    person, with every name they go by."""

    names: list[str]
    allegation: Allegation | None = None
    listed_person: ListedPerson | None = None


def candidates(user, country) -> list[Candidate]:
    """The alleged perpetrators and listed people of ``country`` that ``user`` may view."""
    found = []
    for allegation in Allegation.objects.restrict(user).filter(country=country):
        for line in allegation.perpetrators.splitlines():
            if names := matching.names_of('', line):
                found.append(Candidate(names, allegation=allegation))
    for person in ListedPerson.objects.restrict(user).filter(watch_list__country=country).select_related('watch_list'):
        found.append(Candidate(matching.names_of(person.name, person.aliases), listed_person=person))
    return found


def screen(individuals, user, threshold: int = matching.DEFAULT_THRESHOLD, found=None) -> list[Screening]:
    """Screen each of ``individuals`` (of one country) and store a new screening with its matches at or above
    ``threshold``; ``found`` are the candidates when already read (``candidates()``)."""
    individuals = list(individuals)
    if not individuals:
        return []
    if found is None:
        found = candidates(user, individuals[0].country)
    people = [matching.names_of(individual.name, individual.aliases) for individual in individuals]
    found_by_person = matching.match_all(people, [candidate.names for candidate in found], threshold)
    screenings = []
    with transaction.atomic():
        for individual, hits in zip(individuals, found_by_person, strict=True):
            screening = Screening.objects.create(
                individual=individual,
                screened_by=user,
                threshold=threshold,
                result=ScreeningResult.PENDING if hits else ScreeningResult.CLEAR,
            )
            for index, best in hits:
                ScreeningMatch.objects.create(
                    screening=screening,
                    allegation=found[index].allegation,
                    listed_person=found[index].listed_person,
                    matched_name=best.other[:200],
                    screened_name=best.name[:200],
                    score=best.score,
                )
            screenings.append(screening)
    return screenings


def review_match(match: ScreeningMatch, user, decision: str, reason: str) -> ScreeningMatch:
    """Confirm or reject ``match`` with a reason (``full_clean()`` requires it), then set its screening's result."""
    match.decision, match.reason = decision, reason
    match.decided_by, match.decided_at = user, timezone.now()
    match.full_clean()
    with transaction.atomic():
        match.save()
        screening = match.screening
        screening.result = matching.screening_result(screening.matches.values_list('decision', flat=True))
        screening.save()
    return match


# Section: watch lists


def _stored(watch_list: WatchList | None) -> list[watchlists.StoredPerson]:
    if watch_list is None:
        return []
    return [
        watchlists.StoredPerson(person.pk, person.name, person.aliases, person.note, person.row)
        for person in watch_list.people.all()
    ]


def _watch_list(country, title: str) -> WatchList | None:
    return WatchList.objects.filter(country=country, title__iexact=title.strip()).first()


def plan_for(country, title: str, rows: list[watchlists.ListRow]) -> watchlists.ImportPlan:
    """What importing ``rows`` into the country's list titled ``title`` (a new list when there is none) changes."""
    return watchlists.plan_import(rows, _stored(_watch_list(country, title)))


def apply_import(country, title: str, organisation: str, filename: str, rows) -> tuple[WatchList, object]:
    """Store ``rows`` in the list titled ``title`` (created when new), all or nothing; return the list and the plan
    applied (planned again inside the transaction, so that a list changed since the preview is not doubled)."""
    with transaction.atomic():
        watch_list = _watch_list(country, title)
        if watch_list is None:
            watch_list = WatchList.objects.create(
                country=country, title=title.strip(), organisation=organisation, imported_from=filename[:255]
            )
        elif (watch_list.organisation, watch_list.imported_from) != (organisation, filename[:255]):
            watch_list.organisation, watch_list.imported_from = organisation, filename[:255]
            watch_list.save()
        plan = watchlists.plan_import(rows, _stored(watch_list))
        for row in plan.added:
            ListedPerson.objects.create(
                watch_list=watch_list, name=row.name, aliases=row.aliases, note=row.note, row=row.row
            )
        for key, row in plan.changed:
            person = watch_list.people.get(pk=key)
            person.name, person.aliases, person.note, person.row = row.name, row.aliases, row.note, row.row
            person.save()
    return watch_list, plan


def matching_individuals(queryset, query: str):
    """The individuals of ``queryset`` (already restricted to the user) whose name, aliases or position hold every
    word of ``query``, accents and case aside: read and compared in Python, the fields being encrypted."""
    terms = search_terms(query)
    if not terms:
        return queryset
    found = [
        individual.pk
        for individual in queryset
        if all(term in fold(f'{individual.name} {individual.aliases} {individual.position}') for term in terms)
    ]
    return queryset.filter(pk__in=found)
