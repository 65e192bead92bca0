"""What the IATI reader says: a stable code with parameters per finding, and its English sentence as a gettext
message id. The Django layer passes ``gettext`` to ``Finding.message`` for the user's language; ``str()`` is the
English, for the command line and the report file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ['ERRORS', 'FILE_ERRORS', 'NOTES', 'Finding', 'IatiFileError', 'gettext_noop']


def gettext_noop(message: str) -> str:
    """Mark ``message`` for the translation catalogue (``makemessages`` reads this name) without translating it."""
    return message


# The whole file is refused.
FILE_ERRORS = {
    'entity': gettext_noop(
        '%(file)s declares a DOCTYPE or entities (line %(line)s): refused, as such a file can expand without limit.'
    ),
    'malformed': gettext_noop('%(file)s is not well-formed XML at line %(line)s, column %(column)s: %(detail)s'),
    'wrong_root': gettext_noop(
        '%(file)s is not an IATI activity file: its root element is <%(tag)s>, not <iati-activities>.'
    ),
    'wrong_namespace': gettext_noop(
        '%(file)s puts <iati-activities> in the namespace %(namespace)s: IATI elements have no namespace.'
    ),
    'no_version': gettext_noop('%(file)s does not say its IATI version (the version attribute of <iati-activities>).'),
    'old_version': gettext_noop(
        '%(file)s is an IATI %(version)s file: versions 1.0x are no longer read; ask the publisher for a 2.0x file '
        '(versions 2.01 to 2.03 are read).'
    ),
    'unknown_version': gettext_noop(
        '%(file)s is in IATI version %(version)s, which ssrhub does not read (versions 2.01 to 2.03 are read).'
    ),
    'no_activities': gettext_noop('%(file)s holds no <iati-activity>.'),
    'too_large': gettext_noop('%(file)s is larger than %(limit)s MB.'),
    'strict': gettext_noop('%(file)s was refused as a whole (strict mode): %(count)s of its activities are invalid.'),
}

# One activity is refused.
ERRORS = {
    'schema': gettext_noop('Line %(line)s: does not follow the IATI 2.03 schema: %(detail)s'),
    'no_identifier': gettext_noop('Line %(line)s: the activity has no iati-identifier.'),
    'duplicate': gettext_noop(
        'Line %(line)s: the identifier %(identifier)s appears earlier in the file, line %(first)s.'
    ),
    'sector_sum': gettext_noop(
        'Line %(line)s: the percentages of the sectors in vocabulary %(vocabulary)s add up to %(total)s, not 100.'
    ),
    'unknown_currency': gettext_noop('Line %(line)s: %(currency)s in <%(element)s> is not an ISO 4217 currency code.'),
    'no_currency': gettext_noop(
        'Line %(line)s: <%(element)s> has no currency and the activity has no default currency.'
    ),
    'bad_number': gettext_noop('Line %(line)s: “%(value)s” in <%(element)s> is not a number.'),
    'bad_date': gettext_noop('Line %(line)s: “%(value)s” in <%(element)s> is not a date.'),
    'outside_reach': gettext_noop('Line %(line)s: the activity is for %(country)s, where you may not add activities.'),
}

# An activity is accepted with a remark.
NOTES = {
    'sector_rounding': gettext_noop(
        'The percentages of the sectors in vocabulary %(vocabulary)s add up to %(total)s: accepted as rounding.'
    ),
    'negative_value': gettext_noop(
        'Line %(line)s: a %(type)s of %(value)s %(currency)s on %(date)s is negative: accepted as a correction.'
    ),
    'before_start': gettext_noop(
        'Line %(line)s: a transaction is dated %(date)s, before the activity starts (%(start)s).'
    ),
    'unknown_country': gettext_noop('The recipient country code %(code)s is not an ISO 3166 country: left out.'),
}


_ALL = {**FILE_ERRORS, **ERRORS, **NOTES}


def _untranslated(message: str) -> str:
    return message


@dataclass(frozen=True)
class Finding:
    """An error or a note: ``code`` (a key of ``FILE_ERRORS``, ``ERRORS`` or ``NOTES``) and its parameters."""

    code: str
    params: dict = field(default_factory=dict)

    def message(self, gettext: Callable[[str], str] = _untranslated) -> str:
        """The sentence in the language of ``gettext`` (English without it)."""
        return gettext(_ALL[self.code]) % self.params

    def __str__(self) -> str:
        return self.message()

    def as_dict(self) -> dict:
        return {'code': self.code, 'params': dict(self.params)}


class IatiFileError(ValueError):
    """The whole file is refused; nothing of it is stored."""

    def __init__(self, code: str, **params):
        if code not in FILE_ERRORS:
            raise KeyError(f'unknown IATI file error code {code!r}')
        self.finding = Finding(code, params)
        super().__init__(str(self.finding))

    @property
    def code(self) -> str:
        return self.finding.code

    def message(self, gettext: Callable[[str], str] = _untranslated) -> str:
        return self.finding.message(gettext)
