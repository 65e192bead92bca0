"""The French catalogue: complete for the code as it is (a string marked for translation in a template or in Python
has its French), nothing fuzzy, the same placeholders as the English, and French typography (a no-break space
before a colon, a semicolon, a question or exclamation mark, and inside « guillemets »)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from .english import CATALOGUE, PLACEHOLDER

PACKAGE = CATALOGUE.parents[3]
NO_BREAK = '\u00a0\u202f'
# A character before : ; ? ! other than a no-break space (an hour, a URL or a placeholder has no such sign).
MISSING_SPACE = re.compile(rf'(?<=[^{NO_BREAK}])[:;?!](?=\s|$|\u00bb|")')
GUILLEMETS = re.compile(rf'«(?=[^{NO_BREAK}])|(?<=[^{NO_BREAK}])»')


def _translations(entry) -> list[str]:
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def _entries():
    return [entry for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete]


def _name(entry) -> str:
    return f'{entry.msgctxt} | {entry.msgid!r}' if entry.msgctxt else repr(entry.msgid)


def test_every_entry_is_translated_and_none_is_fuzzy():
    entries = _entries()
    untranslated = [_name(e) for e in entries if not all(_translations(e))]
    fuzzy = [_name(e) for e in entries if e.fuzzy]
    assert (untranslated, fuzzy) == ([], []), 'untranslated, fuzzy'


def test_every_string_marked_in_the_code_has_its_french(tmp_path):
    """``makemessages`` run on a copy of the code: every message id it finds must already be translated."""
    if shutil.which('xgettext') is None:
        pytest.fail('GNU gettext is needed to read the messages of the code (apt-get install gettext)')
    copy = tmp_path / 'ssrhub'
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns('data', 'static', '__pycache__', '*.mo', 'tests'))
    makemessages = [Path(sys.executable).with_name('django-admin'), 'makemessages', '-l', 'fr', '--no-obsolete']
    subprocess.run(
        [*makemessages, '--no-location', '--verbosity', '0'],
        cwd=copy,
        env={**os.environ, 'DJANGO_SETTINGS_MODULE': 'ssrhub.settings', 'PYTHONPATH': str(PACKAGE.parent)},
        check=True,
    )
    extracted = polib.pofile(str(copy / 'locale' / 'fr' / 'LC_MESSAGES' / 'django.po'))
    missing = [_name(e) for e in extracted if not e.obsolete and (e.fuzzy or not all(_translations(e)))]
    assert missing == [], (
        'Strings of the code without French: add them at the end of ssrhub/locale/fr/LC_MESSAGES/django.po\n'
        + '\n'.join(missing)
    )


def test_translations_keep_the_placeholders():
    wrong = []
    for entry in _entries():
        english = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural or ''))
        for french in _translations(entry):
            if french and set(PLACEHOLDER.findall(french)) - english:
                wrong.append(f'{_name(entry)} -> {french!r}')
        if not entry.msgid_plural and entry.msgstr and set(PLACEHOLDER.findall(entry.msgstr)) != english:
            wrong.append(f'{_name(entry)} -> {entry.msgstr!r}')
    assert wrong == []


def test_french_typography():
    wrong = [
        f'{_name(entry)} -> {french!r}'
        for entry in _entries()
        for french in _translations(entry)
        if MISSING_SPACE.search(french) or GUILLEMETS.search(french)
    ]
    assert wrong == [], 'A no-break space (U+00A0) goes before : ; ? ! and inside « »:\n' + '\n'.join(wrong)


def test_the_typography_check_catches_a_plain_space():
    assert MISSING_SPACE.search('Source : rapport')
    assert MISSING_SPACE.search('Supprimer ?')
    assert GUILLEMETS.search('« texte »')
    assert not MISSING_SPACE.search('Source\u00a0: rapport, 10:30, https://example.org')
    assert not GUILLEMETS.search('«\u00a0texte\u00a0»')
