"""Read an XLSForm (.xlsx): convert it to an XForm with pyxform, validate it with ODK Validate when Java is there,
and describe it for the app: its questions as a tree, its choices, the features it uses and which of them are
outside the subset the in-app web form renders (plain Python).

The in-app subset: the types ``text``, ``integer``, ``decimal``, ``select_one``, ``select_multiple``, ``date``,
``note``, groups, repeats, and the metadata ``start``, ``end``, ``today`` (filled by the app); the columns ``type``,
``name``, ``label``, ``hint``, ``required`` (with ``required_message``), ``relevant``, ``constraint`` (with
``constraint_message``), ``appearance`` (ignored) and ``identifying``; expressions of ``xpath_subset``. Anything
else can still be published for KoboToolbox or ODK Collect, and its answers imported.

Answers that identify a person: a question whose ``identifying`` column says yes (``TRUE``, ``yes``, ``1``), and by
default the types in ``IDENTIFYING_TYPES`` (a column saying ``no`` overrides the default).

pyxform's refusals name a row (``[row : 5]``) and often the sheet; ``FormError`` keeps both apart from the message,
so the page shows the row beside its message.
"""

import io
import re
import shutil
from dataclasses import dataclass, field

from pyxform.errors import PyXFormError
from pyxform.validators.odk_validate import ODKValidateError
from pyxform.xls2xform import convert

from . import xpath_subset

__all__ = [
    'IDENTIFYING_TYPES',
    'SUBSET_TYPES',
    'FormError',
    'ReadForm',
    'read_form',
    'walk',
]

SUBSET_TYPES = frozenset(
    {'text', 'integer', 'decimal', 'select_one', 'select_multiple', 'date', 'note', 'start', 'end', 'today'}
)
STRUCTURE = {
    'begin_group',
    'end_group',
    'begin_repeat',
    'end_repeat',
    'begin group',
    'end group',
    'begin repeat',
    'end repeat',
}
METADATA = frozenset({'start', 'end', 'today'})
IDENTIFYING_TYPES = frozenset(
    {
        'geopoint',
        'geotrace',
        'geoshape',
        'image',
        'audio',
        'video',
        'phonenumber',
        'deviceid',
        'subscriberid',
        'simserial',
        'username',
        'email',
    }
)
SUBSET_COLUMNS = frozenset(
    {
        'type',
        'name',
        'label',
        'hint',
        'required',
        'required_message',
        'relevant',
        'constraint',
        'constraint_message',
        'appearance',
        'identifying',
    }
)
TRANSLATED = frozenset({'label', 'hint', 'required_message', 'constraint_message'})
EXPRESSIONS = ('relevant', 'constraint', 'required')
LANGUAGE_NAMES = {'english': 'en', 'anglais': 'en', 'french': 'fr', 'français': 'fr', 'francais': 'fr'}
YES = frozenset({'yes', 'true', 'true()', '1'})
NO = frozenset({'no', 'false', 'false()', '0'})
ROW = re.compile(r'\[row\s*:\s*(\d+)\]')
SHEET = re.compile(r"On the '([^']+)' sheet")


class FormError(ValueError):
    """An XLSForm the app cannot use: ``code`` (``unreadable``, ``no-survey-sheet``, ``pyxform``, ``validate``,
    ``duplicate-name``) and ``params`` (``message`` from pyxform or ODK Validate, ``row``, ``sheet``, ``name``)."""

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(f'{code}: {params}')


@dataclass
class ReadForm:
    """What the app keeps of a converted XLSForm."""

    form_id: str
    version: str
    title: str
    xform: str
    warnings: list[str]
    questions: list[dict]
    choices: dict[str, list[dict]]
    languages: list[str]
    features: list[str]
    unsupported: list[dict]
    validated: bool | None = None
    validation_message: str = ''
    identifying: list[str] = field(default_factory=list)

    @property
    def web_form(self) -> bool:
        """Whether the in-app web form can render the form."""
        return not self.unsupported


def _language(header: str) -> tuple[str, str]:
    """``label::French (fr)`` -> ('label', 'fr'); ``label`` -> ('label', '')."""
    column, _sep, language = header.partition('::')
    language = language.strip()
    code = re.search(r'\(([A-Za-z-]+)\)\s*$', language)
    if code:
        language = code.group(1).lower()
    else:
        language = LANGUAGE_NAMES.get(language.lower(), language.lower())
    return column.strip().lower(), language


def _rows(sheet) -> tuple[list[str], list[tuple[int, dict]]]:
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None) or ()
    headers = ['' if cell is None else str(cell).strip() for cell in header]
    found = []
    for number, values in enumerate(rows, start=2):
        record = {
            headers[index]: str(value).strip()
            for index, value in enumerate(values)
            if index < len(headers) and headers[index] and value is not None and str(value).strip() != ''
        }
        if record:
            found.append((number, record))
    return headers, found


def _texts(record: dict, column: str) -> dict[str, str]:
    texts = {}
    for header, value in record.items():
        name, language = _language(header)
        if name == column:
            texts[language] = value
    return texts


def _sheet(workbook, name: str):
    for title in workbook.sheetnames:
        if title.strip().lower() == name:
            return workbook[title]
    return None


def _describe(workbook) -> tuple[list[dict], dict, list[str], set[str], list[dict], list[str], dict]:
    survey = _sheet(workbook, 'survey')
    if survey is None:
        raise FormError('no-survey-sheet')
    headers, rows = _rows(survey)
    languages = sorted({_language(h)[1] for h in headers if _language(h)[0] in TRANSLATED and _language(h)[1]})
    features: set[str] = set()
    unsupported: list[dict] = []
    identifying: list[str] = []
    root: list[dict] = []
    stack: list[list[dict]] = [root]
    names: dict[str, int] = {}
    for number, record in rows:
        kind = ' '.join(record.get('type', '').split())
        if not kind:
            continue
        base, _sep, list_name = kind.partition(' ')
        base = base.replace('-', '_')
        if kind.replace(' ', '_') in ('end_group', 'end_repeat'):
            if len(stack) > 1:
                stack.pop()
            continue
        is_block = kind.replace(' ', '_') in ('begin_group', 'begin_repeat')
        base = kind.replace(' ', '_') if is_block else base
        features.add(f'type:{base}')
        if not is_block and base not in SUBSET_TYPES:
            unsupported.append({'feature': f'type:{base}', 'row': number})
        for header in record:
            column, _language_code = _language(header)
            if column not in SUBSET_COLUMNS:
                features.add(f'column:{column}')
                unsupported.append({'feature': f'column:{column}', 'row': number})
            elif column not in ('type', 'name', 'label'):
                features.add(f'column:{column}')
        name = record.get('name', '')
        if name and not is_block:
            if name in names:
                # The app keeps answers by name: a name used twice in different groups would mix two answers.
                raise FormError('duplicate-name', name=name, row=number, first=names[name])
            names[name] = number
        flag = record.get('identifying', '').lower()
        is_identifying = flag in YES or (flag not in NO and base in IDENTIFYING_TYPES)
        if is_identifying and name:
            identifying.append(name)
        question = {
            'type': 'group' if base == 'begin_group' else 'repeat' if base == 'begin_repeat' else base,
            'name': name,
            'row': number,
            'list': list_name.strip() if base in ('select_one', 'select_multiple') else '',
            'label': _texts(record, 'label'),
            'hint': _texts(record, 'hint'),
            'required': record.get('required', ''),
            'required_message': _texts(record, 'required_message'),
            'relevant': record.get('relevant', ''),
            'constraint': record.get('constraint', ''),
            'constraint_message': _texts(record, 'constraint_message'),
            'identifying': is_identifying,
        }
        for column in EXPRESSIONS:
            text = question[column]
            if not text or (column == 'required' and text.lower() in YES | NO):
                continue
            try:
                xpath_subset.parse(text)
            except xpath_subset.ExpressionError as error:
                unsupported.append(
                    {
                        'feature': f'expression:{column}',
                        'row': number,
                        'expression': text,
                        'code': error.code,
                        **{k: str(v) for k, v in error.params.items()},
                    }
                )
        stack[-1].append(question)
        if is_block:
            question['children'] = []
            stack.append(question['children'])
    choices: dict[str, list[dict]] = {}
    sheet = _sheet(workbook, 'choices')
    if sheet is not None:
        for _number, record in _rows(sheet)[1]:
            list_name = record.get('list_name') or record.get('list name') or ''
            if list_name and 'name' in record:
                choices.setdefault(list_name, []).append({'name': record['name'], 'label': _texts(record, 'label')})
    settings = {}
    sheet = _sheet(workbook, 'settings')
    if sheet is not None and (found := _rows(sheet)[1]):
        settings = found[0][1]
    return root, choices, languages, features, unsupported, identifying, settings


def _error(error: Exception) -> FormError:
    message = str(error)
    context = getattr(error, 'context', None) or {}
    row = context.get('row')
    if row is None and (match := ROW.search(message)):
        row = int(match.group(1))
    sheet = context.get('sheet')
    if sheet is None and (match := SHEET.search(message)):
        sheet = match.group(1)
    message = ROW.sub('', message).strip()
    return FormError('pyxform', message=message, row=row, sheet=sheet or '')


def read_form(data: bytes, validate: bool | None = None) -> ReadForm:
    """Read and convert the XLSForm ``data`` (.xlsx bytes). ``validate``: run ODK Validate (Java); by default when
    ``java`` is on the path. Raises ``FormError`` when pyxform or ODK Validate refuses the form."""
    try:
        from openpyxl import load_workbook  # here: every command would otherwise load openpyxl (0.1 s)

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises zipfile, KeyError or its own errors on a file that is not .xlsx
        raise FormError('unreadable', message=str(error)) from error
    try:
        questions, choices, languages, features, unsupported, identifying, settings = _describe(workbook)
    finally:
        workbook.close()
    if validate is None:
        validate = shutil.which('java') is not None
    warnings: list[str] = []
    try:
        result = convert(io.BytesIO(data), warnings=warnings, validate=validate, pretty_print=True, file_type='.xlsx')
    except PyXFormError as error:
        raise _error(error) from error
    except ODKValidateError as error:
        raise FormError('validate', message=str(error).strip()) from error
    survey = result._survey
    return ReadForm(
        form_id=settings.get('form_id') or getattr(survey, 'id_string', '') or '',
        version=settings.get('version', ''),
        title=settings.get('form_title') or getattr(survey, 'title', '') or '',
        xform=result.xform,
        warnings=list(result.warnings),
        questions=questions,
        choices=choices,
        languages=languages,
        features=sorted(features),
        unsupported=unsupported,
        validated=True if validate else None,
        identifying=identifying,
    )


def walk(questions: list[dict], repeat: str = ''):
    """Every question of the tree (groups' children in place) with the repeat it is in ('' at the top)."""
    for question in questions:
        if question['type'] == 'group':
            yield question, repeat
            yield from walk(question['children'], repeat)
        elif question['type'] == 'repeat':
            yield question, repeat
            yield from walk(question['children'], question['name'])
        else:
            yield question, repeat
