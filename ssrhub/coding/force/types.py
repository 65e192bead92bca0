"""Public types of the force reader: the force scale, the addressee classes and the two readings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

__all__ = ['Addressee', 'AddresseeReading', 'Force', 'ForceReading']


class Force(IntEnum):
    """Ordinal force of the opening verb."""

    DECLARATORY = 0
    ENCOURAGES = 1
    REQUESTS = 2
    CONDEMNS = 3
    DEMANDS = 4
    DECIDES = 5


class Addressee(StrEnum):
    """Who the paragraph asks or tells to act."""

    MISSION_OR_SG = 'mission-or-sg'
    NATIONAL_AUTHORITIES = 'national-authorities'
    PARTIES = 'parties'
    MEMBER_STATES = 'member-states'
    UN_SYSTEM = 'un-system'
    REGIONAL_ORGANISATIONS = 'regional-organisations'
    NONE = 'none'


@dataclass(frozen=True, slots=True)
class ForceReading:
    """The opening verb as printed (whitespace collapsed), its force and its span in the text.

    `verb` is '' and the span is (0, 0) when the paragraph has no opening verb (a list item, a fragment).
    """

    force: Force
    verb: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AddresseeReading:
    """The addressee class and the span of the phrase naming it; (0, 0) for `Addressee.NONE`."""

    addressee: Addressee
    start: int
    end: int
