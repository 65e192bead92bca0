"""Which missions a document is about, and what it does to each: establish, extend, adjust, end.

Plain Python. A mission counts when its acronym appears as a word in capitals (``UNMIL``, not
``unmil``) or its English or French name appears in any case and spacing.

The relation of a resolution to a mission is read from its operative paragraphs: a clause whose
verb decides, authorizes or approves and that establishes, extends, adjusts or terminates a named
mission ("Decides to extend the mandate of UNPROFOR", "Decides to establish a United Nations
Operation in Mozambique"). "The Force", "the Mission"... stand for the document's main mission
(the one it names most). A clause that establishes, deploys or adds a part of a mission ("authorizes the
establishment of a United Nations police component ... as an integral part of ONUMOZ", "a presence of
UNPROFOR in ...") adjusts that mission. A document naming a mission without acting on it *concerns* it when
the mission is its main one, and only *mentions* it otherwise; a Secretary-General report *reports* on its
main mission.
"""

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

__all__ = [
    'MissionNames',
    'MissionRelation',
    'Relation',
    'mission_mentions',
    'mission_relations',
    'with_unnumbered_names',
]


@dataclass(frozen=True)
class MissionNames:
    """How a mission is named: its acronym, full names, other acronyms; ``start`` orders a series;
    ``established_by`` is the symbol of the resolution that set it up, as the reference data records it."""

    acronym: str
    names: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    start: date | None = None
    established_by: str = ''


class Relation(StrEnum):
    """What a document does to a mission, strongest first."""

    ESTABLISHES = 'establishes'
    TERMINATES = 'terminates'
    EXTENDS = 'extends'
    ADJUSTS = 'adjusts'
    REPORTS = 'reports'
    CONCERNS = 'concerns'
    MENTIONS = 'mentions'

    @property
    def strength(self) -> int:
        return len(Relation) - list(Relation).index(self)

    @property
    def on_track(self) -> bool:
        """Whether the document belongs to the mission's own track (its mandate and reporting line)."""
        return self is not Relation.MENTIONS


@dataclass(frozen=True)
class MissionRelation:
    acronym: str
    relation: Relation
    paragraph_ref: str  # the operative paragraph that acts on the mission, '' for concerns/mentions/reports
    mentions: int


# UN usage wrote "peace-keeping" until the mid-1990s and "peacekeeping" since: names match either way.
PEACEKEEPING = re.compile(r'peace-?keeping', re.IGNORECASE)
GENERIC = re.compile(
    r"\b(?:the|la|le|l')\s*(?:Force|Mission|Operation|Authority|Observer (?:Group|Mission)|"
    r'peace-?keeping (?:operation|force|mission)|Opération|Autorité|Groupe d.observateurs)\b'
)
DECIDING = re.compile(r'\b(?:decides?|authori[sz]es?|approves?|décide|autorise|approuve)\b', re.IGNORECASE)
# In the patterns, ⟦n⟧ stands for a mission named in the text (n its index) and ⟦g⟧ for "the Force" etc.
MISSION = r'⟦(?P<mission>\d+|g)⟧'
# Between the verb and the mission: no other clause, and nothing that makes the object a part of it
# ("establish a police component of ONUMOZ", "extend the period of withdrawal of ... the Authority").
PART = r'component|unit\b|element|contingent|presence|integral|\bpart\b|composante|élément|présence'
NEAR = rf'(?:(?!{PART}|withdraw)[^;⟦]){{0,120}}?'
# What a mission is set up by: nothing in between may be negated ("this ban not to apply to UNPROFOR flights") or
# be the object of another verb ("established the necessary measures to enable the Mission").
NEAR_ESTABLISHING = rf'(?:(?!{PART}|withdraw|\bnot\b|\bto\s+(?!in\b)[a-z]+\b)[^;⟦]){{0,120}}?'
# Setting up or sending a part of a mission: "the establishment of a police component ... as an integral part of
# ONUMOZ", "deploy additional troops to UNPROFOR".
ADDING = (
    r'establish\w*|set(?:ting)? up|creat\w*|deploy\w*|dispatch\w*|send\w*|établi\w*|cré\w+|déploy\w*|mettre en place'
)
PARTS = rf'(?:{PART}|additional|reinforcement|supplémentaire|renfort)'
# Missions of a series (UNOSOM I, UNOSOM II): texts of the time name the first without its numeral.
SERIES = re.compile(r'^(?P<base>.+?)\s+(?P<numeral>I{1,3}|IV|V)$')
# "Second United Nations Emergency Force": the texts of its time call it "the United Nations Emergency Force".
ORDINAL = re.compile(r'^(?:First|Second|Third|Premi[eè]re?|Deuxi[eè]me|Seconde?|Troisi[eè]me)\s+(?P<base>.+)$')
ESTABLISHING = re.compile(r'\b(?:establish|set(?:s|ting)? up|dispatch|créer|crée|créé|établi)', re.IGNORECASE)
NOT_NUMBERED = r'(?!\s+(?:I{1,3}|IV|V)\b)(?![\w-])'


def _patterns(*sources: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(source, re.IGNORECASE) for source in sources)


ACTIONS = (
    (
        Relation.ESTABLISHES,
        _patterns(
            rf'\b(?:establish\w*|set(?:ting)? up|creat\w*|établi\w*|cré\w+|constitu\w+|mettre en place)'
            rf'{NEAR_ESTABLISHING}{MISSION}',
            rf'{MISSION}{NEAR}\b(?:be|is|are|soit|sera)\s+(?:hereby\s+)?(?:established|set up|created|créée?)',
        ),
    ),
    (
        Relation.TERMINATES,
        _patterns(
            rf'\b(?:terminat\w*|wind(?:ing)? up|liquidat\w*|mettre fin|met fin|clôtur\w*){NEAR}{MISSION}',
            rf'{MISSION}{NEAR}\b(?:shall|will|to|should|doit|prendra)\s+(?:terminate|expire|end|come to an end|'
            r'be terminated|be withdrawn|fin)',
        ),
    ),
    (
        Relation.EXTENDS,
        _patterns(
            rf'\b(?:extend\w*|renew\w*|prolong\w*|prorog\w+|reconduire|renouvel\w*){NEAR}{MISSION}',
            rf'{MISSION}{NEAR}\b(?:be|is|are|soit|sera)\s+(?:extended|renewed|prorogée?)',
        ),
    ),
    (
        Relation.ADJUSTS,
        _patterns(
            rf'\b(?:expan\w*|enlarg\w*|increas\w*|reduc\w*|adjust\w*|modif\w*|strengthen\w*|augment\w*|'
            rf'revis\w*|restructur\w*|élarg\w*|renforc\w*|rédui\w*|ajust\w*){NEAR}{MISSION}',
            rf'\b(?:authori[sz]es?|autorise)\s+{MISSION}',
            rf'\b(?:{ADDING})\b[^;⟦]{{0,120}}?{PARTS}[^;⟦]{{0,120}}?{MISSION}',
            rf'\bmandate of {MISSION}{NEAR}\bshall\b',
            rf'{MISSION}{NEAR}\b(?:shall have the following mandate|shall comprise|shall include)',
        ),
    ),
)


def _name_pattern(name: str) -> str:
    words = (re.escape(word) for word in name.split())
    return PEACEKEEPING.sub(r'peace-?\\s*keeping', r'\s+'.join(words))


@functools.cache
def _mission_pattern(mission: MissionNames) -> re.Pattern:
    names = [f'(?i:{_name_pattern(name)}){NOT_NUMBERED}' for name in mission.names if name]
    acronyms = [rf'(?<![\w-]){re.escape(acronym)}{NOT_NUMBERED}' for acronym in (mission.acronym, *mission.aliases)]
    return re.compile('|'.join(names + acronyms))


def _unnumbered(name: str) -> str:
    """``name`` without its numeral ("UNOSOM II") or ordinal ("Second ... Force"), '' when it has neither."""
    match = SERIES.match(name) or ORDINAL.match(name)
    return match['base'] if match else ''


def with_unnumbered_names(missions, on: date | None) -> list[MissionNames]:
    """``missions`` where the member of each series current ``on`` that date (the latest started by then,
    else the first) also answers to the series' names without numeral (``UNOSOM``)."""
    series = defaultdict(list)
    for mission in missions:
        match = SERIES.match(mission.acronym)
        if match:
            series[match['base']].append(mission)
    chosen = {}
    for base, members in series.items():
        members.sort(key=lambda m: m.start or date.min)
        started = [m for m in members if m.start and on and m.start <= on]
        chosen[(started or members)[-1 if started else 0].acronym] = base
    result = []
    for mission in missions:
        base = chosen.get(mission.acronym)
        if base:
            bare = tuple(filter(None, (_unnumbered(name) for name in mission.names)))
            mission = replace(mission, names=mission.names + bare, aliases=(*mission.aliases, base))
        result.append(mission)
    return result


@functools.cache
def _clues(mission: MissionNames) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Strings one of which a text must contain to name ``mission``: its acronyms (as written) and,
    case-folded, the last word of each name (other than the variable "peace-keeping")."""
    anchors = []
    for name in mission.names:
        words = [word for word in name.split() if not PEACEKEEPING.search(word)]
        if words:
            anchors.append(words[-1].casefold())
    return (mission.acronym, *mission.aliases), tuple(anchors)


def _may_name(mission: MissionNames, text: str, folded: str) -> bool:
    acronyms, anchors = _clues(mission)
    return any(acronym in text for acronym in acronyms) or any(anchor in folded for anchor in anchors)


def mission_mentions(text: str, missions) -> dict[str, int]:
    """Acronym -> number of mentions in ``text``, for the ``missions`` (``MissionNames``) mentioned at all."""
    found = {}
    folded = text.casefold()
    for mission in missions:
        # A cheap test first: most missions are not named at all, and their patterns are slow to run.
        count = len(_mission_pattern(mission).findall(text)) if _may_name(mission, text, folded) else 0
        if count:
            found[mission.acronym] = count
    return found


def _mark_missions(text: str, missions: list[MissionNames]) -> str:
    """``text`` with every named mission replaced by ⟦n⟧ (its index) and generic names by ⟦g⟧."""
    spans = []
    for index, mission in enumerate(missions):
        spans += [(m.start(), m.end(), index) for m in _mission_pattern(mission).finditer(text)]
    # Longest first where names overlap (a full name containing another mission's acronym).
    spans.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    marked, position = [], 0
    for start, end, index in spans:
        if start < position:
            continue
        marked += [text[position:start], f'⟦{index}⟧']
        position = end
    marked.append(text[position:])
    return GENERIC.sub('⟦g⟧', ' '.join(''.join(marked).split()))


def _actions(paragraph_text: str, missions: list[MissionNames]) -> list[tuple[Relation, int | None]]:
    """(relation, mission index) of the deciding clauses of one operative paragraph; None for "the Force"."""
    found = []
    for clause in re.split(r';', _mark_missions(paragraph_text, missions)):
        if not DECIDING.search(clause):
            continue
        for relation, patterns in ACTIONS:
            # The strongest relation the clause expresses, whatever the earlier clauses did.
            acts = [match['mission'] for pattern in patterns for match in pattern.finditer(clause)]
            if acts:
                found += [(relation, None if mission == 'g' else int(mission)) for mission in acts]
                break
    return found


def mission_relations(
    operative: list[tuple[str, str]],
    full_text: str,
    missions,
    *,
    on: date | None = None,
    is_report: bool = False,
    symbol: str = '',
) -> list[MissionRelation]:
    """The relation of a document to each mission it names, or that it set up, strongest first.

    ``operative`` holds ``(ref, text)`` of its operative paragraphs, ``full_text`` its whole text
    (for counting mentions), ``missions`` the candidate ``MissionNames``, ``on`` the document's date and
    ``symbol`` its symbol: a mission ``established_by`` that symbol is established by it even where the text
    does not name it ("Decides to dispatch urgently an observation group to proceed to Lebanon").
    """
    missions = with_unnumbered_names(missions, on)
    counts = mission_mentions(full_text, missions)
    named = [mission for mission in missions if mission.acronym in counts]
    set_up = [mission.acronym for mission in missions if symbol and mission.established_by == symbol]
    return _with_established(_named_relations(operative, named, counts, is_report), set_up, operative)


def _strongest_first(relation: MissionRelation) -> tuple:
    return -relation.relation.strength, -relation.mentions, relation.acronym


def _with_established(
    relations: list[MissionRelation], acronyms: list[str], operative: list[tuple[str, str]]
) -> list[MissionRelation]:
    """``relations`` where each mission of ``acronyms`` is established, in the first paragraph that sets something
    up (else the first that decides)."""
    if not acronyms:
        return relations
    ref = next((ref for ref, text in operative if ESTABLISHING.search(text)), '') or next(
        (ref for ref, text in operative if DECIDING.search(text)), ''
    )
    by_acronym = {relation.acronym: relation for relation in relations}
    for acronym in acronyms:
        found = by_acronym.get(acronym, MissionRelation(acronym, Relation.ESTABLISHES, '', 0))
        by_acronym[acronym] = replace(found, relation=Relation.ESTABLISHES, paragraph_ref=found.paragraph_ref or ref)
    return sorted(by_acronym.values(), key=_strongest_first)


def _named_relations(
    operative: list[tuple[str, str]], named: list[MissionNames], counts: dict[str, int], is_report: bool
) -> list[MissionRelation]:
    """The relation of a document to each mission of ``named`` (``counts`` its mentions), strongest first."""
    if not named:
        return []
    acts = [(ref, relation, index) for ref, text in operative for relation, index in _actions(text, named)]
    # The main mission: the one acted on by name most strongly, else the one named most.
    ranked = sorted(
        (
            (relation.strength, counts[named[index].acronym], named[index].acronym)
            for _, relation, index in acts
            if index is not None
        ),
        reverse=True,
    )
    main_acronym = ranked[0][2] if ranked else Counter(counts).most_common(1)[0][0]
    best: dict[str, tuple[Relation, str]] = {}
    for ref, relation, index in acts:
        acronym = main_acronym if index is None else named[index].acronym
        if acronym not in best or relation.strength > best[acronym][0].strength:
            best[acronym] = (relation, ref)
    default = Relation.REPORTS if is_report else Relation.CONCERNS
    relations = [
        MissionRelation(
            acronym=mission.acronym,
            relation=best.get(mission.acronym, (default if mission.acronym == main_acronym else Relation.MENTIONS,))[0],
            paragraph_ref=best.get(mission.acronym, (None, ''))[1],
            mentions=counts[mission.acronym],
        )
        for mission in named
    ]
    return sorted(relations, key=_strongest_first)
