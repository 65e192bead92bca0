import re

import pycountry
import pytest

from ssrhub.coding.force.names import COUNTRIES, MISSION_ACRONYMS, MISSIONS_FILE, NAMES_FILE, read_aliases
from ssrhub.core.datafiles import DataFileError, read_yaml


def _matches(pattern: str, text: str) -> list[str]:
    return [m.group() for m in re.finditer(r'\b(?:' + pattern + r')\b', text)]


def test_every_alias_is_new_and_cited():
    aliases = read_aliases()
    acronyms = {mission['acronym'] for mission in read_yaml(MISSIONS_FILE)['missions']}
    countries = {getattr(country, key, '') for country in pycountry.countries for key in ('name', 'common_name')}
    assert aliases['missions'] and not set(aliases['missions']) & acronyms
    assert aliases['countries'] and not set(aliases['countries']) & countries


def test_missions_come_from_the_data_file_and_the_aliases():
    text = 'UNMIL, MINUSCA, UNAVEM, UNOSOM, APRONUC, UNITAMS and MINUCI; not UNMILS or AMISOM.'
    assert _matches(MISSION_ACRONYMS, text) == ['UNMIL', 'MINUSCA', 'UNAVEM', 'UNOSOM', 'APRONUC', 'UNITAMS', 'MINUCI']


def test_countries_come_from_pycountry_and_the_aliases():
    text = "Côte d'Ivoire, Cote d’Ivoire, Papua New Guinea, Guinea-Bissau, Viet Nam, Zaire, USSR and Southern\nRhodesia"
    assert _matches(COUNTRIES, text) == [
        "Côte d'Ivoire",
        'Cote d’Ivoire',
        'Papua New Guinea',
        'Guinea-Bissau',
        'Viet Nam',
        'Zaire',
        'USSR',
        'Southern\nRhodesia',
    ]


@pytest.mark.parametrize(
    ('entry', 'message'),
    [
        ('{name: Zaire, of: COD}', 'an alias is {name, of, source}'),
        ('{name: Zaire, of: COD, source: {chapter: 7, lines: "1591"}}', 'a citation is'),
        ('{name: "", of: COD, source: {url: "https://example.org"}}', 'must not be empty'),
    ],
)
def test_a_bad_alias_is_refused(tmp_path, entry, message):
    path = tmp_path / 'names.yaml'
    path.write_text(f'missions: []\ncountries:\n  - {entry}\n', encoding='utf-8')
    with pytest.raises(DataFileError, match=re.escape(message)):
        read_aliases(path)


def test_the_names_file_is_the_one_read():
    assert NAMES_FILE.name == 'addressee-names.yaml' and NAMES_FILE.is_file()
