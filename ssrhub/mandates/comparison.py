"""Mandated vs reported, read out of the database: the references of a mission's resolutions and reports.

The mandated side is the mission tasks coded in the resolutions on the mission's track (adopted in the period);
the reported side is every code found in the Secretary-General's reports on the mission (dated in the period),
because a report describes what was done, not who was asked to do it. Each (paragraph, code) is read on the
chapter 9 dimensions by :func:`ssrhub.mandates.delivery.classify`, around the code's own evidence span, and
counted by :func:`ssrhub.mandates.matrix.build_matrix`. Reviewers' rejections and additions apply to both sides.

A resolution that gives its mandate by reference to report paragraphs the database holds (``mandates.adoption``)
has their tasks on the mandated side, labelled with the citation (``S/RES/898 (1994) op. 2 -> S/1994/89/Add.1
para. 9``); those report paragraphs then leave the reported side, since they propose a mandate and report nothing
done.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from ssrhub.coding.by_reference import citation
from ssrhub.coding.effective import effective, effective_codes
from ssrhub.coding.models import CodeAssignment
from ssrhub.core.symbols import DocType
from ssrhub.documents.models import Paragraph

from .adoption import AdoptedTask, adopted_tasks, references_in
from .delivery import NOT_CODE_RULES, classify, load_vocabulary
from .matrix import MANDATED, REPORTED, Matrix, Reference, build_matrix
from .queries import track_links

__all__ = [
    'ALL_TIME',
    'SIDE_OF_TYPE',
    'Period',
    'mission_by_reference',
    'mission_matrix',
    'mission_references',
    'reference_paragraphs',
]

SIDE_OF_TYPE = {DocType.RESOLUTION: MANDATED, DocType.SG_REPORT: REPORTED}


@dataclass(frozen=True)
class Period:
    """The documents dated from ``start`` to ``end`` (both included; None = open)."""

    start: date | None = None
    end: date | None = None

    def __post_init__(self):
        if self.start and self.end and self.start > self.end:
            raise ValueError('The period must start before it ends.')

    def holds(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


ALL_TIME = Period()


def _code_spans(paragraph_filter: Q) -> dict[tuple[int, str], tuple[int, int]]:
    """(paragraph id, code) -> the span of the code's own words in the machine coding (not its verb or addressee)."""
    spans = {}
    rows = effective(paragraph_filter, reviewers=()).values_list('paragraph_id', 'code', 'evidence')
    for paragraph_id, code, evidence in rows:
        for item in evidence:
            if not item.get('rule', '').startswith(NOT_CODE_RULES):
                spans.setdefault((paragraph_id, code), (item['start'], item['end']))
                break
    return spans


def _side_references(mission, links, side: str, leave_out=frozenset()) -> list[Reference]:
    documents = {link.document_id: link.document for link in links}
    if not documents:
        return []
    paragraph_filter = Q(paragraph__version__document__in=documents, paragraph__version__is_current=True)
    codes = [
        row for row in effective_codes(paragraph_filter, mission_tasks_only=side == MANDATED) if row[0] not in leave_out
    ]
    paragraphs = {
        pk: (ref, text, document_id)
        for pk, ref, text, document_id in Paragraph.objects.filter(pk__in={row[0] for row in codes}).values_list(
            'pk', 'ref', 'text', 'version__document_id'
        )
    }
    spans = _code_spans(paragraph_filter)
    vocabulary = load_vocabulary()
    references = []
    for paragraph_id, code, _modality, explicit in codes:
        ref, text, document_id = paragraphs[paragraph_id]
        document = documents[document_id]
        delivery = classify(text, code, document.language, spans.get((paragraph_id, code)), vocabulary=vocabulary)
        references.append(
            Reference.from_delivery(
                delivery,
                paragraph_id=paragraph_id,
                document=str(document),
                paragraph=ref,
                side=side,
                explicit=explicit,
                mission=mission.acronym,
                mission_type=mission.type,
                year=document.date.year,
            )
        )
    return references


def _adopted_references(mission, tasks: list[AdoptedTask]) -> list[Reference]:
    """The tasks of adopted report paragraphs, mandated by the resolution that adopts them (one per paragraph and
    code)."""
    vocabulary = load_vocabulary()
    kept = {(task.report_paragraph_id, task.code, task.resolution.pk): task for task in tasks}
    return [
        Reference.from_delivery(
            classify(task.text, task.code, task.language, task.span, vocabulary=vocabulary),
            paragraph_id=task.report_paragraph_id,
            document=str(task.resolution),
            paragraph=task.citation,
            side=MANDATED,
            explicit=task.explicit,
            mission=mission.acronym,
            mission_type=mission.type,
            year=task.resolution.date.year,
        )
        for task in kept.values()
    ]


def mission_references(mission, period: Period = ALL_TIME) -> list[Reference]:
    """The coded references of ``mission``'s resolutions (mission tasks, with those of the report paragraphs they
    adopt) and reports (all codes, less the adopted paragraphs) in ``period``."""
    links = [link for link in track_links(mission, doc_types=tuple(SIDE_OF_TYPE)) if period.holds(link.document.date)]
    resolutions = [link for link in links if link.document.doc_type == DocType.RESOLUTION]
    reports = [link for link in links if link.document.doc_type == DocType.SG_REPORT]
    adopted = adopted_tasks(references_in([link.document for link in resolutions]))
    return (
        _side_references(mission, resolutions, MANDATED)
        + _adopted_references(mission, adopted)
        + _side_references(mission, reports, REPORTED, leave_out={task.report_paragraph_id for task in adopted})
    )


def mission_by_reference(mission, period: Period = ALL_TIME) -> list[dict]:
    """The paragraphs of the track's resolutions in ``period`` that mandate by reference to a report, each with
    the reports it points to, whether each is in the database, and the report paragraphs it cites;
    ``complete`` is True when the reference is followed (``mandates.adoption``): its reports are stored and it
    cites their paragraphs. Otherwise the tasks it holds are missing from the mandated side.
    """
    documents = [link.document for link in track_links(mission) if period.holds(link.document.date)]
    references = references_in(documents)
    return [
        {
            'symbol': str(document),
            'url': document.get_absolute_url(),
            'paragraph': item.paragraph,
            'reports': [{'symbol': symbol, 'stored': symbol in references.stored} for symbol in item.reports],
            'report_paragraphs': list(item.report_paragraphs),
            'citations': [
                citation(str(document), item.paragraph, symbol, item.report_paragraphs) for symbol in item.reports
            ],
            'from_preamble': item.from_preamble,
            'complete': references.followed(item),
        }
        for document, item in references.found
    ]


def mission_matrix(mission, period: Period = ALL_TIME, *, explicit_only: bool = False) -> Matrix:
    return build_matrix(mission_references(mission, period), explicit_only=explicit_only)


def reference_paragraphs(paragraph_ids, code: str | None) -> list[tuple[Paragraph, list[CodeAssignment]]]:
    """The paragraphs behind a matrix cell, by document date, each with the machine's assignments of ``code``
    (of every code when ``code`` is None), whose evidence the page highlights.
    """
    paragraphs = Paragraph.objects.filter(pk__in=paragraph_ids).select_related('version__document')
    rows = effective(Q(paragraph__in=paragraph_ids), reviewers=())
    assignments = {}
    for assignment in rows.filter(code=code) if code else rows:
        assignments.setdefault(assignment.paragraph_id, []).append(assignment)
    ordered = sorted(paragraphs, key=lambda p: (p.version.document.date or date.min, p.version.document_id, p.pk))
    return [(paragraph, assignments.get(paragraph.pk, [])) for paragraph in ordered]
