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
from .model import (
    MARKER_BY_TYPE,
    MARKERS,
    ROMAN_SESSIONS,
    SERIES,
    DocType,
    SessionKind,
    SymbolError,
    SymbolPart,
    UNSymbol,
    describe_character,
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
        raise SymbolError('', 'the input is empty')
    if not isinstance(text, str):
        raise SymbolError(text, f'expected text, not {type(text).__name__}')
    cleaned = unicodedata.normalize('NFKC', text).translate(TRANSLATION)
    cleaned = SPACES_RE.sub(' ', cleaned).strip()
    if not cleaned:
        raise SymbolError(text, 'the input is empty')
    if len(cleaned) > MAX_LENGTH:
        raise SymbolError(text, f'it is longer than {MAX_LENGTH} characters')
    illegal = ILLEGAL_RE.search(cleaned)
    if illegal:
        character = describe_character(illegal.group())
        raise SymbolError(text, f'it contains the character {character}, which cannot appear in a symbol')
    if cleaned.endswith('.'):
        raise SymbolError(text, "it ends with a stray '.'")
    cleaned = SLASH_DASH_SPACES_RE.sub(r'\1', cleaned)
    cleaned = DOT_SPACES_RE.sub('.', cleaned)
    return cleaned.replace('( ', '(').replace(' )', ')')


def _split_joint(text: str, normalised: str) -> list[str]:
    chunks = JOINT_SPLIT_RE.split(normalised)
    for index, chunk in enumerate(chunks):
        if not chunk:
            side = 'before' if index == 0 else 'after'
            raise SymbolError(text, f"there is no symbol {side} the dash that joins symbols ('-')")
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
    label = _number_label(doc_type)
    if not core:
        where = f"before '{suffixes[0]}'" if suffixes else f"after '{prefix}'"
        raise SymbolError(text, f'the {label} is missing {where}')
    if len(core) > 2:
        raise SymbolError(text, f"unexpected '{core[2]}' after '{'/'.join([prefix, *core[:2]])}'")
    series, number = _parse_number(text, core[-1], doc_type, label)
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
        raise SymbolError(text, "it must start with a body such as 'S/' or 'A/'")
    if not rest:
        if ')' in path:
            raise SymbolError(text, f"unexpected ')' in '{path}'")
        return path, None
    match = PARENTHESIS_RE.match(rest)
    if match and match.end() == len(rest):
        return path, match.group(1).strip()
    if match and _is_suffix_path(rest[match.end() :]):
        # 'S/RES/1483 (2003)/Corr.1': the suffixes of a resolution may follow its year.
        return path + rest[match.end() :], match.group(1).strip()
    if match:
        raise SymbolError(text, f"unexpected text '{rest[match.end() :].strip()}' after '{path}{match.group()}'")
    if rest.lstrip().startswith('(') and ')' not in rest:
        raise SymbolError(text, f"the parenthesis after '{path}' is not closed")
    raise SymbolError(text, f"unexpected text '{rest.strip()}' after '{path}'")


def _is_suffix_path(text: str) -> bool:
    return text.startswith('/') and all(SUFFIX_RE.fullmatch(component) for component in text[1:].split('/'))


def _split_components(text: str, path: str) -> list[str]:
    components = path.split('/')
    if not components[0]:
        raise SymbolError(text, "it must start with a body such as 'S/' or 'A/', not a slash")
    for index, component in enumerate(components[1:-1], start=1):
        if not component:
            raise SymbolError(text, f"it has an empty part between two slashes after '{'/'.join(components[:index])}'")
    if len(components) > 2 and not components[-1] and components[-2]:
        # A trailing slash after a complete symbol ('S/2013/480/') is stray; after a marker it is a missing number.
        if DIGITS_RE.search(components[-2]):
            raise SymbolError(text, f"it ends with a stray slash after '{path[:-1]}'")
    if len(components) > 1 and not components[-1]:
        components.pop()
    return components


def _parse_principal(text: str, component: str) -> str:
    principal = component.upper()
    if principal not in PRINCIPAL_BODIES:
        bodies = ', '.join(PRINCIPAL_BODIES[:-1]) + ' or ' + PRINCIPAL_BODIES[-1]
        raise SymbolError(text, f"unknown body '{component}': a symbol starts with {bodies}")
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
                raise SymbolError(text, f"'{component}' cannot follow '{marker}'")
            doc_type, marker = MARKERS[key]
            _check_marker_allowed(text, '/'.join(body), marker)
        elif (sub_body := _parse_sub_body(text, body, component)) is not None:
            if marker:
                raise SymbolError(text, f"the sub-body '{component}' must come before '{marker}'")
            body.append(sub_body)
        elif index < len(components) - 1 and _looks_like_sub_body(component):
            raise SymbolError(text, f"unknown sub-body '{component}' under '{'/'.join(body)}'")
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
            raise SymbolError(
                text, f"there is no Main Committee '{component}': the General Assembly has A/C.1 to A/C.6"
            )
        if number < 1:
            raise SymbolError(text, f"the sub-body number in '{component}' must be positive")
        return f'{NUMBERED_SUB_BODIES[code]}.{number}'
    if component.upper() in NAMED_SUB_BODIES[body[0]]:
        return component.upper()
    return None


def _check_sub_body_place(text: str, body: list[str], component: str, code: str) -> None:
    if code not in NUMBERED_SUB_BODY_CODES[body[0]]:
        raise SymbolError(text, f"'{component}' is not a sub-body of '{body[0]}'")
    if code in TOP_LEVEL_CODES and len(body) > 1:
        raise SymbolError(text, f"'{component}' must follow '{body[0]}' directly, not '{'/'.join(body)}'")
    if code in NESTED_CODES and len(body) == 1:
        raise SymbolError(text, f"'{component}' must follow a sub-body, as in 'E/CN.4/Sub.2' or 'A/HRC/WG.6'")


def _check_marker_allowed(text: str, body: str, marker: str) -> None:
    allowed = {
        'Agenda': body == 'S',
        'DEC': body.startswith(('A', 'E')),
        'PRST': body in ('S', 'A/HRC'),
        'RES': not body.startswith('ST'),
    }[marker]
    if not allowed:
        raise SymbolError(text, f"'{marker}' is not used under '{body}'")


def _check_marker_order(text: str, components: list[str]) -> None:
    for component in components:
        if component.upper() in MARKERS:
            raise SymbolError(text, f"'{component}' must come right after the body")


def _split_suffixes(text: str, components: list[str]) -> tuple[list[str], tuple[str, ...]]:
    index = 0
    while index < len(components) and not SUFFIX_RE.fullmatch(components[index]):
        index += 1
    core, suffixes = components[:index], []
    for component in components[index:]:
        match = SUFFIX_RE.fullmatch(component)
        if not match:
            after = suffixes[-1] if suffixes else '/'.join(core)
            raise SymbolError(
                text, f"unexpected '{component}' after '{after}': only suffixes such as Add.1, Corr.1 or Rev.1 follow"
            )
        if int(match.group(2)) < 1:
            raise SymbolError(text, f"the suffix '{component}' must have a positive number")
        suffixes.append(f'{SUFFIXES[match.group(1).upper()]}.{int(match.group(2))}')
    return core, tuple(suffixes)


def _number_label(doc_type: DocType | None) -> str:
    return {
        DocType.AGENDA: 'meeting number',
        DocType.DECISION: 'decision number',
        DocType.PRESIDENTIAL_STATEMENT: 'statement number',
        DocType.RESOLUTION: 'resolution number',
    }.get(doc_type, 'document number')


def _parse_number(text: str, component: str, doc_type: DocType | None, label: str) -> tuple[str | None, int]:
    match = NUMBER_RE.fullmatch(component)
    if not match or (match.group(1) and doc_type is not None):
        raise SymbolError(text, f"the {label} '{component}' must be digits")
    series = match.group(1).upper() if match.group(1) else None
    if series and series not in SERIES:
        known = ', '.join(f'{name}.' for name in sorted(SERIES))
        raise SymbolError(text, f"unknown series '{match.group(1)}.' in '{component}' (known: {known})")
    number = int(match.group(2))
    if number < 1:
        raise SymbolError(text, f"the {label} '{component}' must be a positive number")
    return series, number


#
# Sessions and years
#


def _with_session_or_year(text: str, part: SymbolPart, component: str) -> SymbolPart:
    if part.is_security_council_resolution:
        raise SymbolError(
            text,
            f"a Security Council resolution carries its year in parentheses, as in 'S/RES/{part.number} ({component})'",
        )
    special = SPECIAL_SESSION_RE.fullmatch(component)
    if special:
        return _with_special_session(text, part, component, special)
    dated = part.principal in ('S', 'ST')
    what = 'year' if dated else 'session or year'
    if not DIGITS_RE.fullmatch(component):
        raise SymbolError(text, f"the {what} '{component}' must be digits")
    if len(component) == 4:
        year = int(component)
        if part.principal == 'A' and part.doc_type in (DocType.RESOLUTION, DocType.DECISION):
            raise SymbolError(
                text, f"'{part.body}/{MARKER_BY_TYPE[part.doc_type]}' takes a session number, not the year {year}"
            )
        _check_year(text, year, part)
        return replace(part, year=year)
    if dated:
        _reject_short_year(text, component)
    session = int(component)
    _check_session(text, session)
    if part.body == 'A' and part.doc_type == DocType.RESOLUTION and session <= 30:
        raise SymbolError(
            text,
            'General Assembly resolutions of sessions 1 to 30 give the session in roman numerals, '
            f"as in 'A/RES/{part.number}({to_roman(session)})'",
        )
    return replace(part, session=session, session_kind=SessionKind.REGULAR)


def _with_special_session(text: str, part: SymbolPart, component: str, match: re.Match) -> SymbolPart:
    if part.principal != 'A':
        raise SymbolError(text, f"special sessions such as '{component}' exist only under 'A'")
    session = int(match.group(2))
    if session < 1:
        raise SymbolError(text, f"the special session number in '{component}' must be positive")
    kind = SessionKind.EMERGENCY_SPECIAL if match.group(1).upper() == 'ES' else SessionKind.SPECIAL
    return replace(part, session=session, session_kind=kind)


def _reject_short_year(text: str, component: str) -> None:
    if len(component) == 2:
        century = 19 if int(component) >= FIRST_YEAR % 100 else 20
        raise SymbolError(
            text,
            f"'{component}' is a two-digit year, which is ambiguous: write the year in full, e.g. {century}{component}",
        )
    raise SymbolError(text, f"the year '{component}' must have four digits")


def _check_year(text: str, year: int, part: SymbolPart) -> None:
    first, what = FIRST_YEAR, 'documents'
    if part.is_security_council_resolution:
        what = 'Security Council resolutions'
    elif part.doc_type == DocType.PRESIDENTIAL_STATEMENT:
        first, what = FIRST_PRST_YEAR, 'presidential statements'
    last = constants.current_year() + 1
    if not first <= year <= last:
        raise SymbolError(text, f'the year {year} is out of range: {what} date from {first} to {last}')


def _check_session(text: str, session: int) -> None:
    last = constants.current_year() - FIRST_SESSION_YEAR + 1
    if not 1 <= session <= last:
        raise SymbolError(text, f'the session {session} is out of range: sessions run from 1 to {last}')


def _with_parenthesis(text: str, part: SymbolPart, content: str) -> SymbolPart:
    if ROMAN_RE.fullmatch(content):
        return _with_roman_session(text, part, content)
    if not part.is_security_council_resolution:
        raise SymbolError(
            text, f"'({content})': only Security Council resolutions carry a year in parentheses after the number"
        )
    if not DIGITS_RE.fullmatch(content):
        raise SymbolError(text, f"the year in parentheses '({content})' must be four digits")
    if len(content) != 4:
        _reject_short_year(text, content)
    year = int(content)
    _check_year(text, year, part)
    _check_resolution_year(text, part.number, year)
    return replace(part, year=year)


def _with_roman_session(text: str, part: SymbolPart, content: str) -> SymbolPart:
    if part.body != 'A' or part.doc_type != DocType.RESOLUTION or part.session is not None or part.year is not None:
        raise SymbolError(
            text, f"'({content})': only General Assembly resolutions of sessions I to XXX carry a roman session"
        )
    session = ROMAN_SESSIONS.get(content.upper())
    if session is None:
        raise SymbolError(text, f"'{content}' is not a roman session number from I to XXX")
    return replace(part, session=session, session_kind=SessionKind.REGULAR)


def _check_resolution_year(text: str, number: int, year: int) -> None:
    """Reject a year that contradicts a known resolution: numbers rise with the date of adoption."""
    earliest = max((known for known, (low, _) in SC_RESOLUTION_YEARS.items() if low <= number), default=None)
    latest = min((known for known, (_, high) in SC_RESOLUTION_YEARS.items() if high >= number), default=None)
    if earliest == latest and earliest is not None and year != earliest:
        raise SymbolError(text, f'resolution {number} was adopted in {earliest}, not {year}')
    if earliest is not None and year < earliest:
        raise SymbolError(text, f'resolution {number} was adopted in {earliest} or later, not in {year}')
    if latest is not None and year > latest:
        raise SymbolError(text, f'resolution {number} was adopted in {latest} or earlier, not in {year}')


def _check_required_parts(text: str, part: SymbolPart) -> None:
    if part.body == 'S' and part.doc_type == DocType.PRESIDENTIAL_STATEMENT and part.year is None:
        raise SymbolError(text, "the year is missing: presidential statements read 'S/PRST/<year>/<number>'")
    if part.principal == 'A' and part.doc_type == DocType.RESOLUTION and part.session is None:
        raise SymbolError(text, f"the session is missing: resolutions read '{part.body}/RES/<session>/<number>'")
