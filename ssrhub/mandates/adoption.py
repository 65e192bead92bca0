"""Mandates given by reference, followed into the reports the database holds.

A resolution that authorizes a police component "with the mandate and deployment described in paragraphs 9 to 18
of document S/1994/89/Add.1" adopts those report paragraphs as its own mandate. Once the report is stored (any
Secretary-General report, ingested as PDF or text), its cited paragraphs are read as sub-items of the adopting
paragraph (``coder.code_adopted``) and their mission tasks count as mandated by the resolution, cited
``S/RES/898 (1994) op. 2 -> S/1994/89/Add.1 para. 9``. Reviewers' rejections on the report paragraph apply; a code
a reviewer added there counts with the modality they gave it.

The reference is followed one step only, from a resolution to the report paragraphs it cites: a report that cites
the resolution back, or cites other reports, adds nothing more, so a circular reference cannot loop. A reference
that names no paragraphs ("as proposed by the Secretary-General") is not followed: the whole report is not a
mandate, and the page keeps listing it.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from ssrhub.coding.by_reference import ByReference, citation, mandates_by_reference
from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.coder import code_adopted, code_span
from ssrhub.coding.effective import effective
from ssrhub.coding.models import SourceChoices
from ssrhub.core.symbols import DocType
from ssrhub.documents.models import Document, Paragraph
from ssrhub.documents.structure import ParagraphKind

__all__ = ['AdoptedTask', 'References', 'adopted_tasks', 'document_references', 'references_in']


@dataclass(frozen=True)
class References:
    """The paragraphs of ``documents`` (resolutions) that give a mandate by reference, with the adopting texts."""

    found: list[tuple[Document, ByReference]]
    texts: dict[tuple[int, str], str]  # (document id, operative ref) -> the adopting paragraph's text
    stored: dict[str, Document]  # report symbol -> the stored report

    def followed(self, item: ByReference) -> bool:
        """Whether the reference can be followed: it cites report paragraphs and every report it names is stored."""
        return bool(item.report_paragraphs and item.reports) and all(s in self.stored for s in item.reports)


def references_in(documents) -> References:
    """Read the mandates given by reference in ``documents`` and find which of their reports are stored."""
    by_document = {document.pk: ([], []) for document in documents}
    kinds = (ParagraphKind.OPERATIVE, ParagraphKind.PREAMBULAR)
    rows = Paragraph.objects.filter(
        version__document__in=by_document, version__is_current=True, parent_ref='', kind__in=kinds
    ).values_list('version__document_id', 'kind', 'ref', 'text')
    texts = {}
    for document_id, kind, ref, text in rows:
        operative, preamble = by_document[document_id]
        if kind == ParagraphKind.OPERATIVE:
            operative.append((ref, text))
            texts[(document_id, ref)] = text
        else:
            preamble.append(text)
    found = [(document, item) for document in documents for item in mandates_by_reference(*by_document[document.pk])]
    cited = {symbol for _document, item in found for symbol in item.reports}
    stored = {document.symbol: document for document in Document.objects.filter(symbol__in=cited)}
    return References(found, texts, stored)


@dataclass(frozen=True)
class AdoptedTask:
    """A mission task held in a report paragraph that a resolution adopts as its mandate."""

    resolution: Document
    paragraph: str  # the resolution's operative paragraph that adopts the report's
    report: str
    report_paragraph_id: int
    report_ref: str
    code: str
    modality: str
    explicit: bool
    text: str  # the report paragraph's
    language: str
    span: tuple[int, int] | None  # the code's own words in ``text`` (None for a code a reviewer added)

    @property
    def citation(self) -> str:
        return citation(str(self.resolution), self.paragraph, self.report, (self.report_ref,))


def adopted_tasks(references: References) -> list[AdoptedTask]:
    """The mission tasks of the report paragraphs that ``references`` can follow, in resolution order."""
    wanted = []  # (resolution, adopting ref, adopting text, report symbol, cited refs)
    for document, item in references.found:
        if references.followed(item):
            adopting = references.texts.get((document.pk, item.paragraph), '')
            wanted += [(document, item, adopting, symbol) for symbol in item.reports]
    if not wanted:
        return []
    report_ids = {references.stored[symbol].pk for *_rest, symbol in wanted}
    paragraphs = defaultdict(list)
    for row in Paragraph.objects.filter(version__document__in=report_ids, version__is_current=True).values_list(
        'pk', 'version__document_id', 'ref', 'text'
    ):
        paragraphs[row[1]].append(row)
    cited_ids = {
        pk
        for _document, item, _adopting, symbol in wanted
        for pk, _doc, ref, _text in paragraphs[references.stored[symbol].pk]
        if _cited(ref, item.report_paragraphs)
    }
    kept = defaultdict(dict)  # paragraph id -> code in force -> the modality a reviewer gave it ('' for none)
    for paragraph_id, code, modality, source in effective(Q(paragraph__in=cited_ids)).values_list(
        'paragraph_id', 'code', 'modality', 'source'
    ):
        given = modality if source == SourceChoices.HUMAN else ''
        kept[paragraph_id][code] = kept[paragraph_id].get(code) or given
    codebook = load_codebook()
    tasks = []
    for document, item, adopting, symbol in wanted:
        report = references.stored[symbol]
        for pk, _doc, ref, text in paragraphs[report.pk]:
            if not _cited(ref, item.report_paragraphs):
                continue
            read = defaultdict(list)
            for hit in code_adopted(text, codebook, report.language, adopting):
                span = code_span(hit)
                read[hit.code].append((hit.modality, hit.explicit, (span.start, span.end) if span else None))
            for code, given in kept[pk].items():
                for modality, explicit, span in read[code] or ([(given, True, None)] if given else []):
                    tasks.append(
                        AdoptedTask(
                            document, item.paragraph, symbol, pk, ref, code, modality, explicit,
                            text, report.language, span,
                        )
                    )  # fmt: skip
    return tasks


def _cited(ref: str, cited: tuple[str, ...]) -> bool:
    """Whether paragraph ``ref`` is one of ``cited`` or one of their sub-items (``9 (a)`` of 9)."""
    return any(ref == wanted or ref.startswith(wanted + ' ') for wanted in cited)


def document_references(document) -> dict | None:
    """What a document's page says of mandates given by reference: for a resolution, the paragraphs that give one
    and whether each is followed; for a Secretary-General report, the resolutions that adopt paragraphs of it
    (``rows`` empty when no stored resolution refers to it). None for other documents."""
    if document.doc_type == DocType.RESOLUTION:
        references = references_in([document])
        rows = [_row(document, item, references) for _document, item in references.found]
        return {'kind': 'resolution', 'rows': rows} if rows else None
    if document.doc_type != DocType.SG_REPORT or not document.symbol:
        return None
    citing = Document.objects.filter(
        doc_type=DocType.RESOLUTION,
        versions__is_current=True,
        versions__paragraphs__text__contains=re.sub(r'/Add\.\d+$', '', document.symbol),  # "S/1994/89 and Add.1"
    ).distinct()
    references = references_in(sorted(citing, key=lambda d: (d.date or date.min, d.pk)))
    rows = [
        _row(resolution, item, references) for resolution, item in references.found if document.symbol in item.reports
    ]
    return {'kind': 'report', 'rows': rows}


def _row(resolution, item: ByReference, references: References) -> dict:
    return {
        'symbol': str(resolution),
        'url': resolution.get_absolute_url(),
        'paragraph': item.paragraph,
        'reports': [
            {'symbol': s, 'url': references.stored[s].get_absolute_url() if s in references.stored else ''}
            for s in item.reports
        ],
        'citations': [citation(str(resolution), item.paragraph, s, item.report_paragraphs) for s in item.reports],
        'report_paragraphs': list(item.report_paragraphs),
        'followed': references.followed(item),
    }
