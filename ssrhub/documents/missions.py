"""Storing what documents do to missions (``MissionLink``), read from their text or set by hand."""

from django.db import transaction

from ssrhub.core.roles import permission_name
from ssrhub.core.symbols import DocType
from ssrhub.framework.models import Mission

from .linking import MissionNames, mission_relations
from .models import MissionLink

__all__ = ['link_document', 'mission_documents_section', 'mission_names', 'set_manual_link', 'sync_missions']


def mission_names(missions=None) -> tuple[list, list[MissionNames]]:
    """The missions (default all) and how each is named, for :func:`link_document`."""
    missions = list(Mission.objects.all()) if missions is None else list(missions)
    return missions, [
        MissionNames(m.acronym, (m.name_en, m.name_fr), start=m.start, established_by=m.established_by)
        for m in missions
    ]


def link_document(document, version, paragraphs, names=None, *, new: bool = False) -> bool:
    """Read the mission relations of ``version`` and store them as machine links; return whether any changed.

    ``paragraphs`` are the version's paragraphs (objects with ``ref``, ``kind`` and ``text``). Manual
    links are left as they are: a person's correction outlives every later reading. A ``new`` document has no link
    nor mission yet: nothing is read back, and nothing is written when no relation is found.
    """
    missions, names = names or mission_names()
    by_acronym = {mission.acronym: mission for mission in missions}
    operative = [(p.ref, p.text) for p in paragraphs if p.kind == 'operative']
    found = mission_relations(
        operative,
        version.text,
        names,
        on=document.date,
        is_report=document.doc_type == DocType.SG_REPORT,
        symbol=document.symbol,
    )
    if new and not found:
        return False
    with transaction.atomic():
        return _store_links(document, found, by_acronym, new)


def _store_links(document, found, by_acronym: dict, new: bool) -> bool:
    existing = {} if new else {link.mission_id: link for link in document.mission_links.all()}
    changed = False
    for relation in found:
        mission = by_acronym[relation.acronym]
        link = existing.pop(mission.pk, None)
        values = {
            'relation': relation.relation.value,
            'paragraph_ref': relation.paragraph_ref,
            'mentions': relation.mentions,
        }
        if link is None:
            MissionLink.objects.create(document=document, mission=mission, source='machine', **values)
            changed = True
        elif link.source == 'machine' and any(getattr(link, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(link, key, value)
            link.save()
            changed = True
    for link in existing.values():
        if link.source == 'machine':
            link.delete()
            changed = True
    sync_missions(document)
    return changed


@transaction.atomic
def set_manual_link(document, mission, *, relation: str, excluded=False, paragraph_ref='', note=''):
    """Record a person's link (or exclusion) of ``document`` to ``mission``; it outlives later readings."""
    link, _ = MissionLink.objects.update_or_create(
        document=document,
        mission=mission,
        defaults={
            'relation': relation,
            'excluded': excluded,
            'paragraph_ref': paragraph_ref,
            'note': note,
            'source': 'manual',
        },
    )
    sync_missions(document)
    return link


def sync_missions(document) -> None:
    """``document.missions`` := the missions of its links that are not excluded."""
    document.missions.set(document.mission_links.filter(excluded=False).values_list('mission', flat=True))


def mission_documents_section(request, mission) -> dict | None:
    """The mission page's list of stored documents linked to ``mission`` (``framework.sections``), for a user who
    reads mission links: every link, excluded ones marked, by date."""
    if not request.user.is_authenticated or not request.user.has_perm(permission_name(MissionLink, 'view')):
        return None
    links = (
        MissionLink.objects.restrict(request.user)
        .filter(mission=mission)
        .select_related('document')
        .order_by('document__date', 'document__symbol', 'document__key')
    )
    return {'links': list(links)}
