"""A backup's manifest: the hashes of its files and every table's rows, and the checks made against it (plain Python).

A backup is a folder: ``manifest.json``, the database (``database.sqlite3`` or ``database.pgdump``) and ``media/``,
the files under MEDIA_ROOT. A folder rather than an archive: every file is checked on its own, an unchanged original
costs nothing to copy again with rsync, and restoring needs no room to unpack.
"""

import datetime
import decimal
import hashlib
import json
import uuid
from pathlib import Path

__all__ = [
    'MANIFEST',
    'MEDIA',
    'BackupError',
    'compare',
    'file_entries',
    'key_fingerprint',
    'read_manifest',
    'table_digest',
    'unknown_migrations',
    'write_manifest',
]

MANIFEST = 'manifest.json'
MEDIA = 'media'
FORMAT = 1
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup that cannot be read or trusted; the message says why."""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open('rb') as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_entries(root: Path, *, prefix: str = '', skip: frozenset[Path] = frozenset()) -> dict[str, dict]:
    """Every file under ``root`` (its path relative to ``root``, after ``prefix``) with its size and SHA-256."""
    entries = {}
    for path in sorted(root.rglob('*')) if root.is_dir() else ():
        if path.is_file() and path.resolve() not in skip:
            name = prefix + path.relative_to(root).as_posix()
            entries[name] = {'size': path.stat().st_size, 'sha256': file_sha256(path)}
    return entries


def _plain(value):
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID | datetime.timedelta):
        return str(value)
    raise TypeError(f'A column value of type {type(value).__name__} cannot be hashed.')


def table_digest(rows) -> dict:
    """Row count and SHA-256 of rows given in a fixed order (primary key), each serialised as one JSON line."""
    digest = hashlib.sha256()
    count = 0
    for row in rows:
        line = json.dumps(list(row), default=_plain, ensure_ascii=False, separators=(',', ':'))
        digest.update(line.encode() + b'\n')
        count += 1
    return {'rows': count, 'sha256': digest.hexdigest()}


def key_fingerprint(key: str) -> str:
    """Names a field encryption key without revealing it: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(key.strip().encode()).hexdigest()[:16]


def write_manifest(folder: Path, manifest: dict) -> None:
    text = json.dumps({'format': FORMAT, **manifest}, indent=2, sort_keys=True, ensure_ascii=False)
    (folder / MANIFEST).write_text(text + '\n', encoding='utf-8')


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding='utf-8'))
    except FileNotFoundError as error:
        raise BackupError(f'{path} is missing: {folder} is not a backup made by `ssrhub backup`.') from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f'{path} cannot be read: {error}') from error
    if not isinstance(manifest, dict) or manifest.get('format') != FORMAT:
        raise BackupError(f'{path} is not a manifest this version of ssrhub reads (format {FORMAT}).')
    missing = {'database', 'engine', 'files', 'migrations', 'tables'} - manifest.keys()
    if missing:
        raise BackupError(f'{path} lacks {", ".join(sorted(missing))}.')
    return manifest


def compare(expected: dict[str, dict], found: dict[str, dict], what: str) -> list[str]:
    """The differences between two sets of entries (files or tables) as sentences; none when they agree."""
    problems = [f'{what} {name} is missing' for name in sorted(expected.keys() - found.keys())]
    problems += [f'{what} {name} is not in the manifest' for name in sorted(found.keys() - expected.keys())]
    for name in sorted(expected.keys() & found.keys()):
        for field, value in expected[name].items():
            if found[name].get(field) != value:
                problems.append(f'{what} {name}: {field} is {found[name].get(field)}, the manifest says {value}')
    return problems


def unknown_migrations(recorded: dict[str, str], known: set[tuple[str, str]]) -> list[str]:
    """The backup's latest migrations that this code does not have: the backup comes from a newer version."""
    return [f'{app}.{name}' for app, name in sorted(recorded.items()) if (app, name) not in known]
