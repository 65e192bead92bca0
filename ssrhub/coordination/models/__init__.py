"""Coordination: the organisations that support security sector reform, what they do where, and the fora in which
they coordinate. One module per part; every model is importable from here."""

from .fora import (
    Decision,
    DecisionStatus,
    DecisionStatusUpdate,
    Forum,
    ForumKind,
    ForumLayer,
    ForumLevel,
    ForumMember,
    Meeting,
    MemberRole,
)
from .organisations import Organisation, OrganisationType

__all__ = [
    'Decision',
    'DecisionStatus',
    'DecisionStatusUpdate',
    'Forum',
    'ForumKind',
    'ForumLayer',
    'ForumLevel',
    'ForumMember',
    'Meeting',
    'MemberRole',
    'Organisation',
    'OrganisationType',
]
