"""Reading one trend record per resolution out of the database, for ``trends.py``.

A handful of queries whatever the number of resolutions: the resolutions, their effective codes (reviewers'
corrections applied, ``coding.effective``), the coded paragraphs and their force readings, the mission
tracks, the country names, and the paragraph texts of the resolutions on no mission's track (the only ones whose
country-specific status needs reading). The records are kept (``core.kept``) until one of ``TREND_SOURCES``
changes: an ingest adds a document version, a review or a link correction a history row.
"""

from collections import defaultdict

from django.db.models import Q

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.effective import effective_codes
from ssrhub.coding.models import CodeAssignment, MachineReading
from ssrhub.core.kept import kept_result
from ssrhub.core.models import Country
from ssrhub.core.symbols import DocType
from ssrhub.documents.models import ON_TRACK, Document, DocumentVersion, MissionLink, Paragraph
from ssrhub.framework.models import Mission

from .trends import CodedParagraph, CountryNames, ResolutionRecord, institutional_act, symbol_year

__all__ = ['TREND_SOURCES', 'country_names', 'resolution_records']

TREND_SOURCES = (Document, DocumentVersion, MachineReading, CodeAssignment, MissionLink, Mission, Country)


def resolution_records(user, year_from: int | None = None, year_to: int | None = None) -> list[ResolutionRecord]:
    """The resolutions ``user`` may read, adopted from ``year_from`` to ``year_to`` (inclusive), as records."""
    return kept_result(
        'trend-records',
        user,
        TREND_SOURCES,
        [year_from, year_to, load_codebook().version],
        lambda: _read_records(user, year_from, year_to),
    )


def _read_records(user, year_from: int | None, year_to: int | None) -> list[ResolutionRecord]:
    documents = Document.objects.restrict(user).filter(doc_type=DocType.RESOLUTION)
    # The year is the date's, else the symbol's (a few dates are not read): filter on the date in SQL, keeping
    # the undated, then on the year in Python.
    if year_from is not None:
        documents = documents.filter(Q(date__year__gte=year_from) | Q(date__isnull=True))
    if year_to is not None:
        documents = documents.filter(Q(date__year__lte=year_to) | Q(date__isnull=True))
    resolutions = {}
    for pk, symbol, date in documents.values_list('pk', 'symbol', 'date'):
        year = date.year if date else symbol_year(symbol)
        if year is not None and (year_from or year) <= year <= (year_to or year):
            resolutions[pk] = (symbol, year)
    if not resolutions:
        return []
    ids = documents.values('pk')

    paragraphs = _coded_paragraphs(Q(paragraph__version__is_current=True, paragraph__version__document__in=ids))
    settings = defaultdict(set)
    links = MissionLink.objects.restrict(user).filter(ON_TRACK, document__in=ids)
    for document_id, mission_type in links.values_list('document_id', 'mission__type'):
        settings[document_id].add(mission_type)
    elsewhere = _country_specific_off_track(
        Paragraph.objects.filter(version__is_current=True, version__document__in=ids).exclude(
            version__document__in=links.values('document_id')
        )
    )
    return [
        ResolutionRecord(
            symbol=symbol,
            year=year,
            paragraphs=tuple(paragraphs.get(pk, ())),
            settings=frozenset(settings.get(pk, ())),
            country_specific=pk in settings or pk in elsewhere,
        )
        for pk, (symbol, year) in resolutions.items()
    ]


def _coded_paragraphs(paragraph_filter: Q) -> dict[int, list[CodedParagraph]]:
    """Document id -> its coded paragraphs (effective codes, explicit ones, force of the opening verb)."""
    codes, explicit = defaultdict(set), defaultdict(set)
    for paragraph_id, code, _modality, is_explicit in effective_codes(paragraph_filter):
        codes[paragraph_id].add(code)
        if is_explicit:
            explicit[paragraph_id].add(code)
    if not codes:
        return {}
    version = load_codebook().version
    forces = {}
    coded = CodeAssignment.objects.filter(paragraph_filter).values('paragraph_id')
    readings = MachineReading.objects.filter(paragraph__in=coded).values_list(
        'paragraph_id', 'paragraph__version__document_id', 'codebook_version', 'force'
    )
    documents = {}
    for paragraph_id, document_id, codebook_version, force in readings:
        documents[paragraph_id] = document_id
        # The current codebook's reading wins; an older one serves a paragraph only a reviewer coded since.
        if codebook_version == version or paragraph_id not in forces:
            forces[paragraph_id] = force
    missing = set(codes) - set(documents)
    if missing:
        documents.update(Paragraph.objects.filter(pk__in=missing).values_list('pk', 'version__document_id'))
    found = defaultdict(list)
    for paragraph_id, paragraph_codes in codes.items():
        found[documents[paragraph_id]].append(
            CodedParagraph(frozenset(paragraph_codes), frozenset(explicit[paragraph_id]), forces.get(paragraph_id))
        )
    return found


def country_names() -> CountryNames:
    return CountryNames.from_iso(
        name for pair in Country.objects.values_list('name_en', 'official_name_en') for name in pair
    )


def _country_specific_off_track(paragraphs) -> set[int]:
    """Ids of the documents among ``paragraphs``' that name a country and do no institutional business."""
    names = country_names()
    texts, operative = defaultdict(list), defaultdict(list)
    for document_id, kind, text in paragraphs.values_list('version__document_id', 'kind', 'text'):
        texts[document_id].append(text)
        if kind == 'operative':
            operative[document_id].append(text)
    return {
        document_id
        for document_id, document_texts in texts.items()
        if any(names.first_in(text) for text in document_texts) and not institutional_act(operative[document_id])
    }
