"""Read and validate the framework and institution data files (see docs/framework-data.md).

Plain Python: no Django import, so the files can be checked from a script or a test without a
database. Every problem is reported with the file and the item code it concerns.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ssrhub.core.datafiles import DataFileError, read_citations, read_yaml
from ssrhub.core.symbols import SymbolError, normalise_symbol

__all__ = [
    'DATA_DIR',
    'FrameworkSpec',
    'ItemSpec',
    'VersionSpec',
    'read_framework',
    'read_institutions',
]

DATA_DIR = Path(__file__).resolve().parent / 'data'
LANGUAGES = ('en', 'fr')
CODE_PATTERN = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$')


# Section: specs


@dataclass(frozen=True)
class ItemSpec:
    code: str
    parent_code: str | None
    ref: str
    order: int
    depth: int
    label: dict
    definition: dict
    citations: tuple


@dataclass(frozen=True)
class VersionSpec:
    version: str
    released: datetime.date
    notes: dict
    items: tuple[ItemSpec, ...]
    content_hash: str


@dataclass(frozen=True)
class FrameworkSpec:
    code: str
    name: dict
    description: dict
    versions: tuple[VersionSpec, ...] = field(default=())


# Section: reading


def _texts(value, where: str, what: str) -> dict:
    if not isinstance(value, dict) or any(not str(value.get(lang) or '').strip() for lang in LANGUAGES):
        raise DataFileError(f'{where}: {what} needs non-empty English and French text ({what}.en, {what}.fr)')
    return {lang: str(value[lang]).strip() for lang in LANGUAGES}


def _walk_items(raw: dict, parent: str | None, depth: int, where: str, counter: list) -> list[ItemSpec]:
    code = raw.get('code') if isinstance(raw, dict) else None
    if not isinstance(code, str) or not CODE_PATTERN.match(code):
        raise DataFileError(f'{where}: item code {code!r} must be lower-case dot-separated kebab-case')
    if parent and not code.startswith(parent + '.'):
        raise DataFileError(f'{where}: item {code} must start with its parent code {parent}.')
    item_where = f'{where} [{code}]'
    counter[0] += 1
    items = [
        ItemSpec(
            code=code,
            parent_code=parent,
            ref=str(raw.get('ref') or ''),
            order=counter[0],
            depth=depth,
            label=_texts(raw.get('label'), item_where, 'label'),
            definition=_texts(raw.get('definition'), item_where, 'definition'),
            citations=read_citations(raw.get('citations'), item_where),
        )
    ]
    for child in raw.get('items') or []:
        items.extend(_walk_items(child, code, depth + 1, where, counter))
    return items


def _read_version(directory: Path) -> VersionSpec:
    meta_path = directory / 'version.yaml'
    meta = read_yaml(meta_path)
    if not isinstance(meta, dict) or not meta.get('version') or not isinstance(meta.get('released'), datetime.date):
        raise DataFileError(f'{meta_path}: needs version and released (a YYYY-MM-DD date)')
    if str(meta['version']) != directory.name:
        raise DataFileError(f'{meta_path}: version {meta["version"]} does not match its folder {directory.name}')
    digest = hashlib.sha256(meta_path.read_bytes())
    items, counter, seen = [], [0], {}
    for group_file in meta.get('groups') or []:
        path = directory / group_file
        for item in _walk_items(read_yaml(path), None, 0, str(path), counter):
            if item.code in seen:
                raise DataFileError(
                    f'{path}: duplicate item codes: {item.code} is already defined in {seen[item.code]}'
                )
            seen[item.code] = path.name
            items.append(item)
        digest.update(path.read_bytes())
    if not items:
        raise DataFileError(f'{meta_path}: lists no group files')
    return VersionSpec(
        version=str(meta['version']),
        released=meta['released'],
        notes=_texts(meta.get('notes'), str(meta_path), 'notes'),
        items=tuple(items),
        content_hash=digest.hexdigest(),
    )


def read_framework(directory: Path) -> FrameworkSpec:
    """Read ``framework.yaml`` and every version folder below ``directory``."""
    meta_path = directory / 'framework.yaml'
    meta = read_yaml(meta_path)
    if not isinstance(meta, dict) or not meta.get('code'):
        raise DataFileError(f'{meta_path}: needs a code')
    versions = sorted(
        (_read_version(child) for child in directory.iterdir() if (child / 'version.yaml').is_file()),
        key=lambda version: (version.released, version.version),
    )
    if not versions:
        raise DataFileError(f'{directory}: no version folder (with a version.yaml) found')
    return FrameworkSpec(
        code=str(meta['code']),
        name=_texts(meta.get('name'), str(meta_path), 'name'),
        description=_texts(meta.get('description'), str(meta_path), 'description'),
        versions=tuple(versions),
    )


# Section: institutions


def _date_or_none(value, where: str, what: str):
    if value is None or isinstance(value, datetime.date):
        return value
    raise DataFileError(f'{where}: {what} must be a YYYY-MM-DD date or null, not {value!r}')


def _required(raw: dict, keys: tuple, where: str) -> None:
    missing = [key for key in keys if raw.get(key) in (None, '', [])]
    if missing:
        raise DataFileError(f'{where}: missing {", ".join(missing)}')


def _period(raw: dict, where: str, start_key: str = 'from', end_key: str = 'to'):
    start = _date_or_none(raw.get(start_key), where, start_key)
    end = _date_or_none(raw.get(end_key), where, end_key)
    if start and end and end < start:
        raise DataFileError(f'{where}: {end_key} {end} is before {start_key} {start}')
    return start, end


def _read_entity(raw: dict, where: str) -> dict:
    _required(raw, ('code', 'kind', 'names'), where)
    names = []
    for name in raw['names']:
        _required(name, ('acronym', 'en', 'fr', 'from'), f'{where} name')
        start, end = _period(name, f'{where} name {name["acronym"]}')
        names.append({'acronym': name['acronym'], 'en': name['en'], 'fr': name['fr'], 'from': start, 'to': end})
    for earlier, later in zip(names, names[1:], strict=False):
        if earlier['to'] is None or earlier['to'] >= later['from']:
            raise DataFileError(f'{where}: name {earlier["acronym"]} must end before {later["acronym"]} starts')
    return {
        'code': raw['code'],
        'kind': raw['kind'],
        'note': str(raw.get('note') or ''),
        'names': names,
        'citations': read_citations(raw.get('citations'), where),
    }


def _read_mission(raw: dict, where: str) -> dict:
    _required(raw, ('acronym', 'en', 'fr', 'type', 'countries', 'start'), where)
    start, end = _period(raw, where, 'start', 'end')
    try:
        established_by = normalise_symbol(raw['established_by']) if raw.get('established_by') else ''
    except SymbolError as error:
        raise DataFileError(f'{where}: {error}') from error
    return {
        'acronym': raw['acronym'],
        'acronym_fr': str(raw.get('acronym_fr') or ''),
        'en': raw['en'],
        'fr': raw['fr'],
        'type': raw['type'],
        'countries': list(raw['countries']),
        'start': start,
        'end': end,
        'established_by': established_by,
        'predecessors': list(raw.get('predecessors') or []),
        'note': str(raw.get('note') or ''),
        'citations': read_citations(raw.get('citations'), where),
    }


def read_institutions(directory: Path) -> tuple[list, list, list]:
    """Read ``entities.yaml`` and ``missions.yaml``; return (entities, memberships, missions)."""
    entities_path, missions_path = directory / 'entities.yaml', directory / 'missions.yaml'
    entities_raw, missions_raw = read_yaml(entities_path) or {}, read_yaml(missions_path) or {}
    entities = [_read_entity(raw, f'{entities_path} [{raw.get("code")}]') for raw in entities_raw.get('entities', [])]
    codes = {entity['code'] for entity in entities}
    memberships = []
    for raw in entities_raw.get('memberships', []):
        where = f'{entities_path} [membership {raw.get("member")} in {raw.get("group")}]'
        _required(raw, ('group', 'member', 'role'), where)
        unknown = [code for code in (raw['group'], raw['member']) if code not in codes]
        if unknown:
            raise DataFileError(f'{where}: unknown entity {", ".join(unknown)}')
        start, end = _period(raw, where)
        memberships.append(
            {
                'group': raw['group'],
                'member': raw['member'],
                'role': raw['role'],
                'from': start,
                'to': end,
                'note': str(raw.get('note') or ''),
                'citations': read_citations(raw.get('citations'), where),
            }
        )
    missions = [
        _read_mission(raw, f'{missions_path} [{raw.get("acronym")}]') for raw in missions_raw.get('missions', [])
    ]
    acronyms = {mission['acronym'] for mission in missions}
    for mission in missions:
        unknown = sorted(set(mission['predecessors']) - acronyms)
        if unknown:
            raise DataFileError(f'{missions_path} [{mission["acronym"]}]: unknown predecessor {", ".join(unknown)}')
    return entities, memberships, missions
