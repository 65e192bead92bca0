"""The in-app web form of a survey version (plain Python): read the posted fields into answers, decide which
questions are relevant, check required answers, types and constraints, and lay the form out for the template.

Field names: ``q-<name>`` for a question outside repeats, ``r-<repeat>-<index>-<name>`` inside a repeat (index from
1), ``n-<repeat>`` the number of items shown. A question that is not relevant keeps no answer (as ODK Collect).
Problems are codes with parameters (``required``, ``integer``, ``decimal``, ``date``, ``choice``, ``constraint``
with the form's own message when it has one); the Django layer writes the sentences.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from . import xpath_subset
from .xlsform import YES

__all__ = ['Item', 'Problem', 'field_name', 'layout', 'read_answers', 'redraw_names', 'text_in']


@dataclass(frozen=True)
class Problem:
    code: str
    field: str
    message: str = ''  # the form's constraint or required message, in the reader's language


def field_name(name: str, repeat: str = '', index: int = 0) -> str:
    return f'r-{repeat}-{index}-{name}' if repeat else f'q-{name}'


def text_in(texts: dict, language: str) -> str:
    """A label in ``language``, else the form's default, else any."""
    return texts.get(language) or texts.get('') or next(iter(texts.values()), '')


def _holds(expression: str, answers: dict, current=None) -> bool:
    if not expression:
        return True
    return xpath_subset.truth(xpath_subset.parse(expression), answers, current)


def _required(question: dict, answers: dict) -> bool:
    text = question['required'].strip()
    if not text or text.lower() in ('no', 'false', 'false()', '0'):
        return False
    return text.lower() in YES or _holds(text, answers)


def redraw_names(questions: list[dict]) -> set[str]:
    """The questions whose answer decides whether another is relevant or required: a change to one of them redraws
    the form (a change to any other does not, so typing is never interrupted by a redraw)."""
    names: set[str] = set()

    def visit(items):
        for question in items:
            for column in ('relevant', 'required'):
                text = question[column].strip()
                if text and text.lower() not in YES | {'no', 'false', 'false()', '0'}:
                    names.update(xpath_subset.names_in(xpath_subset.parse(text)))
            visit(question.get('children', []))

    visit(questions)
    return names


def read_answers(questions: list[dict], get: Callable[[str], list[str]], counts: dict[str, int]) -> dict:
    """The answers posted (``get(field)`` returns the field's values), repeats with ``counts[repeat]`` items;
    questions that are not relevant are dropped."""
    answers: dict = {}

    def visit(items, target, context, repeat='', index=0):
        for question in items:
            kind = question['type']
            if kind == 'group':
                if _holds(question['relevant'], context):
                    visit(question['children'], target, context, repeat, index)
            elif kind == 'repeat':
                if not _holds(question['relevant'], context):
                    continue
                rows = []
                for number in range(1, counts.get(question['name'], 0) + 1):
                    row: dict = {}
                    visit(question['children'], row, {**context, **row}, question['name'], number)
                    rows.append(row)
                target[question['name']] = rows
            elif kind not in ('note', 'start', 'end', 'today'):
                values = [value.strip() for value in get(field_name(question['name'], repeat, index)) if value.strip()]
                value = ' '.join(values) if kind == 'select_multiple' else (values[0] if values else '')
                scope = {**context, **target}
                if value and _holds(question['relevant'], scope):
                    target[question['name']] = value
                    context[question['name']] = value

    visit(questions, answers, answers)
    return answers


def _type_problem(question: dict, value: str, choices: dict) -> str:
    kind = question['type']
    try:
        if kind == 'integer':
            int(value)
        elif kind == 'decimal':
            float(value)
        elif kind == 'date':
            datetime.date.fromisoformat(value)
    except ValueError:
        return kind
    if kind in ('select_one', 'select_multiple'):
        allowed = {choice['name'] for choice in choices.get(question['list'], [])}
        if any(item not in allowed for item in value.split()):
            return 'choice'
    return ''


@dataclass
class Item:
    """One question, group or repeat as the template shows it."""

    question: dict
    field: str
    label: str
    hint: str = ''
    relevant: bool = True
    required: bool = False
    value: str = ''
    options: list[tuple[str, str]] = field(default_factory=list)
    problem: Problem | None = None
    redraw: bool = False
    message: str = ''  # the problem's sentence, set by the page
    children: list = field(default_factory=list)  # a group's items; a repeat's: a list of (index, items)
    count: int = 0

    @property
    def kind(self) -> str:
        return self.question['type']

    @property
    def values(self) -> list[str]:
        return self.value.split()


def layout(
    questions: list[dict],
    choices: dict,
    answers: dict,
    counts: dict[str, int],
    language: str,
    check: bool,
    redraw: frozenset[str] = frozenset(),
) -> tuple[list[Item], list[Problem]]:
    """The form's items with ``answers`` filled in, and (with ``check``) the problems that stop it being saved;
    the items of ``redraw`` (``redraw_names()``) redraw the form when they change."""
    problems: list[Problem] = []

    def visit(items, values, context, repeat='', index=0) -> list[Item]:
        shown = []
        for question in items:
            kind = question['type']
            if kind in ('start', 'end', 'today'):
                continue
            name = question['name']
            scope = {**context, **values}
            item = Item(
                question,
                field_name(name, repeat, index),
                text_in(question['label'], language) or name,
                text_in(question['hint'], language),
                relevant=_holds(question['relevant'], scope),
                redraw=name in redraw,
            )
            if kind == 'group':
                item.children = visit(question['children'], values, context, repeat, index)
            elif kind == 'repeat':
                rows = values.get(name, []) if item.relevant else []
                item.count = max(counts.get(name, 0), len(rows))
                item.children = [
                    (
                        number,
                        visit(
                            question['children'], rows[number - 1] if number <= len(rows) else {}, scope, name, number
                        ),
                    )
                    for number in range(1, item.count + 1)
                ]
            elif kind != 'note':
                item.value = values.get(name, '')
                item.required = item.relevant and _required(question, scope)
                item.options = [
                    (c['name'], text_in(c['label'], language) or c['name']) for c in choices.get(question['list'], [])
                ]
                if check and item.relevant:
                    item.problem = _problem(question, item, scope, choices, language)
                    if item.problem:
                        problems.append(item.problem)
            shown.append(item)
        return shown

    return visit(questions, answers, {}), problems


def _problem(question: dict, item: Item, scope: dict, choices: dict, language: str) -> Problem | None:
    if not item.value:
        if item.required:
            return Problem('required', item.field, text_in(question['required_message'], language))
        return None
    wrong = _type_problem(question, item.value, choices)
    if wrong:
        return Problem(wrong, item.field)
    if question['constraint'] and not _holds(question['constraint'], scope, item.value):
        return Problem('constraint', item.field, text_in(question['constraint_message'], language))
    return None
