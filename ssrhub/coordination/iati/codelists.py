"""Read IATI's codelist files (IATI/IATI-Codelists-NonEmbedded XML) into plain rows with English and French names;
French names IATI does not publish come from ``data/iati/codelists-fr.yaml``."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ssrhub.core.datafiles import read_yaml

__all__ = ['CODELIST_DIR', 'CODELISTS', 'read_codelist']

CODELIST_DIR = Path(__file__).resolve().parent.parent / 'data' / 'iati' / 'codelists'
CODELISTS = (
    'Sector',
    'SectorCategory',
    'SectorVocabulary',
    'PolicyMarker',
    'PolicyMarkerVocabulary',
    'PolicySignificance',
)
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def _narrative(item, tag: str, language: str) -> str:
    for narrative in item.findall(f'{tag}/narrative'):
        if (narrative.get(XML_LANG) or 'en').lower() == language:
            return ' '.join((narrative.text or '').split())
    return ''


def read_codelist(name: str, directory: Path = CODELIST_DIR) -> list[dict]:
    """The items of codelist ``name`` as dicts of ``CodelistItem`` fields (without ``codelist``)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    tree = etree.parse(str(directory / f'{name}.xml'), parser)
    french = (read_yaml(directory.parent / 'codelists-fr.yaml') or {}).get(name, {})
    rows = []
    for item in tree.iter('codelist-item'):
        code = (item.findtext('code') or '').strip()
        rows.append(
            {
                'code': code,
                'name_en': _narrative(item, 'name', 'en')[:300],
                'name_fr': (_narrative(item, 'name', 'fr') or french.get(code, ''))[:300],
                'description_en': _narrative(item, 'description', 'en'),
                'description_fr': _narrative(item, 'description', 'fr'),
                'category': (item.findtext('category') or '').strip(),
                'withdrawn': item.get('status') == 'withdrawn',
            }
        )
    return rows
