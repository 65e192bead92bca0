"""Mandated vs reported, read out of the database: the references of a mission's resolutions and reports.

The mandated side is the mission tasks coded in the resolutions on the mission's track (adopted in the period);
the reported side is every code found in the Secretary-General's reports on the mission (dated in the period),
because a report describes what was done, not who was asked to do it. Each (paragraph, code) is read on the
chapter 9 dimensions by :func:`ssrhub.mandates.delivery.classify`, around the code's own evidence span, and
counted by :func:`ssrhub.mandates.matrix.build_matrix`. Reviewers' rejections and additions apply to both sides.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from ssrhub.coding.by_reference import mandates_by_reference
from ssrhub.coding.effective import effective, effective_codes
from ssrhub.coding.models import CodeAssignment
from ssrhub.core.symbols import DocType
from ssrhub.documents.models import Document, Paragraph
from ssrhub.documents.structure import ParagraphKind

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


def _side_references(mission, links, side: str) -> list[Reference]:
    documents = {link.document_id: link.document for link in links}
    if not documents:
        return []
    paragraph_filter = Q(paragraph__version__document__in=documents, paragraph__version__is_current=True)
    codes = effective_codes(paragraph_filter, mission_tasks_only=side == MANDATED)
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


def mission_references(mission, period: Period = ALL_TIME) -> list[Reference]:
    """The coded references of ``mission``'s resolutions (mission tasks) and reports (all codes) in ``period``."""
    links = [link for link in track_links(mission, doc_types=tuple(SIDE_OF_TYPE)) if period.holds(link.document.date)]
    references = []
    for doc_type, side in SIDE_OF_TYPE.items():
        references += _side_references(mission, [link for link in links if link.document.doc_type == doc_type], side)
    return references


def mission_by_reference(mission, period: Period = ALL_TIME) -> list[dict]:
    """The paragraphs of the track's resolutions in ``period`` that mandate by reference to a report, each with
    the reports it points to and whether each is in the database; ``complete`` is False when a report is missing
    or not identified, and the tasks it holds are then missing from the mandated side.
    """
    links = [link for link in track_links(mission) if period.holds(link.document.date)]
    by_document = {link.document_id: ([], []) for link in links}
    kinds = (ParagraphKind.OPERATIVE, ParagraphKind.PREAMBULAR)
    rows = Paragraph.objects.filter(
        version__document__in=by_document, version__is_current=True, parent_ref='', kind__in=kinds
    ).values_list('version__document_id', 'kind', 'ref', 'text')
    for document_id, kind, ref, text in rows:
        operative, preamble = by_document[document_id]
        if kind == ParagraphKind.OPERATIVE:
            operative.append((ref, text))
        else:
            preamble.append(text)
    found = [(link.document, item) for link in links for item in mandates_by_reference(*by_document[link.document_id])]
    cited = {symbol for _document, item in found for symbol in item.reports}
    stored = set(Document.objects.filter(symbol__in=cited).values_list('symbol', flat=True))
    return [
        {
            'symbol': str(document),
            'url': document.get_absolute_url(),
            'paragraph': item.paragraph,
            'reports': [{'symbol': symbol, 'stored': symbol in stored} for symbol in item.reports],
            'from_preamble': item.from_preamble,
            'complete': bool(item.reports) and all(symbol in stored for symbol in item.reports),
        }
        for document, item in found
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
