"""One record per coded paragraph: the shape printed by `ssrhub code` and served by the API."""

from ssrhub.documents.reading import read_path

from .coder import code_document

__all__ = ['RECORD_CSV_COLUMNS', 'code_file', 'csv_row', 'paragraph_record']

RECORD_CSV_COLUMNS = ('symbol', 'paragraph_ref', 'paragraph_type', 'force', 'verb', 'addressee', 'codes')


def _evidence(text: str, evidence) -> list[dict]:
    return [{'start': e.start, 'end': e.end, 'rule': e.rule, 'text': text[e.start : e.end]} for e in evidence]


def paragraph_record(symbol: str, paragraph, coding) -> dict:
    """``paragraph`` (from the segmenter) and its ``coding`` (from the coder) as plain data."""
    return {
        'symbol': symbol,
        'paragraph_ref': paragraph.ref,
        'paragraph_type': paragraph.kind.value,
        'force': coding.force.name.lower(),
        'verb': coding.force_reading.verb,
        'addressee': coding.addressee.value,
        'codes': [
            {
                'code': hit.code,
                'modality': hit.modality,
                'explicit': hit.explicit,
                'evidence': _evidence(paragraph.text, hit.evidence),
            }
            for hit in coding.hits
        ],
    }


def csv_row(record: dict) -> dict:
    codes = '; '.join(
        f'{code["code"]}'
        + (f' [{code["modality"]}]' if code['modality'] else '')
        + ('' if code['explicit'] else ' (implicit)')
        for code in record['codes']
    )
    return {**{key: record[key] for key in RECORD_CSV_COLUMNS[:-1]}, 'codes': codes}


def code_file(path, codebook) -> list[dict]:
    """Read and code one file, as the pipeline does, without storing anything."""
    read = read_path(path)
    codings = code_document(read.structured, codebook, read.metadata.language)
    return [
        paragraph_record(read.metadata.symbol, paragraph, coding)
        for paragraph, coding in zip(read.structured.paragraphs, codings, strict=True)
    ]
