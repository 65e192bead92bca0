"""Reading mission tracks and their coded tasks out of the database, for the pure mandate logic."""

from collections import defaultdict

from django.db.models import Q

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.effective import effective_codes
from ssrhub.coding.models import CodeAssignment
from ssrhub.core.symbols import DocType
from ssrhub.documents.linking import Relation
from ssrhub.documents.models import ON_TRACK, MissionLink, Paragraph

from .adoption import adopted_tasks, references_in
from .carry import CarryParagraph, carried_share, find_carry, formulaic_chains
from .inforce import MandateAct, TaskRef, mandate_history, short_symbol, symbol_number
from .pematable import pema_row

__all__ = [
    'mission_acts',
    'mission_carry',
    'mission_history',
    'pema_table_rows',
    'resolution_paragraphs',
    'track_links',
]


def track_links(mission, doc_types=(DocType.RESOLUTION,)):
    """The links of the documents on ``mission``'s own track (not excluded, not mere mentions), by date."""
    links = MissionLink.objects.filter(ON_TRACK, mission=mission, document__doc_type__in=doc_types).select_related(
        'document'
    )
    return sorted(
        (link for link in links if link.document.date),
        key=lambda link: (link.document.date, symbol_number(link.document.symbol)),
    )


def mission_acts(mission) -> list[MandateAct]:
    """The resolutions on ``mission``'s track with the mission tasks coded in their current text, and in the report
    paragraphs they adopt as the mandate (``mandates.adoption``)."""
    links = track_links(mission)
    by_document = {link.document_id: link for link in links}
    paragraph_filter = Q(paragraph__version__document__in=by_document, paragraph__version__is_current=True)
    paragraphs = {
        paragraph_id: (ref, document_id)
        for paragraph_id, ref, document_id in CodeAssignment.objects.filter(paragraph_filter).values_list(
            'paragraph_id', 'paragraph__ref', 'paragraph__version__document_id'
        )
    }
    tasks = defaultdict(list)
    for paragraph_id, code, modality, _explicit in effective_codes(paragraph_filter, mission_tasks_only=True):
        if modality:
            ref, document_id = paragraphs[paragraph_id]
            tasks[document_id].append(TaskRef(code, modality, ref))
    for task in adopted_tasks(references_in([link.document for link in links])):
        tasks[task.resolution.pk].append(
            TaskRef(task.code, task.modality, task.paragraph, task.report, task.report_ref)
        )
    return [
        MandateAct(
            symbol=link.document.symbol or link.document.key,
            date=link.document.date,
            relation=_relation_on_track(link, mission),
            tasks=tuple(tasks[link.document_id]),
        )
        for link in links
    ]


def mission_history(mission):
    """(act, tasks in force after it) for every resolution on the mission's track."""
    return list(mandate_history(mission_acts(mission), closes=mission.end))


def _relation_on_track(link, mission) -> str:
    """A decision taken before the mission starts prepares it (UNTAC's S/RES/718) and does not reset its mandate."""
    if link.relation == Relation.ESTABLISHES and link.document.date < mission.start:
        return Relation.CONCERNS.value
    return link.relation


def resolution_paragraphs() -> dict[str, set[str]]:
    """``S/RES/n`` -> the references of the paragraphs of its current text, for every resolution stored."""
    found = defaultdict(set)
    rows = Paragraph.objects.filter(version__is_current=True, version__document__doc_type=DocType.RESOLUTION)
    for symbol, ref in rows.values_list('version__document__symbol', 'ref'):
        found[short_symbol(symbol)].add(ref)
    return dict(found)


FORMULAIC_RENEWALS = 3


def mission_carry(mission, *, renewals: int = FORMULAIC_RENEWALS):
    """Carry-forward along ``mission``'s track: per resolution its carried share, per paragraph its link.

    Returns ``(resolutions, paragraphs)``: ``resolutions`` rows (symbol, date, paragraphs, carried share),
    ``paragraphs`` rows (symbol, ref, kind, source symbol and ref, score, class, formulaic chain length),
    a paragraph being flagged formulaic when repeated unchanged over ``renewals`` resolutions or more.
    """
    links = track_links(mission)
    order = {link.document_id: (link.document.date, symbol_number(link.document.symbol)) for link in links}
    symbols = {link.document_id: link.document.symbol for link in links}
    rows = Paragraph.objects.filter(version__document__in=order, version__is_current=True, parent_ref='').values_list(
        'version__document_id', 'ref', 'kind', 'text'
    )
    paragraphs = [
        CarryParagraph(key=(symbols[document_id], ref), document=symbols[document_id], track=mission.acronym,
                       order=order[document_id], text=text)
        for document_id, ref, kind, text in rows
        if kind != 'annex'
    ]  # fmt: skip
    carried = find_carry(paragraphs)
    chains = formulaic_chains(carried, renewals)
    paragraph_rows = []
    by_document = defaultdict(list)
    for paragraph in paragraphs:
        link = carried[paragraph.key]
        by_document[paragraph.document].append((paragraph.text, link))
        source_symbol, source_ref = link.source_key or ('', '')
        chain = chains.get(paragraph.key)
        paragraph_rows.append({
            'symbol': paragraph.document,
            'paragraph': paragraph.key[1],
            'source_symbol': source_symbol,
            'source_paragraph': source_ref,
            'similarity': round(link.score, 3),
            'carry_class': link.carry_class.value,
            'formulaic_renewals': chain.length if chain else '',
        })  # fmt: skip
    resolutions = [
        {
            'symbol': link.document.symbol,
            'date': link.document.date.isoformat(),
            'paragraphs': len(by_document[link.document.symbol]),
            'carried_share': round(carried_share(by_document[link.document.symbol]), 3),
        }
        for link in links
    ]
    return resolutions, paragraph_rows


def pema_table_rows(missions) -> list[dict]:
    """The PEMA-shaped rows of ``missions``' tracks, mission by mission, resolution by resolution."""
    codebook = load_codebook()
    task_of = {}
    for task, codes in codebook.pema_crosswalk().items():
        for code in codes:
            task_of.setdefault(code, []).append(task)
    rows = []
    for mission in missions.order_by('acronym'):
        for act, in_force in mission_history(mission):
            rows.append(pema_row(mission.acronym, act, in_force, task_of, codebook.pema_modalities))
    return rows
