"""Names the addressee reader looks for: mission acronyms, parties to conflicts and countries.

Mission acronyms are those of the missions data file (`framework/data/institutions/missions.yaml`, a series
such as "UNAVEM I" by its base "UNAVEM"); country names are pycountry's (name and common name). Both are
completed by `coding/data/addressee-names.yaml`: French acronyms, missions the data file does not list, former
and short names of countries, each with its source (checked by `ssrhub.core.datafiles.read_citation`).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pycountry

from ssrhub.core.datafiles import DataFileError, read_citation, read_yaml
from ssrhub.framework.datafiles import DATA_DIR

__all__ = ['COUNTRIES', 'MISSIONS_FILE', 'MISSION_ACRONYMS', 'NAMES_FILE', 'PARTY_NAMES', 'read_aliases']

NAMES_FILE = Path(__file__).resolve().parents[1] / 'data' / 'addressee-names.yaml'
MISSIONS_FILE = DATA_DIR / 'institutions' / 'missions.yaml'
_SERIES = re.compile(r'\s+[IVX]+$')


def read_aliases(path: Path = NAMES_FILE) -> dict[str, tuple[str, ...]]:
    """The aliases of the names file by kind ('missions', 'countries'), each entry checked and its source cited."""
    raw = read_yaml(path)
    if not isinstance(raw, dict) or set(raw) != {'missions', 'countries'}:
        raise DataFileError(f'{path}: the file holds two lists, missions and countries')
    aliases = {}
    for kind, entries in raw.items():
        names = []
        for index, entry in enumerate(entries or []):
            where = f'{path} [{kind}[{index}]]'
            if not isinstance(entry, dict) or set(entry) != {'name', 'of', 'source'}:
                raise DataFileError(f'{where}: an alias is {{name, of, source}}')
            if not str(entry['name']).strip() or not str(entry['of']).strip():
                raise DataFileError(f'{where}: name and of must not be empty')
            read_citation(entry['source'], where)
            names.append(str(entry['name']))
        if len(set(names)) != len(names):
            raise DataFileError(f'{path}: a name is listed twice under {kind}')
        aliases[kind] = tuple(names)
    return aliases


def _pattern(name: str) -> str:
    """A regular expression for a name as printed: any run of spaces, either apostrophe, accents optional."""
    parts = []
    for char in name:
        plain = unicodedata.normalize('NFKD', char)[0]
        if char.isspace():
            parts.append(r'\s+')
        elif char in "'’":
            parts.append("['’]")
        elif plain != char:
            parts.append(f'[{char}{plain}]')
        else:
            parts.append(re.escape(char))
    return ''.join(parts)


def _alternation(names) -> str:
    # Longest first, so that a name is never cut short by another that begins it.
    return '|'.join(_pattern(name) for name in sorted(set(names), key=lambda name: (-len(name), name)))


_ALIASES = read_aliases()
MISSION_ACRONYMS = _alternation(
    [_SERIES.sub('', mission['acronym']) for mission in read_yaml(MISSIONS_FILE)['missions']]
    + list(_ALIASES['missions'])
)
COUNTRIES = _alternation(
    [name for country in pycountry.countries for name in {country.name, getattr(country, 'common_name', country.name)}]
    + list(_ALIASES['countries'])
)

PARTY_NAMES = r"""M23|FDLR|LRA|ADF|APCLS|FNL|UNITA|RUF|AFRC|PDK|CNDP|CODECO|MNLA|AQIM|MUJAO|FPRC|UPC|MPC|JEM|SLA|SLM
|Khmer\s+Rouge|Islamic\s+State|SPL[AM](?:/A)?\s*-\s*IO|(?:ex-)?S[ée]l[ée]ka|anti\s*-\s*Balaka|Al[\s-]Shabaab|ISIL|ISIS|Da['’]esh
|Al[\s-]Qa[ei]da|Boko\s+Haram|Houthis?|Ma[iy]i?[\s-]Ma[iy]i|Janjaweed|Forces\s+nouvelles|Taliban|Bosnian\s+Serb
|National\s+Union\s+for\s+the\s+Total\s+Independence\s+of\s+Angola|Ansar\s+Eddine|Viv\s+Ansanm|G9""".replace('\n', '')
