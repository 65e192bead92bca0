"""Parsing one symbol: normalisation, the parts of a joint symbol, sessions and years."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

# The current year is read through the module so that tests can set it.
from . import constants
from .constants import (
    CODE_NUMBER_RE,
    DIGITS_RE,
    DOT_SPACES_RE,
    FIRST_PRST_YEAR,
    FIRST_SESSION_YEAR,
    FIRST_YEAR,
    ILLEGAL_RE,
    JOINT_SPLIT_RE,
    MAIN_COMMITTEES,
    MAX_LENGTH,
    NAMED_SUB_BODIES,
    NESTED_CODES,
    NUMBER_RE,
    NUMBERED_SUB_BODIES,
    NUMBERED_SUB_BODY_CODES,
    PARENTHESIS_RE,
    PRINCIPAL_BODIES,
    ROMAN_RE,
    SC_RESOLUTION_YEARS,
    SLASH_DASH_SPACES_RE,
    SPACES_RE,
    SPECIAL_SESSION_RE,
    SUFFIX_RE,
    SUFFIXES,
    TOP_LEVEL_CODES,
    TRANSLATION,
)
from .errors import SymbolError
from .model import (
    MARKER_BY_TYPE,
    MARKERS,
    ROMAN_SESSIONS,
    SERIES,
    DocType,
    SessionKind,
    SymbolPart,
    UNSymbol,
    to_roman,
)

__all__ = ['is_valid_symbol', 'normalise_symbol', 'parse_symbol']


def parse_symbol(text: str) -> UNSymbol:
    """
    Parse and validate a UN document symbol.

    Spacing, dash variants, letter case and stray spaces around slashes are normalised first.

    Raises:
        SymbolError: the text is not a valid symbol; the message quotes the input and names the problem.
    """
    normalised = _normalise(text)
    chunks = _split_joint(text, normalised)
    return UNSymbol(tuple(_parse_part(text, chunk) for chunk in chunks))


def normalise_symbol(text: str) -> str:
    """Return the canonical form of a symbol, e.g. 's/res/2151(2014)' -> 'S/RES/2151 (2014)'; raises SymbolError."""
    return parse_symbol(text).canonical


def is_valid_symbol(text: str) -> bool:
    """Tell whether ``text`` is a valid UN document symbol."""
    try:
        parse_symbol(text)
    except SymbolError:
        return False
    return True


# Normalisation
#


def _normalise(text: object) -> str:
    if text is None:
        raise SymbolError('', 'empty')
    if not isinstance(text, str):
        raise SymbolError(text, 'not_text', type=type(text).__name__)
    cleaned = unicodedata.normalize('NFKC', text).translate(TRANSLATION)
    cleaned = SPACES_RE.sub(' ', cleaned).strip()
    if not cleaned:
        raise SymbolError(text, 'empty')
    if len(cleaned) > MAX_LENGTH:
        raise SymbolError(text, 'too_long', max_length=MAX_LENGTH)
    illegal = ILLEGAL_RE.search(cleaned)
    if illegal:
        character = illegal.group()
        if character.isprintable() and not character.isspace():
            raise SymbolError(text, 'forbidden_character', character=character)
        raise SymbolError(text, 'invisible_character', code_point=f'U+{ord(character):04X}')
    if cleaned.endswith('.'):
        raise SymbolError(text, 'stray_dot')
    cleaned = SLASH_DASH_SPACES_RE.sub(r'\1', cleaned)
    cleaned = DOT_SPACES_RE.sub('.', cleaned)
    return cleaned.replace('( ', '(').replace(' )', ')')


def _split_joint(text: str, normalised: str) -> list[str]:
    chunks = JOINT_SPLIT_RE.split(normalised)
    for index, chunk in enumerate(chunks):
        if not chunk:
            raise SymbolError(text, 'joint_missing_before' if index == 0 else 'joint_missing_after')
    return chunks


#
# Parsing one part
#


def _parse_part(text: str, chunk: str) -> SymbolPart:
    path, parenthesis = _split_parenthesis(text, chunk)
    components = _split_components(text, path)
    principal = _parse_principal(text, components[0])
    body, doc_type, index = _parse_prefix(text, principal, components)
    prefix = '/'.join(components[:index])
    core, suffixes = _split_suffixes(text, components[index:])
    _check_marker_order(text, core)
    kind = _number_kind(doc_type)
    if not core and suffixes:
        raise SymbolError(text, 'number_missing_before', kind=kind, suffix=suffixes[0])
    if not core:
        raise SymbolError(text, 'number_missing_after', kind=kind, prefix=prefix)
    if len(core) > 2:
        raise SymbolError(text, 'unexpected_component', component=core[2], path='/'.join([prefix, *core[:2]]))
    series, number = _parse_number(text, core[-1], doc_type, kind)
    if doc_type is None:
        doc_type = SERIES[series] if series else DocType.DOCUMENT
    part = SymbolPart(body='/'.join(body), number=number, doc_type=doc_type, series=series, suffixes=suffixes)
    if len(core) == 2:
        part = _with_session_or_year(text, part, core[0])
    if parenthesis is not None:
        part = _with_parenthesis(text, part, parenthesis)
    _check_required_parts(text, part)
    return part


def _split_parenthesis(text: str, chunk: str) -> tuple[str, str | None]:
    end = len(chunk)
    for stop in (' ', '('):
        position = chunk.find(stop)
        if position != -1:
            end = min(end, position)
    path, rest = chunk[:end], chunk[end:]
    if not path:
        raise SymbolError(text, 'body_missing')
    if not rest:
        if ')' in path:
            raise SymbolError(text, 'stray_closing_parenthesis', path=path)
        return path, None
    match = PARENTHESIS_RE.match(rest)
    if match and match.end() == len(rest):
        return path, match.group(1).strip()
    if match and _is_suffix_path(rest[match.end() :]):
        # 'S/RES/1483 (2003)/Corr.1': the suffixes of a resolution may follow its year.
        return path + rest[match.end() :], match.group(1).strip()
    if match:
        raise SymbolError(text, 'unexpected_text', rest=rest[match.end() :].strip(), path=path + match.group())
    if rest.lstrip().startswith('(') and ')' not in rest:
        raise SymbolError(text, 'unclosed_parenthesis', path=path)
    raise SymbolError(text, 'unexpected_text', rest=rest.strip(), path=path)


def _is_suffix_path(text: str) -> bool:
    return text.startswith('/') and all(SUFFIX_RE.fullmatch(component) for component in text[1:].split('/'))


def _split_components(text: str, path: str) -> list[str]:
    components = path.split('/')
    if not components[0]:
        raise SymbolError(text, 'leading_slash')
    for index, component in enumerate(components[1:-1], start=1):
        if not component:
            raise SymbolError(text, 'empty_part', path='/'.join(components[:index]))
    if len(components) > 2 and not components[-1] and components[-2]:
        # A trailing slash after a complete symbol ('S/2013/480/') is stray; after a marker it is a missing number.
        if DIGITS_RE.search(components[-2]):
            raise SymbolError(text, 'stray_slash', path=path[:-1])
    if len(components) > 1 and not components[-1]:
        components.pop()
    return components


def _parse_principal(text: str, component: str) -> str:
    principal = component.upper()
    if principal not in PRINCIPAL_BODIES:
        raise SymbolError(text, 'unknown_body', component=component, bodies=tuple(PRINCIPAL_BODIES))
    return principal


def _parse_prefix(text: str, principal: str, components: list[str]) -> tuple[list[str], DocType | None, int]:
    """Read the sub-bodies and the marker after the principal body; return where the number part starts."""
    body = [principal]
    doc_type = None
    marker = ''
    index = 1
    while index < len(components):
        component = components[index]
        key = component.upper()
        if key in MARKERS:
            if marker:
                raise SymbolError(text, 'marker_after_marker', component=component, marker=marker)
            doc_type, marker = MARKERS[key]
            _check_marker_allowed(text, '/'.join(body), marker)
        elif (sub_body := _parse_sub_body(text, body, component)) is not None:
            if marker:
                raise SymbolError(text, 'sub_body_after_marker', component=component, marker=marker)
            body.append(sub_body)
        elif index < len(components) - 1 and _looks_like_sub_body(component):
            raise SymbolError(text, 'unknown_sub_body', component=component, body='/'.join(body))
        else:
            break
        index += 1
    return body, doc_type, index


def _looks_like_sub_body(component: str) -> bool:
    if component.isalpha():
        return True
    match = CODE_NUMBER_RE.fullmatch(component)
    return bool(match) and match.group(1).upper() not in {*SERIES, *SUFFIXES}


def _parse_sub_body(text: str, body: list[str], component: str) -> str | None:
    match = CODE_NUMBER_RE.fullmatch(component)
    if match:
        code = match.group(1).upper()
        if code not in NUMBERED_SUB_BODIES:
            return None
        _check_sub_body_place(text, body, component, code)
        number = int(match.group(2))
        if body == ['A'] and code == 'C' and number not in MAIN_COMMITTEES:
            raise SymbolError(text, 'unknown_main_committee', component=component)
        if number < 1:
            raise SymbolError(text, 'sub_body_number_not_positive', component=component)
        return f'{NUMBERED_SUB_BODIES[code]}.{number}'
    if component.upper() in NAMED_SUB_BODIES[body[0]]:
        return component.upper()
    return None


def _check_sub_body_place(text: str, body: list[str], component: str, code: str) -> None:
    if code not in NUMBERED_SUB_BODY_CODES[body[0]]:
        raise SymbolError(text, 'not_a_sub_body_of', component=component, body=body[0])
    if code in TOP_LEVEL_CODES and len(body) > 1:
        raise SymbolError(text, 'sub_body_not_top_level', component=component, principal=body[0], body='/'.join(body))
    if code in NESTED_CODES and len(body) == 1:
        raise SymbolError(text, 'sub_body_not_nested', component=component)


def _check_marker_allowed(text: str, body: str, marker: str) -> None:
    allowed = {
        'Agenda': body == 'S',
        'DEC': body.startswith(('A', 'E')),
        'PRST': body in ('S', 'A/HRC'),
        'RES': not body.startswith('ST'),
    }[marker]
    if not allowed:
        raise SymbolError(text, 'marker_not_used', marker=marker, body=body)


def _check_marker_order(text: str, components: list[str]) -> None:
    for component in components:
        if component.upper() in MARKERS:
            raise SymbolError(text, 'marker_out_of_place', component=component)


def _split_suffixes(text: str, components: list[str]) -> tuple[list[str], tuple[str, ...]]:
    index = 0
    while index < len(components) and not SUFFIX_RE.fullmatch(components[index]):
        index += 1
    core, suffixes = components[:index], []
    for component in components[index:]:
        match = SUFFIX_RE.fullmatch(component)
        if not match:
            after = suffixes[-1] if suffixes else '/'.join(core)
            raise SymbolError(text, 'not_a_suffix', component=component, path=after)
        if int(match.group(2)) < 1:
            raise SymbolError(text, 'suffix_not_positive', component=component)
        suffixes.append(f'{SUFFIXES[match.group(1).upper()]}.{int(match.group(2))}')
    return core, tuple(suffixes)


def _number_kind(doc_type: DocType | None) -> str:
    """The key of the number's name in ``errors.NUMBER_LABELS``."""
    return {
        DocType.AGENDA: 'meeting',
        DocType.DECISION: 'decision',
        DocType.PRESIDENTIAL_STATEMENT: 'statement',
        DocType.RESOLUTION: 'resolution',
    }.get(doc_type, 'document')


def _parse_number(text: str, component: str, doc_type: DocType | None, kind: str) -> tuple[str | None, int]:
    match = NUMBER_RE.fullmatch(component)
    if not match or (match.group(1) and doc_type is not None):
        raise SymbolError(text, 'number_not_digits', kind=kind, component=component)
    series = match.group(1).upper() if match.group(1) else None
    if series and series not in SERIES:
        known = ', '.join(f'{name}.' for name in sorted(SERIES))
        raise SymbolError(text, 'unknown_series', series=match.group(1), component=component, known=known)
    number = int(match.group(2))
    if number < 1:
        raise SymbolError(text, 'number_not_positive', kind=kind, component=component)
    return series, number


#
# Sessions and years
#


def _with_session_or_year(text: str, part: SymbolPart, component: str) -> SymbolPart:
    if part.is_security_council_resolution:
        raise SymbolError(text, 'resolution_year_in_path', number=part.number, year=component)
    special = SPECIAL_SESSION_RE.fullmatch(component)
    if special:
        return _with_special_session(text, part, component, special)
    dated = part.principal in ('S', 'ST')
    if not DIGITS_RE.fullmatch(component):
        raise SymbolError(text, 'year_not_digits' if dated else 'session_or_year_not_digits', component=component)
    if len(component) == 4:
        year = int(component)
        if part.principal == 'A' and part.doc_type in (DocType.RESOLUTION, DocType.DECISION):
            raise SymbolError(
                text, 'year_instead_of_session', prefix=f'{part.body}/{MARKER_BY_TYPE[part.doc_type]}', year=year
            )
        _check_year(text, year, part)
        return replace(part, year=year)
    if dated:
        _reject_short_year(text, component)
    session = int(component)
    _check_session(text, session)
    if part.body == 'A' and part.doc_type == DocType.RESOLUTION and session <= 30:
        raise SymbolError(text, 'roman_session_required', number=part.number, roman=to_roman(session))
    return replace(part, session=session, session_kind=SessionKind.REGULAR)


def _with_special_session(text: str, part: SymbolPart, component: str, match: re.Match) -> SymbolPart:
    if part.principal != 'A':
        raise SymbolError(text, 'special_session_outside_ga', component=component)
    session = int(match.group(2))
    if session < 1:
        raise SymbolError(text, 'special_session_not_positive', component=component)
    kind = SessionKind.EMERGENCY_SPECIAL if match.group(1).upper() == 'ES' else SessionKind.SPECIAL
    return replace(part, session=session, session_kind=kind)


def _reject_short_year(text: str, component: str) -> None:
    if len(component) == 2:
        century = 19 if int(component) >= FIRST_YEAR % 100 else 20
        raise SymbolError(text, 'two_digit_year', component=component, year=f'{century}{component}')
    raise SymbolError(text, 'year_not_four_digits', component=component)


def _check_year(text: str, year: int, part: SymbolPart) -> None:
    first, code = FIRST_YEAR, 'year_out_of_range'
    if part.is_security_council_resolution:
        code = 'resolution_year_out_of_range'
    elif part.doc_type == DocType.PRESIDENTIAL_STATEMENT:
        first, code = FIRST_PRST_YEAR, 'statement_year_out_of_range'
    last = constants.current_year() + 1
    if not first <= year <= last:
        raise SymbolError(text, code, year=year, first=first, last=last)


def _check_session(text: str, session: int) -> None:
    last = constants.current_year() - FIRST_SESSION_YEAR + 1
    if not 1 <= session <= last:
        raise SymbolError(text, 'session_out_of_range', session=session, last=last)


def _with_parenthesis(text: str, part: SymbolPart, content: str) -> SymbolPart:
    if ROMAN_RE.fullmatch(content):
        return _with_roman_session(text, part, content)
    if not part.is_security_council_resolution:
        raise SymbolError(text, 'year_in_parentheses_not_resolution', content=content)
    if not DIGITS_RE.fullmatch(content):
        raise SymbolError(text, 'year_in_parentheses_not_digits', content=content)
    if len(content) != 4:
        _reject_short_year(text, content)
    year = int(content)
    _check_year(text, year, part)
    _check_resolution_year(text, part.number, year)
    return replace(part, year=year)


def _with_roman_session(text: str, part: SymbolPart, content: str) -> SymbolPart:
    if part.body != 'A' or part.doc_type != DocType.RESOLUTION or part.session is not None or part.year is not None:
        raise SymbolError(text, 'roman_session_not_ga_resolution', content=content)
    session = ROMAN_SESSIONS.get(content.upper())
    if session is None:
        raise SymbolError(text, 'unknown_roman_session', content=content)
    return replace(part, session=session, session_kind=SessionKind.REGULAR)


def _check_resolution_year(text: str, number: int, year: int) -> None:
    """Reject a year that contradicts a known resolution: numbers rise with the date of adoption."""
    earliest = max((known for known, (low, _) in SC_RESOLUTION_YEARS.items() if low <= number), default=None)
    latest = min((known for known, (_, high) in SC_RESOLUTION_YEARS.items() if high >= number), default=None)
    if earliest == latest and earliest is not None and year != earliest:
        raise SymbolError(text, 'resolution_adopted_in', number=number, adopted=earliest, year=year)
    if earliest is not None and year < earliest:
        raise SymbolError(text, 'resolution_adopted_later', number=number, adopted=earliest, year=year)
    if latest is not None and year > latest:
        raise SymbolError(text, 'resolution_adopted_earlier', number=number, adopted=latest, year=year)


def _check_required_parts(text: str, part: SymbolPart) -> None:
    if part.body == 'S' and part.doc_type == DocType.PRESIDENTIAL_STATEMENT and part.year is None:
        raise SymbolError(text, 'statement_year_missing')
    if part.principal == 'A' and part.doc_type == DocType.RESOLUTION and part.session is None:
        raise SymbolError(text, 'session_missing', body=part.body)
