"""The subset of XLSForm expressions the in-app web form evaluates (plain Python, no ``eval``).

``relevant``, ``constraint`` and ``required`` expressions of a form are parsed into a small tree and evaluated
against the answers given so far. The subset: numbers, 'strings' and "strings", ``${name}``, ``.`` (the answer being
checked), ``= != < <= > >=``, ``and``, ``or``, ``not()``, ``selected(x, 'value')``, ``count-selected(x)``,
``string-length(x)``, ``true()``, ``false()`` and parentheses. Anything else raises ``ExpressionError``: the form
then cannot be rendered in the app and is published for KoboToolbox or ODK Collect only.

The survey formulas (``formula.py``) read conditions with the same parser in its ``bare`` mode, where a bare name
stands for an answer (``trust_police`` as ``${trust_police}``) and ``name in ('3', '4')`` is allowed.

Values follow XPath 1.0 as ODK does: an answer is a string (a select_multiple's values separated by spaces); a
comparison with a number compares numbers, and an empty or non-numeric text compared with a number is false.
"""

import math
import re
from dataclasses import dataclass

__all__ = ['ExpressionError', 'Node', 'evaluate', 'names_in', 'parse', 'truth']

FUNCTIONS = {'not': 1, 'selected': 2, 'count-selected': 1, 'string-length': 1, 'true': 0, 'false': 0}
COMPARISONS = ('!=', '<=', '>=', '=', '<', '>')

TOKEN = re.compile(
    r"""\s*(?:
        (?P<ref>\$\{(?P<refname>[A-Za-z_][\w.-]*)\})
      | (?P<number>\d+(?:\.\d+)?|\.\d+)
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<op>!=|<=|>=|=|<|>|\(|\)|,)
      | (?P<dot>\.(?![\w.]))
      | (?P<name>[A-Za-z_][\w.-]*)
      | (?P<other>\S)
    )""",
    re.VERBOSE,
)


class ExpressionError(ValueError):
    """An expression outside the subset or malformed: ``code`` and ``params`` for a translated sentence.

    Codes: ``empty``, ``syntax`` (``near``), ``unsupported-function`` (``name``), ``unsupported-operator``
    (``operator``), ``arguments`` (``name``, ``expected``), ``unclosed``.
    """

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(f'{code}: {params}')


@dataclass(frozen=True)
class Node:
    """One node of a parsed expression: ``kind`` is ``number``, ``string``, ``ref`` (``value`` the name), ``dot``,
    ``call`` (``value`` the function, ``args``), ``compare`` (``value`` the operator, two args), ``and``, ``or`` or
    ``in`` (the reference, then the strings)."""

    kind: str
    value: object = None
    args: tuple = ()


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    position = 0
    text = text.strip()
    while position < len(text):
        match = TOKEN.match(text, position)
        if match is None or match.end() == position:
            break
        position = match.end()
        kind = match.lastgroup
        if kind == 'refname':
            kind = 'ref'
        if kind == 'ref':
            tokens.append(('ref', match.group('refname')))
        elif kind == 'string':
            tokens.append(('string', match.group('string')[1:-1]))
        elif kind == 'other':
            raise ExpressionError('unsupported-operator', operator=match.group('other'))
        else:
            tokens.append((kind, match.group(kind)))
    return tokens


class _Parser:
    def __init__(self, text: str, bare: bool):
        self.bare = bare
        self.tokens = _tokens(text)
        self.position = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise ExpressionError('unclosed')
        self.position += 1
        return token

    def expect(self, value: str) -> None:
        token = self.take()
        if token[1] != value:
            raise ExpressionError('syntax', near=token[1])

    def parse(self) -> Node:
        if not self.tokens:
            raise ExpressionError('empty')
        node = self.or_expr()
        token = self.peek()
        if token is not None:
            if token[0] == 'name' and token[1] in ('div', 'mod'):
                raise ExpressionError('unsupported-operator', operator=token[1])
            raise ExpressionError('syntax', near=token[1])
        return node

    def or_expr(self) -> Node:
        node = self.and_expr()
        while self.peek() == ('name', 'or'):
            self.take()
            node = Node('or', args=(node, self.and_expr()))
        return node

    def and_expr(self) -> Node:
        node = self.comparison()
        while self.peek() == ('name', 'and'):
            self.take()
            node = Node('and', args=(node, self.comparison()))
        return node

    def comparison(self) -> Node:
        node = self.primary()
        token = self.peek()
        if token and token[0] == 'op' and token[1] in COMPARISONS:
            self.take()
            return Node('compare', token[1], (node, self.primary()))
        if self.bare and token == ('name', 'in'):
            self.take()
            self.expect('(')
            values = [self.literal()]
            while self.peek() == ('op', ','):
                self.take()
                values.append(self.literal())
            self.expect(')')
            return Node('in', args=(node, *values))
        return node

    def literal(self) -> Node:
        kind, value = self.take()
        if kind == 'string':
            return Node('string', value)
        if kind == 'number':
            return Node('number', float(value))
        raise ExpressionError('syntax', near=value)

    def primary(self) -> Node:
        kind, value = self.take()
        if kind == 'number':
            return Node('number', float(value))
        if kind == 'string':
            return Node('string', value)
        if kind == 'ref':
            return Node('ref', value)
        if kind == 'dot':
            return Node('dot')
        if kind == 'op' and value == '(':
            node = self.or_expr()
            self.expect(')')
            return node
        if kind == 'name':
            if self.peek() == ('op', '('):
                return self.call(value)
            if self.bare and value not in ('and', 'or', 'in', 'div', 'mod'):
                return Node('ref', value)
            raise ExpressionError('unsupported-operator', operator=value)
        raise ExpressionError('syntax', near=value)

    def call(self, name: str) -> Node:
        if name not in FUNCTIONS:
            raise ExpressionError('unsupported-function', name=name)
        self.expect('(')
        args = []
        if self.peek() != ('op', ')'):
            args.append(self.or_expr())
            while self.peek() == ('op', ','):
                self.take()
                args.append(self.or_expr())
        self.expect(')')
        if len(args) != FUNCTIONS[name]:
            raise ExpressionError('arguments', name=name, expected=FUNCTIONS[name])
        return Node('call', name, tuple(args))


def parse(text: str, bare: bool = False) -> Node:
    """The tree of ``text``, or ``ExpressionError`` when it is outside the subset or malformed.

    With ``bare``, a bare name is an answer and ``name in ('a', 'b')`` is allowed (the formulas' conditions)."""
    return _Parser(text, bare).parse()


def names_in(node: Node) -> set[str]:
    """The answers (names) an expression reads."""
    if node.kind == 'ref':
        return {node.value}
    return set().union(*(names_in(arg) for arg in node.args)) if node.args else set()


def _text(value) -> str:
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, list):
        return ' '.join(str(item) for item in value)
    return '' if value is None else str(value)


def _number(value) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(_text(value).strip())
    except ValueError:
        return math.nan


def _boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return value != 0 and not math.isnan(value)
    return _text(value) != ''


def _compare(operator: str, left, right) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        left, right = _boolean(left), _boolean(right)
    elif isinstance(left, float) or isinstance(right, float):
        left, right = _number(left), _number(right)
        if math.isnan(left) or math.isnan(right):
            return operator == '!='
    elif operator in ('=', '!='):
        left, right = _text(left), _text(right)
    else:
        left, right = _number(left), _number(right)
        if math.isnan(left) or math.isnan(right):
            return False
    return {
        '=': left == right,
        '!=': left != right,
        '<': left < right,
        '<=': left <= right,
        '>': left > right,
        '>=': left >= right,
    }[operator]


def evaluate(node: Node, answers: dict, current=None):
    """The value of ``node`` with ``answers`` (name -> text, or a list of values for a select_multiple) and
    ``current`` the answer ``.`` stands for. Returns a bool, a float or a str."""
    kind = node.kind
    if kind in ('number', 'string'):
        return node.value
    if kind == 'ref':
        return _text(answers.get(node.value))
    if kind == 'dot':
        return _text(current)
    if kind == 'and':
        return _boolean(evaluate(node.args[0], answers, current)) and _boolean(evaluate(node.args[1], answers, current))
    if kind == 'or':
        return _boolean(evaluate(node.args[0], answers, current)) or _boolean(evaluate(node.args[1], answers, current))
    if kind == 'compare':
        return _compare(node.value, evaluate(node.args[0], answers, current), evaluate(node.args[1], answers, current))
    if kind == 'in':
        value = _text(evaluate(node.args[0], answers, current))
        return any(value == _text(option.value) for option in node.args[1:])
    args = [evaluate(arg, answers, current) for arg in node.args]
    name = node.value
    if name == 'not':
        return not _boolean(args[0])
    if name == 'selected':
        return _text(args[1]).strip() in _text(args[0]).split()
    if name == 'count-selected':
        return float(len(_text(args[0]).split()))
    if name == 'string-length':
        return float(len(_text(args[0])))
    return name == 'true'


def truth(node: Node, answers: dict, current=None) -> bool:
    """Whether ``node`` holds (its value as a boolean)."""
    return _boolean(evaluate(node, answers, current))
