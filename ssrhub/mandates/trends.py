"""Trends by year: resolutions with SSR language, by code, by setting, by force, and the country-specific share.

Plain Python: no Django import. ``trend_queries.py`` reads one :class:`ResolutionRecord` per resolution out of the
database; this module turns the records into per-year tables (lists of dicts with stable keys, one per measure)
and line charts (the ``charts.js`` contract: ``{"kind": "line", "labels", "series", "y_label", "x_label"}``).

Definitions
-----------
*SSR language*: at least one paragraph of the resolution's current text carries a code of the ``component``,
``initiative`` or ``ssr`` group (police, defence, justice, corrections, intelligence, border management; the
national SSR initiatives; security sector reform as such), as the coder reads it with reviewers' corrections
applied. The ``related`` (DDR, arms embargo, mine action...) and ``crosscutting`` (human rights, gender,
protection of civilians...) groups are kept out: they are SSR-adjacent, not SSR. Codes a generic mention of SSR
implies (``explicit=False``) count too; they never add a resolution, since the generic code itself is in the
group. *Explicit SSR wording* is counted apart: ``ssr.generic`` read explicitly ("security sector reform",
"reform of the security sector"...).

*Per code*: the number of resolutions carrying the code in at least one paragraph (``resolutions``), and among
them those where it is read explicitly (``explicit_resolutions``), for every code of any group.

*Setting*: the types of the missions on whose track the resolution is (its link is neither excluded nor a mere
mention): peacekeeping operation (``pko``), special political mission (``spm``), UN presence without a mission
(``non-mission``), or no mission track (``none``). A resolution on the tracks of missions of two types counts in
both, so the settings may add up to more than the total.

*Force*: the strongest force (``coding.force.Force``: declaratory < encourages < requests < condemns < demands
< decides) among the paragraphs carrying an SSR-language code, one class per resolution, so the classes of a
year add up to its resolutions with SSR language. One class per resolution rather than a count of paragraphs:
long resolutions that restate the same task in several paragraphs would otherwise weigh more, and a year's
resolutions are what the other measures count. A sub-item takes the force of its chapeau ("Decides that the
mandate shall include: (a) ... police" is *decides*), as the coder records it.

*Country-specific* (the measure of chapter 18: in 2016, 21 of 40 country-specific resolutions referred to
SSR): on a mission's track, or naming a country or territory in one of its paragraphs, except resolutions
doing the United Nations' institutional business (admission of a Member, election to fill a vacancy at the
International Court of Justice, appointment of the Secretary-General, the candidates or the Prosecutor of an
international tribunal), which name a country without being about a situation in it. Names are read with
:class:`CountryNames` (ISO names and their short forms plus :data:`FORMER_NAMES`); the institutional business is
read from the operative paragraphs (:func:`institutional_act`).

Years
-----
A resolution's year is that of its date, else the one its symbol prints (the date of a few 1946-1994 texts is
not read: S/RES/687 (1991) prints "3 Apri] 1991"). Every year of the range gets a row. A year for which no
resolution is stored has ``resolutions`` 0 and no value (``None``) for the measures, so that a gap in the corpus
shows as a gap in the line, not as a fall to 0.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from ssrhub.coding.codebook import GROUPS
from ssrhub.coding.force import Force

__all__ = [
    'CHART_SERIES',
    'CODE_COLUMNS',
    'COUNTRY_COLUMNS',
    'FORCE_CLASSES',
    'FORCE_COLUMNS',
    'FORMER_NAMES',
    'MEASURES',
    'MEASURE_COLUMNS',
    'MEASURE_ROWS',
    'SETTINGS',
    'SETTING_COLUMNS',
    'SSR_COLUMNS',
    'SSR_GENERIC',
    'SSR_GROUPS',
    'CodedParagraph',
    'CountryNames',
    'ResolutionRecord',
    'code_rows',
    'codes_chart',
    'country_rows',
    'force_rows',
    'institutional_act',
    'line_chart',
    'measure_chart',
    'measure_rows',
    'setting_rows',
    'ssr_language_rows',
    'symbol_year',
    'year_range',
]

SSR_GROUPS = ('component', 'initiative', 'ssr')
SSR_GENERIC = 'ssr.generic'
# Mission types (framework.Mission.type) and 'none' for a resolution on no mission's track.
SETTINGS = ('pko', 'spm', 'non-mission', 'none')
FORCE_CLASSES = tuple(force.name.lower() for force in Force)  # declaratory ... decides, weakest first

MEASURES = ('ssr-language', 'codes', 'settings', 'force', 'country-specific')
SSR_COLUMNS = ('year', 'resolutions', 'ssr_language', 'ssr_share', 'ssr_explicit')
CODE_COLUMNS = ('year', 'code', 'group', 'resolutions', 'explicit_resolutions')
SETTING_COLUMNS = (
    'year',
    *(f'{_setting.replace("-", "_")}_{_what}' for _setting in SETTINGS for _what in ('resolutions', 'ssr')),
)
FORCE_COLUMNS = ('year', 'ssr_language', *FORCE_CLASSES)
COUNTRY_COLUMNS = ('year', 'resolutions', 'country_specific', 'country_specific_ssr', 'share')


# Section: records


@dataclass(frozen=True, slots=True)
class CodedParagraph:
    """The codes of one paragraph (``explicit``: those read explicitly) and the force of its opening verb."""

    codes: frozenset[str]
    explicit: frozenset[str] = frozenset()
    force: int | None = None

    @property
    def ssr_language(self) -> bool:
        return any(code.split('.')[0] in SSR_GROUPS for code in self.codes)


@dataclass(frozen=True)
class ResolutionRecord:
    """One resolution: its year, its coded paragraphs, the types of missions on whose track it is, and whether
    it is country-specific.
    """

    symbol: str
    year: int
    paragraphs: tuple[CodedParagraph, ...] = ()
    settings: frozenset[str] = frozenset()
    country_specific: bool = False

    @cached_property
    def codes(self) -> frozenset[str]:
        return frozenset().union(*(paragraph.codes for paragraph in self.paragraphs))

    @cached_property
    def explicit_codes(self) -> frozenset[str]:
        return frozenset().union(*(paragraph.explicit for paragraph in self.paragraphs))

    @property
    def ssr_language(self) -> bool:
        return any(paragraph.ssr_language for paragraph in self.paragraphs)

    @property
    def ssr_explicit(self) -> bool:
        return SSR_GENERIC in self.explicit_codes

    @property
    def ssr_force(self) -> Force | None:
        """The strongest force among the paragraphs with SSR language (None without any, or without a reading)."""
        forces = [p.force for p in self.paragraphs if p.ssr_language and p.force is not None]
        return Force(max(forces)) if forces else None

    @property
    def setting_keys(self) -> frozenset[str]:
        return self.settings or frozenset({'none'})


# Section: years


def symbol_year(symbol: str) -> int | None:
    """The year a symbol prints, ``S/RES/687 (1991)`` -> 1991: the year of a resolution whose date was not read."""
    match = re.search(r'\((\d{4})\)\s*$', symbol or '')
    return int(match[1]) if match else None


def year_range(records: Iterable[ResolutionRecord], year_from: int | None = None, year_to: int | None = None):
    """The years from ``year_from`` to ``year_to`` (default: the first and last year of the records)."""
    years = [record.year for record in records]
    if year_from is None:
        year_from = min(years, default=year_to)
    if year_to is None:
        year_to = max(years, default=year_from)
    if year_from is None or year_to is None:
        return []
    return list(range(year_from, year_to + 1))


def _by_year(records, years):
    wanted = set(years)
    grouped = {year: [] for year in years}
    for record in records:
        if record.year in wanted:
            grouped[record.year].append(record)
    return grouped


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


# Section: tables


def ssr_language_rows(records: Iterable[ResolutionRecord], years: Iterable[int]) -> list[dict]:
    """Per year: resolutions, those with SSR language, their share, those with explicit SSR wording."""
    rows = []
    for year, found in _by_year(records, years).items():
        if not found:
            rows.append(_empty(year, SSR_COLUMNS))
            continue
        ssr = sum(record.ssr_language for record in found)
        rows.append({
            'year': year,
            'resolutions': len(found),
            'ssr_language': ssr,
            'ssr_share': _share(ssr, len(found)),
            'ssr_explicit': sum(record.ssr_explicit for record in found),
        })  # fmt: skip
    return rows


def code_rows(
    records: Iterable[ResolutionRecord], years: Iterable[int], codes: Iterable[str] | None = None
) -> list[dict]:
    """Per year and code: resolutions carrying the code, and those reading it explicitly.

    ``codes`` defaults to the codes found in the years, ordered by group (codebook order) then code.
    """
    grouped = _by_year(records, years)
    if codes is None:
        codes = sorted({code for found in grouped.values() for record in found for code in record.codes}, key=_code_key)
    codes = list(codes)
    rows = []
    for year, found in grouped.items():
        present = Counter(code for record in found for code in record.codes)
        explicit = Counter(code for record in found for code in record.explicit_codes)
        for code in codes:
            rows.append({
                'year': year,
                'code': code,
                'group': code.split('.')[0],
                'resolutions': present[code] if found else None,
                'explicit_resolutions': explicit[code] if found else None,
            })  # fmt: skip
    return rows


def _code_key(code: str):
    group = code.split('.')[0]
    return (GROUPS.index(group) if group in GROUPS else len(GROUPS), code)


def setting_rows(records: Iterable[ResolutionRecord], years: Iterable[int]) -> list[dict]:
    """Per year and setting: all resolutions (``<setting>_resolutions``) and those with SSR language (``_ssr``)."""
    rows = []
    for year, found in _by_year(records, years).items():
        if not found:
            rows.append(_empty(year, SETTING_COLUMNS))
            continue
        row = {'year': year}
        for setting in SETTINGS:
            key = setting.replace('-', '_')
            within = [record for record in found if setting in record.setting_keys]
            row[f'{key}_resolutions'] = len(within)
            row[f'{key}_ssr'] = sum(record.ssr_language for record in within)
        rows.append(row)
    return rows


def force_rows(records: Iterable[ResolutionRecord], years: Iterable[int]) -> list[dict]:
    """Per year: resolutions with SSR language, by the strongest force of their SSR paragraphs."""
    rows = []
    for year, found in _by_year(records, years).items():
        if not found:
            rows.append(_empty(year, FORCE_COLUMNS))
            continue
        forces = Counter(record.ssr_force for record in found if record.ssr_language)
        row = {'year': year, 'ssr_language': sum(forces.values())}
        row.update((name, forces[force]) for name, force in zip(FORCE_CLASSES, Force, strict=True))
        rows.append(row)
    return rows


def country_rows(records: Iterable[ResolutionRecord], years: Iterable[int]) -> list[dict]:
    """Per year: resolutions, the country-specific ones, those of them with SSR language, and that share."""
    rows = []
    for year, found in _by_year(records, years).items():
        if not found:
            rows.append(_empty(year, COUNTRY_COLUMNS))
            continue
        specific = [record for record in found if record.country_specific]
        ssr = sum(record.ssr_language for record in specific)
        rows.append({
            'year': year,
            'resolutions': len(found),
            'country_specific': len(specific),
            'country_specific_ssr': ssr,
            'share': _share(ssr, len(specific)),
        })  # fmt: skip
    return rows


def _empty(year: int, columns) -> dict:
    row = dict.fromkeys(columns)
    row['year'] = year
    if 'resolutions' in row:
        row['resolutions'] = 0
    return row


MEASURE_ROWS = {
    'ssr-language': ssr_language_rows,
    'codes': code_rows,
    'settings': setting_rows,
    'force': force_rows,
    'country-specific': country_rows,
}
MEASURE_COLUMNS = {
    'ssr-language': SSR_COLUMNS,
    'codes': CODE_COLUMNS,
    'settings': SETTING_COLUMNS,
    'force': FORCE_COLUMNS,
    'country-specific': COUNTRY_COLUMNS,
}


def measure_rows(measure: str, records: Iterable[ResolutionRecord], years: Iterable[int]) -> list[dict]:
    """The table of ``measure`` (one of :data:`MEASURES`); an unknown measure is a ``ValueError``."""
    if measure not in MEASURE_ROWS:
        raise ValueError(f'Unknown measure {measure!r}; expected one of {", ".join(MEASURES)}.')
    return MEASURE_ROWS[measure](records, years)


# Section: charts

# The series each measure's chart draws, by row key (the codes chart draws one series per code instead).
CHART_SERIES = {
    'ssr-language': ('resolutions', 'ssr_language', 'ssr_explicit'),
    'settings': tuple(f'{setting.replace("-", "_")}_ssr' for setting in SETTINGS),
    'force': FORCE_CLASSES,
    'country-specific': ('share_percent',),
}


def line_chart(labels, series, *, y_label: str = '', x_label: str = '') -> dict:
    """A ``charts.js`` line chart: ``series`` is a list of ``(key, label, values)``, one value per label."""
    return {
        'kind': 'line',
        'labels': [str(label) for label in labels],
        'series': [{'key': key, 'label': str(label), 'values': list(values)} for key, label, values in series],
        'y_label': str(y_label),
        'x_label': str(x_label),
    }


def measure_chart(measure: str, rows: list[dict], labels: Mapping[str, str] | None = None, **axes) -> dict:
    """The line chart of a measure's per-year ``rows`` (not ``codes``: see :func:`codes_chart`).

    ``labels`` gives each series its (translated) label, by key; the key is the fallback. The country-specific
    chart draws the share as a percentage (``share_percent``).
    """
    if measure == 'codes':
        raise ValueError('Draw the codes measure with codes_chart().')
    if measure not in CHART_SERIES:
        raise ValueError(f'Unknown measure {measure!r}; expected one of {", ".join(MEASURES)}.')
    labels = labels or {}
    if measure == 'country-specific':
        rows = [{**row, 'share_percent': _percent(row['share'])} for row in rows]
    series = [(key, labels.get(key, key), [_gap(row, key) for row in rows]) for key in CHART_SERIES[measure]]
    return line_chart([row['year'] for row in rows], series, **axes)


def _gap(row: dict, key: str):
    """The value of ``key`` in a year's row; None (a gap in the line) for a year without any stored resolution."""
    return row[key] if row.get('resolutions', 1) else None


def codes_chart(rows: list[dict], labels: Mapping[str, str] | None = None, *, group: str | None = None, **axes):
    """One series per code of :func:`code_rows` (only those of ``group`` when given): resolutions by year."""
    labels = labels or {}
    years = list(dict.fromkeys(row['year'] for row in rows))
    values: dict[str, dict[int, int | None]] = {}
    for row in rows:
        if group is None or row['group'] == group:
            values.setdefault(row['code'], {})[row['year']] = row['resolutions']
    series = [(code, labels.get(code, code), [by_year.get(year) for year in years]) for code, by_year in values.items()]
    return line_chart(years, series, **axes)


def _percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


# Section: country names and institutional business

# Names of states as 1946-1994 resolutions print them that ISO 3166 (core.Country) no longer holds.
FORMER_NAMES = (
    'Burma',
    'Byelorussian Soviet Socialist Republic',
    'Cape Verde',
    'Ceylon',
    'Czechoslovakia',
    'Dahomey',
    'East Timor',
    'German Democratic Republic',
    'Ivory Coast',
    'Kampuchea',
    'Libyan Arab Jamahiriya',
    'Rhodesia',
    'Soviet Union',
    'Surinam',
    'Swaziland',
    'Tanganyika',
    'Turkey',
    'Ukrainian Soviet Socialist Republic',
    'Union of Soviet Socialist Republics',
    'Upper Volta',
    'Yugoslavia',
    'Zaire',
    'Zanzibar',
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’]*")


class CountryNames:
    """Finds country names in text: each name as given, case-sensitive, whole words.

    ``from_iso`` adds, for ISO names such as "Korea, Republic of" or "Holy See (Vatican City State)", the part
    before the comma or parenthesis, and drops a leading "the". Matching looks up only the capitalised words of
    the text (the whole corpus is read in about 20 ms, against 150 ms for one regular expression of all names).
    """

    def __init__(self, names: Iterable[str]):
        self.index: dict[str, list[str]] = {}
        for name in sorted({name for name in names if name}, key=len, reverse=True):
            first = _CAPITALISED.match(name)
            if first:
                self.index.setdefault(first.group(), []).append(name)

    @classmethod
    def from_iso(cls, names: Iterable[str], former: Iterable[str] = FORMER_NAMES) -> CountryNames:
        variants = set(former)
        for name in names:
            name = (name or '').strip()
            if name.lower().startswith('the '):
                name = name[4:]
            variants.add(name)
            variants.add(re.split(r',| \(', name)[0].strip())
        return cls(variants)

    def first_in(self, text: str) -> str | None:
        """The first country name found in ``text``, or None."""
        for match in _CAPITALISED.finditer(text):
            for name in self.index.get(match.group(), ()):
                end = match.start() + len(name)
                if text.startswith(name, match.start()) and (end == len(text) or not text[end].isalnum()):
                    return name
        return None


# Operative wording of the Council's institutional business (checked against the 1946-1994 corpus: the
# admissions, ICJ vacancies, Secretary-General appointments, and ICTY candidates and Prosecutor).
INSTITUTIONAL = re.compile(
    r'\bbe admitted to (?:membership in )?the United Nations'
    r'|\badmitted to membership'
    r'|\bapplications? of .{0,120}?for admission'
    r'|\belections? to fill the vacanc'
    r'|\belection of (?:the )?members of the Court'
    r'|\bbe appointed (?:as )?Secretary-General'
    r'|\bappointment of .{0,60}?as Secretary-General'
    r'|\bas Prosecutor of the International'
    r'|\blist of candidates',
    re.IGNORECASE,
)


def institutional_act(operative_texts: Iterable[str]) -> bool:
    """Whether the operative paragraphs admit a Member, fill a vacancy, appoint the Secretary-General or list
    candidates / appoint the Prosecutor of a tribunal.
    """
    return any(INSTITUTIONAL.search(' '.join(text.split())) for text in operative_texts)
