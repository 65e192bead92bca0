"""Read and check the SSR indicator library (``monitoring/data/indicator-library.yml``) in plain Python: every entry
in English and French, with a unit the value checks know, the SDG indicators and ITGN it follows and the citations
of where it comes from. A ``DataFileError`` names the entry and the field of any problem."""

from pathlib import Path

from ssrhub.core.datafiles import DataFileError, read_citations, read_yaml

from .values import DIRECTIONS, PERCENTAGE, SCALE, UNITS

__all__ = ['DISAGGREGATIONS', 'FREQUENCIES', 'LIBRARY_FILE', 'TOPICS', 'read_library']

LIBRARY_FILE = Path(__file__).resolve().parent / 'data' / 'indicator-library.yml'
TOPICS = (
    'police',
    'defence',
    'justice',
    'corrections',
    'oversight',
    'finance',
    'gender',
    'perception',
    'violence',
    'arms',
)
FREQUENCIES = ('monthly', 'quarterly', 'half-yearly', 'annual', 'other')
DISAGGREGATIONS = ('sex', 'age-group', 'admin-area', 'institution', 'rank', 'offence')
FIELDS = {
    'code',
    'topic',
    'title',
    'definition',
    'unit',
    'numerator',
    'denominator',
    'scale',
    'direction',
    'cumulative',
    'decimal_places',
    'frequency',
    'data_source',
    'disaggregations',
    'sdg',
    'itgn',
    'source',
    'citations',
}


def _bilingual(entry: dict, name: str, where: str, required: bool = True) -> tuple[str, str]:
    value = entry.get(name)
    if value is None and not required:
        return '', ''
    if not isinstance(value, dict) or set(value) != {'en', 'fr'} or not all(str(value[lang]).strip() for lang in value):
        raise DataFileError(f'{where}: {name} needs an English and a French text ({{en: ..., fr: ...}})')
    return ' '.join(str(value['en']).split()), ' '.join(str(value['fr']).split())


def _choice(entry: dict, name: str, allowed: tuple, where: str) -> str:
    value = entry.get(name)
    if value not in allowed:
        raise DataFileError(f'{where}: {name} {value!r} is not one of {", ".join(allowed)}')
    return value


def _entry(entry, where: str) -> dict:
    if not isinstance(entry, dict):
        raise DataFileError(f'{where}: an indicator is a mapping of fields')
    unknown = set(entry) - FIELDS
    if unknown:
        raise DataFileError(f'{where}: unknown fields {", ".join(sorted(unknown))}')
    code = entry.get('code')
    if not isinstance(code, str) or not code.replace('-', '').isalnum() or code != code.lower():
        raise DataFileError(f'{where}: code {code!r} must be lower-case letters, digits and dashes')
    where = f'{where} ({code})'
    record = {'code': code}
    record['topic'] = _choice(entry, 'topic', TOPICS, where)
    record['unit'] = _choice(entry, 'unit', UNITS, where)
    record['direction'] = _choice(entry, 'direction', DIRECTIONS, where)
    record['frequency'] = _choice(entry, 'frequency', FREQUENCIES, where)
    for name in ('title', 'definition', 'data_source', 'source'):
        record[f'{name}_en'], record[f'{name}_fr'] = _bilingual(entry, name, where)
    ratio = record['unit'] == PERCENTAGE
    for name in ('numerator', 'denominator'):
        if ratio != (name in entry):
            raise DataFileError(f'{where}: a percentage, and only a percentage, has a {name}')
        record[f'{name}_en'], record[f'{name}_fr'] = _bilingual(entry, name, where, required=ratio)
    record.update(_scale(entry, record['unit'], where))
    record['cumulative'] = entry.get('cumulative', False)
    places = entry.get('decimal_places', 0)
    if not isinstance(record['cumulative'], bool) or not isinstance(places, int) or not 0 <= places <= 4:
        raise DataFileError(f'{where}: cumulative is true or false, decimal_places a whole number from 0 to 4')
    record['decimal_places'] = places
    disaggregations = entry.get('disaggregations', [])
    if not isinstance(disaggregations, list) or any(item not in DISAGGREGATIONS for item in disaggregations):
        raise DataFileError(f'{where}: disaggregations are among {", ".join(DISAGGREGATIONS)}')
    record['disaggregations'] = disaggregations
    sdg = entry.get('sdg', [])
    if not isinstance(sdg, list) or any(not isinstance(number, str) or number.count('.') != 2 for number in sdg):
        raise DataFileError(f"{where}: sdg is a list of SDG indicator numbers as text ('16.3.2')")
    record['sdg'] = sdg
    itgn = entry.get('itgn', '')
    if itgn and not str(itgn).startswith('itgn.'):
        raise DataFileError(f'{where}: itgn {itgn!r} is not the code of an ITGN (itgn....)')
    record['itgn'] = itgn or ''
    record['citations'] = read_citations(entry.get('citations'), where, error=DataFileError)
    return record


def _scale(entry: dict, unit: str, where: str) -> dict:
    scale = entry.get('scale')
    if (unit == SCALE) != (scale is not None):
        raise DataFileError(f'{where}: a scale, and only a scale, has scale: {{min, max, min_label, max_label}}')
    if scale is None:
        return {
            'scale_min': None,
            'scale_max': None,
            **{f'scale_{end}_label_{lang}': '' for end in ('min', 'max') for lang in ('en', 'fr')},
        }
    if not isinstance(scale, dict) or set(scale) != {'min', 'max', 'min_label', 'max_label'}:
        raise DataFileError(f'{where}: scale needs min, max, min_label and max_label')
    if not all(isinstance(scale[end], int | float) for end in ('min', 'max')) or scale['max'] <= scale['min']:
        raise DataFileError(f'{where}: the scale runs from a lower min to a higher max')
    record = {'scale_min': scale['min'], 'scale_max': scale['max']}
    for end in ('min', 'max'):
        record[f'scale_{end}_label_en'], record[f'scale_{end}_label_fr'] = _bilingual(scale, f'{end}_label', where)
    return record


def read_library(path: Path = LIBRARY_FILE) -> list[dict]:
    """The library's indicators as records of the ``LibraryIndicator`` fields (plus ``sdg``, ``itgn`` and
    ``citations``), in the file's order; codes are unique."""
    content = read_yaml(path)
    if not isinstance(content, dict) or not isinstance(content.get('indicators'), list):
        raise DataFileError(f'{path}: the file holds a list under indicators:')
    records = [_entry(entry, f'{path.name}, indicator {n}') for n, entry in enumerate(content['indicators'], 1)]
    codes = [record['code'] for record in records]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise DataFileError(f'{path.name}: codes used twice: {", ".join(duplicates)}')
    return records
