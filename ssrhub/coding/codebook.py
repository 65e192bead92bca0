"""Read and validate the paragraph codebook (``coding/data/codebook/<version>/codebook.yaml``).

Plain Python: no Django import. The codebook names the codes the coder assigns (SSR components,
sector-wide initiatives, related areas, cross-cutting issues, generic SSR), the task modalities
(monitor, assist, provide security, encourage), the regular expressions that find them in English
and French, and the crosswalk to the task names of the Peacekeeping Mandates dataset (PEMA).

Every problem is reported with the file and the code it concerns: unknown keys, a pattern that
does not compile or matches empty text, missing French, duplicate codes, and examples that the
code's own patterns miss or counter-examples that they match.
"""

import datetime
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ssrhub.core.datafiles import DataFileError, read_yaml

__all__ = [
    'CODEBOOK_DIR',
    'GROUPS',
    'LANGUAGES',
    'MODALITIES',
    'PEMA_MODALITIES',
    'PEMA_TASKS',
    'CodeSpec',
    'Codebook',
    'CodebookError',
    'Match',
    'ModalitySpec',
    'Pattern',
    'available_versions',
    'compile_pattern',
    'load_codebook',
    'read_codebook',
]

CODEBOOK_DIR = Path(__file__).resolve().parent / 'data' / 'codebook'
FRAMEWORK_DIR = Path(__file__).resolve().parents[1] / 'framework' / 'data' / 'frameworks' / 'un-ssr'
LANGUAGES = ('en', 'fr')
GROUPS = ('component', 'initiative', 'related', 'crosscutting', 'ssr')
MODALITIES = ('monitor', 'assist', 'security', 'encourage')
PEMA_MODALITIES = ('monitor', 'assist', 'security', 'encouraged')
# The 40 task names of PEMA v4 (column prefixes of the dataset).
PEMA_TASKS = frozenset(
    {
        'armsembargo', 'ceasefire', 'childrights', 'civilsociety', 'civprotect', 'controlsalw', 'correctionsreform',
        'culturalheritage', 'democratization', 'demil', 'demining', 'disarmdemob', 'ecdevelop', 'electassist',
        'electsec', 'gender', 'humanrelief', 'humanrights', 'justicereform', 'legalreform', 'localreconcil', 'media',
        'militaryreform', 'offensoper', 'peaceprocess', 'policereform', 'polpartyassist', 'powersharing',
        'publichealth', 'publicinfo', 'reconcil', 'refugeeidps', 'regreconcil', 'reintegration', 'resources',
        'sgbviolence', 'stateauthority', 'transjustice', 'votereducation', 'bordercontrol',
    }
)  # fmt: skip

TOP_KEYS = frozenset({'version', 'released', 'notes', 'modalities', 'pema_modalities', 'codes'})
CODE_KEYS = frozenset(
    {'code', 'group', 'label', 'definition', 'framework', 'patterns', 'exclude', 'examples', 'counter_examples',
     'pema', 'expands_to'}
)  # fmt: skip
CODE_REQUIRED = (
    'code',
    'group',
    'label',
    'definition',
    'framework',
    'patterns',
    'examples',
    'counter_examples',
    'pema',
)
MODALITY_KEYS = frozenset({'code', 'label', 'definition', 'patterns', 'examples', 'counter_examples', 'pema'})
CODE_PATTERN = re.compile(r'^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$')
PEMA_NAME = re.compile(r'^[a-z]+$')


class CodebookError(DataFileError):
    """The codebook file is missing, unreadable or breaks the schema."""


# Section: patterns


def _flexible_spaces(source: str) -> str:
    """Let a literal space match any white space run (a class space matches one white-space character)."""
    out, in_class, escaped = [], False, False
    for char in source:
        if escaped:
            out.append(char)
            escaped = False
        elif char == '\\':
            out.append(char)
            escaped = True
        elif char == '[' and not in_class:
            out.append(char)
            in_class = True
        elif char == ']' and in_class:
            out.append(char)
            in_class = False
        elif char == ' ':
            out.append(r'\s' if in_class else r'\s+')
        else:
            out.append(char)
    return ''.join(out)


def compile_pattern(source: str) -> re.Pattern:
    """Compile a codebook pattern: case-insensitive, word-bounded, spaces matching any white space."""
    return re.compile(rf'\b(?:{_flexible_spaces(source)})\b', re.IGNORECASE)


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern and its rule id (``component.police/en/2``)."""

    rule: str
    source: str
    regex: re.Pattern = field(compare=False, repr=False)


@dataclass(frozen=True)
class Match:
    """A span of a text found by one rule."""

    start: int
    end: int
    rule: str


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _find(patterns: tuple[Pattern, ...], exclude: tuple[Pattern, ...], text: str) -> list[Match]:
    masked = [m.span() for pattern in exclude for m in pattern.regex.finditer(text)]
    found = [
        Match(m.start(), m.end(), pattern.rule)
        for pattern in patterns
        for m in pattern.regex.finditer(text)
        if m.end() > m.start() and not _overlaps(m.start(), m.end(), masked)
    ]
    return sorted(found, key=lambda match: (match.start, -match.end, match.rule))


def _language(language: str) -> str:
    return language if language in LANGUAGES else 'en'


# Section: specs


@dataclass(frozen=True)
class CodeSpec:
    """One code of the codebook, with its patterns per language."""

    code: str
    group: str
    label: dict
    definition: dict
    framework: str | None
    patterns: dict
    exclude: dict
    examples: dict
    counter_examples: dict
    pema: tuple[str, ...]
    expands_to: tuple[str, ...] = ()

    def find(self, text: str, language: str = 'en') -> list[Match]:
        """Every span of ``text`` this code's patterns match, minus the spans its exclusions mask."""
        language = _language(language)
        screen = self.screens.get(language)
        if screen is None or not screen.search(text):
            return []
        return _find(self.patterns[language], self.exclude.get(language, ()), text)

    @functools.cached_property
    def screens(self) -> dict[str, re.Pattern]:
        # Per language, all the code's patterns as one alternation: it matches somewhere exactly when one of them does,
        # and most paragraphs carry few codes, so one scan spares running each pattern (2.5 times faster coding).
        return {
            language: re.compile('|'.join(pattern.regex.pattern for pattern in patterns), re.IGNORECASE)
            for language, patterns in self.patterns.items()
            if patterns
        }

    def as_dict(self) -> dict:
        return {
            'code': self.code,
            'group': self.group,
            'label': dict(self.label),
            'definition': dict(self.definition),
            'framework': self.framework,
            'patterns': {lang: [p.source for p in self.patterns[lang]] for lang in LANGUAGES},
            'exclude': {lang: [p.source for p in self.exclude.get(lang, ())] for lang in LANGUAGES},
            'examples': {lang: list(self.examples.get(lang, ())) for lang in LANGUAGES},
            'counter_examples': {lang: list(self.counter_examples.get(lang, ())) for lang in LANGUAGES},
            'pema': list(self.pema),
            'expands_to': list(self.expands_to),
        }


@dataclass(frozen=True)
class ModalitySpec:
    """One task modality (monitor, assist, security, encourage) and its verb patterns."""

    code: str
    label: dict
    definition: dict
    patterns: dict
    examples: dict
    counter_examples: dict
    pema: str

    def find(self, text: str, language: str = 'en') -> list[Match]:
        """Every span of ``text`` this modality's patterns match."""
        return _find(self.patterns[_language(language)], (), text)

    def as_dict(self) -> dict:
        return {
            'code': self.code,
            'label': dict(self.label),
            'definition': dict(self.definition),
            'patterns': {lang: [p.source for p in self.patterns[lang]] for lang in LANGUAGES},
            'examples': {lang: list(self.examples.get(lang, ())) for lang in LANGUAGES},
            'counter_examples': {lang: list(self.counter_examples.get(lang, ())) for lang in LANGUAGES},
            'pema': self.pema,
        }


@dataclass(frozen=True)
class Codebook:
    """A validated codebook version: codes and modalities keyed by their code."""

    version: str
    released: datetime.date
    notes: dict
    codes: dict
    modalities: dict
    pema_modalities: dict
    path: Path | None = None

    def may_match(self, text: str, language: str = 'en') -> bool:
        """Whether a code's pattern might match ``text``: False spares asking each code (nine paragraphs in ten)."""
        screen = self.screens.get(_language(language))
        return screen is not None and screen.search(text) is not None

    @functools.cached_property
    def screens(self) -> dict[str, re.Pattern]:
        # Per language, every code's screen as one alternation: one scan instead of one per code.
        return {
            language: re.compile('|'.join(spec.screens[language].pattern for spec in specs), re.IGNORECASE)
            for language in LANGUAGES
            if (specs := [spec for spec in self.codes.values() if language in spec.screens])
        }

    def pema_crosswalk(self) -> dict[str, tuple[str, ...]]:
        """PEMA task name -> the codes that map to it, from each code's ``pema`` list."""
        crosswalk: dict[str, list[str]] = {}
        for spec in self.codes.values():
            for task in spec.pema:
                crosswalk.setdefault(task, []).append(spec.code)
        return {task: tuple(codes) for task, codes in sorted(crosswalk.items())}

    def as_dict(self) -> dict:
        """Plain data for ``ssrhub codebook --format json``."""
        return {
            'version': self.version,
            'released': self.released.isoformat(),
            'notes': dict(self.notes),
            'modalities': [spec.as_dict() for spec in self.modalities.values()],
            'pema_modalities': dict(self.pema_modalities),
            'codes': [spec.as_dict() for spec in self.codes.values()],
            'pema_crosswalk': {task: list(codes) for task, codes in self.pema_crosswalk().items()},
        }


# Section: validation helpers


def read_texts(value, where: str, what: str, error: type[Exception] = CodebookError) -> dict:
    """``{en: ..., fr: ...}`` of a vocabulary file, both required, stripped."""
    if not isinstance(value, dict) or any(not str(value.get(lang) or '').strip() for lang in LANGUAGES):
        raise error(f'{where}: {what} needs non-empty English and French text ({what}.en, {what}.fr)')
    return {lang: str(value[lang]).strip() for lang in LANGUAGES}


def unknown_keys(raw: dict, allowed: frozenset, where: str, error: type[Exception] = CodebookError) -> None:
    """Raise ``error`` naming the keys of ``raw`` outside ``allowed`` (shared by every vocabulary file)."""
    unknown = sorted(map(str, set(raw) - allowed))
    if unknown:
        raise error(f'{where}: unknown key(s) {", ".join(unknown)} (allowed: {", ".join(sorted(allowed))})')


def compile_patterns(
    value, where: str, what: str, prefix: str, required: bool = True, error: type[Exception] = CodebookError
) -> dict:
    """Language -> compiled :class:`Pattern` tuple, from ``{en: [...], fr: [...]}`` of a vocabulary file.

    Rule ids are ``prefix/lang/index``; problems raise ``error`` naming ``where``.
    """
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or set(value) - set(LANGUAGES):
        raise error(f'{where}: {what} must be a mapping with the keys en and fr')
    compiled = {}
    for lang in LANGUAGES:
        sources = value.get(lang)
        if required and (not isinstance(sources, list) or not sources):
            missing = 'French' if lang == 'fr' else 'English'
            raise error(f'{where}: {what}.{lang} is missing: {missing} patterns are required')
        if sources is not None and not isinstance(sources, list):
            raise error(f'{where}: {what}.{lang} must be a list of patterns')
        compiled[lang] = tuple(
            _pattern(source, where, f'{prefix}/{lang}/{i}', error) for i, source in enumerate(sources or [])
        )
    return compiled


def _pattern(source, where: str, rule: str, error: type[Exception]) -> Pattern:
    if not isinstance(source, str) or not source.strip():
        raise error(f'{where}: pattern {rule} must be a non-empty string')
    try:
        regex = compile_pattern(source)
    except re.error as problem:
        raise error(f'{where}: pattern {rule} is not a valid regular expression ({problem}): {source!r}') from problem
    if re.compile(_flexible_spaces(source), re.IGNORECASE).fullmatch(''):
        raise error(f'{where}: pattern {rule} matches empty text: {source!r}')
    return Pattern(rule=rule, source=source, regex=regex)


def read_sentences(value, where: str, what: str, required: tuple, error: type[Exception] = CodebookError) -> dict:
    """Language -> tuple of sentences (examples) of a vocabulary file; the ``required`` languages need one at least.

    With no language required, a missing mapping means no sentences.
    """
    if value is None and not required:
        return {lang: () for lang in LANGUAGES}
    if not isinstance(value, dict) or set(value) - set(LANGUAGES):
        raise error(f'{where}: {what} must be a mapping with the keys en and fr')
    sentences = {}
    for lang in LANGUAGES:
        items = value.get(lang) or []
        if (
            not isinstance(items, list)
            or (lang in required and not items)
            or any(not isinstance(s, str) or not s.strip() for s in items)
        ):
            raise error(f'{where}: {what}.{lang} needs a list of non-empty sentences')
        sentences[lang] = tuple(s.strip() for s in items)
    return sentences


def _check_examples(spec, where: str) -> None:
    for lang in LANGUAGES:
        for sentence in spec.examples.get(lang, ()):
            if not spec.find(sentence, lang):
                raise CodebookError(f'{where}: example ({lang}) is not matched by its own patterns: {sentence!r}')
        for sentence in spec.counter_examples.get(lang, ()):
            found = spec.find(sentence, lang)
            if found:
                rules = ', '.join(sorted({m.rule for m in found}))
                raise CodebookError(f'{where}: counter-example ({lang}) is matched by {rules}: {sentence!r}')


@functools.cache
def _framework_codes() -> frozenset:
    """Item codes of the latest UN SSR reference framework version (empty when the files are absent)."""
    versions = sorted(path for path in FRAMEWORK_DIR.glob('*/version.yaml'))
    if not versions:
        return frozenset()
    directory = versions[-1].parent
    codes = set()

    def walk(raw):
        if isinstance(raw, dict):
            if isinstance(raw.get('code'), str):
                codes.add(raw['code'])
            for child in raw.get('items') or []:
                walk(child)

    for path in directory.glob('*.yaml'):
        walk(read_yaml(path, error=CodebookError))
    return frozenset(codes)


# Section: reading


def _read_modality(raw, where: str) -> ModalitySpec:
    code = raw.get('code') if isinstance(raw, dict) else None
    if code not in MODALITIES:
        raise CodebookError(f'{where}: modality code {code!r} must be one of {", ".join(MODALITIES)}')
    where = f'{where} [modality.{code}]'
    unknown_keys(raw, MODALITY_KEYS, where)
    if raw.get('pema') not in PEMA_MODALITIES:
        raise CodebookError(f'{where}: pema must be one of {", ".join(PEMA_MODALITIES)}')
    spec = ModalitySpec(
        code=code,
        label=read_texts(raw.get('label'), where, 'label'),
        definition=read_texts(raw.get('definition'), where, 'definition'),
        patterns=compile_patterns(raw.get('patterns'), where, 'patterns', f'modality.{code}'),
        examples=read_sentences(raw.get('examples'), where, 'examples', required=LANGUAGES),
        counter_examples=read_sentences(raw.get('counter_examples'), where, 'counter_examples', required=('en',)),
        pema=raw['pema'],
    )
    _check_examples(spec, where)
    return spec


def _read_code(raw, where: str) -> CodeSpec:
    code = raw.get('code') if isinstance(raw, dict) else None
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        raise CodebookError(f'{where}: code {code!r} must read group.name in lower-case kebab-case')
    where = f'{where} [{code}]'
    unknown_keys(raw, CODE_KEYS, where)
    missing = [key for key in CODE_REQUIRED if key not in raw]
    if missing:
        raise CodebookError(f'{where}: missing key(s) {", ".join(missing)}')
    group = raw['group']
    if group not in GROUPS or code.split('.')[0] != group:
        raise CodebookError(f'{where}: group {group!r} must be one of {", ".join(GROUPS)} and prefix the code')
    framework = raw['framework']
    known = _framework_codes()
    if framework is not None and (not isinstance(framework, str) or (known and framework not in known)):
        raise CodebookError(f'{where}: framework {framework!r} is not an item code of the UN SSR reference framework')
    pema = raw['pema']
    if not isinstance(pema, list) or any(task not in PEMA_TASKS for task in pema):
        raise CodebookError(f'{where}: pema must list PEMA task names (e.g. policereform), not {pema!r}')
    expands_to = raw.get('expands_to') or []
    if not isinstance(expands_to, list) or any(not isinstance(c, str) for c in expands_to):
        raise CodebookError(f'{where}: expands_to must be a list of codes')
    spec = CodeSpec(
        code=code,
        group=group,
        label=read_texts(raw['label'], where, 'label'),
        definition=read_texts(raw['definition'], where, 'definition'),
        framework=framework,
        patterns=compile_patterns(raw['patterns'], where, 'patterns', code),
        exclude=compile_patterns(raw.get('exclude'), where, 'exclude', f'{code}/exclude', required=False),
        examples=read_sentences(raw['examples'], where, 'examples', required=LANGUAGES),
        counter_examples=read_sentences(raw['counter_examples'], where, 'counter_examples', required=('en',)),
        pema=tuple(pema),
        expands_to=tuple(expands_to),
    )
    _check_examples(spec, where)
    return spec


def _read_codes(raw_codes, where: str) -> dict:
    if not isinstance(raw_codes, list) or not raw_codes:
        raise CodebookError(f'{where}: codes must be a non-empty list')
    codes: dict[str, CodeSpec] = {}
    for raw in raw_codes:
        spec = _read_code(raw, where)
        if spec.code in codes:
            raise CodebookError(f'{where} [{spec.code}]: duplicate code: {spec.code} is defined twice')
        codes[spec.code] = spec
    for spec in codes.values():
        unknown = [target for target in spec.expands_to if target not in codes or target == spec.code]
        if unknown:
            raise CodebookError(f'{where} [{spec.code}]: expands_to names unknown code(s) {", ".join(unknown)}')
    return codes


def _read_modalities(raw_modalities, raw_mapping, where: str) -> tuple[dict, dict]:
    if not isinstance(raw_modalities, list):
        raise CodebookError(f'{where}: modalities must be a list')
    modalities: dict[str, ModalitySpec] = {}
    for raw in raw_modalities:
        spec = _read_modality(raw, where)
        if spec.code in modalities:
            raise CodebookError(f'{where} [modality.{spec.code}]: duplicate modality')
        modalities[spec.code] = spec
    missing = [code for code in MODALITIES if code not in modalities]
    if missing:
        raise CodebookError(f'{where}: modalities missing: {", ".join(missing)}')
    if not isinstance(raw_mapping, dict) or set(raw_mapping) != set(MODALITIES):
        raise CodebookError(f'{where}: pema_modalities must map each of {", ".join(MODALITIES)} to a PEMA modality')
    if any(value not in PEMA_MODALITIES for value in raw_mapping.values()):
        raise CodebookError(f'{where}: pema_modalities values must be among {", ".join(PEMA_MODALITIES)}')
    return modalities, dict(raw_mapping)


def read_codebook(path: Path) -> Codebook:
    """Read and validate one codebook file; raise :class:`CodebookError` naming the file and code."""
    path = Path(path)
    raw = read_yaml(path, error=CodebookError)
    where = str(path)
    if not isinstance(raw, dict):
        raise CodebookError(f'{where}: the file must hold a mapping (version, released, notes, modalities, codes)')
    unknown_keys(raw, TOP_KEYS, where)
    version = str(raw.get('version') or '')
    if not version:
        raise CodebookError(f'{where}: needs a version')
    if path.parent.name != version and path.parent.parent == CODEBOOK_DIR:
        raise CodebookError(f'{where}: version {version} does not match its folder {path.parent.name}')
    if not isinstance(raw.get('released'), datetime.date):
        raise CodebookError(f'{where}: released must be a YYYY-MM-DD date')
    modalities, pema_modalities = _read_modalities(raw.get('modalities'), raw.get('pema_modalities'), where)
    return Codebook(
        version=version,
        released=raw['released'],
        notes=read_texts(raw.get('notes'), where, 'notes'),
        codes=_read_codes(raw.get('codes'), where),
        modalities=modalities,
        pema_modalities=pema_modalities,
        path=path,
    )


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r'[.\-]', version))


def available_versions(directory: Path = CODEBOOK_DIR) -> list[str]:
    """Codebook versions found under ``directory``, oldest first. The shipped ones are looked for once: they change
    only with a release, and pages ask for them for every code they label."""
    return list(_shipped_versions()) if directory == CODEBOOK_DIR else _versions_in(directory)


@functools.cache
def _shipped_versions() -> tuple[str, ...]:
    return tuple(_versions_in(CODEBOOK_DIR))


def _versions_in(directory: Path) -> list[str]:
    return sorted((path.parent.name for path in directory.glob('*/codebook.yaml')), key=_version_key)


@functools.cache
def _load(version: str, directory: Path) -> Codebook:
    return read_codebook(directory / version / 'codebook.yaml')


def load_codebook(version: str | None = None, directory: Path = CODEBOOK_DIR) -> Codebook:
    """The codebook ``version`` (the latest when None), validated once and cached."""
    versions = available_versions(directory)
    if not versions:
        raise CodebookError(f'{directory}: no codebook version folder (with a codebook.yaml) found')
    if version is None:
        version = versions[-1]
    elif version not in versions:
        raise CodebookError(f'{directory}: unknown codebook version {version!r} (available: {", ".join(versions)})')
    return _load(version, directory)
