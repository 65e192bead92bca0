"""Save the machine coding of paragraphs (pure coder in, rows out), one bulk insert per table."""

from .codebook import load_codebook
from .coder import code_document, is_mission_task
from .models import CodeAssignment, MachineReading, SourceChoices

__all__ = ['CODING_ANALYSIS', 'code_read', 'code_stored', 'store_machine_coding', 'warm_codebook']

CODING_ANALYSIS = 'coding'


def store_machine_coding(paragraphs, structured, language: str, codebook=None, codings=None) -> int:
    """Store readings and codes for the saved ``paragraphs``: ``codings`` (from :func:`code_read`), or ``structured``
    coded now; return the codes stored."""
    codebook = codebook or load_codebook()
    if codings is None:
        codings = code_document(structured, codebook, language)
    codings = {coding.ref: coding for coding in codings}
    readings, assignments = [], []
    for paragraph in paragraphs:
        coding = codings[paragraph.ref]
        verb = coding.force_reading
        readings.append(
            MachineReading(
                paragraph=paragraph,
                codebook_version=codebook.version,
                force=int(coding.force),
                verb=verb.verb[:80],
                verb_start=verb.start if verb.verb else None,
                verb_end=verb.end if verb.verb else None,
                addressee=coding.addressee.value,
            )
        )
        assignments.extend(
            CodeAssignment(
                paragraph=paragraph,
                code=hit.code,
                modality=hit.modality or '',
                explicit=hit.explicit,
                mission_task=is_mission_task(coding, hit),
                source=SourceChoices.MACHINE,
                codebook_version=codebook.version,
                evidence=[{'start': e.start, 'end': e.end, 'rule': e.rule} for e in hit.evidence],
            )
            for hit in coding.hits
        )
    MachineReading.objects.bulk_create(readings)
    CodeAssignment.objects.bulk_create(assignments)
    return len(assignments)


def code_read(read) -> list:
    """The codings of a file as it is read (registered with ``documents.reading.after_reading``): the coding runs in
    the process that reads the file, beside the one that stores the file before it."""
    return code_document(read.structured, load_codebook(), read.metadata.language)


def warm_codebook() -> None:
    """Load the codebook and compile its screens before a reading process starts, so that it inherits them."""
    load_codebook().screens  # noqa: B018 - a cached property (and the codes' own screens), computed once here


def code_stored(paragraphs, read) -> int:
    """The code step of the document pipeline, registered with ``documents.ingest.after_storing``."""
    return store_machine_coding(
        paragraphs, read.structured, read.metadata.language, codings=read.analyses.get(CODING_ANALYSIS)
    )
