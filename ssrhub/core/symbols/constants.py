"""Constants of the symbol grammar: principal bodies, sub-bodies, markers, suffixes, known resolution numbers."""

from __future__ import annotations

import datetime
import re

__all__ = [
    'CODE_NUMBER_RE',
    'DASHES',
    'DIGITS_RE',
    'DOT_SPACES_RE',
    'FIRST_PRST_YEAR',
    'FIRST_SESSION_YEAR',
    'FIRST_YEAR',
    'ILLEGAL_RE',
    'JOINT_SPLIT_RE',
    'MAIN_COMMITTEES',
    'MAX_LENGTH',
    'NAMED_SUB_BODIES',
    'NESTED_CODES',
    'NUMBERED_SUB_BODIES',
    'NUMBERED_SUB_BODY_CODES',
    'NUMBER_RE',
    'PARENTHESIS_RE',
    'PRINCIPAL_BODIES',
    'ROMAN_RE',
    'SC_RESOLUTION_YEARS',
    'SLASH_DASH_SPACES_RE',
    'SPACES_RE',
    'SPECIAL_SESSION_RE',
    'SUFFIXES',
    'SUFFIX_RE',
    'TOP_LEVEL_CODES',
    'TRANSLATION',
    'current_year',
]

# Principal organs: General Assembly, Economic and Social Council, Security Council, Secretariat, Trusteeship Council.
PRINCIPAL_BODIES = ('A', 'E', 'S', 'ST', 'T')

# The longest input worth parsing; real joint symbols stay well under 100 characters.
MAX_LENGTH = 200

# The first year that a document symbol can carry, and the first year of presidential statements (S/PRST/1994/1).
FIRST_YEAR = 1946
FIRST_PRST_YEAR = 1994

# General Assembly session n opens in September of year 1945 + n.
FIRST_SESSION_YEAR = 1945

# Sub-bodies written as a code and a number (A/C.5, A/AC.121, A/CN.10, A/CONF.192, E/CN.4, E/C.12, E/CN.4/Sub.2,
# S/AC.26, ST/SG/AC.10, A/HRC/WG.6), mapped to their written form; the codes each principal body uses; the codes
# that follow the principal body directly (A/C.5, never A/HRC/C.5); and those that only follow a sub-body.
NUMBERED_SUB_BODIES = {'AC': 'AC', 'C': 'C', 'CN': 'CN', 'CONF': 'CONF', 'SUB': 'Sub', 'WG': 'WG'}
NUMBERED_SUB_BODY_CODES = {
    'A': frozenset({'AC', 'C', 'CN', 'CONF', 'WG'}),
    'E': frozenset({'AC', 'C', 'CN', 'CONF', 'SUB', 'WG'}),
    'S': frozenset({'AC'}),
    'ST': frozenset({'AC'}),
    'T': frozenset({'AC'}),
}
TOP_LEVEL_CODES = frozenset({'C', 'CN', 'CONF'})
NESTED_CODES = frozenset({'SUB', 'WG'})

# The General Assembly has six Main Committees, A/C.1 to A/C.6.
MAIN_COMMITTEES = range(1, 7)

# Sub-bodies and series written as a bare code, by principal body.
NAMED_SUB_BODIES = {
    'A': frozenset({'BUR', 'HRC', 'INF'}),
    'E': frozenset({'CEPAL', 'ECA', 'ECE', 'ESCAP', 'ESCWA', 'ICEF', 'INF'}),
    'S': frozenset({'INF'}),
    'ST': frozenset({'ADM', 'AI', 'IC', 'LEG', 'SG', 'SGB'}),
    'T': frozenset({'INF'}),
}

# Suffixes for addenda, corrigenda, revisions and amendments, mapped to their written form.
SUFFIXES = {'ADD': 'Add', 'AMEND': 'Amend', 'CORR': 'Corr', 'REV': 'Rev'}

# Dash variants that may join the parts of a joint symbol: hyphen, non-breaking hyphen, figure dash, en dash,
# em dash, horizontal bar, minus sign, small em dash, small hyphen-minus and fullwidth hyphen-minus.
DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d'

# Invisible characters dropped before parsing: soft hyphen, zero-width spaces and joiners, word joiner, byte order
# mark, and the bidirectional marks and controls that text copied from PDFs and right-to-left documents carries.
_INVISIBLES = '\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff'

TRANSLATION = str.maketrans({**dict.fromkeys(DASHES, '-'), **dict.fromkeys(_INVISIBLES)})

# The lowest and highest Security Council resolution numbers known for each year. Resolution numbers rise with
# the date of adoption, so a number outside a year's span proves a wrong year, while an unknown number is never
# rejected. Sources: the file names of the hand-corrected CR-UNSC texts of resolutions 1-902 (Fobbe, Ridi &
# Gasbarri, doi:10.5281/zenodo.7319781), the symbol and year columns of the crsv-security-council dataset
# (Chikuhwa & He, v2026.09) and the resolutions recalled in resolution 2151 (2014).
SC_RESOLUTION_YEARS = {
    1946: (1, 15), 1947: (16, 37), 1948: (38, 66), 1949: (67, 78), 1950: (79, 89),
    1951: (90, 96), 1952: (97, 98), 1953: (99, 103), 1954: (104, 105), 1955: (106, 110),
    1956: (111, 121), 1957: (122, 126), 1958: (127, 131), 1959: (132, 132), 1960: (133, 160),
    1961: (161, 170), 1962: (171, 177), 1963: (178, 185), 1964: (186, 199), 1965: (200, 219),
    1966: (220, 232), 1967: (233, 244), 1968: (245, 262), 1969: (263, 275), 1970: (276, 291),
    1971: (292, 307), 1972: (308, 324), 1973: (325, 344), 1974: (345, 366), 1975: (367, 384),
    1976: (385, 402), 1977: (403, 422), 1978: (423, 443), 1979: (444, 461), 1980: (462, 484),
    1981: (485, 499), 1982: (500, 528), 1983: (529, 545), 1984: (546, 559), 1985: (560, 580),
    1986: (581, 593), 1987: (594, 606), 1988: (607, 626), 1989: (627, 646), 1990: (647, 683),
    1991: (684, 725), 1992: (726, 799), 1993: (800, 892), 1994: (893, 902), 1999: (1261, 1265),
    2000: (1291, 1325), 2002: (1445, 1454), 2003: (1509, 1509), 2004: (1528, 1545), 2005: (1590, 1612),
    2006: (1674, 1738), 2007: (1794, 1794), 2008: (1820, 1836), 2009: (1882, 1902), 2010: (1925, 1960),
    2011: (1991, 1998), 2012: (2035, 2068), 2013: (2095, 2122), 2014: (2137, 2162), 2015: (2216, 2242),
    2016: (2282, 2333), 2017: (2340, 2376), 2018: (2441, 2451), 2019: (2459, 2489), 2020: (2511, 2556),
    2021: (2564, 2605), 2022: (2624, 2653), 2023: (2699, 2699), 2024: (2729, 2753), 2025: (2768, 2768),
}  # fmt: skip

ILLEGAL_RE = re.compile(r'[^A-Za-z0-9/.()\- ]')
SPACES_RE = re.compile(r'\s+')
SLASH_DASH_SPACES_RE = re.compile(r' ?([/-]) ?')
DOT_SPACES_RE = re.compile(r'(?<=[A-Za-z]) ?\. ?(?=\d)')
# Split joint symbols at a dash, except the dash of a special session (A/RES/ES-10/2, A/HRC/S-29/1).
JOINT_SPLIT_RE = re.compile(r'(?<!/ES)(?<!/S)-|-(?!\d)', re.IGNORECASE)
PARENTHESIS_RE = re.compile(r' ?\(([^()]*)\)')
CODE_NUMBER_RE = re.compile(r'([A-Za-z]+)\.(\d+)')
SUFFIX_RE = re.compile(r'(add|amend|corr|rev)\.(\d+)', re.IGNORECASE)
SPECIAL_SESSION_RE = re.compile(r'(es|s)-(\d+)', re.IGNORECASE)
NUMBER_RE = re.compile(r'(?:([A-Za-z]+)\.)?(\d+)')
DIGITS_RE = re.compile(r'\d+')
ROMAN_RE = re.compile(r'[IVXLC]+', re.IGNORECASE)


def current_year() -> int:
    return datetime.date.today().year
