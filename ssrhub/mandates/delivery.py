"""Classify one coded reference on the dimensions of the chapter 9 desk review (mandated vs reported support).

Plain Python: no Django import. Chapter 9 of Ebo & Hänggi (eds.), *The United Nations and Security Sector
Reform* (2020), compares the support that Council resolutions mandate with the support that reports of the
Secretary-General describe, counting each reference once and reading it on a few dimensions. This module reads
one reference (the paragraph, the code the coder found in it, the language and, when known, the span of the
code) on those dimensions:

* ``support``: ``technical``, ``political``, ``both`` or ``unspecified``;
* ``level``: ``strategic``, ``operational``, ``tactical`` or ``unspecified``;
* ``beneficiary`` (several allowed): ``government``, ``defence``, ``police``, ``justice``, ``legislature``,
  ``civil_society``, ``parties``, or ``unspecified``;
* ``horizon``: ``long_term``, ``short_term`` or ``unspecified``. This is a textual cue (reform and institution
  building vs immediate or one-off action), not the book's "long vs short action": the book calls an action long
  when two or more reports refer to it, which only the matrix can count (``matrix.py``, dimension ``duration``);
* ``category`` (several allowed): the areas of the DSR Policy generalised to the sector (governance and
  oversight, legislation and doctrine, administration and budget, force structure, education and training,
  logistics and infrastructure, consensus building, sector reviews, coordination) plus cross-cutting issues, or
  ``none``.

The vocabulary lives in ``data/delivery.yaml`` (English and French patterns per value) so that analysts can
edit it; :func:`read_vocabulary` validates it and names the file, dimension and value of every problem.

Window: with a span, the clause around it (between semicolons, colons, sentence ends, or a coordinated Council
verb such as ``, and requests``); a dimension that the clause says nothing about is read in the whole paragraph,
and failing that from the code alone (``code_defaults``). Each finding records its span, rule and scope
(``clause``, ``paragraph`` or ``code``) so that a reviewer sees why a value was given. Of overlapping findings
in one dimension the longest wins (``training of trainers`` is operational, not tactical). The primary value of
a dimension is the one found nearest the code's span (first in the text without a span).

A beneficiary is read only when the clause (or the paragraph) words support being given (``support_cues``:
assist, support, train, advise, rehabilitate, coordinate...): in a demand, a condemnation or an embargo nobody
receives support, so the parties named there are not beneficiaries (``Delivery.describes_support`` is False).

The reading is lexical: it describes what the wording says about the support, not whether the paragraph gives a
task to the mission (that is the coder's modality and :func:`ssrhub.coding.coder.is_mission_task`). The Council's
own urging of parties is therefore not read as political support unless the text asks someone to encourage or
persuade them. Categories and levels are read for the clause, not for the code alone: in ``the re-establishment
of the police, judicial and penal systems`` a justice reference shares the clause's force-structure finding.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ssrhub.coding.codebook import LANGUAGES, compile_patterns, read_sentences, read_texts, unknown_keys
from ssrhub.core.datafiles import DataFileError, read_yaml

__all__ = [
    'BOTH',
    'DELIVERY_FILE',
    'DIMENSIONS',
    'LANGUAGES',
    'NO_CATEGORY',
    'UNSPECIFIED',
    'Delivery',
    'DeliveryVocabularyError',
    'DimensionReading',
    'DimensionSpec',
    'Finding',
    'ValueSpec',
    'Vocabulary',
    'classify',
    'classify_hit',
    'clause_window',
    'code_span',
    'load_vocabulary',
    'read_vocabulary',
]

DELIVERY_FILE = Path(__file__).resolve().parent / 'data' / 'delivery.yaml'

DIMENSIONS = ('support', 'level', 'beneficiary', 'horizon', 'category')
UNSPECIFIED = 'unspecified'
NO_CATEGORY = 'none'
BOTH = 'both'
RESERVED_VALUES = frozenset({UNSPECIFIED, NO_CATEGORY, BOTH})
VALUE_NAME = re.compile(r'^[a-z][a-z0-9_]*$')
CODE_NAME = re.compile(r'^[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*$')
TOP_KEYS = frozenset({'version', 'notes', 'dimensions', 'support_cues', 'code_defaults'})
CUE_KEYS = frozenset({'patterns', 'exclude', 'examples', 'counter_examples'})
DIMENSION_KEYS = frozenset({'label', 'definition', 'multiple', 'values'})
VALUE_KEYS = frozenset({'label', 'definition', 'patterns', 'exclude', 'examples', 'counter_examples'})
# Evidence rules of the coder that are not the code's own span (CodeHit.evidence also holds verbs).
NOT_CODE_RULES = ('modality.', 'force:', 'addressee:')

# Clause breaks: semicolons, colons, sentence ends, and a Council verb coordinated after a comma or "and".
_EN_VERBS = (
    r'(?:requests?|decides?|urges?|calls?\s+(?:up)?on|encourages?|invites?|demands?|authori[sz]es?|welcomes?|'
    r'stresses|emphasi[sz]es|underlines|reaffirms|reiterates|notes|expresses|condemns|supports|commends|approves|'
    r'endorses|recognizes|affirms)'
)
_FR_VERBS = (
    r'(?:prie|décide|demande|exhorte|engage|encourage|invite|exige|autorise|se\s+félicite|salue|souligne|'
    r'réaffirme|réitère|note|prend\s+note|condamne|appuie|approuve|reconnaît|affirme)'
)
CLAUSE_BREAK = {
    'en': re.compile(
        r';|:(?=\s)|\.\s+(?=[A-Z(])|,?\s+and\s+(?:also\s+|further\s+)?(?=' + _EN_VERBS + r'\b)', re.IGNORECASE
    ),
    'fr': re.compile(r';|:(?=\s)|\.\s+(?=[A-ZÉ(])|,?\s+et\s+(?:également\s+)?(?=' + _FR_VERBS + r'\b)', re.IGNORECASE),
}


class DeliveryVocabularyError(DataFileError):
    """The delivery vocabulary file is missing, unreadable or breaks the schema."""


# Section: vocabulary


@dataclass(frozen=True)
class ValueSpec:
    """One value of a dimension (``level.tactical``) with its patterns per language."""

    dimension: str
    value: str
    label: dict
    definition: dict
    patterns: dict
    exclude: dict
    examples: dict
    counter_examples: dict

    def spans(self, text: str, language: str = 'en') -> list[tuple[int, int, str]]:
        """(start, end, rule) of every match in ``text``, minus the spans its exclusions mask."""
        language = _language(language)
        masked = [m.span() for rule in self.exclude.get(language, ()) for m in rule.regex.finditer(text)]
        found = []
        for rule in self.patterns[language]:
            for match in rule.regex.finditer(text):
                start, end = match.span()
                if end > start and not any(start < m_end and m_start < end for m_start, m_end in masked):
                    found.append((start, end, rule.rule))
        return sorted(found)


@dataclass(frozen=True)
class DimensionSpec:
    """One dimension, whether it takes several values, and its values in file order."""

    name: str
    label: dict
    definition: dict
    multiple: bool
    values: dict


@dataclass(frozen=True)
class Vocabulary:
    """A validated delivery vocabulary."""

    version: str
    notes: dict
    dimensions: dict
    support_cues: ValueSpec
    code_defaults: dict
    path: Path | None = None

    def values(self, dimension: str) -> tuple[str, ...]:
        """The values of ``dimension`` in file order (without ``unspecified``/``none``/``both``)."""
        return tuple(self.dimensions[dimension].values)


def _patterns(value, where: str, what: str, prefix: str, required: bool) -> dict:
    return compile_patterns(value, where, what, prefix, required, error=DeliveryVocabularyError)


def _read_value(raw, dimension: str, value: str, where: str) -> ValueSpec:
    where = f'{where} [{dimension}.{value}]'
    if not isinstance(value, str) or not VALUE_NAME.match(value) or value in RESERVED_VALUES:
        raise DeliveryVocabularyError(
            f'{where}: value names are lower-case snake_case and not one of {", ".join(sorted(RESERVED_VALUES))}'
        )
    if not isinstance(raw, dict):
        raise DeliveryVocabularyError(f'{where}: a value must be a mapping (label, definition, patterns, examples)')
    unknown_keys(raw, VALUE_KEYS, where, DeliveryVocabularyError)
    prefix = f'{dimension}.{value}'
    spec = ValueSpec(
        dimension=dimension,
        value=value,
        label=read_texts(raw.get('label'), where, 'label', DeliveryVocabularyError),
        definition=read_texts(raw.get('definition'), where, 'definition', DeliveryVocabularyError),
        patterns=_patterns(raw.get('patterns'), where, 'patterns', prefix, required=True),
        exclude=_patterns(raw.get('exclude'), where, 'exclude', f'{prefix}/exclude', required=False),
        examples=read_sentences(raw.get('examples'), where, 'examples', LANGUAGES, DeliveryVocabularyError),
        counter_examples=read_sentences(
            raw.get('counter_examples'), where, 'counter_examples', (), DeliveryVocabularyError
        ),
    )
    _check_examples(spec, where)
    return spec


def _check_examples(spec: ValueSpec, where: str) -> None:
    for lang in LANGUAGES:
        for sentence in spec.examples[lang]:
            if not spec.spans(sentence, lang):
                raise DeliveryVocabularyError(
                    f'{where}: example ({lang}) is not matched by its own patterns: {sentence!r}'
                )
        for sentence in spec.counter_examples[lang]:
            found = spec.spans(sentence, lang)
            if found:
                rules = ', '.join(sorted({rule for _, _, rule in found}))
                raise DeliveryVocabularyError(f'{where}: counter-example ({lang}) is matched by {rules}: {sentence!r}')


def _read_cues(raw, where: str) -> ValueSpec:
    where = f'{where} [support_cues]'
    if not isinstance(raw, dict):
        raise DeliveryVocabularyError(f'{where}: support_cues must be a mapping (patterns, examples)')
    unknown_keys(raw, CUE_KEYS, where, DeliveryVocabularyError)
    spec = ValueSpec(
        dimension='support_cues',
        value='cue',
        label={lang: 'support cue' for lang in LANGUAGES},
        definition={lang: 'wording that describes support being given' for lang in LANGUAGES},
        patterns=_patterns(raw.get('patterns'), where, 'patterns', 'support_cue', required=True),
        exclude=_patterns(raw.get('exclude'), where, 'exclude', 'support_cue/exclude', required=False),
        examples=read_sentences(raw.get('examples'), where, 'examples', LANGUAGES, DeliveryVocabularyError),
        counter_examples=read_sentences(
            raw.get('counter_examples'), where, 'counter_examples', (), DeliveryVocabularyError
        ),
    )
    _check_examples(spec, where)
    return spec


def _read_dimension(raw, name: str, where: str) -> DimensionSpec:
    if not isinstance(raw, dict):
        raise DeliveryVocabularyError(f'{where} [{name}]: a dimension must be a mapping (label, multiple, values)')
    unknown_keys(raw, DIMENSION_KEYS, f'{where} [{name}]', DeliveryVocabularyError)
    if not isinstance(raw.get('multiple'), bool):
        raise DeliveryVocabularyError(f'{where} [{name}]: multiple must be true or false')
    values = raw.get('values')
    if not isinstance(values, dict) or not values:
        raise DeliveryVocabularyError(f'{where} [{name}]: values must be a non-empty mapping of value names')
    return DimensionSpec(
        name=name,
        label=read_texts(raw.get('label'), f'{where} [{name}]', 'label', DeliveryVocabularyError),
        definition=read_texts(raw.get('definition'), f'{where} [{name}]', 'definition', DeliveryVocabularyError),
        multiple=raw['multiple'],
        values={value: _read_value(spec, name, value, where) for value, spec in values.items()},
    )


def _read_defaults(raw, dimensions: dict, where: str) -> dict:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise DeliveryVocabularyError(f'{where}: code_defaults must map codes to {{dimension: value}}')
    defaults = {}
    for code, mapping in raw.items():
        here = f'{where} [code_defaults.{code}]'
        if not isinstance(code, str) or not CODE_NAME.match(code):
            raise DeliveryVocabularyError(f'{here}: {code!r} is not a codebook code (group.name)')
        if not isinstance(mapping, dict) or not mapping:
            raise DeliveryVocabularyError(f'{here}: needs a mapping {{dimension: value}}')
        for dimension, value in mapping.items():
            if dimension not in dimensions:
                raise DeliveryVocabularyError(f'{here}: unknown dimension {dimension!r}')
            if value not in dimensions[dimension].values:
                known = ', '.join(dimensions[dimension].values)
                raise DeliveryVocabularyError(f'{here}: {value!r} is not a value of {dimension} ({known})')
        defaults[code] = dict(mapping)
    return defaults


def read_vocabulary(path: Path | str = DELIVERY_FILE) -> Vocabulary:
    """Read and validate a delivery vocabulary; raise :class:`DeliveryVocabularyError` naming file and value."""
    path = Path(path)
    raw = read_yaml(path, error=DeliveryVocabularyError)
    where = str(path)
    if not isinstance(raw, dict):
        raise DeliveryVocabularyError(f'{where}: the file must hold a mapping (version, notes, dimensions)')
    unknown_keys(raw, TOP_KEYS, where, DeliveryVocabularyError)
    if not str(raw.get('version') or '').strip():
        raise DeliveryVocabularyError(f'{where}: needs a version')
    raw_dimensions = raw.get('dimensions')
    if not isinstance(raw_dimensions, dict):
        raise DeliveryVocabularyError(f'{where}: dimensions must be a mapping of {", ".join(DIMENSIONS)}')
    missing = [name for name in DIMENSIONS if name not in raw_dimensions]
    unknown = [str(name) for name in raw_dimensions if name not in DIMENSIONS]
    if missing or unknown:
        raise DeliveryVocabularyError(
            f'{where}: dimensions must be exactly {", ".join(DIMENSIONS)}'
            + (f'; missing {", ".join(missing)}' if missing else '')
            + (f'; unknown {", ".join(unknown)}' if unknown else '')
        )
    dimensions = {name: _read_dimension(raw_dimensions[name], name, where) for name in DIMENSIONS}
    if set(dimensions['support'].values) != {'technical', 'political'}:
        raise DeliveryVocabularyError(f'{where} [support]: support takes exactly the values technical and political')
    return Vocabulary(
        version=str(raw['version']),
        notes=read_texts(raw.get('notes'), where, 'notes', DeliveryVocabularyError),
        dimensions=dimensions,
        support_cues=_read_cues(raw.get('support_cues'), where),
        code_defaults=_read_defaults(raw.get('code_defaults'), dimensions, where),
        path=path,
    )


@functools.cache
def _load(path: Path) -> Vocabulary:
    return read_vocabulary(path)


def load_vocabulary(path: Path | str | None = None) -> Vocabulary:
    """The vocabulary at ``path`` (default ``data/delivery.yaml``), validated once and cached."""
    return _load(Path(path).resolve() if path is not None else DELIVERY_FILE)


# Section: results


@dataclass(frozen=True)
class Finding:
    """Why a dimension got a value: the matched span of the paragraph, the rule and the scope read.

    ``scope`` is ``clause`` (the clause around the code), ``paragraph`` (the clause said nothing about the
    dimension) or ``code`` (the text said nothing; the value comes from ``code_defaults``; no span).
    """

    value: str
    start: int | None
    end: int | None
    rule: str
    text: str
    scope: str

    def as_dict(self) -> dict:
        return {
            'value': self.value,
            'start': self.start,
            'end': self.end,
            'rule': self.rule,
            'text': self.text,
            'scope': self.scope,
        }


@dataclass(frozen=True)
class DimensionReading:
    """One dimension of a reference: its primary ``value``, every value found, and the findings behind them."""

    dimension: str
    value: str
    values: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def specified(self) -> bool:
        return bool(self.values)

    def as_dict(self) -> dict:
        return {
            'value': self.value,
            'values': list(self.values),
            'findings': [finding.as_dict() for finding in self.findings],
        }


@dataclass(frozen=True)
class Delivery:
    """The reading of one coded reference on the chapter 9 dimensions.

    ``window`` is the clause read first (the whole paragraph without a span). ``beneficiaries`` and
    ``categories`` list every value found; ``beneficiary.value`` and ``category.value`` are the nearest.
    """

    code: str
    language: str
    window: tuple[int, int]
    support: DimensionReading
    level: DimensionReading
    beneficiary: DimensionReading
    horizon: DimensionReading
    category: DimensionReading
    cues: tuple[Finding, ...] = ()

    @property
    def describes_support(self) -> bool:
        """Whether the clause (or paragraph) words support being given; without it no beneficiary is read."""
        return bool(self.cues)

    @property
    def beneficiaries(self) -> tuple[str, ...]:
        return self.beneficiary.values

    @property
    def categories(self) -> tuple[str, ...]:
        return self.category.values

    def reading(self, dimension: str) -> DimensionReading:
        if dimension not in DIMENSIONS:
            raise KeyError(dimension)
        return getattr(self, dimension)

    def values(self) -> dict:
        """Dimension -> primary value (``beneficiary`` and ``category`` as tuples of every value found)."""
        return {
            'support': self.support.value,
            'level': self.level.value,
            'beneficiary': self.beneficiaries or (UNSPECIFIED,),
            'horizon': self.horizon.value,
            'category': self.categories or (NO_CATEGORY,),
        }

    def as_dict(self) -> dict:
        return {
            'code': self.code,
            'language': self.language,
            'window': list(self.window),
            'describes_support': self.describes_support,
            'cues': [finding.as_dict() for finding in self.cues],
            **{name: self.reading(name).as_dict() for name in DIMENSIONS},
        }


# Section: reading


def _language(language: str) -> str:
    return language if language in LANGUAGES else 'en'


def _as_span(span, length: int) -> tuple[int, int] | None:
    if span is None:
        return None
    if hasattr(span, 'start') and hasattr(span, 'end'):
        start, end = span.start, span.end
    else:
        start, end = span
    start = max(0, min(int(start), length))
    end = max(start, min(int(end), length))
    return start, end


def clause_window(text: str, span, language: str = 'en') -> tuple[int, int]:
    """(start, end) of the clause of ``text`` that holds ``span`` (a (start, end) pair or an object with both).

    Clauses end at semicolons, colons, sentence ends and before a Council verb coordinated after ``, and``
    (``et`` in French). Without a span, the whole text.
    """
    bounds = _as_span(span, len(text))
    if bounds is None:
        return 0, len(text)
    position = bounds[0]
    start, end = 0, len(text)
    for match in CLAUSE_BREAK[_language(language)].finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= bounds[1]:
            end = match.start()
            break
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _raw_findings(specs, text: str, language: str, start: int, end: int, scope: str):
    found = [
        Finding(value_spec.value, s, e, rule, text[s:e], scope)
        for value_spec in specs
        for s, e, rule in value_spec.spans(text, language)
        if start <= s and e <= end
    ]
    found.sort(key=lambda f: (-(f.end - f.start), f.start, f.rule))
    kept: list[Finding] = []
    for finding in found:  # of overlapping findings the longest wins
        if not any(finding.start < other.end and other.start < finding.end for other in kept):
            kept.append(finding)
    return kept


def _distance(finding: Finding, anchor: tuple[int, int] | None) -> tuple[int, int]:
    if anchor is None or finding.start is None:
        return (0, finding.start or 0)
    if finding.start < anchor[1] and anchor[0] < finding.end:
        return (0, finding.start)
    gap = anchor[0] - finding.end if finding.end <= anchor[0] else finding.start - anchor[1]
    return (gap, finding.start)


def _scoped(specs, text: str, language: str, window) -> list[Finding]:
    """Findings in the clause, else in the whole paragraph."""
    findings = _raw_findings(specs, text, language, window[0], window[1], 'clause')
    if not findings and window != (0, len(text)):
        findings = _raw_findings(specs, text, language, 0, len(text), 'paragraph')
    return findings


def _read(spec: DimensionSpec, text: str, language: str, window, anchor, code: str, vocabulary: Vocabulary, cues):
    if spec.name == 'beneficiary' and not cues:
        return DimensionReading(spec.name, UNSPECIFIED, (), ())
    findings = _scoped(spec.values.values(), text, language, window)
    if not findings:
        default = vocabulary.code_defaults.get(code, {}).get(spec.name)
        if default:
            findings = [Finding(default, None, None, f'code:{code}', '', 'code')]
    findings.sort(key=lambda f: _distance(f, anchor))
    values = tuple(dict.fromkeys(f.value for f in findings))
    if spec.name == 'support' and len(values) > 1:
        value = BOTH
    elif values:
        value = values[0]
    else:
        value = NO_CATEGORY if spec.name == 'category' else UNSPECIFIED
    if not spec.multiple and spec.name != 'support':
        values = values[:1]
    return DimensionReading(spec.name, value, values, tuple(findings))


def classify(
    text: str, code: str, language: str = 'en', span=None, *, vocabulary: Vocabulary | None = None
) -> Delivery:
    """Read one coded reference on the chapter 9 dimensions.

    ``text`` is the paragraph, ``code`` the codebook code found in it (``component.police``), ``language``
    ``'en'`` or ``'fr'``, ``span`` the code's evidence in ``text`` (a (start, end) pair, or an object with
    ``start`` and ``end`` such as :class:`ssrhub.coding.coder.Evidence`), when known.
    """
    vocabulary = vocabulary or load_vocabulary()
    text = text if isinstance(text, str) else ''
    language = _language(language)
    anchor = _as_span(span, len(text))
    window = clause_window(text, anchor, language)
    cues = _scoped((vocabulary.support_cues,), text, language, window)
    cues.sort(key=lambda f: _distance(f, anchor))
    readings = {
        name: _read(vocabulary.dimensions[name], text, language, window, anchor, code, vocabulary, cues)
        for name in DIMENSIONS
    }
    return Delivery(code=code, language=language, window=window, cues=tuple(cues), **readings)


def code_span(hit):
    """The span of a coder hit's own vocabulary (not its task verb or addressee), or None."""
    for evidence in getattr(hit, 'evidence', ()):
        if not evidence.rule.startswith(NOT_CODE_RULES):
            return evidence
    return None


def classify_hit(text: str, hit, language: str = 'en', *, vocabulary: Vocabulary | None = None) -> Delivery:
    """:func:`classify` for a :class:`ssrhub.coding.coder.CodeHit` of ``text``: its code, around its span."""
    return classify(text, hit.code, language, code_span(hit), vocabulary=vocabulary)
