"""Fields encrypted at rest: names of individuals, victims and sources, and free-text narratives.

The value is encrypted with Fernet (AES-128-CBC with an HMAC, from ``cryptography``) before it reaches the database
and decrypted when a row is loaded, so a dump of the database alone reveals none of it. The keys are kept outside
the database (``FIELD_ENCRYPTION_KEYS`` or the key file, see settings): the first key encrypts, every key decrypts,
so a new key is put first and the old one kept until every row has been saved again.

An encrypted column cannot be searched, filtered or sorted in SQL (every encryption of a value differs): a lookup
other than ``isnull`` raises, and search and screening decrypt in Python the rows the user may read.
"""

import os
from functools import cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.db import models

__all__ = ['EncryptedCharField', 'EncryptedTextField', 'decrypt', 'encrypt', 'field_keys']


def _read_or_create_key_file(path: Path) -> list[str]:
    if not path.exists() and not settings.PRODUCTION:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process created it first: read theirs
        else:
            with os.fdopen(descriptor, 'w') as key_file:
                key_file.write(Fernet.generate_key().decode() + '\n')
    if not path.is_file():
        raise ImproperlyConfigured(f'The field encryption key file {path} does not exist.')
    return [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith('#')]


def field_keys() -> list[str]:
    """The keys, first the one that encrypts."""
    keys = settings.FIELD_ENCRYPTION_KEYS or _read_or_create_key_file(Path(settings.FIELD_ENCRYPTION_KEY_FILE))
    if not keys:
        raise ImproperlyConfigured('No field encryption key is configured.')
    return keys


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(f'A field encryption key is not a Fernet key: {error}') from error


def encrypt(text: str) -> str:
    return _fernet(tuple(field_keys())).encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet(tuple(field_keys())).decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            'A field could not be decrypted: the encryption key is not the one it was encrypted with.'
        ) from error


class EncryptedMixin:
    """Encrypts on the way to the database and decrypts on the way back; the empty string stays empty."""

    allowed_lookups = frozenset({'isnull'})

    def get_db_prep_value(self, value, connection, prepared=False):
        value = super().get_db_prep_value(value, connection, prepared)
        return encrypt(value) if value else value

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_lookup(self, lookup_name):
        if lookup_name not in self.allowed_lookups:
            raise FieldError(f'{self.name} is encrypted: it cannot be compared in SQL ({lookup_name}).')
        return super().get_lookup(lookup_name)

    def db_type(self, connection):
        return models.TextField().db_type(connection)  # ciphertext is longer than the value's max_length


class EncryptedTextField(EncryptedMixin, models.TextField):
    pass


class EncryptedCharField(EncryptedMixin, models.CharField):
    """A short encrypted value (a name): ``max_length`` limits the plain text; the column holds the longer token."""

    def cast_db_type(self, connection):
        return self.db_type(connection)
