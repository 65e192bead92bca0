"""Read and check a CSV file of security-sector actors and their relations, and plan what importing it would change.

Plain Python: no Django import. The caller passes the vocabulary (area, type and relation values with their English
labels, field lengths) and what is stored for the country; ``plan_import()`` returns the rows to create, to update
and left unchanged, and every error with its row number. Nothing is written here: the view previews the plan and
applies it in one transaction when the user confirms.

Problems carry a ``code`` and ``params`` rather than a sentence, so that the view can show them translated;
``MESSAGES`` holds the English wording (``Issue.message()``), used by scripts and tests.

The file (``docs`` in ``actors_import.html``; the export writes the same columns):

* UTF-8, with or without a byte order mark; comma, semicolon or tab separated (taken from the header line);
  at most ``MAX_BYTES``; the first line holds the column names (case and spaces do not matter).
* An actors file has the columns ``name``, ``area`` and ``type`` (required) and may have ``name_fr`` (the official
  French name), ``acronym``, ``statutory``, ``note`` and ``source``.
* A relations file has the columns ``actor``, ``relation`` and ``other_actor`` (required) and may have ``note``
  and ``source``. An actor is named by its name (or by its acronym when only one actor has it), among the actors
  of the file and those already stored.
* One file can hold both when it has a ``record`` column saying ``actor`` or ``relation`` on each row.
* Areas, types and relations are written as their value (``core-security-actors``) or their English label
  (``Core security actors``), in any case. ``statutory`` reads true/false, yes/no or 1/0; when empty it is false
  for a non-state actor and otherwise true (or what is stored).
* An actor is matched to a stored one by its name (case and spaces aside). A column left out of the file leaves
  the stored value as it is; an empty ``source`` keeps the stored source, and a new record gets the file name.
* Columns the export adds for people (labels, headcounts, acronyms of related actors) are ignored. Relations and
  actors missing from the file are left alone: an import never deletes.

Row numbers count the header as row 1, as a spreadsheet does.
"""

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

__all__ = [
    'ACTOR_COLUMNS',
    'EXPORT_ONLY_COLUMNS',
    'MAX_BYTES',
    'MESSAGES',
    'RELATION_COLUMNS',
    'Change',
    'ImportFileError',
    'ImportPlan',
    'Issue',
    'StoredActor',
    'StoredRelation',
    'Vocabulary',
    'decode',
    'normalise_name',
    'plan_import',
    'read_table',
]

MAX_BYTES = 1024 * 1024
ACTOR_COLUMNS = ('name', 'name_fr', 'acronym', 'area', 'type', 'statutory', 'note', 'source')
ACTOR_REQUIRED = ('name', 'area', 'type')
RELATION_COLUMNS = ('actor', 'relation', 'other_actor', 'note', 'source')
RELATION_REQUIRED = ('actor', 'relation', 'other_actor')
RECORD_COLUMN = 'record'
# Other spellings of the relation columns (the model's field names).
COLUMN_ALIASES = {'kind': 'relation', 'from_actor': 'actor', 'to_actor': 'other_actor'}
# Written by the export for people; read back without a warning and without effect.
EXPORT_ONLY_COLUMNS = frozenset({
    'area_label',
    'type_label',
    'relation_label',
    'actor_acronym',
    'other_actor_acronym',
    'latest_headcount',
    'latest_headcount_date',
    'latest_headcount_basis',
    'latest_headcount_source',
    'headcount_sources_disagree',
})  # fmt: skip
TRUE_WORDS = frozenset({'true', 'yes', 'y', '1', 'oui', 'vrai'})
FALSE_WORDS = frozenset({'false', 'no', 'n', '0', 'non', 'faux'})
# export_response() puts an apostrophe before text a spreadsheet would read as a formula; reading it back drops it.
FORMULA_PREFIXES = ('=', '+', '-', '@', '\t', '\r')
DELIMITERS = (',', ';', '\t')

MESSAGES = {
    # file
    'too-large': 'The file is larger than {max_kb} KB.',
    'empty': 'The file is empty.',
    'encoding': 'The file is not UTF-8 text (first bad byte on line {line}). Save it as "CSV UTF-8".',
    'bad-csv': 'The file cannot be read as CSV (line {line}): {detail}.',
    'no-rows': 'The file has a header but no rows.',
    'duplicate-columns': 'These columns appear more than once: {columns}.',
    'missing-columns': 'Required columns are missing: {columns}.',
    'no-known-columns': (
        'No known columns. An actors file needs name, area and type; a relations file actor, relation and other_actor.'
    ),
    # rows
    'unknown-record': 'Unknown record "{value}": write actor or relation.',
    'required': 'The {column} is required.',
    'too-long': 'The {column} is longer than {max} characters.',
    'unknown-area': 'Unknown area "{value}".',
    'unknown-type': 'Unknown type "{value}".',
    'unknown-relation': 'Unknown relation "{value}".',
    'bad-boolean': 'Statutory must be true or false, not "{value}".',
    'non-state-statutory': 'A non-state actor is not statutory.',
    'duplicate-actor': 'The actor "{name}" is already on row {first_row}.',
    'duplicate-relation': 'The same relation is already on row {first_row}.',
    'unknown-actor': 'No actor named "{value}" in the file or stored for this country ({column}).',
    'ambiguous-actor': 'Several actors have the acronym "{value}": write the name ({column}).',
    'self-relation': 'An actor cannot be related to itself.',
}


# Section: data shapes


@dataclass(frozen=True)
class Vocabulary:
    """What the model accepts: ``{value: English label}`` of areas, types and relations; field lengths."""

    areas: Mapping[str, str]
    types: Mapping[str, str]
    kinds: Mapping[str, str]
    max_lengths: Mapping[str, int] = field(default_factory=dict)  # 'name', 'acronym', 'source', 'relation_note'
    non_statutory_areas: frozenset[str] = frozenset({'non-state-actors'})


@dataclass(frozen=True)
class StoredActor:
    name: str
    acronym: str = ''
    area: str = ''
    type: str = ''
    statutory: bool = True
    note: str = ''
    source: str = ''
    name_fr: str = ''


@dataclass(frozen=True)
class StoredRelation:
    actor: str  # names of the stored actors
    kind: str
    other_actor: str
    note: str = ''
    source: str = ''


@dataclass(frozen=True)
class Issue:
    """A problem with the file (``row`` None) or with one row."""

    code: str
    row: int | None = None
    params: Mapping[str, object] = field(default_factory=dict)

    def message(self) -> str:
        return MESSAGES[self.code].format(**self.params)


@dataclass(frozen=True)
class Change:
    """What one row does. ``key``: the actor's normalised name, or (actor, relation, other actor) normalised.

    ``values`` holds every field the record will have (relations: ``actor`` and ``other_actor`` are the names of
    the actors as stored or created); ``changes`` maps each changed field of an update to ``(old, new)``.
    """

    record: str  # 'actor' or 'relation'
    row: int
    key: tuple
    values: Mapping[str, object]
    changes: Mapping[str, tuple] = field(default_factory=dict)

    @property
    def label(self) -> str:
        if self.record == 'actor':
            return str(self.values['name'])
        return f'{self.values["actor"]} {self.values["kind"]} {self.values["other_actor"]}'


@dataclass
class ImportPlan:
    create: list[Change] = field(default_factory=list)
    update: list[Change] = field(default_factory=list)
    unchanged: list[Change] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def has_changes(self) -> bool:
        return bool(self.create or self.update)

    def digest(self) -> str:
        """A fingerprint of what applying the plan would write: the preview and the confirmation must agree."""
        payload = [
            [change.record, list(change.key), sorted(change.values.items()), sorted(change.changes)]
            for change in [*self.create, *self.update]
        ]
        return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


class ImportFileError(ValueError):
    """The file as a whole cannot be read (encoding, size, CSV syntax, columns)."""

    def __init__(self, code: str, **params):
        self.issue = Issue(code, None, params)
        super().__init__(self.issue.message())


# Section: reading


def normalise_name(name: str) -> str:
    """How names are compared: case and runs of white space do not count."""
    return ' '.join(str(name).split()).casefold()


def decode(data: bytes) -> str:
    """The text of an uploaded file: UTF-8 with or without a byte order mark, at most ``MAX_BYTES``."""
    if len(data) > MAX_BYTES:
        raise ImportFileError('too-large', max_kb=MAX_BYTES // 1024)
    try:
        text = data.decode('utf-8-sig')
    except UnicodeDecodeError as error:
        raise ImportFileError('encoding', line=data[: error.start].count(b'\n') + 1) from None
    if not text.strip():
        raise ImportFileError('empty')
    return text


def _column_key(header: str) -> str:
    key = '_'.join(header.strip().casefold().replace('-', ' ').split())
    return COLUMN_ALIASES.get(key, key)


def _delimiter(text: str) -> str:
    first_line = text.split('\n', 1)[0]
    return max(DELIMITERS, key=first_line.count) if any(d in first_line for d in DELIMITERS) else ','


def _cell(value) -> str:
    text = (value or '').strip()
    if len(text) > 1 and text[0] == "'" and text[1].startswith(FORMULA_PREFIXES):
        text = text[1:]
    return text


def read_table(text: str) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The column keys and the non-empty rows as ``(row number, {column: stripped text})``."""
    reader = csv.reader(io.StringIO(text, newline=''), delimiter=_delimiter(text), strict=True)
    try:
        header = next(reader)
        columns = [_column_key(name) for name in header]
        duplicates = sorted({name for name in columns if name and columns.count(name) > 1})
        if duplicates:
            raise ImportFileError('duplicate-columns', columns=', '.join(duplicates))
        rows = []
        for number, cells in enumerate(reader, start=2):
            if any(cell.strip() for cell in cells):
                rows.append((number, {name: _cell(cell) for name, cell in zip(columns, cells, strict=False) if name}))
    except csv.Error as error:
        raise ImportFileError('bad-csv', line=reader.line_num, detail=str(error)) from None
    return [name for name in columns if name], rows


# Section: planning


def _choice(value: str, choices: Mapping[str, str]) -> str | None:
    """The stored value for a value or an English label, in any case (and with spaces for dashes)."""
    wanted = normalise_name(value)
    for key, label in choices.items():
        if wanted in (key.casefold(), normalise_name(label), key.replace('-', ' ').casefold()):
            return key
    return None


def _boolean(value: str) -> bool | None:
    word = value.casefold()
    return True if word in TRUE_WORDS else False if word in FALSE_WORDS else None


class _Planner:
    def __init__(self, vocabulary, actors, relations, filename):
        self.vocabulary = vocabulary
        self.filename = filename
        self.stored = {normalise_name(actor.name): actor for actor in actors}
        self.stored_relations = {(normalise_name(r.actor), r.kind, normalise_name(r.other_actor)): r for r in relations}
        self.plan = ImportPlan()
        self.file_acronyms = {}  # key -> acronym of the actors the file adds
        self.names = {key: actor.name for key, actor in self.stored.items()}  # every known actor: key -> name
        self.actor_rows = {}  # key -> first row number in the file
        self.relation_rows = {}

    def error(self, code, row, **params):
        self.plan.errors.append(Issue(code, row, params))

    def text(self, row_number, cells, column, limit_key=None):
        value = cells.get(column, '')
        limit = self.vocabulary.max_lengths.get(limit_key or column)
        if limit and len(value) > limit:
            self.error('too-long', row_number, column=column, max=limit)
        return value

    def sort(self, change: Change, old: dict | None):
        if old is None:
            self.plan.create.append(change)
        elif change.changes:
            self.plan.update.append(change)
        else:
            self.plan.unchanged.append(change)

    # Actors

    def actor(self, row_number, cells, columns):
        errors = len(self.plan.errors)
        for column in ACTOR_REQUIRED:
            if not cells.get(column):
                self.error('required', row_number, column=column)
        name = ' '.join(self.text(row_number, cells, 'name').split())
        name_fr = ' '.join(self.text(row_number, cells, 'name_fr').split())
        acronym = self.text(row_number, cells, 'acronym')
        note = cells.get('note', '')
        source = self.text(row_number, cells, 'source')
        area = _choice(cells['area'], self.vocabulary.areas) if cells.get('area') else None
        if cells.get('area') and area is None:
            self.error('unknown-area', row_number, value=cells['area'])
        kind = _choice(cells['type'], self.vocabulary.types) if cells.get('type') else None
        if cells.get('type') and kind is None:
            self.error('unknown-type', row_number, value=cells['type'])
        statutory = _boolean(cells['statutory']) if cells.get('statutory') else None
        if cells.get('statutory') and statutory is None:
            self.error('bad-boolean', row_number, value=cells['statutory'])
        key = normalise_name(name)
        if name:
            if key in self.actor_rows:
                self.error('duplicate-actor', row_number, name=name, first_row=self.actor_rows[key])
                return
            self.actor_rows[key] = row_number
            self.names[key] = name
        old = self.stored.get(key)
        non_state = area in self.vocabulary.non_statutory_areas
        if statutory is None:
            statutory = False if non_state else (old.statutory if old else True)
        elif statutory and non_state:
            self.error('non-state-statutory', row_number)
        if len(self.plan.errors) > errors:
            return
        values = {'name': name, 'area': area, 'type': kind, 'statutory': statutory}
        if old is None:
            values.update(name_fr=name_fr, acronym=acronym, note=note, source=source or self.filename)
            self.sort(Change('actor', row_number, (key,), values), None)
            return
        if 'name_fr' in columns:
            values['name_fr'] = name_fr
        if 'acronym' in columns:
            values['acronym'] = acronym
        if 'note' in columns:
            values['note'] = note
        if source:
            values['source'] = source
        changes = {
            field_name: (getattr(old, field_name), value)
            for field_name, value in values.items()
            if getattr(old, field_name) != value
        }
        full = {column: getattr(old, column) for column in ACTOR_COLUMNS} | values
        self.sort(Change('actor', row_number, (key,), full, changes), old)

    # Relations

    def resolve(self, row_number, cells, column) -> str | None:
        """The key of the actor a relation cell names (name first, then a unique acronym)."""
        value = cells.get(column, '')
        key = normalise_name(value)
        if key in self.names:
            return key
        by_acronym = {k for k, actor in self.stored.items() if actor.acronym and normalise_name(actor.acronym) == key}
        by_acronym |= {k for k, acronym in self.file_acronyms.items() if normalise_name(acronym) == key}
        if len(by_acronym) == 1:
            return by_acronym.pop()
        self.error('ambiguous-actor' if by_acronym else 'unknown-actor', row_number, value=value, column=column)
        return None

    def relation(self, row_number, cells, columns):
        errors = len(self.plan.errors)
        for column in RELATION_REQUIRED:
            if not cells.get(column):
                self.error('required', row_number, column=column)
        kind = _choice(cells['relation'], self.vocabulary.kinds) if cells.get('relation') else None
        if cells.get('relation') and kind is None:
            self.error('unknown-relation', row_number, value=cells['relation'])
        note = self.text(row_number, cells, 'note', 'relation_note')
        source = self.text(row_number, cells, 'source')
        actor = self.resolve(row_number, cells, 'actor') if cells.get('actor') else None
        other = self.resolve(row_number, cells, 'other_actor') if cells.get('other_actor') else None
        if actor and actor == other:
            self.error('self-relation', row_number)
        if len(self.plan.errors) > errors:
            return
        key = (actor, kind, other)
        if key in self.relation_rows:
            self.error('duplicate-relation', row_number, first_row=self.relation_rows[key])
            return
        self.relation_rows[key] = row_number
        old = self.stored_relations.get(key)
        values = {'actor': self.names[actor], 'kind': kind, 'other_actor': self.names[other]}
        if old is None:
            values.update(note=note, source=source or self.filename)
            self.sort(Change('relation', row_number, key, values), None)
            return
        changes = {}
        if 'note' in columns and note != old.note:
            changes['note'] = (old.note, note)
        if source and source != old.source:
            changes['source'] = (old.source, source)
        full = values | {'note': old.note, 'source': old.source} | {name: new for name, (_, new) in changes.items()}
        self.sort(Change('relation', row_number, key, full, changes), old)

    # The file

    def run(self, columns, rows) -> ImportPlan:
        known = {*ACTOR_COLUMNS, *RELATION_COLUMNS, RECORD_COLUMN}
        self.plan.ignored_columns = [name for name in columns if name not in known | EXPORT_ONLY_COLUMNS]
        self.plan.rows = len(rows)
        has_record = RECORD_COLUMN in columns
        if not has_record and not set(ACTOR_REQUIRED) & set(columns) and not set(RELATION_REQUIRED) & set(columns):
            raise ImportFileError('no-known-columns')
        records = []
        for number, cells in rows:
            if has_record:
                record = cells.get(RECORD_COLUMN, '').casefold()
                if record not in ('actor', 'relation'):
                    self.error('unknown-record', number, value=cells.get(RECORD_COLUMN, ''))
                    continue
            else:
                record = 'relation' if set(RELATION_REQUIRED) & set(columns) and 'name' not in columns else 'actor'
            records.append((record, number, cells))
        required = set()
        for record, _number, _cells in records:
            required |= set(ACTOR_REQUIRED if record == 'actor' else RELATION_REQUIRED)
        missing = [name for name in (*ACTOR_REQUIRED, *RELATION_REQUIRED) if name in required - set(columns)]
        if missing:
            raise ImportFileError('missing-columns', columns=', '.join(missing))
        # Actors first, so that a relation may name an actor created further down the file.
        self.file_acronyms = {
            normalise_name(cells.get('name', '')): cells.get('acronym', '')
            for record, _number, cells in records
            if record == 'actor' and cells.get('acronym') and normalise_name(cells.get('name', '')) not in self.stored
        }
        for record, number, cells in records:
            if record == 'actor':
                self.actor(number, cells, columns)
        for record, number, cells in records:
            if record == 'relation':
                self.relation(number, cells, columns)
        self.plan.errors.sort(key=lambda issue: (issue.row or 0))
        return self.plan


def plan_import(
    data: bytes,
    vocabulary: Vocabulary,
    actors: Iterable[StoredActor] = (),
    relations: Iterable[StoredRelation] = (),
    filename: str = '',
) -> ImportPlan:
    """What importing ``data`` (the bytes of the uploaded file) would do; raises ``ImportFileError``."""
    columns, rows = read_table(decode(data))
    if not rows:
        raise ImportFileError('no-rows')
    return _Planner(vocabulary, list(actors), list(relations), filename).run(columns, rows)
