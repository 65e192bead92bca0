"""Which missions a document is about: their acronyms and full names found in its text.

Plain Python. A mission counts when its acronym appears as a word in capitals (``UNMIL``, not
``unmil``) or its English or French name appears in any case and spacing.
"""

import re
from dataclasses import dataclass

__all__ = ['MissionNames', 'mission_mentions']


@dataclass(frozen=True)
class MissionNames:
    acronym: str
    names: tuple[str, ...]


# UN usage wrote "peace-keeping" until the mid-1990s and "peacekeeping" since: names match either way.
PEACEKEEPING = re.compile(r'peace-?keeping', re.IGNORECASE)


def _name_pattern(name: str) -> str:
    words = (re.escape(word) for word in name.split())
    return PEACEKEEPING.sub(r'peace-?\\s*keeping', r'\s+'.join(words))


def mission_mentions(text: str, missions) -> dict[str, int]:
    """Acronym -> number of mentions in ``text``, for the ``missions`` (``MissionNames``) mentioned at all."""
    found = {}
    for mission in missions:
        count = len(re.findall(rf'(?<![\w-]){re.escape(mission.acronym)}(?![\w-])', text))
        for name in mission.names:
            if name:
                count += len(re.findall(_name_pattern(name), text, flags=re.IGNORECASE))
        if count:
            found[mission.acronym] = count
    return found
