"""Files on disk, written so that nothing half-written is ever taken for a file: an upload is kept under a name of
its own until its job has run; an original is written to a temporary name beside its place, checked against the
size and SHA-256 it must have, and moved into place (``os.replace``) only once the database transaction that records
it has committed. ``check_originals()`` finds originals that are missing or no longer match their record
(docs/operations.md, "Uploads and ingest jobs").

The files live in the default storage's folder (``MEDIA_ROOT``): the atomic rename needs a file system.
"""

import errno
import hashlib
import logging
import os
import secrets
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction

__all__ = [
    'INCOMING_DIR',
    'ORIGINALS_DIR',
    'OriginalProblem',
    'WrittenFile',
    'check_originals',
    'flushed_together',
    'is_disk_full',
    'media_path',
    'remove',
    'save_upload',
    'stage_original',
]

logger = logging.getLogger(__name__)

INCOMING_DIR = 'documents/incoming'
ORIGINALS_DIR = 'documents/originals'
_TEMPORARY = '.part'
# A temporary file older than this belongs to no running write.
_STRAY_SECONDS = 24 * 3600
_HASH_CHUNK = 1024 * 1024
_flush_later: ContextVar[bool] = ContextVar('flush_originals_later', default=False)


@dataclass(frozen=True)
class WrittenFile:
    name: str  # in the storage
    size: int
    sha256: str


def is_disk_full(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)


def media_path(name: str) -> Path:
    return Path(default_storage.path(name))


def remove(name: str) -> None:
    """Remove a file of the storage if it is there."""
    media_path(name).unlink(missing_ok=True)


def save_upload(chunks, filename: str) -> WrittenFile:
    """Write an upload's chunks under a new name in the incoming folder; nothing is left when writing fails."""
    name = f'{INCOMING_DIR}/{secrets.token_hex(16)}{Path(filename).suffix.lower()[:10]}'
    temporary, size, sha256 = _write(media_path(name), chunks)
    os.replace(temporary, media_path(name))
    return WrittenFile(name, size, sha256)


def stage_original(data: bytes, sha256: str, filename: str) -> tuple[str, Path | None]:
    """The storage name of the original of ``data``, stored once under its hash whatever its name, and the
    temporary file staged for it (None when the original is already there, whole). A missing or damaged original is
    written to a temporary name, checked, and moved into place when the current transaction commits; the caller
    removes the temporary file when the transaction fails."""
    name = f'{ORIGINALS_DIR}/{sha256}{Path(filename).suffix.lower()}'
    final = media_path(name)
    if _matches(final, len(data), sha256):
        return name, None
    temporary, size, written = _write(final, [data])
    if (size, written) != (len(data), sha256):
        temporary.unlink(missing_ok=True)
        raise OSError(errno.EIO, f'{name}: written {size} bytes with SHA-256 {written}, expected {len(data)} {sha256}')
    transaction.on_commit(lambda: os.replace(temporary, final))
    return name, temporary


@contextmanager
def flushed_together():
    """Files written within this block are flushed to disk together as it ends (one ``sync`` instead of an ``fsync``
    a file, a millisecond or more each): for a bulk ingest, ended inside the transaction that refers to them so
    that they are on disk before it commits."""
    token = _flush_later.set(True)
    try:
        yield
    finally:
        _flush_later.reset(token)
    os.sync()


def _write(final: Path, chunks) -> tuple[Path, int, str]:
    """Write ``chunks`` to a temporary name beside ``final`` and flush them to disk; the temporary file is removed
    when anything fails (a full disk most of all). Returns the temporary path, the size and the SHA-256."""
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = final.with_name(f'.{final.name}.{secrets.token_hex(4)}{_TEMPORARY}')
    digest, size = hashlib.sha256(), 0
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        try:
            for chunk in chunks:
                view = memoryview(chunk)
                while view:
                    view = view[os.write(descriptor, view) :]
                digest.update(chunk)
                size += len(chunk)
            if not _flush_later.get():
                os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary, size, digest.hexdigest()


def _matches(path: Path, size: int, sha256: str) -> bool:
    try:
        return path.stat().st_size == size and _sha256(path) == sha256
    except FileNotFoundError:
        return False


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open('rb') as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class OriginalProblem:
    name: str
    problem: str  # 'missing', 'size', 'hash' or 'stray' (a temporary file no write is using)
    detail: str = ''

    def __str__(self):
        return f'{self.problem}: {self.name}' + (f' ({self.detail})' if self.detail else '')


def check_originals(versions) -> list[OriginalProblem]:
    """The originals of ``versions`` (records with ``original``, ``size`` and ``sha256``) that are missing or whose
    size or hash does not match their record, and the temporary files left by writes that did not finish."""
    problems, seen = [], set()
    for version in versions:
        name = version.original.name
        if not name or name in seen:
            continue
        seen.add(name)
        path = media_path(name)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            problems.append(OriginalProblem(name, 'missing'))
            continue
        if size != version.size:
            problems.append(OriginalProblem(name, 'size', f'{size} bytes on disk, {version.size} recorded'))
        elif _sha256(path) != version.sha256:
            problems.append(OriginalProblem(name, 'hash', f'recorded {version.sha256}'))
    folder = media_path(ORIGINALS_DIR)
    now = time.time()
    for path in sorted(folder.glob(f'.*{_TEMPORARY}')) if folder.is_dir() else ():
        if now - path.stat().st_mtime > _STRAY_SECONDS:
            problems.append(OriginalProblem(f'{ORIGINALS_DIR}/{path.name}', 'stray'))
    for problem in problems:
        logger.error('Original file problem: %s', problem)
    return problems
