"""Read the global SDG framework from ``monitoring/data/sdg/`` (open-sdg/sdg-translations, English and French), in
plain Python: goals, targets and indicators as plain records, each indicator under its target and goal.

The files key each text by number with dashes (``16-short``, ``16-3-title``, ``16-3-2-title``); numbers are written
with dots here ('16.3.2') and ``order`` sorts them as a reader expects (16.3 before 16.10, 16.10 before 16.a).
"""

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ssrhub.core.datafiles import DataFileError, read_yaml

__all__ = ['LANGUAGES', 'SDG_DIR', 'SdgData', 'number_order', 'read_sdg']

SDG_DIR = Path(__file__).resolve().parent / 'data' / 'sdg'
LANGUAGES = ('en', 'fr')


@dataclass(frozen=True)
class SdgData:
    """The framework as read: ``goals`` (number, short_en/fr, title_en/fr), ``targets`` (number, goal, title_en/fr)
    and ``indicators`` (number, target, title_en/fr), each a list of dicts in reading order."""

    goals: list
    targets: list
    indicators: list


def number_order(number: str) -> int:
    """An integer that sorts SDG numbers: each part on three digits, letters after the numbers (16.a after 16.10)."""
    parts = (number.split('.') + ['0', '0'])[:3]
    key = 0
    for part in parts:
        value = int(part) if part.isdigit() else 100 + ord(part.lower()) - ord('a')
        key = key * 1000 + value
    return key


def _texts(directory: Path, kind: str) -> dict[str, dict[str, str]]:
    """``{key: {'en': text, 'fr': text}}`` for the files of ``kind`` (goals, targets, indicators)."""
    texts: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        path = directory / language / f'global_{kind}.yml'
        content = read_yaml(path)
        if not isinstance(content, dict):
            raise DataFileError(f'{path}: a mapping of keys to texts is expected')
        for key, text in content.items():
            if not isinstance(text, str) or not text.strip():
                raise DataFileError(f'{path}: {key} has no text')
            texts.setdefault(str(key), {})[language] = unicodedata.normalize('NFC', ' '.join(text.split()))
    for key, by_language in texts.items():
        missing = [language for language in LANGUAGES if language not in by_language]
        if missing:
            raise DataFileError(f'{directory}/{missing[0]}/global_{kind}.yml: {key} is missing')
    return texts


def _split(key: str, parts: int, fields: tuple[str, ...]) -> tuple[str, str]:
    number, _sep, field = key.rpartition('-')
    if field not in fields or number.count('-') != parts - 1:
        raise DataFileError(f'{key}: not a key of the SDG files (expected {parts} numbers and one of {fields})')
    return number.replace('-', '.'), field


def read_sdg(directory: Path = SDG_DIR) -> SdgData:
    """The goals, targets and indicators of the files in ``directory``; a ``DataFileError`` names the file and key
    of any problem (a text missing in one language, a target of an unknown goal...)."""
    goals: dict[str, dict] = {}
    for key, texts in _texts(directory, 'goals').items():
        number, field = _split(key, 1, ('short', 'title'))
        goal = goals.setdefault(number, {'number': int(number)})
        goal[f'{field}_en'], goal[f'{field}_fr'] = texts['en'], texts['fr']
    targets = []
    for key, texts in _texts(directory, 'targets').items():
        number, _field = _split(key, 2, ('title',))
        goal = number.split('.')[0]
        if goal not in goals:
            raise DataFileError(f'{key}: goal {goal} is not in the goals file')
        targets.append({'number': number, 'goal': int(goal), 'title_en': texts['en'], 'title_fr': texts['fr']})
    known_targets = {target['number'] for target in targets}
    indicators = []
    for key, texts in _texts(directory, 'indicators').items():
        number, _field = _split(key, 3, ('title',))
        target = number.rsplit('.', 1)[0]
        if target not in known_targets:
            raise DataFileError(f'{key}: target {target} is not in the targets file')
        indicators.append({'number': number, 'target': target, 'title_en': texts['en'], 'title_fr': texts['fr']})
    for goal in goals.values():
        if 'short_en' not in goal or 'title_en' not in goal:
            raise DataFileError(f'goal {goal["number"]}: needs both its short name and its title')
    return SdgData(
        goals=sorted(goals.values(), key=lambda goal: goal['number']),
        targets=sorted(targets, key=lambda target: number_order(target['number'])),
        indicators=sorted(indicators, key=lambda indicator: number_order(indicator['number'])),
    )
