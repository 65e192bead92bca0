import ast
import csv
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssrhub.core import symbols
from ssrhub.core.symbols import (
    DocType,
    SessionKind,
    SymbolError,
    SymbolPart,
    UNSymbol,
    find_symbol_matches,
    find_symbols,
    is_valid_symbol,
    normalise_symbol,
    parse_symbol,
)

DATA = Path(__file__).resolve().parents[3] / 'tests' / 'data'


#
# Round trips of real symbols
#

CANONICAL_FORMS = [
    ('S/RES/2151 (2014)', 'S/RES/2151 (2014)'),
    ('S/RES/2151(2014)', 'S/RES/2151 (2014)'),
    ('S/RES/2151', 'S/RES/2151'),
    ('S/2013/480', 'S/2013/480'),
    ('A/62/659-S/2008/39', 'A/62/659-S/2008/39'),
    ('A/62/659 - S/2008/39', 'A/62/659-S/2008/39'),
    ('S/PRST/2007/3', 'S/PRST/2007/3'),
    ('A/RES/70/262', 'A/RES/70/262'),
    ('A/67/775\u2013S/2013/110', 'A/67/775-S/2013/110'),
    ('A/67/970 \u2014 S/2013/480', 'A/67/970-S/2013/480'),
    ('A/RES/64/289', 'A/RES/64/289'),
    ('S/2014/36', 'S/2014/36'),
    ('E/CN.4/2005/102/Add.1', 'E/CN.4/2005/102/Add.1'),
    ('A/C.5/70/L.5', 'A/C.5/70/L.5'),
    ('A/HRC/RES/31/1', 'A/HRC/RES/31/1'),
    ('S/RES/1325(2000)', 'S/RES/1325 (2000)'),
    ('s/res/2151', 'S/RES/2151'),
    ('S / RES / 2151', 'S/RES/2151'),
    ('S/RES/2151\u00a0(2014)', 'S/RES/2151 (2014)'),
    ('  S/RES/2151   ( 2014 ) ', 'S/RES/2151 (2014)'),
    ('S\u200b/RES/2151', 'S/RES/2151'),
    ('\u200eS/2013/480', 'S/2013/480'),
    ('e/cn.4/2005/102/add. 1', 'E/CN.4/2005/102/Add.1'),
    ('S/2013/480/Rev.2', 'S/2013/480/Rev.2'),
    ('S/2013/480/Add.1/Corr.1', 'S/2013/480/Add.1/Corr.1'),
    ('A/55/305-S/2000/809', 'A/55/305-S/2000/809'),
    ('A/70/95\u2011S/2015/446', 'A/70/95-S/2015/446'),
    ('A/RES/2625 (XXV)', 'A/RES/2625(XXV)'),
    ('A/RES/377(v)', 'A/RES/377(V)'),
    ('A/RES/ES-11/1', 'A/RES/ES-11/1'),
    ('A/HRC/S-29/1', 'A/HRC/S-29/1'),
    ('S/PV.7161', 'S/PV.7161'),
    ('A/70/PV.73', 'A/70/PV.73'),
    ('S/Agenda/7161', 'S/Agenda/7161'),
    ('S/24800', 'S/24800'),
    ('S/1994/1067', 'S/1994/1067'),
    ('ST/SGB/2003/13', 'ST/SGB/2003/13'),
    ('E/CN.4/Sub.2/1997/20', 'E/CN.4/Sub.2/1997/20'),
    ('S/AC.26/2003/1', 'S/AC.26/2003/1'),
    ('E/RES/2005/1', 'E/RES/2005/1'),
    ('A/HRC/DEC/25/115', 'A/HRC/DEC/25/115'),
    ('S/RES/0866', 'S/RES/866'),
    ('S/RES/1483 (2003)/Corr.1', 'S/RES/1483 (2003)/Corr.1'),
    ('S/RES/1483/Corr.1 (2003)', 'S/RES/1483 (2003)/Corr.1'),
    ('ST/SG/AC.10/2018/1', 'ST/SG/AC.10/2018/1'),
    ('A/67/775\u2212S/2013/110-A/62/659', 'A/67/775-S/2013/110-A/62/659'),
]


@pytest.mark.parametrize(('text', 'canonical'), CANONICAL_FORMS)
def test_canonical_forms(text, canonical):
    symbol = parse_symbol(text)
    assert symbol.canonical == canonical
    assert str(symbol) == canonical
    assert normalise_symbol(text) == canonical
    assert normalise_symbol(canonical) == canonical
    assert parse_symbol(canonical) == symbol
    assert is_valid_symbol(text)


def test_security_council_resolution_parts():
    symbol = parse_symbol('S/RES/2151 (2014)')
    assert symbol.parts == (SymbolPart(body='S', number=2151, doc_type=DocType.RESOLUTION, year=2014),)
    assert symbol.body == symbol.principal == 'S'
    assert symbol.doc_type == 'resolution'
    assert symbol.number == 2151
    assert symbol.year == 2014
    assert symbol.session is None
    assert symbol.suffixes == ()
    assert symbol.is_security_council_resolution
    assert not symbol.is_joint


def test_joint_symbol_parts():
    symbol = parse_symbol('A/62/659-S/2008/39')
    assert symbol.is_joint
    first, second = symbol.parts
    assert (first.body, first.session, first.year, first.number) == ('A', 62, None, 659)
    assert first.session_kind == SessionKind.REGULAR
    assert (second.body, second.session, second.year, second.number) == ('S', None, 2008, 39)
    assert symbol.body == 'A' and symbol.session == 62 and symbol.number == 659
    assert first.doc_type == second.doc_type == DocType.DOCUMENT


@pytest.mark.parametrize(
    ('text', 'expected'),
    [
        ('S/PRST/2007/3', {'body': 'S', 'doc_type': 'presidential-statement', 'year': 2007, 'number': 3}),
        ('A/RES/70/262', {'body': 'A', 'doc_type': 'resolution', 'session': 70, 'number': 262}),
        ('E/CN.4/2005/102/Add.1', {'body': 'E/CN.4', 'year': 2005, 'number': 102, 'suffixes': ('Add.1',)}),
        ('A/HRC/RES/31/1', {'body': 'A/HRC', 'doc_type': 'resolution', 'session': 31, 'number': 1}),
        ('A/C.5/70/L.5', {'body': 'A/C.5', 'session': 70, 'series': 'L', 'number': 5}),
        ('S/PV.7161', {'body': 'S', 'doc_type': 'meeting-record', 'series': 'PV', 'number': 7161}),
        ('A/RES/ES-10/2', {'session': 10, 'session_kind': 'emergency-special', 'number': 2}),
        ('A/RES/2625(XXV)', {'session': 25, 'session_kind': 'regular', 'number': 2625}),
        ('S/Agenda/7161', {'doc_type': 'agenda', 'number': 7161}),
        ('A/HRC/DEC/25/115', {'doc_type': 'decision', 'session': 25}),
        ('S/26480', {'body': 'S', 'year': None, 'session': None, 'number': 26480}),
        ('S/2013/480/Rev.2/Add.1', {'suffixes': ('Rev.2', 'Add.1'), 'principal': 'S'}),
    ],
)
def test_extracted_parts(text, expected):
    symbol = parse_symbol(text)
    assert {name: getattr(symbol, name) for name in expected} == expected


def test_equal_symbols_hash_alike():
    assert parse_symbol('S/RES/2151(2014)') == parse_symbol('s/res/2151 (2014)')
    assert len({parse_symbol('S/RES/2151(2014)'), parse_symbol('S / RES / 2151 (2014)')}) == 1
    assert parse_symbol('S/RES/2151') != parse_symbol('S/RES/2151 (2014)')


def test_unsymbol_needs_a_part():
    with pytest.raises(ValueError, match='at least one part'):
        UNSymbol(())


#
# Rejections
#

MALFORMED = [
    # Empty input.
    ('', 'the input is empty'),
    ('   \u00a0 ', 'the input is empty'),
    # Unknown body or sub-body.
    ('X/2008/39', "unknown body 'X'"),
    ('UNSC/RES/2151', "unknown body 'UNSC'"),
    ('2151 (2014)', "unknown body '2151'"),
    ('A/XYZ/62/1', "unknown sub-body 'XYZ' under 'A'"),
    ('A/C.7/70/1', "no Main Committee 'C.7'"),
    ('A/62/659-X/2008/39', "unknown body 'X'"),
    ('ST/RES/1', "'RES' is not used under 'ST'"),
    ('A/PRST/2007/3', "'PRST' is not used under 'A'"),
    ('S/S-10/1', "special sessions such as 'S-10' exist only under 'A'"),
    ('S/C.5/2014/1', "'C.5' is not a sub-body of 'S'"),
    ('A/HRC/C.5/70/1', "'C.5' must follow 'A' directly, not 'A/HRC'"),
    ('E/Sub.2/1997/20', "'Sub.2' must follow a sub-body"),
    # Missing number.
    ('S/RES/', "the resolution number is missing after 'S/RES'"),
    ('S/RES', "the resolution number is missing after 'S/RES'"),
    ('A/HRC', "the document number is missing after 'A/HRC'"),
    ('S/Add.1', "the document number is missing before 'Add.1'"),
    ('S/RES/ (2014)', "the resolution number is missing after 'S/RES'"),
    ('S/PRST/3', 'the year is missing'),
    ('A/RES/2625', 'the session is missing'),
    # Non-numeric number.
    ('S/RES/21x1', "the resolution number '21x1' must be digits"),
    ('S/2013/48O', "the document number '48O' must be digits"),
    ('S/PRST/2007/three', "the statement number 'three' must be digits"),
    ('S/2O13/480', "the year '2O13' must be digits"),
    ('A/62/XY.3', "unknown series 'XY.'"),
    ('S/RES/0', "the resolution number '0' must be a positive number"),
    # Years out of range.
    ('S/RES/2151 (2031)', 'the year 2031 is out of range: Security Council resolutions date from 1946'),
    ('S/RES/1 (1945)', 'the year 1945 is out of range'),
    ('S/PRST/1990/3', 'the year 1990 is out of range: presidential statements date from 1994'),
    ('S/1900/3', 'the year 1900 is out of range'),
    ('A/95/1', 'the session 95 is out of range'),
    # Two-digit legacy years.
    ('S/RES/2151 (14)', "'14' is a two-digit year"),
    ('S/14/480', "'14' is a two-digit year"),
    ('S/PRST/94/1', "'94' is a two-digit year, which is ambiguous: write the year in full, e.g. 1994"),
    ('ST/SGB/03/13', "'03' is a two-digit year"),
    ('S/RES/2151 (201)', "the year '201' must have four digits"),
    # A year that contradicts the resolution number.
    ('S/RES/2151 (2013)', 'resolution 2151 was adopted in 2014, not 2013'),
    ('S/RES/1325 (2001)', 'resolution 1325 was adopted in 2000, not 2001'),
    ('S/RES/1 (1947)', 'resolution 1 was adopted in 1946, not 1947'),
    ('S/RES/1500 (1999)', 'resolution 1500 was adopted in 2002 or later, not in 1999'),
    ('S/RES/1200 (2005)', 'resolution 1200 was adopted in 1999 or earlier, not in 2005'),
    # The year in the wrong place or on the wrong kind of document.
    ('S/RES/2014/2151', "carries its year in parentheses, as in 'S/RES/2151 (2014)'"),
    ('A/RES/70/262 (2016)', 'only Security Council resolutions carry a year in parentheses'),
    ('A/RES/25/2625', "roman numerals, as in 'A/RES/2625(XXV)'"),
    ('S/RES/2151 (XXV)', 'only General Assembly resolutions of sessions I to XXX carry a roman session'),
    ('A/RES/2625(XL)', "'XL' is not a roman session number from I to XXX"),
    ('S/RES/2151 (20x4)', "the year in parentheses '(20x4)' must be four digits"),
    ('A/RES/2016/262', "'A/RES' takes a session number, not the year 2016"),
    ('A/HRC/RES/2016/1', "'A/HRC/RES' takes a session number, not the year 2016"),
    # Illegal characters.
    ('S/RES/2151#', "the character '#'"),
    ('S/RES/2151;', "the character ';'"),
    ('S/RES/2151\u00e9', "the character '\u00e9'"),
    ('S/RES/2151\t\x00', 'the character U+0000'),
    # Trailing garbage and broken structure.
    ('S/RES/2151 (2014) foo', "unexpected text 'foo' after 'S/RES/2151 (2014)'"),
    ('S/2013/480 extra', "unexpected text 'extra' after 'S/2013/480'"),
    ('S/2013/480.', "it ends with a stray '.'"),
    ('S/2013/480/', "it ends with a stray slash after 'S/2013/480'"),
    ('S/2013/480/5', "unexpected '5' after 'S/2013/480'"),
    ('S/2013/480/Foo', "unexpected 'Foo' after 'S/2013/480'"),
    ('S/2013/480/Add.1/Foo', "unexpected 'Foo' after 'Add.1'"),
    ('S/2013/480/Add.0', "the suffix 'Add.0' must have a positive number"),
    ('S/RES/2151 (2014', "the parenthesis after 'S/RES/2151' is not closed"),
    ('S/RES/2151)', "unexpected ')'"),
    ('S/RES/2151 (2014))', "unexpected text ')'"),
    ('S//RES/1', 'an empty part between two slashes'),
    ('/S/RES/1', 'must start with a body'),
    ('(2014)', 'must start with a body'),
    ('A/62/659-', 'there is no symbol after the dash'),
    ('-S/2008/39', 'there is no symbol before the dash'),
    ('A/62/659--S/2008/39', 'there is no symbol after the dash'),
    ('S/RES/PRST/1', "'PRST' cannot follow 'RES'"),
    ('A/HRC/31/RES/1', "'RES' must come right after the body"),
    ('A/RES/C.5/1', "the sub-body 'C.5' must come before 'RES'"),
    ('S/RES/2151 (2014)/5', "unexpected text '/5' after 'S/RES/2151 (2014)'"),
    ('S/RES/' + '1' * 300, 'longer than 200 characters'),
]


@pytest.mark.parametrize(('text', 'message'), MALFORMED)
def test_malformed_symbols_are_rejected_with_a_reason(text, message):
    with pytest.raises(SymbolError) as caught:
        parse_symbol(text)
    error = caught.value
    assert message in str(error)
    assert error.reason in str(error)
    assert error.text == text
    assert not is_valid_symbol(text)


def test_message_quotes_the_input():
    with pytest.raises(SymbolError) as caught:
        parse_symbol('S/RES/21x1')
    assert str(caught.value) == (
        "'S/RES/21x1' is not a valid UN document symbol: the resolution number '21x1' must be digits."
    )
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize('value', [None, 2151, b'S/RES/2151'])
def test_non_text_is_rejected(value):
    with pytest.raises(SymbolError):
        parse_symbol(value)
    assert not is_valid_symbol(value)


def test_year_range_follows_the_current_year(monkeypatch):
    assert is_valid_symbol('S/2027/1')
    monkeypatch.setattr(symbols.constants, 'current_year', lambda: 2020)
    with pytest.raises(SymbolError, match='date from 1946 to 2021'):
        parse_symbol('S/2027/1')
    with pytest.raises(SymbolError, match='sessions run from 1 to 76'):
        parse_symbol('A/77/1')


def test_package_imports_nothing_from_django():
    for path in Path(symbols.__file__).parent.glob('*.py'):
        tree = ast.parse(path.read_text(encoding='utf-8'))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        assert not {name for name in imported if name.split('.')[0] == 'django'}, path


def test_all_is_sorted_and_complete():
    # isort-style order, as ruff's RUF022 sorts it: constants, then classes, then functions.
    assert symbols.__all__ == sorted(symbols.__all__, key=lambda name: (not name.isupper(), name.islower(), name))
    assert all(hasattr(symbols, name) for name in symbols.__all__)


#
# Finding symbols in prose
#


def test_find_symbols_in_a_sentence():
    text = (
        'as set out in its resolution S/RES/2151 (2014) and the report A/67/970-S/2013/480, the Council recalled '
        '(S/PRST/2007/3). See also S/2014/36.'
    )
    assert [str(symbol) for symbol in find_symbols(text)] == [
        'S/RES/2151 (2014)',
        'A/67/970-S/2013/480',
        'S/PRST/2007/3',
        'S/2014/36',
    ]


def test_find_symbol_matches_spans_exclude_punctuation():
    text = 'the report A/67/970-S/2013/480, and (S/26480).'
    matches = find_symbol_matches(text)
    assert [match.text for match in matches] == ['A/67/970-S/2013/480', 'S/26480']
    assert all(text[match.start : match.end] == match.text for match in matches)


def test_find_resolutions_cited_in_prose():
    text = (
        'Recalling its resolutions 1325 (2000), 1820 (2008), 1888 (2009) and 2122 (2013), Resolution 2151(2014), '
        'General Assembly resolutions 70/262 and 60/180, General Assembly resolution 2625 (XXV), '
        'Human Rights Council resolution 31/1 and Economic and Social Council resolution 2005/1,'
    )
    assert [str(symbol) for symbol in find_symbols(text)] == [
        'S/RES/1325 (2000)',
        'S/RES/1820 (2008)',
        'S/RES/1888 (2009)',
        'S/RES/2122 (2013)',
        'S/RES/2151 (2014)',
        'A/RES/70/262',
        'A/RES/60/180',
        'A/RES/2625(XXV)',
        'A/HRC/RES/31/1',
        'E/RES/2005/1',
    ]


@pytest.mark.parametrize(
    'text',
    [
        'resolution 2282 without a year',
        'the and/or clause, A/B testing, SRSG/DSRSG, rules/SOPs, UN + AU/ECOWAS/EU',
        'S/RES/2151 (2013) has the wrong year',
        'paragraph 2/3 of resolution 12',
        '',
    ],
)
def test_find_symbols_ignores_non_symbols(text):
    assert find_symbols(text) == []


def test_find_symbols_keeps_the_valid_part_of_a_broken_joint_symbol():
    assert [str(symbol) for symbol in find_symbols('see A/62/659 \u2013 S/9999/3.')] == ['A/62/659']


#
# Real data
#


# Symbols as prose cites them: joint symbols, a year or a note in brackets, a line break inside a list.
PROSE = (
    'Key documents: S/PRST/2007/3; A/62/659-S/2008/39 (first SG report); A/67/970-S/2013/480\n'
    '(second); S/RES/2151 (2014), the first stand-alone SSR resolution; S/RES/2282 (2016, sustaining peace); '
    'the Human Rights Due Diligence Policy (HRDDP, A/67/775-S/2013/110). Sources disagree on symbols too: '
    'resolution 2282 vs "2286"; S/2014/36 vs S/2013/36.'
)


def test_symbols_in_prose():
    found = [str(symbol) for symbol in find_symbols(PROSE)]
    for expected in (
        'S/PRST/2007/3',
        'A/62/659-S/2008/39',
        'A/67/970-S/2013/480',
        'A/67/775-S/2013/110',
        'S/RES/2151 (2014)',
        'S/RES/2282',
        'S/2014/36',
        'S/2013/36',
    ):
        assert expected in found
    assert all(is_valid_symbol(symbol) for symbol in found)


def test_symbols_in_resolution_2151():
    text = (DATA / 'samples' / 'S_RES_2151_2014_EN.txt').read_text(encoding='utf-8')
    found = [str(symbol) for symbol in find_symbols(text)]
    assert found[0] == 'S/RES/2151 (2014)'
    for expected in ('S/PRST/2007/3', 'S/PRST/2008/14', 'S/PRST/2011/19', 'S/2013/480', 'S/PRST/2014/5'):
        assert expected in found
    # The preamble recalls 17 resolutions in three lists: women, peace and security; protection of civilians;
    # children and armed conflict.
    cited = [symbol for symbol in found if symbol.startswith('S/RES/')][1:]
    assert len(cited) == 17
    assert cited[:2] == ['S/RES/1325 (2000)', 'S/RES/1820 (2008)']
    assert cited[-1] == 'S/RES/2143 (2014)'
    assert len(found) == 23


def test_symbols_in_pema(shared_data):
    path = shared_data('pema/pema-v4-dev.csv')
    with path.open(newline='', encoding='utf-8') as handle:
        rows = list(csv.DictReader(handle))
    written = re.compile(r'\b[A-Z]{1,2}/[A-Za-z0-9./]+[A-Za-z0-9]')
    seen = set()
    for row in rows:
        for cell in row.values():
            expected = written.findall(cell)
            assert [symbol.canonical for symbol in find_symbols(cell)] == expected
            seen.update(expected)
    assert {'S/RES/866', 'S/26480', 'S/1994/1067', 'S/RES/982'} <= seen
    assert all(is_valid_symbol(symbol) for symbol in seen)


def test_pema_years_match_resolution_numbers(shared_data):
    path = shared_data('pema/pema-v4-dev.csv')
    with path.open(newline='', encoding='utf-8') as handle:
        cited = {f'{row["Signature"]} ({row["Year"]})' for row in csv.DictReader(handle)}
    # PEMA dates resolution 804 to 1992; the resolution itself reads 'adopted ... on 29 January 1993'.
    assert {text for text in cited if not is_valid_symbol(text)} == {'S/RES/804 (1992)'}
    with pytest.raises(SymbolError, match='resolution 804 was adopted in 1993, not 1992'):
        parse_symbol('S/RES/804 (1992)')


# Every 'number (year)' in the CR-UNSC texts agrees with the resolution years except these: treaty volumes
# ('Treaty Series, vol. 75 (1950)') and misprints in the texts themselves (434 for 1978 in its own heading,
# '$46' for 546, '[86' for 186, '587' for 687, '489 (1979)' for 459 and so on).
CORPUS_MISMATCHES = {
    ('S_RES_0186_1964_EN_GOLD.txt', '397 (1961)'),
    ('S_RES_0237_1967_EN_GOLD.txt', '75 (1950)'),
    ('S_RES_0271_1969_EN_GOLD.txt', '75 (1950)'),
    ('S_RES_0281_1970_EN_GOLD.txt', '274 (1959)'),
    ('S_RES_0307_1971_EN_GOLD.txt', '75 (1950)'),
    ('S_RES_0434_1978_EN_GOLD.txt', '434 (1973)'),
    ('S_RES_0567_1985_EN_GOLD.txt', '46 (1984)'),
    ('S_RES_0587_1986_EN_GOLD.txt', '489 (1979)'),
    ('S_RES_0593_1986_EN_GOLD.txt', '86 (1964)'),
    ('S_RES_0604_1987_EN_GOLD.txt', '86 (1964)'),
    ('S_RES_0630_1989_EN_GOLD.txt', '20 (1982)'),
    ('S_RES_0706_1991_EN_GOLD.txt', '587 (1991)'),
    ('S_RES_0834_1993_EN_GOLD.txt', '84 (1993)'),
}


def test_resolution_years_agree_with_the_corpus(shared_data):
    corpus = shared_data('unsc-resolutions-1946-1994')
    checked, mismatches, found = 0, set(), 0
    for path in sorted(corpus.glob('S_RES_*.txt')):
        text = path.read_text(encoding='utf-8')
        for number, year in re.findall(r'\b(\d{1,4}) ?\((\d{4})\)', text):
            checked += 1
            if not is_valid_symbol(f'S/RES/{number} ({year})'):
                mismatches.add((path.name, f'{number} ({year})'))
        symbols_found = find_symbols(text)
        assert all(parse_symbol(symbol.canonical) == symbol for symbol in symbols_found)
        found += len(symbols_found)
    assert checked > 3900
    assert found > 3000
    assert mismatches == CORPUS_MISMATCHES


def test_find_symbols_reads_resolution_headings():
    text = (DATA / 'unsc-resolutions-1946-1994' / 'S_RES_0804_1993_EN_GOLD.txt').read_text(encoding='utf-8')
    assert find_symbols(text)[:2] == [parse_symbol('S/RES/804 (1993)'), parse_symbol('S/RES/696 (1991)')]


#
# Properties
#

BODIES_WITH_SESSIONS = ['A', 'A/C.1', 'A/C.4', 'A/C.5', 'A/HRC', 'A/AC.121', 'A/CONF.192']
BODIES_WITH_YEARS = ['S', 'E', 'E/CN.4', 'E/CN.6', 'E/C.12', 'ST/SGB', 'ST/AI', 'S/AC.26', 'E/CN.4/Sub.2']
SUFFIX_LISTS = st.lists(st.sampled_from(['Add', 'Corr', 'Rev', 'Amend']), max_size=2).flatmap(
    lambda names: st.tuples(*[st.integers(1, 20).map(lambda n, name=name: f'{name}.{n}') for name in names])
)
NUMBERS = st.integers(1, 9999)
YEARS = st.integers(1994, 2026)
SESSIONS = st.integers(1, 80)


def _known_resolution(year: int) -> st.SearchStrategy:
    low, high = symbols.constants.SC_RESOLUTION_YEARS[year]
    return st.integers(low, high).map(lambda number: f'S/RES/{number} ({year})')


SC_RESOLUTIONS = st.one_of(
    st.integers(1, 3000).map(lambda number: f'S/RES/{number}'),
    st.sampled_from(sorted(symbols.constants.SC_RESOLUTION_YEARS)).flatmap(_known_resolution),
)
GA_RESOLUTIONS = st.one_of(
    st.builds('A/RES/{}/{}'.format, st.integers(31, 80), NUMBERS),
    st.builds('A/HRC/RES/{}/{}'.format, st.integers(1, 60), st.integers(1, 50)),
    st.builds('A/RES/ES-{}/{}'.format, st.integers(1, 11), st.integers(1, 30)),
    st.builds('A/RES/{}({})'.format, NUMBERS, st.sampled_from(sorted(symbols.model.ROMAN_SESSIONS))),
)
DOCUMENTS = st.one_of(
    st.builds('{}/{}/{}'.format, st.sampled_from(BODIES_WITH_SESSIONS), SESSIONS, NUMBERS),
    st.builds('{}/{}/{}'.format, st.sampled_from(BODIES_WITH_YEARS), YEARS, NUMBERS),
    st.builds('{}/{}/L.{}'.format, st.sampled_from(BODIES_WITH_SESSIONS), SESSIONS, st.integers(1, 99)),
    st.builds('S/PRST/{}/{}'.format, YEARS, st.integers(1, 80)),
    st.builds('S/{}'.format, st.integers(1, 27000)),
    st.builds('S/PV.{}'.format, NUMBERS),
    st.builds('A/{}/PV.{}'.format, SESSIONS, st.integers(1, 120)),
)
SINGLE_SYMBOLS = st.builds(
    lambda base, suffixes: '/'.join([base, *suffixes]),
    st.one_of(SC_RESOLUTIONS, GA_RESOLUTIONS, DOCUMENTS),
    SUFFIX_LISTS,
)
SYMBOLS = st.lists(SINGLE_SYMBOLS, min_size=1, max_size=3).map('-'.join)

SPACES = st.sampled_from(['', ' ', '  ', '\u00a0', '\u2009', '\u202f', ' \u00a0'])
DASHES = st.sampled_from(list('-\u2010\u2011\u2012\u2013\u2014\u2015\u2212'))


@given(SYMBOLS)
def test_canonical_form_is_a_fixed_point(text):
    symbol = parse_symbol(text)
    canonical = symbol.canonical
    assert parse_symbol(canonical) == symbol
    assert normalise_symbol(canonical) == canonical
    assert all(SymbolPart(**_fields(part)).canonical == part.canonical for part in symbol.parts)


def _fields(part: SymbolPart) -> dict:
    return {name: getattr(part, name) for name in SymbolPart.__dataclass_fields__}


@given(SYMBOLS, st.data())
def test_spacing_dash_and_case_variants_normalise_alike(text, data):
    canonical = normalise_symbol(text)
    variant = re.sub('/', lambda _: data.draw(SPACES) + '/' + data.draw(SPACES), text)
    variant = re.sub(r'-(?=[ASET])', lambda _: data.draw(SPACES) + data.draw(DASHES) + data.draw(SPACES), variant)
    variant = re.sub(r' \(', lambda _: data.draw(SPACES) + '(', variant)
    variant = data.draw(SPACES) + data.draw(st.sampled_from([str.upper, str.lower, str]))(variant) + data.draw(SPACES)
    assert normalise_symbol(variant) == canonical


SYMBOLISH = st.text(alphabet='SAETRCNHPVLdrevx/0123456789.-()  \u2013\u00a0\u200b#', max_size=40)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=60), SYMBOLISH, SYMBOLS.map(lambda text: text[:-1]), st.binary().map(repr)))
def test_arbitrary_text_raises_only_symbol_error(text):
    try:
        symbol = parse_symbol(text)
    except SymbolError as error:
        assert error.reason
    else:
        assert parse_symbol(symbol.canonical) == symbol
    assert isinstance(is_valid_symbol(text), bool)
    for match in find_symbol_matches(text):
        assert text[match.start : match.end] == match.text


@given(
    SYMBOLS,
    st.sampled_from(
        [
            'As set out in {}, the Council acted.',
            'The report ({}) was noted.',
            'Recalling {};',
            '{}',
            'See document {}: it was issued late.',
        ]
    ),
)
def test_find_symbols_finds_an_embedded_symbol(text, template):
    symbol = parse_symbol(text)
    sentence = template.format(symbol.canonical)
    assert find_symbols(sentence) == [symbol]
    (match,) = find_symbol_matches(sentence)
    assert match.text == symbol.canonical
