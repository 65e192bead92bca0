"""Rule-based paragraph coder: which codebook codes a paragraph carries, with which modality.

Plain Python: no Django import. For each paragraph the coder finds the vocabulary of every code
(``codebook.yaml`` patterns, minus their exclusions) and decides the modality of each find:

* the force of the governing verb and its addressee (``coding/force.py``) come first: a
  declaratory, condemning or demanding clause assigns no task (modality None: the Council speaks,
  or binds parties and States); an encouraging clause, or a request addressed to someone other than
  the mission, gives ``encourage``;
* a request to the Secretary-General to report, submit, examine, consult... (information for the
  Council) is no task either: modality None;
* otherwise the task verbs govern: the nearest one before the find in its clause, with the verbs
  coordinated with it (``monitor and assist``), plus a verb joined right after it by ``and``
  (``training to the police and monitor``); failing those, a close verb after it;
* a request to the mission with no task verb (``to pay special attention to``) gives ``assist``.

A paragraph may hold several clauses with their own verbs (``...; and requests the Mission to``):
each clause is read separately. A sub-item (``(b) To monitor ...``) has no verb of its own and
takes the force and addressee of its chapeau, passed as ``context``.

A generic mention of security sector reform (``ssr.generic``) is coded as itself and, as implicit
hits (``explicit=False``), as each component in its ``expands_to`` list that the paragraph does not
name explicitly, because PEMA splits a generic SSR task into component tasks.
"""

import dataclasses
import re
from dataclasses import dataclass

from .codebook import Codebook, Match
from .force import Addressee, AddresseeReading, Force, ForceReading, read_addressee, read_force

__all__ = [
    'ClauseReading',
    'CodeHit',
    'Evidence',
    'ParagraphCoding',
    'code_adopted',
    'code_span',
    'code_document',
    'code_paragraph',
    'is_mission_task',
]

MISSION = Addressee.MISSION_OR_SG
NO_ADDRESSEE = Addressee.NONE
# The Council declares, condemns or demands (of parties and States): no task for the mission.
NON_TASKING = (Force.DECLARATORY, Force.CONDEMNS, Force.DEMANDS)
# Verbs that open a further clause of an operative paragraph (after a semicolon or ", and").
CLAUSE_VERBS = {
    'en': (
        r'(?:also |further |again |once again |strongly |urgently )?(?:requests?|decides?|urges?|calls? (?:up)?on|'
        r'encourages?|invites?|demands?|authori[sz]es?|welcomes?|stresses|emphasi[sz]es|underlines|reaffirms|'
        r'reiterates|notes|expresses|condemns|supports|commends|appeals|endorses|approves|recognizes|affirms)'
    ),
    'fr': (
        r'(?:prie|décide|demande|exhorte|engage|encourage|invite|exige|autorise|se félicite|salue|souligne|'
        r'réaffirme|réitère|note|prend note|condamne|appuie|approuve|reconnaît|affirme|lance un appel)'
    ),
}
CLAUSE_BREAK = r'(?:;|:|,? and (?:also |further )?|,? et )\s*(?={verbs}\b)'
# A mission named without read_addressee seeing it as the addressee (``extend the mandate of UNPROFOR to``).
MISSION_MENTION = re.compile(
    r'\b(?:the (?:Mission|Force|Operation|Authority|peace-?keeping (?:operation|mission|force))|'
    r'la (?:Mission|Force|Opération)|(?:UN|MI|MO|ON|BI)[A-Z]{2,}[A-Z0-9-]*)\b'
)
# ``calls upon all parties to cooperate fully with the Authority to identify minefields``: others are asked to work
# with the mission on a task, which is then the mission's too (PEMA codes it so). The task follows the phrase in its
# clause, or precedes it when the phrase ends ``in this regard``.
COOPERATION_WITH_MISSION = re.compile(
    r'\b(?:cooperat\w*|co-operat\w*|collaborat\w*|work(?:ing)?\s+(?:together\s+)?|coopér\w*|collabor\w*)\s+'
    r'(?:fully\s+|closely\s+|pleinement\s+|étroitement\s+)?(?:with|avec)\s+(?:(?:la|le)\s+|l\')?'
    r'(?:' + MISSION_MENTION.pattern + r')'
)
REFERRING_BACK = re.compile(
    r'^[,\s]*(?:in\s+(?:this|that)\s+(?:regard|respect|process)|to\s+(?:this|that)\s+end|for\s+this\s+purpose'
    r'|à\s+cet\s+égard|à\s+cette\s+fin|dans\s+ce\s+(?:domaine|processus))\b',
    re.IGNORECASE,
)
COOPERATION_RULE = 'cooperation:with-mission'
# ``Determines that the police monitors shall provide ...``: a declaratory verb that sets the mission's tasks.
DETERMINING = re.compile(
    r'^(?:also |further )?(?:determines|affirms|declares|détermine|affirme|déclare)\b', re.IGNORECASE
)
MANDATE_SHALL = re.compile(
    MISSION_MENTION.pattern + r'[^;:]{0,120}?\b(?:shall|will|is to|are to|doit|doivent|sera|seront)\b'
)
AFTER_WINDOW = 40
AND_THEN = re.compile(r'^\s+(?:and|et)\s+(?:to\s+|also\s+)?$', re.IGNORECASE)
REPORTING = re.compile(r'\b(?:report|rapport|rendre compte)', re.IGNORECASE)
# ``Requests the Secretary-General to submit a report on options for ...``: the first infinitive after the
# addressee asks for information or deliberation, not for a task of the mission.
FIRST_INFINITIVE = {
    'en': re.compile(
        r'[^;]{0,160}?\bto\s+(?:(?:continue|also|further|urgently|immediately|expeditiously|promptly|'
        r'actively|carefully|closely)\s+(?:to\s+)?)*(?P<verb>\w+)',
        re.IGNORECASE,
    ),
    'fr': re.compile(
        r"[^;]{0,160}?\b(?:de|d['’])\s*(?:continuer\s+(?:de|à)\s+|lui\s+|leur\s+)*(?P<verb>\w+)", re.IGNORECASE
    ),
}
DELIBERATIVE = re.compile(
    r'^(?:report|submit|inform|keep|examine|consider|study|explore|consult|present|transmit|prepare|recommend|'
    r'evaluate|review|assess|analy[sz]e|look|contact|seek|conclude|'
    r'faire|présenter|informer|tenir|examiner|étudier|envisager|consulter|soumettre|transmettre|préparer|évaluer|'
    r'recommander|conclure)$',
    re.IGNORECASE,
)
SECRETARY_GENERAL = re.compile(r'Secr[eé]tai?r[ey]?\W{1,3}G[eé]n[eé]ra', re.IGNORECASE)
# Text that may sit between two coordinated task verbs (``monitor and assist``, ``guidance and training to``).
COORDINATION = re.compile(r'^[\s,]*(?:and|or|as well as|et|ou)?(?: to| à| d[e\'’])?[\s,]*$', re.IGNORECASE)


# Section: results


@dataclass(frozen=True)
class Evidence:
    """A span of the coded paragraph text and the rule that found it."""

    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class CodeHit:
    """One code found in a paragraph, with its modality (None when the paragraph assigns no task)."""

    code: str
    modality: str | None
    explicit: bool
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ClauseReading:
    """The governing force and addressee of one clause (``start``-``end`` in the paragraph text)."""

    start: int
    end: int
    force: Force
    addressee: Addressee


@dataclass(frozen=True)
class ParagraphCoding:
    """The coding of one paragraph of a structured document.

    ``force_reading`` and ``addressee_reading`` are the paragraph's own (spans into its text);
    ``effective_force`` and ``effective_addressee`` are those that govern its first clause, taken
    from the chapeau for a sub-item without a verb of its own; ``clauses`` gives them per clause.
    """

    ref: str
    kind: str
    force_reading: ForceReading
    addressee_reading: AddresseeReading
    hits: tuple[CodeHit, ...]
    effective_force: Force = Force.DECLARATORY
    effective_addressee: Addressee = NO_ADDRESSEE
    clauses: tuple[ClauseReading, ...] = ()

    @property
    def force(self) -> Force:
        """The force governing the paragraph: its own opening verb's, else (a sub-item) its chapeau's."""
        return self.force_reading.force if self.force_reading.verb else self.effective_force

    @property
    def addressee(self) -> Addressee:
        """Who the paragraph addresses: from its own verb, else (a sub-item) from its chapeau."""
        return self.addressee_reading.addressee if self.force_reading.verb else self.effective_addressee


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    force: Force
    addressee: Addressee
    force_evidence: Evidence | None
    addressee_evidence: Evidence | None
    addressee_text: str
    deliberative: bool = False


@dataclass(frozen=True)
class _Context:
    force: Force
    addressee: Addressee
    addressee_text: str
    deliberative: bool = False


# Section: clauses, force and addressee


def _clause_starts(text: str, language: str) -> list[int]:
    verbs = CLAUSE_VERBS.get(language, CLAUSE_VERBS['en'])
    pattern = re.compile(CLAUSE_BREAK.format(verbs=verbs), re.IGNORECASE)
    return [0, *(m.end() for m in pattern.finditer(text))]


def _deliberative(text: str, addressee: AddresseeReading, language: str) -> bool:
    """The Secretary-General is asked to report, examine, consult...: information for the Council, no task."""
    if not SECRETARY_GENERAL.search(text[addressee.start : addressee.end]):
        return False
    pattern = FIRST_INFINITIVE.get(language, FIRST_INFINITIVE['en'])
    match = pattern.match(text, addressee.end)
    return bool(match and DELIBERATIVE.match(match['verb']))


def _reading(text: str, offset: int, language: str):
    """Force, addressee, their evidence (offset into the paragraph), the addressee phrase, a deliberative flag."""
    force = read_force(text, language)
    addressee = read_addressee(text, language)
    force_evidence = (
        Evidence(offset + force.start, offset + force.end, f'force:{force.force.name.lower()}') if force.verb else None
    )
    addressee_evidence = None
    addressee_text = ''
    if addressee.addressee != NO_ADDRESSEE and addressee.end > addressee.start:
        addressee_evidence = Evidence(
            offset + addressee.start, offset + addressee.end, f'addressee:{addressee.addressee}'
        )
        addressee_text = text[addressee.start : addressee.end]
    deliberative = _deliberative(text, addressee, language)
    return force, addressee, force_evidence, addressee_evidence, addressee_text, deliberative


def _context_of(context, language: str) -> _Context | None:
    """The governing force and addressee of a chapeau (its text or its ParagraphCoding)."""
    if context is None:
        return None
    if isinstance(context, ParagraphCoding):
        return _Context(context.effective_force, context.effective_addressee, '')
    if isinstance(context, _Context):
        return context
    first = _clauses(str(context), language, 'operative', None)[0]
    return _Context(first.force, first.addressee, first.addressee_text, first.deliberative)


def _sets_mission_tasks(verb: str, text: str) -> bool:
    """``Determines that the Mission shall ...``: a declaratory opener that lays down the mission's tasks."""
    return bool(verb and DETERMINING.match(verb) and MANDATE_SHALL.search(text))


def _clauses(text: str, language: str, kind: str, context: _Context | None) -> list[_Clause]:
    starts = _clause_starts(text, language)
    clauses = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        reading = _reading(text[start:end], start, language)
        force, addressee, force_ev, addressee_ev, addressee_text, deliberative = reading
        effective_force, effective_addressee = force.force, addressee.addressee
        if not force.verb and index == 0 and context is not None:
            effective_force, deliberative = context.force, context.deliberative
            if effective_addressee == NO_ADDRESSEE:
                effective_addressee, addressee_text = context.addressee, context.addressee_text
        elif not force.verb and index > 0:
            continue
        if effective_addressee == NO_ADDRESSEE and MISSION_MENTION.search(text[start:end]):
            effective_addressee = MISSION
        if effective_force == Force.DECLARATORY and _sets_mission_tasks(force.verb, text[start:end]):
            effective_force, effective_addressee = Force.DECIDES, MISSION
        if kind == 'preambular':
            effective_force = Force.DECLARATORY
        clauses.append(
            _Clause(
                start, end, effective_force, effective_addressee, force_ev, addressee_ev, addressee_text, deliberative
            )
        )
    merged = []
    for clause in clauses:  # a skipped break joins its text to the clause before
        if merged and merged[-1].end < clause.start:
            merged[-1] = _replace_end(merged[-1], clause.start)
        merged.append(clause)
    if merged and merged[-1].end < len(text):
        merged[-1] = _replace_end(merged[-1], len(text))
    return merged


def _replace_end(clause: _Clause, end: int) -> _Clause:
    return dataclasses.replace(clause, end=end)


def _clause_at(clauses: list[_Clause], position: int) -> _Clause:
    for clause in clauses:
        if clause.start <= position < clause.end:
            return clause
    return clauses[-1]


# Section: modality


def _modality_matches(codebook: Codebook, text: str, language: str) -> list[tuple[str, Match]]:
    """Task-verb spans of every modality; of overlapping spans the longest wins."""
    found = [(code, match) for code, spec in codebook.modalities.items() for match in spec.find(text, language)]
    found.sort(key=lambda item: (-(item[1].end - item[1].start), item[1].start))
    kept: list[tuple[str, Match]] = []
    for code, match in found:
        if not any(match.start < other.end and other.start < match.end for _, other in kept):
            kept.append((code, match))
    return sorted(kept, key=lambda item: item[1].start)


def _verb_chain(text: str, before: list[tuple[str, Match]]) -> list[tuple[str, Match]]:
    """The nearest task verb and the verbs coordinated with it (``monitor and assist``)."""
    chain = [before[-1]]
    for item in reversed(before[:-1]):
        gap = text[item[1].end : chain[-1][1].start]
        if not COORDINATION.match(gap):
            break
        chain.append(item)
    return chain


def _governing_verbs(text: str, match: Match, clause: _Clause, verbs: list[tuple[str, Match]]):
    opening = clause.force_evidence
    in_clause = [
        item
        for item in verbs
        if clause.start <= item[1].start < clause.end
        and not (opening and item[1].start < opening.end and opening.start < item[1].end)
    ]
    before = [item for item in in_clause if item[1].end <= match.start]
    after = [item for item in in_clause if item[1].start >= match.end]
    # A verb right after the find also governs it when joined by ``and`` (``training to the police and monitor``);
    # alone, it governs it when close and not across a comma.
    following = []
    if after and after[0][1].start - match.end <= AFTER_WINDOW:
        gap = text[match.end : after[0][1].start]
        if AND_THEN.match(gap) or (not before and ',' not in gap):
            following = after[:1]
    return (_verb_chain(text, before) if before else []) + following


def _is_reporting_duty(text: str, clause: _Clause, chain) -> bool:
    """A request to the Secretary-General to (investigate and) report back: not a mission task."""
    if not SECRETARY_GENERAL.search(clause.addressee_text or ''):
        return False
    return any(REPORTING.match(text[m.start : m.end]) for _, m in chain)


def _modalities(text: str, match: Match, clause: _Clause, verbs) -> list[tuple[str | None, tuple[Evidence, ...]]]:
    """The modalities of one code find, each with the evidence that decided it."""
    if clause.force in NON_TASKING or clause.deliberative:
        return [(None, ())]
    if clause.force == Force.ENCOURAGES:
        return [('encourage', (clause.force_evidence,) if clause.force_evidence else ())]
    if clause.addressee not in (MISSION, NO_ADDRESSEE):
        if clause.force == Force.REQUESTS:
            return [('encourage', tuple(e for e in (clause.force_evidence, clause.addressee_evidence) if e))]
        return [(None, ())]
    chain = _governing_verbs(text, match, clause, verbs)
    if chain and _is_reporting_duty(text, clause, chain):
        return [(None, ())]
    if not chain:
        if clause.addressee != MISSION or clause.force != Force.REQUESTS:
            return [(None, ())]
        # The mission is asked to attend to the matter without a task verb (``to pay special attention to``).
        return [('assist', tuple(e for e in (clause.force_evidence, clause.addressee_evidence) if e))]
    by_modality: dict[str, list[Evidence]] = {}
    for code, verb in chain:
        by_modality.setdefault(code, []).append(Evidence(verb.start, verb.end, verb.rule))
    return [(code, tuple(evidence)) for code, evidence in by_modality.items()]


# Section: coding


def _shared_with_mission(text: str, clauses) -> list[tuple[int, int, Evidence]]:
    """The spans whose tasks others are asked to take up with the mission, each with the phrase that says so."""
    spans = []
    for found in COOPERATION_WITH_MISSION.finditer(text):
        clause = _clause_at(clauses, found.start())
        if clause.force in (Force.DECLARATORY, Force.CONDEMNS) or clause.deliberative:
            continue
        evidence = Evidence(found.start(), found.end(), COOPERATION_RULE)
        start = 0 if REFERRING_BACK.match(text[found.end() :]) else found.start()
        spans.append((start, clause.end, evidence))
    return spans


def _hits_for(spec_code: str, matches: list[Match], text: str, clauses, verbs, shared) -> dict:
    grouped: dict[str | None, list[Evidence]] = {}
    for match in matches:
        clause = _clause_at(clauses, match.start)
        with_mission = [evidence for start, end, evidence in shared if start <= match.start < end]
        if with_mission and clause.addressee != MISSION:
            modalities = [('assist', tuple(with_mission))]
        else:
            modalities = _modalities(text, match, clause, verbs)
        for modality, evidence in modalities:
            bucket = grouped.setdefault(modality, [])
            bucket.append(Evidence(match.start, match.end, match.rule))
            bucket.extend(evidence)
    if len(grouped) > 1:
        grouped.pop(None, None)
    return {(spec_code, modality): evidence for modality, evidence in grouped.items()}


def _unique(evidence: list[Evidence]) -> tuple[Evidence, ...]:
    return tuple(sorted(set(evidence), key=lambda e: (e.start, e.end, e.rule)))


def _expand(codebook: Codebook, found: dict) -> dict:
    """Implicit component hits for generic SSR mentions, where the component is not named."""
    named = {code for code, _ in found}
    implicit = {}
    for (code, modality), evidence in found.items():
        for target in codebook.codes[code].expands_to:
            if target not in named:
                implicit.setdefault((target, modality), []).extend(evidence)
    return implicit


def code_paragraph(
    text: str, codebook: Codebook, language: str = 'en', *, kind: str = 'operative', context=None
) -> list[CodeHit]:
    """Code one paragraph: the codes it carries, each with its modality, explicitness and evidence.

    ``kind`` is ``preambular``, ``operative`` or ``annex`` (preambular paragraphs are declaratory);
    ``context`` is the chapeau of a sub-item (its text or its :class:`ParagraphCoding`), whose force
    and addressee govern a sub-item that has no verb of its own.
    """
    return list(_code(text, codebook, language, kind, _context_of(context, language))[0])


def _code(text: str, codebook: Codebook, language: str, kind: str, context: _Context | None):
    clauses = _clauses(text, language, kind, context)
    verbs = shared = None  # read when a code is found: most paragraphs have none
    found: dict = {}
    for spec in codebook.codes.values() if codebook.may_match(text, language) else ():
        matches = spec.find(text, language)
        if matches:
            if verbs is None:
                verbs, shared = _modality_matches(codebook, text, language), _shared_with_mission(text, clauses)
            found.update(_hits_for(spec.code, matches, text, clauses, verbs, shared))
    hits = [CodeHit(code, modality, True, _unique(evidence)) for (code, modality), evidence in found.items()]
    hits += [
        CodeHit(code, modality, False, _unique(evidence))
        for (code, modality), evidence in _expand(codebook, found).items()
    ]
    hits.sort(key=lambda hit: (hit.evidence[0].start if hit.evidence else 0, hit.code, hit.modality or ''))
    return tuple(hits), clauses


def code_span(hit: CodeHit) -> Evidence | None:
    """The evidence of the code's own words (not its verb, force or addressee), None when there is none."""
    for evidence in hit.evidence:
        if not evidence.rule.startswith(('modality.', 'force:', 'addressee:')):
            return evidence
    return None


def is_mission_task(coding: ParagraphCoding, hit: CodeHit) -> bool:
    """Whether ``hit`` is a task the Council gives or recommends to the mission (PEMA's unit).

    The hit needs a modality (a tasking or encouraging verb) and its clause must be addressed to
    the mission or the Secretary-General, or others must be asked to take the task up with the mission
    (``COOPERATION_RULE`` in its evidence).
    """
    if hit.modality is None or coding.kind == 'preambular':
        return False
    if any(evidence.rule == COOPERATION_RULE for evidence in hit.evidence):
        return True
    span = code_span(hit)
    position = span.start if span else 0
    for clause in coding.clauses:
        if clause.start <= position < clause.end:
            return clause.addressee == MISSION
    return coding.effective_addressee == MISSION


def code_adopted(text: str, codebook: Codebook, language: str, adopting: str) -> list[CodeHit]:
    """The mission tasks of a report paragraph that a resolution adopts by reference (``Authorizes ... a police
    component ... with the mandate described in paragraphs 9 to 18 of document S/1994/89/Add.1``).

    The report paragraph is read as a sub-item of the ``adopting`` paragraph: where it has no Council verb of its
    own (``The police component would monitor ...``), the adopting paragraph's force and addressee govern it, so
    its task verbs give the modality as they would in the resolution.
    """
    hits, clauses = _code(text, codebook, language, 'operative', _context_of(adopting, language))
    coding = ParagraphCoding(
        ref='',
        kind='operative',
        force_reading=read_force(text, language),
        addressee_reading=read_addressee(text, language),
        hits=hits,
        effective_force=clauses[0].force,
        effective_addressee=clauses[0].addressee,
        clauses=tuple(ClauseReading(c.start, c.end, c.force, c.addressee) for c in clauses),
    )
    return [hit for hit in hits if is_mission_task(coding, hit)]


def code_document(structured, codebook: Codebook, language: str = 'en') -> list[ParagraphCoding]:
    """Code every paragraph of a :class:`StructuredDocument`, in document order.

    Preambular paragraphs are coded too, as declaratory. A sub-item is read in the context of its
    chapeau (``parent_ref``).
    """
    contexts: dict[str, _Context] = {}
    result = []
    for paragraph in structured.paragraphs:
        kind = getattr(paragraph.kind, 'value', paragraph.kind)
        context = contexts.get(paragraph.parent_ref) if paragraph.parent_ref else None
        hits, clauses = _code(paragraph.text, codebook, language, kind, context)
        first = clauses[0]
        coding = ParagraphCoding(
            ref=paragraph.ref,
            kind=kind,
            force_reading=read_force(paragraph.text, language),
            addressee_reading=read_addressee(paragraph.text, language),
            hits=hits,
            effective_force=first.force,
            effective_addressee=first.addressee,
            clauses=tuple(ClauseReading(c.start, c.end, c.force, c.addressee) for c in clauses),
        )
        # The clause that introduces a list of items is the chapeau's last ('..., and requests X to:').
        last = clauses[-1]
        contexts[paragraph.ref] = _Context(last.force, last.addressee, last.addressee_text, last.deliberative)
        result.append(coding)
    return result
