"""Read the answers of a survey exported from KoboToolbox or ODK Central, streaming (plain Python).

Files:
- KoboToolbox CSV (one table; ``;`` or ``,`` separated, as Kobo's export settings choose) and XLSX (the first sheet
  holds the submissions, one sheet per repeat group joined to it by ``_parent_index`` -> ``_index``). Columns are
  named by XML names, with the group path (``respondent/sex``) or without it. The form version is ``__version__``
  (Kobo's own id of the deployed version) or ``_version_``; the submission's id is ``_uuid``.
- ODK Central: the CSV of the submissions, or the ``.zip`` of its export with one CSV per repeat
  (``<form>-<repeat>.csv``) joined by ``PARENT_KEY`` -> ``KEY``. Group paths are written ``respondent-sex``; the form
  version is ``FormVersion``, the submission's id ``KEY`` (``meta-instanceID``).
- A select_multiple's one-column-per-choice columns (``q/choice``) are recognised and left out: the question's own
  column holds the chosen values. Known metadata columns are left out. Any other column is unknown: the file is
  refused (it belongs to another form or version, or was exported with labels instead of XML names).

Rows are read one at a time; repeat tables are read beside the main table in the same order (both exports write
the repeats of a submission in the order of the submissions), so memory stays flat whatever the file's size.
"""

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lxml import etree

__all__ = [
    'KOBO',
    'ODK',
    'AnswerFile',
    'ImportError_',
    'Issue',
    'Layout',
    'Preview',
    'Submission',
    'open_answers',
]

KOBO, ODK = 'kobo', 'odk'
KOBO_META = re.compile(
    r'^(_id|_uuid|_submission_time|_validation_status|_notes|_status|_submitted_by|__version__|_version_|_version'
    r'|_tags|_index|_parent_table_name|_parent_index|_submission__\w+|_attachments|_geolocation|_xform_id_string'
    r'|_bamboo_dataset_id|formhub/uuid|meta/instanceID|meta/rootUuid|meta/deprecatedID|meta/instanceName|start|end'
    r'|today|deviceid|username)$'
)
ODK_META = frozenset(
    {
        'SubmissionDate',
        'meta-instanceID',
        'meta-instanceName',
        'meta-deprecatedID',
        'KEY',
        'PARENT_KEY',
        'SubmitterID',
        'SubmitterName',
        'AttachmentsPresent',
        'AttachmentsExpected',
        'Status',
        'ReviewState',
        'DeviceID',
        'Edits',
        'FormVersion',
        'instanceID',
    }
)
VERSION_COLUMNS = ('FormVersion', '_version_', '__version__', '_version')
MAX_ISSUES = 100
PREVIEW_ROWS = 5


@dataclass(frozen=True)
class Issue:
    """A problem of the file: ``code`` and ``params`` for a translated sentence, the table and row it is in.

    Codes: ``unknown-columns`` (``columns``), ``no-instance-column``, ``no-instance-id``, ``duplicate-instance``
    (``instance``), ``version-mismatch`` (``found``, ``expected``), ``not-a-number`` (``column``, ``value``),
    ``unknown-choice`` (``column``, ``value``), ``orphan-repeat`` (``parent``), ``unreadable`` (``message``),
    ``no-table``."""

    code: str
    table: str = ''
    row: int | None = None
    params: dict = field(default_factory=dict)


class ImportError_(ValueError):  # noqa: N801 - ImportError is Python's own
    """A file that cannot be read at all (not CSV, XLSX or ZIP; no table of answers)."""

    def __init__(self, issue: Issue):
        self.issue = issue
        super().__init__(f'{issue.code}: {issue.params}')


@dataclass
class Layout:
    """What the reader needs of the form: question name -> type for the top level and for each repeat, the choices
    of each select, the column names each question may have."""

    top: dict[str, str]
    repeats: dict[str, dict[str, str]]
    choices: dict[str, set[str]]
    columns: dict[str, dict[str, str]]  # table ('' top, or the repeat) -> column name -> question name

    @classmethod
    def of(cls, questions: list[dict], choices: dict[str, list[dict]]) -> 'Layout':
        top: dict[str, str] = {}
        repeats: dict[str, dict[str, str]] = {}
        columns: dict[str, dict[str, str]] = {'': {}}
        allowed: dict[str, set[str]] = {}

        def visit(items: list[dict], path: list[str], repeat: str, relative: list[str]):
            for question in items:
                name = question['name']
                if question['type'] == 'group':
                    visit(question['children'], [*path, name], repeat, [*relative, name])
                elif question['type'] == 'repeat':
                    repeats[name] = {}
                    columns[name] = {}
                    visit(question['children'], [*path, name], name, [])
                elif question['type'] != 'note':
                    (repeats[repeat] if repeat else top)[name] = question['type']
                    for parts in ([*path, name], [*relative, name], [name]):
                        for separator in ('/', '-', '.'):
                            columns[repeat][separator.join(parts)] = name
                    if question['list']:
                        allowed[name] = {choice['name'] for choice in choices.get(question['list'], [])}

        visit(questions, [], '', [])
        return cls(top, repeats, allowed, columns)

    def types(self, table: str) -> dict[str, str]:
        return self.repeats[table] if table else self.top


@dataclass
class Submission:
    """One submission as read: the row it starts on, its instance id, form version, submission time (ISO text or
    ''), answers (name -> text; a repeat's name -> list of answer dicts)."""

    row: int
    instance_id: str
    version: str
    submitted_at: str
    answers: dict


@dataclass
class Preview:
    """What the preview shows: the tables, their columns and how each was read, the rows, the versions found, the
    first submissions and the issues (any issue refuses the file)."""

    source: str
    tables: list[dict]
    rows: int = 0
    repeat_rows: int = 0
    versions: dict[str, int] = field(default_factory=dict)
    first: list[Submission] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    more_issues: int = 0

    def add(self, issue: Issue) -> None:
        if len(self.issues) < MAX_ISSUES:
            self.issues.append(issue)
        else:
            self.more_issues += 1


# Section: tables


def _text(value) -> str:
    if value is None:
        return ''
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _Table:
    """One table of the export: its name ('' for the submissions, else the repeat), header and rows (numbered as in
    the file, the header being row 1)."""

    def __init__(self, name: str, label: str, opener):
        self.name = name
        self.label = label
        self.opener = opener
        rows = opener()
        self.header = [_text(cell) for cell in next(rows, [])]
        if hasattr(rows, 'close'):
            rows.close()

    def rows(self) -> Iterator[tuple[int, dict]]:
        rows = self.opener()
        next(rows, None)
        for number, values in enumerate(rows, start=2):
            record = {self.header[i]: _text(v) for i, v in enumerate(values) if i < len(self.header)}
            if any(record.values()):
                yield number, record


def _delimiter(first_line: str) -> str:
    return ';' if first_line.count(';') > first_line.count(',') else ','


def _csv_opener(open_text):
    """An opener of a CSV table: ``open_text()`` gives a new text stream each time it is called."""
    with open_text() as stream:
        delimiter = _delimiter(stream.readline())

    def opener():
        stream = open_text()
        try:
            yield from csv.reader(stream, delimiter=delimiter)
        finally:
            stream.close()

    return opener


MAIN = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
RELATION = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'


def _column(reference: str) -> int:
    """``'C12'`` -> 2."""
    number = 0
    for char in reference:
        if not char.isalpha():
            break
        number = number * 26 + ord(char.upper()) - 64
    return number - 1


class _Workbook:
    """An .xlsx read as a stream of rows with lxml (several times faster than openpyxl's read-only mode, which
    builds an object per cell): the shared strings, then each sheet's rows, every element freed once read."""

    def __init__(self, source):
        self.archive = zipfile.ZipFile(source)
        self.strings = self._shared_strings()
        workbook = etree.parse(self.archive.open('xl/workbook.xml'))
        relations = etree.parse(self.archive.open('xl/_rels/workbook.xml.rels'))
        targets = {item.get('Id'): item.get('Target') for item in relations.getroot()}
        self.sheets = []
        for sheet in workbook.getroot().iter(f'{MAIN}sheet'):
            target = targets[sheet.get(RELATION)]
            self.sheets.append((sheet.get('name'), target.lstrip('/') if target.startswith('/') else f'xl/{target}'))

    def _shared_strings(self) -> list[str]:
        try:
            stream = self.archive.open('xl/sharedStrings.xml')
        except KeyError:
            return []
        strings = []
        with stream:
            for _event, item in etree.iterparse(stream, tag=f'{MAIN}si'):
                strings.append(''.join(text.text or '' for text in item.iter(f'{MAIN}t')))
                item.clear()
        return strings

    def _value(self, cell):
        kind = cell.get('t')
        if kind == 'inlineStr':
            return ''.join(text.text or '' for text in cell.iter(f'{MAIN}t'))
        found = cell.find(f'{MAIN}v')
        if found is None or found.text is None:
            return None
        if kind == 's':
            return self.strings[int(found.text)]
        if kind in ('str', 'e', 'b'):
            return found.text
        try:
            return float(found.text)
        except ValueError:
            return found.text

    def opener(self, path: str):
        def opener():
            with self.archive.open(path) as stream:
                for _event, row in etree.iterparse(stream, tag=f'{MAIN}row'):
                    values = []
                    for cell in row.iterchildren(f'{MAIN}c'):
                        reference = cell.get('r')
                        if reference:
                            values.extend([None] * (_column(reference) - len(values)))
                        values.append(self._value(cell))
                    row.clear()
                    while row.getprevious() is not None:
                        del row.getparent()[0]
                    yield values

        return opener

    def close(self) -> None:
        self.archive.close()


class AnswerFile:
    """An export opened for reading: its source (``KOBO`` or ``ODK``) and tables."""

    def __init__(self, source: str, tables: list[_Table], closer=None):
        self.source = source
        self.main = tables[0]
        self.repeat_tables = tables[1:]
        self._closer = closer

    def close(self) -> None:
        if self._closer:
            self._closer()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # Section: reading

    def _instance(self, record: dict) -> str:
        for column in ('KEY', 'meta-instanceID', '_uuid', 'meta/instanceID', 'instanceID'):
            if record.get(column):
                value = record[column]
                return value[5:] if value.startswith('uuid:') else value
        return ''

    def _version(self, record: dict) -> str:
        for column in VERSION_COLUMNS:
            if column in record:
                return record[column]
        return ''

    def _columns(self, table: _Table, layout: Layout, preview: Preview | None) -> dict[str, str]:
        """Column -> question name for the table; unknown columns reported to ``preview``."""
        known = layout.columns.get(table.name)
        mapping: dict[str, str] = {}
        unknown = []
        described = []
        if known is None:
            if preview:
                preview.add(Issue('unknown-columns', table.label, params={'columns': ', '.join(table.header)}))
            return mapping
        for column in table.header:
            if not column:
                continue
            if column in known:
                mapping[column] = known[column]
                described.append((column, known[column]))
            elif column in ODK_META or KOBO_META.match(column) or column.startswith('_submission_'):
                described.append((column, ''))
            elif _split_choice(column, known, layout):
                described.append((column, ''))
            else:
                unknown.append(column)
        if preview is not None:
            preview.tables.append({'name': table.label, 'columns': described, 'unknown': unknown})
            if unknown:
                preview.add(Issue('unknown-columns', table.label, params={'columns': ', '.join(unknown)}))
        return mapping

    def _answers(
        self,
        record: dict,
        mapping: dict[str, str],
        types: dict[str, str],
        layout: Layout,
        table: str,
        number: int,
        report,
    ) -> dict:
        answers = {}
        for column, name in mapping.items():
            value = record.get(column, '')
            if value == '':
                continue
            kind = types.get(name, 'text')
            if kind in ('integer', 'decimal'):
                try:
                    number_value = float(value)
                except ValueError:
                    report(Issue('not-a-number', table, number, {'column': column, 'value': value}))
                    continue
                if kind == 'integer' and number_value.is_integer():
                    value = str(int(number_value))
            elif kind == 'date' and 'T' in value:
                value = value.split('T', 1)[0]
            elif kind in ('select_one', 'select_multiple') and name in layout.choices:
                chosen = value.split() if kind == 'select_multiple' else [value]
                wrong = [item for item in chosen if item not in layout.choices[name]]
                if wrong:
                    report(Issue('unknown-choice', table, number, {'column': column, 'value': ' '.join(wrong)}))
                    continue
            answers[name] = value
        return answers

    def submissions(self, layout: Layout, preview: Preview | None = None) -> Iterator[Submission]:
        """Each submission with its repeats, in the file's order. Problems go to ``preview`` when given (the rows
        are still yielded), else the first one raises ``ImportError_``."""

        def report(issue: Issue):
            if preview is None:
                raise ImportError_(issue)
            preview.add(issue)

        mapping = self._columns(self.main, layout, preview)
        if not any(column in self.main.header for column in ('KEY', 'meta-instanceID', '_uuid', 'meta/instanceID')):
            report(Issue('no-instance-column', self.main.label))
        repeats = []
        for table in self.repeat_tables:
            if table.name not in layout.repeats:
                report(Issue('unknown-columns', table.label, params={'columns': table.label}))
                continue
            repeats.append(_Follower(table, self._columns(table, layout, preview), self.source))
        seen: set[str] = set()
        for number, record in self.main.rows():
            instance = self._instance(record)
            if not instance:
                report(Issue('no-instance-id', self.main.label, number))
            elif instance in seen:
                report(Issue('duplicate-instance', self.main.label, number, {'instance': instance}))
            seen.add(instance)
            answers = self._answers(record, mapping, layout.top, layout, self.main.label, number, report)
            key = record.get('_index') if self.source == KOBO else record.get('KEY', '')
            for follower in repeats:
                rows = follower.rows_of(key, report)
                if rows:
                    answers[follower.table.name] = [
                        self._answers(
                            row,
                            follower.mapping,
                            layout.repeats[follower.table.name],
                            layout,
                            follower.table.label,
                            row_number,
                            report,
                        )
                        for row_number, row in rows
                    ]
            yield Submission(
                row=number,
                instance_id=instance,
                version=self._version(record),
                submitted_at=record.get('SubmissionDate') or record.get('_submission_time') or '',
                answers=answers,
            )
        for follower in repeats:
            follower.finish(report)

    def preview(self, layout: Layout, expected_versions: set[str] | None = None) -> Preview:
        """Read the whole file once (nothing kept but counts and the first rows): its tables, counts, versions and
        issues. A version outside ``expected_versions`` (when given) is an issue."""
        preview = Preview(self.source, [])
        for submission in self.submissions(layout, preview):
            preview.rows += 1
            preview.repeat_rows += sum(len(v) for v in submission.answers.values() if isinstance(v, list))
            preview.versions[submission.version] = preview.versions.get(submission.version, 0) + 1
            if len(preview.first) < PREVIEW_ROWS:
                preview.first.append(submission)
        if expected_versions is not None:
            for found in preview.versions:
                if found and found not in expected_versions:
                    preview.add(
                        Issue(
                            'version-mismatch',
                            self.main.label,
                            None,
                            {'found': found, 'expected': ', '.join(sorted(expected_versions))},
                        )
                    )
        return preview


def _split_choice(column: str, known: dict[str, str], layout: Layout) -> bool:
    """Whether ``column`` is a select_multiple's column for one choice (``q/choice``)."""
    head, _sep, choice = column.rpartition('/')
    name = known.get(head)
    return bool(name) and choice in layout.choices.get(name, ())


class _Follower:
    """A repeat table read beside the main one: the rows of each submission, taken in order."""

    def __init__(self, table: _Table, mapping: dict[str, str], source: str):
        self.table = table
        self.mapping = mapping
        self.parent_column = '_parent_index' if source == KOBO else 'PARENT_KEY'
        self.rows = table.rows()
        self.head = next(self.rows, None)
        self.passed: set[str] = set()

    def rows_of(self, key: str, report) -> list[tuple[int, dict]]:
        self.passed.add(key)
        found = []
        while self.head is not None and self.head[1].get(self.parent_column, '') == key:
            found.append(self.head)
            self.head = next(self.rows, None)
        return found

    def finish(self, report) -> None:
        while self.head is not None:
            number, record = self.head
            report(Issue('orphan-repeat', self.table.label, number, {'parent': record.get(self.parent_column, '')}))
            self.head = next(self.rows, None)


# Section: opening


def _source(header: list[str]) -> str:
    return ODK if {'KEY', 'SubmissionDate', 'meta-instanceID'} & set(header) else KOBO


def open_answers(source: bytes | str | Path, name: str, form_id: str = '') -> AnswerFile:
    """Open an export, from its bytes or (to keep memory flat) its path; ``name`` tells the kind by its extension:
    .csv, .xlsx or .zip. Raises ``ImportError_``."""
    suffix = PurePosixPath(name.lower()).suffix
    opened = io.BytesIO(source) if isinstance(source, bytes) else Path(source)

    def binary():
        if isinstance(opened, io.BytesIO):
            return io.BytesIO(opened.getvalue())
        return opened.open('rb')

    try:
        if suffix == '.csv':
            table = _Table('', name, _csv_opener(lambda: io.TextIOWrapper(binary(), encoding='utf-8-sig', newline='')))
            return AnswerFile(_source(table.header), [table])
        if suffix == '.xlsx':
            workbook = _Workbook(opened)
            (title, path), *others = workbook.sheets
            tables = [_Table('', title, workbook.opener(path))]
            tables += [_Table(name, name, workbook.opener(sheet)) for name, sheet in others]
            return AnswerFile(KOBO, tables, workbook.close)
        if suffix == '.zip':
            archive = zipfile.ZipFile(opened)
            names = sorted(n for n in archive.namelist() if n.lower().endswith('.csv') and '/' not in n.strip('/'))
            if not names:
                raise ImportError_(Issue('no-table', name))
            main = f'{form_id}.csv' if f'{form_id}.csv' in names else min(names, key=len)
            stem = main[:-4]

            def member(entry):
                return _csv_opener(lambda: io.TextIOWrapper(archive.open(entry), encoding='utf-8-sig', newline=''))

            tables = [_Table('', main, member(main))]
            for other in names:
                if other != main:
                    repeat = other[:-4][len(stem) + 1 :] if other.startswith(f'{stem}-') else other[:-4]
                    tables.append(_Table(repeat, other, member(other)))
            return AnswerFile(ODK, tables, archive.close)
    except ImportError_:
        raise
    except (
        UnicodeDecodeError,
        zipfile.BadZipFile,
        csv.Error,
        OSError,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
    ) as error:
        raise ImportError_(Issue('unreadable', name, params={'message': str(error)})) from error
    raise ImportError_(Issue('unreadable', name, params={'message': suffix}))
