"""Force of the opening verb of a Security Council paragraph, and who the paragraph addresses.

Pure Python (no Django). Contract: docs/document-intelligence.md, section "ssrhub/coding/force.py".

The force of a paragraph is its opening verb placed on the ordinal scale of the CRSV dataset (Chikuhwa & He,
v2026.09): decides/authorizes > demands > condemns > requests/calls upon/urges > encourages > declaratory.
The opening verb is the first finite verb of the paragraph after a number or letter label, an optional
subject ("The Security Council"), optional leading adverbs ("Strongly", "Further", "Also", "Once again") and,
for the formula "Acting under Chapter VII of the Charter ...,", that formula. A paragraph that opens with a
preambular participle or adjective ("Recalling", "Noting", "Deeply concerned", "Rappelant", "Préoccupé") is
DECLARATORY even when a finite verb follows later (the CRSV coding does the same: "Recognizing ..., urges" is
recorded under "Recognizing").

Mappings that are not obvious from the scale (each one a decision; the verb tables below are the full lexicon):

| opener                                                         | force       | why                                |
| -------------------------------------------------------------- | ----------- | ---------------------------------- |
| Approves, Accepts, Agrees (that/to), Resolves, Adopts          | DECIDES     | formal acts of the Council itself  |
| Establishes, Appoints, Mandates, Entrusts, Instructs, Directs  | DECIDES     | the Council creates or binds organs|
| Extends / Renews the mandate (the stationing, the period)      | DECIDES     | a mandate renewal is a decision    |
| Extends / Renews its thanks, support, offer...                 | DECLARATORY | possessive object: no act          |
| Reiterates / Reaffirms / Renews / Confirms / Expresses its ... |             | the restated act is the obligation |
|   ... demand(s)                                                | DEMANDS     | the paragraph creates (CODING-RULES|
|   ... call(s), request(s), appeal(s)                           | REQUESTS    | "record the tier that best         |
|   ... condemnation                                             | CONDEMNS    | describes the obligation it        |
|   ... decision, approval, authorization                        | DECIDES     | creates")                          |
|   ... intention, readiness, support, concern...                | DECLARATORY | the Council speaks of itself       |
| Recalls its decision / request / demand                        | DECLARATORY | recalling an act does not remake it|
| Orders, Insists, Requires, Enjoins                             | DEMANDS     | commands addressed to a party      |
| Deplores, Censures, Deprecates, Denounces, Rejects             | CONDEMNS    | censure of conduct                 |
| Calls upon / on / for, Appeals to, Asks, Recommends, Expects   | REQUESTS    | asks someone to act                |
| Calls attention to, Draws attention to                         | DECLARATORY | draws notice, asks nothing         |
| Invites                                                        | ENCOURAGES  | a soft ask that may be declined    |
| Endorses, Supports, Welcomes, Commends, Takes note, Stresses,  | DECLARATORY | no obligation on anyone            |
| Underlines, Emphasizes, Notes, Affirms, Declares, Determines,  |             |                                    |
| Considers, Warns, Reminds, Undertakes, Expresses its intention |             |                                    |
| Acting under Chapter VII ..., decides                          | DECIDES     | the formula is skipped             |
| Recognizing ..., urges (participle opener)                     | DECLARATORY | as the CRSV file codes it          |
| French "Demande" / "Exige"                                     | REQUESTS / DEMANDS | UN French usage             |
| French "Insiste pour que" / "Insiste sur"                      | DEMANDS / DECLARATORY | insists that / stresses  |

Where the CRSV file and the README scale disagree, the README scale wins: the file records three paragraphs
under the bare "Reiterates" whose text reads "Reiterates its demands that..." (S/RES/2149 14, S/RES/2301 20)
and "Reiterates its call upon..." (S/RES/1794 15), while it records "Reiterates its demand for..." as a demand;
this module reads all of them as the restated demand or call.

The addressee is the first actor named after the opening verb (after "that" / "to" and one parenthetical
phrase between commas): 'Requests the Secretary-General, in consultation with Member States, to...' is
mission-or-sg. Decisions: Secretariat departments (DPKO, DPA) and thematic Special Representatives are
mission-or-sg; Council subsidiary bodies (sanctions committees, panels of experts, CTED, the Monitoring Team)
and UN agencies, funds and programmes are un-system; African Union and other regional missions (AMISOM,
ATMIS, ECOMOG) and non-UN intergovernmental bodies (FATF, "international organizations") are
regional-organisations; national armed and police forces (FARDC, SSPDF, "national security forces") are
national-authorities; the Kenya-led Multinational Security Support mission and "troop-contributing
countries" are member-states; a country named as the object ("Calls upon Israel", "Demands that Iraq") is
national-authorities, a country in a place phrase ("in Mali") is not an addressee. Declaratory paragraphs and
decisions about the Council's own work ("Decides to remain seized", "Decides to keep ... under review") are
none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

__all__ = [
    'Addressee',
    'AddresseeReading',
    'Force',
    'ForceReading',
    'read_addressee',
    'read_force',
]


# Section: public types


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


_D, _DM, _C, _R, _E, _X = (
    Force.DECIDES,
    Force.DEMANDS,
    Force.CONDEMNS,
    Force.REQUESTS,
    Force.ENCOURAGES,
    Force.DECLARATORY,
)


# Section: English verb lexicon (lemma -> force)

_EN_VERBS: dict[str, Force] = {
    # decides / authorizes: the Council acts or binds
    'accept': _D,
    'adopt': _D,
    'agree': _D,
    'appoint': _D,
    'approve': _D,
    'authorize': _D,
    'charge': _D,
    'create': _D,
    'decide': _D,
    'designate': _D,
    'direct': _D,
    'dissolve': _D,
    'entrust': _D,
    'establish': _D,
    'extend': _D,
    'impose': _D,
    'instruct': _D,
    'lift': _D,
    'mandate': _D,
    'renew': _D,
    'resolve': _D,
    'terminate': _D,
    # demands
    'demand': _DM,
    'enjoin': _DM,
    'insist': _DM,
    'order': _DM,
    'require': _DM,
    # condemns
    'censure': _C,
    'condemn': _C,
    'denounce': _C,
    'deplore': _C,
    'deprecate': _C,
    'reject': _C,
    # requests / calls upon / urges
    'appeal': _R,
    'ask': _R,
    'call': _R,
    'exhort': _R,
    'expect': _R,
    'recommend': _R,
    'request': _R,
    'urge': _R,
    # encourages
    'encourage': _E,
    'invite': _E,
    # declaratory
    'acknowledge': _X,
    'address': _X,
    'advise': _X,
    'affirm': _X,
    'applaud': _X,
    'appreciate': _X,
    'bear': _X,
    'believe': _X,
    'commend': _X,
    'concur': _X,
    'conclude': _X,
    'confirm': _X,
    'congratulate': _X,
    'consider': _X,
    'continue': _X,
    'declare': _X,
    'deem': _X,
    'desire': _X,
    'determine': _X,
    'draw': _X,
    'emphasize': _X,
    'endorse': _X,
    'express': _X,
    'find': _X,
    'highlight': _X,
    'hold': _X,
    'issue': _X,
    'lend': _X,
    'look': _X,
    'maintain': _X,
    'make': _X,
    'note': _X,
    'observe': _X,
    'pay': _X,
    'pledge': _X,
    'praise': _X,
    'reaffirm': _X,
    'recall': _X,
    'recognize': _X,
    'reconfirm': _X,
    'record': _X,
    'reemphasize': _X,
    'regret': _X,
    'reiterate': _X,
    'rely': _X,
    'remain': _X,
    'remind': _X,
    'repeat': _X,
    'repose': _X,
    'reserve': _X,
    'restate': _X,
    'salute': _X,
    'share': _X,
    'stand': _X,
    'stress': _X,
    'support': _X,
    'take': _X,
    'thank': _X,
    'transmit': _X,
    'underline': _X,
    'underscore': _X,
    'undertake': _X,
    'warn': _X,
    'welcome': _X,
}

# Verbs met only as preambular participles ("Having considered", "Acting under", "Desiring to").
_EN_PARTICIPLE_ONLY = frozenset(
    'act anticipate be deal guide have keep mind realize refer respond seek view wish'.split()
)

# Preambular adjectives and past participles ("Deeply concerned", "Mindful of", "Convinced that").
_EN_ADJECTIVES = frozenset(
    """alarmed anxious appalled apprehensive aware cognisant cognizant committed concerned confident conscious
    convinced desirous determined disappointed dismayed distressed disturbed eager encouraged fearful gratified
    grieved guided heartened hopeful horrified impressed indignant inspired mindful motivated moved outraged
    perturbed pleased resolved saddened satisfied seized sensible shocked troubled worried""".split()
)

_EN_ADVERBS = frozenset(
    """accordingly additionally again also categorically consistently deeply earnestly emphatically equally
    especially expressly finally firmly formally fully furthermore further gravely hereby highly likewise moreover
    most particularly profoundly repeatedly resolutely seriously similarly sincerely solemnly specifically
    strongly therefore totally unanimously unequivocally unreservedly urgently vehemently vigorously warmly""".split()
)

# Multi-word adverbs, as normalised token sequences.
_EN_ADVERB_PHRASES = (
    ('once', 'again'),
    ('once', 'more'),
    ('yet', 'again'),
    ('in', 'addition'),
    ('in', 'particular'),
    ('in', 'this', 'regard'),
    ('in', 'this', 'context'),
)

# lemma -> ((particle tokens, force override or None, printed with the verb), ...)
_EN_PHRASES: dict[str, tuple[tuple[tuple[str, ...], Force | None, bool], ...]] = {
    'agree': ((('with',), _X, False),),
    'bear': ((('in', 'mind'), None, True),),
    'call': (
        (('upon',), None, True),
        (('on',), None, True),
        (('for',), None, True),
        (('attention', 'to'), _X, True),
        (('attention',), _X, True),
    ),
    'draw': ((('attention', 'to'), None, True), (('the', 'attention', 'of'), None, True)),
    'look': ((('forward', 'to'), None, True),),
    'pay': ((('tribute', 'to'), None, True), (('homage', 'to'), None, True)),
    'take': ((('note',), None, True), (('cognizance',), None, True), (('into', 'account'), None, True)),
}

# Verbs whose force can come from a possessive or determiner object ("Reiterates its demand").
_EN_RESTATING = frozenset('address confirm express extend issue make reaffirm reiterate renew repeat restate'.split())
# Verbs that act (DECIDES) unless their object is possessive ("Extends its thanks").
_EN_ACTING = frozenset({'extend', 'renew'})
_EN_DETERMINERS = frozenset({'its', 'his', 'their', 'the', 'a', 'an'})
_EN_POSSESSIVES = frozenset({'its', 'his', 'their'})
_EN_MODIFIERS = frozenset(
    """best categorical clear complete continued deep deepest earlier earnest emphatic firm full general grave
    great insistent longstanding most past pressing previous prior profound renewed repeated serious sincere
    solemn specific strong strongest total unanimous unequivocal unreserved urgent utmost vigorous warm""".split()
)
_EN_NOUNS: dict[str, Force] = {
    'approval': _D,
    'authorization': _D,
    'authorisation': _D,
    'decision': _D,
    'decisions': _D,
    'demand': _DM,
    'demands': _DM,
    'condemnation': _C,
    'condemnations': _C,
    'appeal': _R,
    'appeals': _R,
    'call': _R,
    'calls': _R,
    'request': _R,
    'requests': _R,
    'encouragement': _E,
    'invitation': _E,
}

# A few OCR misreadings met in the 1946-1994 corpus.
_EN_OCR = {'calis': 'calls', 'lakes': 'takes', 'reguests': 'requests', 'retterates': 'reiterates'}


# Section: French verb lexicon (printed third-person form -> (lemma, force))

_FR_VERBS: dict[str, tuple[str, Force]] = {
    # décide / autorise
    'accepte': ('accepter', _D),
    'adopte': ('adopter', _D),
    'approuve': ('approuver', _D),
    'autorise': ('autoriser', _D),
    'charge': ('charger', _D),
    'convient': ('convenir', _D),
    'crée': ('créer', _D),
    'décide': ('décider', _D),
    'désigne': ('désigner', _D),
    'établit': ('établir', _D),
    'habilite': ('habiliter', _D),
    'impose': ('imposer', _D),
    'lève': ('lever', _D),
    'mandate': ('mandater', _D),
    'nomme': ('nommer', _D),
    'proroge': ('proroger', _D),
    'renouvelle': ('renouveler', _D),
    'résout': ('résoudre', _D),
    # exige
    'enjoint': ('enjoindre', _DM),
    'exige': ('exiger', _DM),
    'ordonne': ('ordonner', _DM),
    'somme': ('sommer', _DM),
    # condamne
    'blâme': ('blâmer', _C),
    'censure': ('censurer', _C),
    'condamne': ('condamner', _C),
    'dénonce': ('dénoncer', _C),
    'déplore': ('déplorer', _C),
    'rejette': ('rejeter', _C),
    'réprouve': ('réprouver', _C),
    # prie / demande / exhorte
    'appelle': ('appeler', _R),
    'demande': ('demander', _R),
    'engage': ('engager', _R),
    'exhorte': ('exhorter', _R),
    'lance': ('lancer', _R),
    'prie': ('prier', _R),
    'recommande': ('recommander', _R),
    # encourage
    'encourage': ('encourager', _E),
    'invite': ('inviter', _E),
    # déclaratoire
    'accueille': ('accueillir', _X),
    'adresse': ('adresser', _X),
    'affirme': ('affirmer', _X),
    'appuie': ('appuyer', _X),
    'attend': ('attendre', _X),
    'attire': ('attirer', _X),
    'avalise': ('avaliser', _X),
    'compte': ('compter', _X),
    'confirme': ('confirmer', _X),
    'considère': ('considérer', _X),
    'constate': ('constater', _X),
    'continue': ('continuer', _X),
    'déclare': ('déclarer', _X),
    'demeure': ('demeurer', _X),
    'détermine': ('déterminer', _X),
    'entend': ('entendre', _X),
    'entérine': ('entériner', _X),
    'estime': ('estimer', _X),
    'exprime': ('exprimer', _X),
    'fait': ('faire', _X),
    'félicite': ('féliciter', _X),
    'insiste': ('insister', _X),
    'juge': ('juger', _X),
    'met': ('mettre', _X),
    'mesure': ('mesurer', _X),
    'note': ('noter', _X),
    'observe': ('observer', _X),
    'prend': ('prendre', _X),
    'rappelle': ('rappeler', _X),
    'réaffirme': ('réaffirmer', _X),
    'reconnaît': ('reconnaître', _X),
    'redit': ('redire', _X),
    'regrette': ('regretter', _X),
    'réitère': ('réitérer', _X),
    'remercie': ('remercier', _X),
    'rend': ('rendre', _X),
    'reste': ('rester', _X),
    'salue': ('saluer', _X),
    'sait': ('savoir', _X),
    'se déclare': ('se déclarer', _X),
    'se dit': ('se dire', _X),
    'se félicite': ('se féliciter', _X),
    'se réjouit': ('se réjouir', _X),
    'se inquiète': ("s'inquiéter", _X),
    'se engage': ("s'engager", _X),
    'se associe': ("s'associer", _X),
    'se tient': ('se tenir', _X),
    'souligne': ('souligner', _X),
    'soutient': ('soutenir', _X),
    'souscrit': ('souscrire', _X),
}

_FR_PHRASES: dict[str, tuple[tuple[tuple[str, ...], Force | None, bool], ...]] = {
    'appeler': ((('l', 'attention'), _X, True),),
    'attirer': ((('l', 'attention'), None, True),),
    'demander': ((('instamment',), None, True),),
    'faire': (
        (('sienne',), None, True),
        (('siennes',), None, True),
        (('siens',), None, True),
        (('observer',), None, True),
    ),
    'insister': ((('pour',), _DM, False), (('sur',), _X, False)),
    'lancer': ((('un', 'appel'), None, True), (('un', 'nouvel', 'appel'), None, True)),
    'mettre': ((('en', 'garde'), None, True), (('l', 'accent'), None, True)),
    'prendre': ((('note',), None, True), (('acte',), None, True)),
    'prier': ((('instamment',), None, True),),
    'rendre': ((('hommage',), None, True),),
    'savoir': ((('gre',), None, True),),
}

_FR_RESTATING = frozenset('adresser confirmer exprimer lancer réaffirmer redire réitérer renouveler'.split())
_FR_ACTING = frozenset({'renouveler'})
_FR_DETERMINERS = frozenset({'son', 'sa', 'ses', 'leur', 'leurs', 'un', 'une', 'le', 'la', 'les', 'l'})
_FR_POSSESSIVES = frozenset({'son', 'sa', 'ses', 'leur', 'leurs'})
_FR_MODIFIERS = frozenset(
    'ferme fermes vive vif vifs vives pressant pressante instant instante energique solennel solennelle nouvel '
    'nouvelle precedent precedente precedents precedentes urgent urgente totale total pleine plein profonde '
    'sinceres chaleureux entier entiere'.split()
)
_FR_NOUNS: dict[str, Force] = {
    'approbation': _D,
    'autorisation': _D,
    'decision': _D,
    'decisions': _D,
    'exigence': _DM,
    'exigences': _DM,
    'condamnation': _C,
    'appel': _R,
    'appels': _R,
    'demande': _R,
    'demandes': _R,
    'encouragement': _E,
    'encouragements': _E,
    'invitation': _E,
}

_FR_ADJECTIVES = frozenset(
    """alarme alarmee alarmes attache attachee conscient consciente conscients convaincu convaincue convaincus
    decide decidee determine determinee inquiet inquiete preoccupe preoccupee preoccupes resolu resolue resolus
    soucieux soucieuse""".split()
)
_FR_ADVERBS = frozenset(
    'egalement aussi profondement gravement vivement fermement serieusement extremement tres encore'.split()
)
_FR_ADVERB_PHRASES = (
    ('en', 'outre'),
    ('de', 'nouveau'),
    ('a', 'nouveau'),
    ('une', 'fois', 'de', 'plus'),
    ('une', 'nouvelle', 'fois'),
    ('par', 'ailleurs'),
    ('en', 'particulier'),
    ('avec', 'force'),
    ('energiquement',),
    ('instamment',),
    ('resolument',),
    ('vigoureusement',),
)
_FR_NOT_PARTICIPLES = frozenset({'avant', 'cependant', 'durant', 'maintenant', 'pendant', 'quant', 'suivant', 'tant'})


# Section: tokens


class _Token(NamedTuple):
    start: int
    end: int
    key: str  # lowercase, accents and hyphens removed
    lower: str  # lowercase as printed


_WORD = re.compile(r'[^\W\d_]+(?:-[^\W\d_]+)*')


@lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    """Lowercase, strip accents and hyphens: 'Ré-affirme' -> 'reaffirme'."""
    if word.isascii():
        return word.lower().replace('-', '')
    decomposed = unicodedata.normalize('NFKD', word.lower())
    return ''.join(ch for ch in decomposed if not unicodedata.combining(ch)).replace('-', '')


_HEAD = 120  # tokens: the opening verb, even after 'Acting under Chapter VII ...,', comes within the first ones


def _tokens(text: str) -> list[_Token]:
    words = islice(_WORD.finditer(text), _HEAD)
    return [_Token(m.start(), m.end(), _fold(m.group()), m.group().lower()) for m in words]


def _is_label(text: str, tokens: list[_Token], i: int) -> bool:
    """A letter or roman-numeral label such as '(a)', 'b)', '(iv)' or 'A.' before the paragraph text."""
    token = tokens[i]
    if len(token.key) > 4 or not re.fullmatch(r'[a-z]|[ivxlc]+', token.key):
        return False
    after = text[token.end : token.end + 1]
    before = text[token.start - 1 : token.start] if token.start else ''
    return after == ')' or before == '(' or (after == '.' and len(token.key) == 1)


def _match_words(tokens: list[_Token], i: int, words: tuple[str, ...]) -> bool:
    return tuple(t.key for t in tokens[i : i + len(words)]) == words


# Section: English word analysis


class _Word(NamedTuple):
    lemma: str
    kind: str  # 'finite' | 'participle' | 'adjective'
    size: int  # tokens consumed


def _en_candidates(key: str) -> list[str]:
    out = []
    if key.endswith('ies'):
        out.append(key[:-3] + 'y')
    if key.endswith('es'):
        out.append(key[:-2])
    if key.endswith('s'):
        out.append(key[:-1])
    return out + [c[:-3] + 'ize' for c in out if c.endswith('ise')]


def _en_participle(key: str) -> str | None:
    if not key.endswith('ing') or len(key) < 5:
        return None
    stem = key[:-3]
    for lemma in (stem, stem + 'e', stem[:-1], stem[:-3] + 'ize' if stem.endswith('is') else ''):
        lemma = lemma[:-3] + 'ize' if lemma.endswith('ise') else lemma
        if lemma in _EN_VERBS or lemma in _EN_PARTICIPLE_ONLY:
            return lemma
    return None


def _en_word(key: str) -> _Word | None:
    key = _EN_OCR.get(key, key)
    for lemma in _en_candidates(key):
        if lemma in _EN_VERBS:
            return _Word(lemma, 'finite', 1)
    lemma = _en_participle(key)
    if lemma:
        return _Word(lemma, 'participle', 1)
    if key in _EN_ADJECTIVES:
        return _Word(key, 'adjective', 1)
    return None


def _en_analyse(tokens: list[_Token], i: int) -> _Word | None:
    """Analyse the word at i, joining it with the next token when a PDF split it ('condem ns')."""
    word = _en_word(tokens[i].key)
    if (word is None or word.kind != 'finite') and i + 1 < len(tokens):
        joined = _en_word(tokens[i].key + tokens[i + 1].key)
        if joined is not None and joined.kind == 'finite' and tokens[i + 1].start - tokens[i].end <= 2:
            return joined._replace(size=2)
    return word


# Section: French word analysis


def _fr_analyse(tokens: list[_Token], i: int) -> _Word | None:
    """Analyse the French word at i (with a reflexive 'se'/'s'' before it), or None."""
    token = tokens[i]
    if token.key in ('se', 's') and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        entry = _FR_KEYS.get('se ' + nxt.key)
        if entry is not None:
            return _Word(entry[0], 'finite', 2)
        if _fr_is_participle(nxt):
            return _Word('se ' + nxt.key, 'participle', 2)
    entry = _FR_KEYS.get(token.key)
    if entry is not None:
        return _Word(entry[0], 'finite', 1)
    if _fr_is_participle(token):
        return _Word(token.key, 'participle', 1)
    if token.key in _FR_ADJECTIVES or token.lower.endswith(('é', 'ée', 'és', 'ées')):
        return _Word(token.key, 'adjective', 1)
    return None


def _fr_is_participle(token: _Token) -> bool:
    return token.key.endswith('ant') and len(token.key) >= 5 and token.key not in _FR_NOT_PARTICIPLES


_FR_KEYS: dict[str, tuple[str, Force]] = {_fold(form).replace("'", ''): entry for form, entry in _FR_VERBS.items()}
_FR_FORCE: dict[str, Force] = {lemma: force for lemma, force in _FR_VERBS.values()}


# Section: language profiles


@dataclass(frozen=True)
class _Profile:
    analyse: Callable[[list[_Token], int], _Word | None]
    force_of: dict[str, Force]
    adverbs: frozenset[str]
    adverb_phrases: tuple[tuple[str, ...], ...]
    phrases: dict[str, tuple[tuple[tuple[str, ...], Force | None, bool], ...]]
    restating: frozenset[str]
    acting: frozenset[str]
    determiners: frozenset[str]
    possessives: frozenset[str]
    modifiers: frozenset[str]
    nouns: dict[str, Force]
    subject: tuple[tuple[str, ...], ...]
    acting_formula: frozenset[str]
    post_adverb_phrases: tuple[tuple[str, ...], ...]


_EN = _Profile(
    analyse=_en_analyse,
    force_of=_EN_VERBS,
    adverbs=_EN_ADVERBS,
    adverb_phrases=_EN_ADVERB_PHRASES,
    phrases=_EN_PHRASES,
    restating=_EN_RESTATING,
    acting=_EN_ACTING,
    determiners=_EN_DETERMINERS,
    possessives=_EN_POSSESSIVES,
    modifiers=_EN_MODIFIERS,
    nouns=_EN_NOUNS,
    subject=(('the', 'security', 'council'), ('security', 'council'), ('the', 'council')),
    acting_formula=frozenset({'act'}),
    post_adverb_phrases=(('once', 'again'), ('once', 'more'), ('again',), ('also',), ('further',), ('furthermore',)),
)

_FR = _Profile(
    analyse=_fr_analyse,
    force_of=_FR_FORCE,
    adverbs=_FR_ADVERBS,
    adverb_phrases=_FR_ADVERB_PHRASES,
    phrases=_FR_PHRASES,
    restating=_FR_RESTATING,
    acting=_FR_ACTING,
    determiners=_FR_DETERMINERS,
    possessives=_FR_POSSESSIVES,
    modifiers=_FR_MODIFIERS,
    nouns=_FR_NOUNS,
    subject=(('le', 'conseil', 'de', 'securite'), ('le', 'conseil')),
    acting_formula=frozenset({'agissant'}),
    post_adverb_phrases=_FR_ADVERB_PHRASES + tuple((a,) for a in sorted(_FR_ADVERBS)),
)


def _profile(language: str) -> _Profile:
    code = (language or 'en').strip().lower()[:2]
    if code == 'en':
        return _EN
    if code == 'fr':
        return _FR
    raise ValueError(f'unsupported language {language!r}: use "en" or "fr"')


# Section: reading the opening verb


def _skip_adverbs(tokens: list[_Token], i: int, p: _Profile) -> int:
    """Index of the first token after leading adverbs (single words and fixed phrases)."""
    while i < len(tokens):
        phrase = next((ph for ph in p.adverb_phrases if _match_words(tokens, i, ph)), None)
        if phrase is not None:
            i += len(phrase)
        elif tokens[i].key in p.adverbs and p.analyse(tokens, i) is None:
            i += 1
        else:
            return i
    return i


def _skip_post_adverbs(tokens: list[_Token], i: int, p: _Profile) -> int:
    while i < len(tokens):
        phrase = next((ph for ph in p.post_adverb_phrases if _match_words(tokens, i, ph)), None)
        if phrase is None:
            return i
        i += len(phrase)
    return i


def _skip_subject(tokens: list[_Token], i: int, p: _Profile) -> int:
    for subject in p.subject:
        if _match_words(tokens, i, subject):
            j = i + len(subject)
            k = _skip_adverbs(tokens, j, p)
            word = p.analyse(tokens, k) if k < len(tokens) else None
            if word is not None and word.kind == 'finite':
                return j
    return i


def _start_index(text: str, tokens: list[_Token], p: _Profile) -> int:
    i = 0
    while i < len(tokens) and i < 4 and _is_label(text, tokens, i):
        i += 1
    return _skip_subject(tokens, i, p) if i < len(tokens) else i


def _phrase(tokens: list[_Token], j: int, lemma: str, p: _Profile) -> tuple[Force | None, int, bool]:
    """Particle after the verb ('Calls upon', 'Takes note'): (force override, index after it, printed)."""
    for k in (j, _skip_post_adverbs(tokens, j, p)):
        for particles, override, printed in p.phrases.get(lemma, ()):
            if _match_words(tokens, k, particles):
                return override, k + len(particles), printed
    return None, j, False


def _object_noun(tokens: list[_Token], j: int, p: _Profile) -> tuple[Force | None, int, bool]:
    """Force carried by the object noun of a restating verb ('its demand'): (force, index after noun, possessive)."""
    k = _skip_post_adverbs(tokens, j, p)
    if k >= len(tokens) or tokens[k].key not in p.determiners:
        return None, j, False
    possessive = tokens[k].key in p.possessives
    k += 1
    for _ in range(3):
        if k < len(tokens) and tokens[k].key in p.modifiers:
            k += 1
    if k < len(tokens) and tokens[k].key in p.nouns:
        return p.nouns[tokens[k].key], k + 1, possessive
    return None, j, possessive


def _finite_reading(text: str, tokens: list[_Token], first: int, i: int, word: _Word, p: _Profile) -> ForceReading:
    force = p.force_of[word.lemma]
    end_index = i + word.size
    override, after, printed = _phrase(tokens, end_index, word.lemma, p)
    if override is not None:
        force = override
    if printed:
        end_index = after
    if word.lemma in p.restating and after == i + word.size:
        noun_force, noun_end, possessive = _object_noun(tokens, end_index, p)
        if noun_force is not None:
            force, end_index = noun_force, noun_end
        elif possessive and word.lemma in p.acting:
            force = Force.DECLARATORY
    return _reading(text, force, tokens[first].start, tokens[end_index - 1].end)


def _reading(text: str, force: Force, start: int, end: int) -> ForceReading:
    return ForceReading(force, ' '.join(text[start:end].split()), start, end)


def _after_formula(text: str, tokens: list[_Token], i: int, p: _Profile) -> ForceReading | None:
    """'Acting under Chapter VII of the Charter ..., decides': the reading of the verb after the formula."""
    for k in range(i + 1, min(len(tokens), i + 80)):
        if ',' not in text[tokens[k - 1].end : tokens[k].start]:
            continue
        j = _skip_adverbs(tokens, k, p)
        word = p.analyse(tokens, j) if j < len(tokens) else None
        if word is not None and word.kind == 'finite':
            return _finite_reading(text, tokens, k, j, word, p)
    return None


def _read(text: str, p: _Profile) -> ForceReading:
    tokens = _tokens(text)
    first = _start_index(text, tokens, p)
    i = _skip_adverbs(tokens, first, p)
    if i >= len(tokens):
        return ForceReading(Force.DECLARATORY, '', 0, 0)
    word = p.analyse(tokens, i)
    if word is None:
        return ForceReading(Force.DECLARATORY, '', 0, 0)
    if word.kind == 'finite':
        return _finite_reading(text, tokens, first, i, word, p)
    if word.kind == 'participle' and (word.lemma in p.acting_formula or tokens[i].key in p.acting_formula):
        after = _after_formula(text, tokens, i, p)
        if after is not None:
            return after
    size = word.size + (1 if tokens[i].key in ('having', 'being', 'ayant', 'etant') else 0)
    end = tokens[min(i + size, len(tokens)) - 1].end
    return _reading(text, Force.DECLARATORY, tokens[first].start, end)


def read_force(text: str, language: str = 'en') -> ForceReading:
    """Read the opening verb of a paragraph and place it on the force scale.

    `text` is one paragraph (a leading number or letter label is ignored); `language` is 'en' or 'fr'
    (ValueError otherwise). Never raises on any text: a paragraph without an opening verb is DECLARATORY
    with verb '' and span (0, 0).
    """
    profile = _profile(language)
    if not isinstance(text, str) or not text.strip():
        return ForceReading(Force.DECLARATORY, '', 0, 0)
    return _read(text, profile)


# Section: addressee patterns (English)

_MISSION_ACRONYMS = """AMIB? APRONUC ATNUSO ATNUTO BINUB BINUCA BINUGBIS BINUH BNUB BONUCA BONUGBIS FINUL FISNUA FNUOD
FORPRONU GOMNUII MANUA MANUI MANUL MANUSOM MINUAD MINUAR MINUATS MINUBH MINUEE MINUHA MINUJUSTH MINUK MINUL MINURCA
MINURCAT MINURSO MINUS MINUSCA MINUSIL MINUSMA MINUSS MINUSTAH MINUT MIPONUH MONUA MONUC MONUG MONUL MONUP MONUSCO
MONUSIL MONUT ONUB ONUC ONUCA ONUCI ONUMOZ ONUSAL ONUSOM ONUST ONUVEH UNAMA UNAMET UNAMI UNAMIC UNAMID UNAMIR UNAMSIL
UNASOG UNAVEM UNCI UNCIP UNCOK UNCRO UNDOF UNEF UNFICYP UNGOMAP UNIFIL UNIIMOG UNIKOM UNIOGBIS UNIOSIL UNIPOM UNISFA
UNITAMS UNMEE UNMHA UNMIBH UNMIH UNMIK UNMIL UNMIN UNMIS UNMISET UNMISS UNMIT UNMOGIP UNMOP UNMOT UNOCA UNOCI UNOGBIS
UNOGIL UNOMIG UNOMIL UNOMSIL UNOMUR UNOSOM UNOWAS UNPOS UNPREDEP UNPROFOR UNRCCA UNSCO UNSCOL UNSF UNSMIH UNSMIL
UNSMIS UNSOA UNSOM UNSOS UNTAC UNTAES UNTAET UNTAG UNTEA UNTMIH UNTSO UNVMC UNYOM""".split()

_PARTY_NAMES = r"""M23|FDLR|LRA|ADF|APCLS|FNL|UNITA|RUF|AFRC|PDK|CNDP|CODECO|MNLA|AQIM|MUJAO|FPRC|UPC|MPC|JEM|SLA|SLM
|Khmer\s+Rouge|Islamic\s+State|SPL[AM](?:/A)?\s*-\s*IO|(?:ex-)?S[ée]l[ée]ka|anti\s*-\s*Balaka|Al[\s-]Shabaab|ISIL|ISIS|Da['’]esh
|Al[\s-]Qa[ei]da|Boko\s+Haram|Houthis?|Ma[iy]i?[\s-]Ma[iy]i|Janjaweed|Forces\s+nouvelles|Taliban|Bosnian\s+Serb
|National\s+Union\s+for\s+the\s+Total\s+Independence\s+of\s+Angola|Ansar\s+Eddine|Viv\s+Ansanm|G9""".replace('\n', '')

_COUNTRIES = r"""Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh
|Belarus|Belgium|Benin|Bhutan|Bolivia|Bosnia\s+and\s+Herzegovina|Botswana|Brazil|Bulgaria|Burkina\s+Faso|Burundi
|Cambodia|Cameroon|Canada|Central\s+African\s+Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa\s+Rica
|C[ôo]te\s+d['’]Ivoire|Croatia|Cuba|Cyprus|Czechoslovakia|Democratic\s+Kampuchea|Democratic\s+People['’]s\s+Republic
\s+of\s+Korea|Democratic\s+Republic\s+of\s+the\s+Congo|Djibouti|Dominican\s+Republic|Ecuador|Egypt|El\s+Salvador
|Equatorial\s+Guinea|Eritrea|Ethiopia|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Guatemala|Guinea-Bissau|Guinea
|Guyana|Haiti|Honduras|India|Indonesia|Iran|Iraq|Israel|Italy|Japan|Jordan|Kazakhstan|Kenya|Kuwait|Kyrgyzstan
|Lebanon|Lesotho|Liberia|Libya|Libyan\s+Arab\s+Jamahiriya|Madagascar|Malawi|Malaysia|Mali|Mauritania|Mexico|Morocco
|Mozambique|Myanmar|Namibia|Nepal|Netherlands|Nicaragua|Niger|Nigeria|Pakistan|Panama|Portugal|Republic\s+of\s+Korea
|Rwanda|Saudi\s+Arabia|Senegal|Serbia|Sierra\s+Leone|Somalia|South\s+Africa|South\s+Sudan|Southern\s+Rhodesia|Spain
|Sri\s+Lanka|Sudan|Syria|Syrian\s+Arab\s+Republic|Tajikistan|Thailand|Timor-Leste|Togo|Tunisia|Turkey|T[üu]rkiye
|Uganda|Ukraine|United\s+Kingdom|United\s+Republic\s+of\s+Tanzania|United\s+States|Uruguay|USSR|Venezuela|Viet\s*Nam
|Yemen|Yugoslavia|Zaire|Zambia|Zimbabwe|DRC|CAR|FRY""".replace('\n', '')

_I = '(?i:{})'.format
# 'attacks on MINUSCA peacekeepers': the mission is the victim, not the addressee.
_NOT_VICTIMS = r'(?!\s+(?:peacekeepers|personnel|staff|premises|bases|camps|convoys)\b)'

_EN_ADDRESSEES: tuple[tuple[Addressee, str], ...] = (
    (Addressee.MISSION_OR_SG, r'\b(?:United\s+Nations\s+)?Secretary\s*[-‐–—]*\s*Genera\s?l\b(?!\s*[\'’]\s*s\b)'),
    (Addressee.MISSION_OR_SG, r'\bSpecial\s+(?:Representatives?|Envoys?|Advis[eo]rs?|Coordinators?)\b'),
    (Addressee.MISSION_OR_SG, r'\b(?:Personal\s+(?:Envoy|Representative)|(?:Acting\s+)?Mediator|Force\s+Commander)\b'),
    (Addressee.MISSION_OR_SG, r'\b(?:Chief\s+of\s+Staff|Chief\s+Military\s+Observer|Head\s+of\s+Mission)\b'),
    (Addressee.MISSION_OR_SG, r'\b(?:United\s+Nations\s+)?Secretariat\b'),
    (Addressee.MISSION_OR_SG, r'\b(?:' + '|'.join(_MISSION_ACRONYMS) + r')\b' + _NOT_VICTIMS),
    (
        Addressee.MISSION_OR_SG,
        _I(r'\bthe\s+') + r'(?:Mission|Force|Operation|Special\s+Mission)\b(?!\s+of\s+Liberation)',
    ),
    (
        Addressee.MISSION_OR_SG,
        r'\b(?:United\s+Nations|UN)\s+(?:[A-Z][\w’\'-]*\s+(?:and\s+|in\s+)?){0,6}'
        r'(?:Mission|Force|Operation|Office|Observer\s+Group|Observers|Transitional\s+Authority|Interim\s+Administration'
        r'|Truce\s+Supervision\s+Organization|Command|Commission\s+for|Representative)\b',
    ),
    (
        Addressee.MISSION_OR_SG,
        _I(
            r'\b(?:all\s+)?(?:peace[\s-]*keeping|special\s+political|(?:United\s+Nations|UN)\s+(?:peace[\s-]*keeping|political))'
            r'\b[^,;:.]{0,40}?\b(?:missions?|operations?)\b'
        ),
    ),
    (Addressee.MISSION_OR_SG, r'\b(?:Department\s+of\s+(?:Peace[\s-]*keeping|Political|Field|Peace\s+Operations))'),
    (Addressee.MISSION_OR_SG, r'\b(?:DPKO|DPA|DFS|DPO|DPPA)\b'),
    (
        Addressee.NATIONAL_AUTHORITIES,
        r'\b(?:(?:Transitional|Federal|Interim|Provisional|National)\s+)?'
        + _I(r'governments?\b')
        + r'(?!\s+(?:and\s+authorities\s+)?concerned)',
    ),
    (Addressee.NATIONAL_AUTHORITIES, _I(r'\bauthorities\b|\br[ée]gimes?\b')),
    (
        Addressee.NATIONAL_AUTHORITIES,
        _I(r'\bnational\s+(?:(?:defen[cs]e\s+and\s+)?security\s+forces|armed\s+forces|police|army|counterparts)\b'),
    ),
    (Addressee.NATIONAL_AUTHORITIES, r'\b(?:Defen[cs]e\s+and\s+Security\s+Forces|National\s+Police)\b'),
    (Addressee.NATIONAL_AUTHORITIES, r'\b(?:GoSS|FGS|GNA|GNU|TFG|TFIs|RTGoNU|FARDC|FRCI|SSPDF|FAMa|FACA|HNP)\b'),
    (Addressee.NATIONAL_AUTHORITIES, r'\b(?:SPLA)\b(?!\s*-\s*IO)'),
    (Addressee.PARTIES, _I(r'\b(?:all\s+)?(?:the\s+)?(?:part\s?ies|party)\b')),
    (Addressee.PARTIES, _I(r'\barmed\s+(?:groups?|elements|movements|actors|factions|gangs)\b')),
    (Addressee.PARTIES, _I(r'\b(?:militias?|rebels?|rebel\s+\w+|belligerents?|combatants|factions|gangs)\b')),
    (
        Addressee.PARTIES,
        _I(r'\b(?:all|both|the\s+two)\s+sides\b|\b(?:all|those)\s+concerned\b|\bthe\s+two\s+communities\b'),
    ),
    (Addressee.PARTIES, _I(r'\bthose\s+responsible\b|\bperpetrators\b|\bnon-State\s+actors\b|\bterrorist\s+groups?\b')),
    (Addressee.PARTIES, _I(r'\b(?:all\s+)?(?:the\s+)?governments\s+(?:and\s+authorities\s+)?concerned\b')),
    (Addressee.PARTIES, r'\b(?:' + _PARTY_NAMES + r')\b'),
    (Addressee.MEMBER_STATES, _I(r'\b(?:all\s+)?Member\s+(?:States|Governments|countries)\b')),
    (Addressee.MEMBER_STATES, r'\bStates(?:\s+Members)?\b|\ball\s+Members\b|\bMembers\s+of\s+the\s+United\s+Nations\b'),
    (Addressee.MEMBER_STATES, _I(r'\b(?:the\s+)?international\s+community\b|\bpermanent\s+members\b')),
    (Addressee.MEMBER_STATES, _I(r'\b(?:troop|police)[\s-]*(?:and\s+police[\s-]*)?contributing\s+countries\b')),
    (Addressee.MEMBER_STATES, r'\b(?:TCCs|PCCs|T/PCCs)\b'),
    (
        Addressee.MEMBER_STATES,
        _I(r'\bcontributing\s+countries\b|\bdonors?\b|\b(?:international|bilateral)\s+partners\b'),
    ),
    (
        Addressee.MEMBER_STATES,
        _I(r'\b(?:all|neighbou?ring)\s+(?:States|countries)\b|\ball\s+(?:Governments|partners)\b'),
    ),
    (Addressee.MEMBER_STATES, _I(r'\bMultinational\s+Security\s+Support\b|\bmultinational\s+force\b')),
    (
        Addressee.UN_SYSTEM,
        _I(
            r'\b(?:United\s+Nations|UN)\s+(?:system|agencies|entities|funds|programmes|bodies|organs|country\s+teams?'
            r'|Action|Women|Development\s+Programme|Children[\'’]s\s+Fund|High\s+Commissioner|Population\s+Fund'
            r'|Mine\s+Action|Office\s+(?:on|for)\s+\w+|Inter-Agency|Special\s+Commission|Compensation\s+Commission)'
        ),
    ),
    (Addressee.UN_SYSTEM, _I(r'\b(?:relevant\s+)?(?:United\s+Nations|UN)\s+and\s+other\s+(?:entities|agencies)\b')),
    (Addressee.UN_SYSTEM, _I(r'\bfunds\s+and\s+programmes\b|\bspecialized\s+agencies\b|\bsanctions\s+committees?\b')),
    (Addressee.UN_SYSTEM, _I(r'\bmandating\s+bodies\b')),
    (
        Addressee.UN_SYSTEM,
        r'\b(?:UNCT|UNICEF|UNDP|UNHCR|OHCHR|UNFPA|WFP|WHO|UNODC|UNESCO|UNMAS|OCHA|UNOPS|UNAIDS|IAEA|UNMOVIC|UNSCOM|CTED'
        r'|ILO|FAO|UNEP|IOM|PBC|PBF|UN-Women)\b',
    ),
    (
        Addressee.UN_SYSTEM,
        r'\b(?:Peace-?building\s+(?:Commission|Fund|Support\s+Office)|High\s+Commissioner|Emergency\s+Relief\s+Coordinator'
        r'|Panel\s+of\s+Experts|Group\s+of\s+Experts|Committee\s+of\s+Experts|Monitoring\s+(?:Team|Group)|Executive\s+Directorate'
        r'|General\s+Assembly|Economic\s+and\s+Social\s+Council|International\s+Court\s+of\s+Justice|Trusteeship\s+Council'
        r'|Atomic\s+Energy\s+Commission|Human\s+Rights\s+Council|Commission\s+on\s+Human\s+Rights|World\s+Bank'
        r'|International\s+Monetary\s+Fund|Commission\s+for\s+Conventional\s+Armaments)\b',
    ),
    (Addressee.UN_SYSTEM, r'\b(?:[A-Z][\w-]*\s+)*Committee\b'),
    (
        Addressee.UN_SYSTEM,
        _I(r'\b(?:the\s+)?United\s+Nations') + r'(?=\s*(?:,|;|\.|\)|and\b|to\b|as\b|in\s+(?:this|that)\b|$))',
    ),
    (Addressee.REGIONAL_ORGANISATIONS, r'\b(?:African\s+Union|European\s+(?:Union|Communit(?:y|ies))|Arab\s+League)\b'),
    (
        Addressee.REGIONAL_ORGANISATIONS,
        r'\b(?:AU|ECOWAS|ECCAS|SADC|IGAD|EAC|ICGLR|EU|OAU|OSCE|CSCE|OAS|ASEAN|NATO|CIS|OIC|FATF|FSRBs|AMISOM|ATMIS|AFISMA'
        r'|MISCA|ECOMOG|ECOMIB|ECOMICI|MICOPAX|AMIS|MNJTF|EUFOR|KFOR|SFOR|IFOR|ISAF|EUTM|EUCAP|EULEX|SAMIDRC)\b',
    ),
    (
        Addressee.REGIONAL_ORGANISATIONS,
        r'\b(?:Organi[sz]ation\s+of\s+African\s+Unity|Organi[sz]ation\s+(?:for|on)\s+Security\s+and\s+Co-?operation'
        r'|Conference\s+on\s+Security\s+and\s+Co-?operation|League\s+of\s+Arab\s+States|Organi[sz]ation\s+of\s+American\s+States'
        r'|Economic\s+Community\s+of\s+(?:West|Central)\s+African\s+States|Southern\s+African\s+Development\s+Community'
        r'|Intergovernmental\s+Authority\s+on\s+Development|International\s+Conference\s+on\s+the\s+Great\s+Lakes'
        r'|Financial\s+Action\s+Task\s+Force|G5\s+Sahel|Multinational\s+Joint\s+Task\s+Force|Peace\s+and\s+Security\s+Council'
        r'|Organi[sz]ation\s+of\s+(?:the\s+)?Islamic\s+(?:Conference|Cooperation)|Commonwealth\s+of\s+Independent\s+States)\b',
    ),
    (
        Addressee.REGIONAL_ORGANISATIONS,
        _I(
            r'\b(?:regional|sub-?regional)\s+(?:and\s+sub-?regional\s+)?(?:organi[sz]ations|bodies|arrangements|actors'
            r'|partners|economic\s+communities|mechanisms)\b|\b(?:heads\s+of\s+)?regional\s+organi[sz]ations\b'
            r'|\binternational\s+(?:and\s+regional\s+)?organi[sz]ations\b'
        ),
    ),
)


# Section: addressee patterns (French)

_FR_ADDRESSEES: tuple[tuple[Addressee, str], ...] = (
    (Addressee.MISSION_OR_SG, _I(r'\bsecr[ée]taire\s+g[ée]n[ée]ral(?:e)?\b')),
    (Addressee.MISSION_OR_SG, _I(r'\b(?:repr[ée]sentant|envoy[ée])e?s?\s+sp[ée]cia(?:l|le|ux|les)\b')),
    (Addressee.MISSION_OR_SG, r'\bSecr[ée]tariat\b|\bCommandant\s+de\s+la\s+force\b|\bM[ée]diateur\b'),
    (Addressee.MISSION_OR_SG, r'\b(?:' + '|'.join(_MISSION_ACRONYMS) + r')\b'),
    (Addressee.MISSION_OR_SG, _I(r'\b(?:la|cette)\s+') + r'(?:Mission|Force|Op[ée]ration)\b(?!\s+conjointe)'),
    (
        Addressee.MISSION_OR_SG,
        r'\b(?:Mission|Force|Op[ée]ration|Bureau)\s+(?:[\w’\'-]+\s+){0,6}?des\s+Nations\s+Unies\b',
    ),
    (
        Addressee.MISSION_OR_SG,
        _I(r'\b(?:op[ée]rations?|missions?)\s+(?:de\s+maintien\s+de\s+la\s+paix|politiques?\s+sp[ée]ciales?)\b'),
    ),
    (Addressee.MISSION_OR_SG, _I(r'\bd[ée]partement\s+des\s+op[ée]rations\s+de\s+(?:maintien\s+de\s+la\s+)?paix\b')),
    (Addressee.NATIONAL_AUTHORITIES, _I(r'\bgouvernements?\b') + r'(?!\s+int[ée]ress[ée]s)'),
    (Addressee.NATIONAL_AUTHORITIES, _I(r'\bautorit[ée]s\b')),
    (
        Addressee.NATIONAL_AUTHORITIES,
        _I(
            r'\bforces\s+(?:de\s+d[ée]fense\s+et\s+de\s+s[ée]curit[ée]|arm[ée]es\s+(?:nationales|centrafricaines|maliennes))'
        ),
    ),
    (Addressee.NATIONAL_AUTHORITIES, _I(r'\bpolice\s+nationale\b') + r'|\b(?:FARDC|FACA|FAMa|FDS)\b'),
    (Addressee.PARTIES, _I(r'\b(?:toutes\s+les\s+|les\s+)?parties\b')),
    (
        Addressee.PARTIES,
        _I(r'\bgroupes\s+arm[ée]s\b|\bmilices?\b|\bbellig[ée]rants\b|\bfactions\b|\bbandes\s+arm[ée]es\b'),
    ),
    (Addressee.PARTIES, _I(r'\btous\s+les\s+int[ée]ress[ée]s\b|\bauteurs\b|\bgouvernements\s+int[ée]ress[ée]s\b')),
    (Addressee.PARTIES, r'\b(?:' + _PARTY_NAMES + r')\b'),
    (Addressee.MEMBER_STATES, _I(r'\b(?:tous\s+les\s+)?[ée]tats\s+membres\b|\btous\s+les\s+[ée]tats\b(?!-)')),
    (Addressee.MEMBER_STATES, r'\b[ÉE]tats\b(?!-Unis)|\bmembres\s+permanents\b'),
    (Addressee.MEMBER_STATES, _I(r'\bcommunaut[ée]\s+internationale\b|\bdonateurs\b|\bpays\s+voisins\b')),
    (Addressee.MEMBER_STATES, _I(r'\bpays\s+(?:qui\s+)?fourn\w+\s+(?:des\s+|de\s+)?contingents\b')),
    (Addressee.MEMBER_STATES, _I(r'\bpartenaires\s+(?:internationaux|bilat[ée]raux)\b')),
    (Addressee.UN_SYSTEM, _I(r'\bsyst[èe]me\s+des\s+Nations\s+Unies\b|\bfonds\s+et\s+programmes\b')),
    (
        Addressee.UN_SYSTEM,
        _I(
            r'\b(?:organismes|entit[ée]s|institutions|fonds|programmes|agences|organes)\s+(?:[\w’\'-]+\s+){0,3}?'
            r'des\s+Nations\s+Unies\b|\binstitutions\s+sp[ée]cialis[ée]es\b|\b[ée]quipe\s+de\s+pays\b'
        ),
    ),
    (
        Addressee.UN_SYSTEM,
        r'\b(?:Commission\s+de\s+consolidation\s+de\s+la\s+paix|Haut[\s-]+Commissa(?:ire|riat)|Comit[ée]|Groupe\s+d[\'’]experts'
        r'|Assembl[ée]e\s+g[ée]n[ée]rale)\b',
    ),
    (
        Addressee.UN_SYSTEM,
        r'\b(?:UNICEF|PNUD|HCR|HCDH|FNUAP|UNFPA|PAM|OMS|ONUDC|UNESCO|OCHA|BCAH|UNMAS|ONU-Femmes|ONU\s+Femmes)\b',
    ),
    (Addressee.UN_SYSTEM, r"\b(?:l['’]Organisation\s+des\s+Nations\s+Unies|l['’]ONU)\b(?!\s*-)"),
    (
        Addressee.REGIONAL_ORGANISATIONS,
        r'\b(?:Union\s+africaine|Union\s+europ[ée]enne|Ligue\s+des\s+[ÉE]tats\s+arabes)\b',
    ),
    (
        Addressee.REGIONAL_ORGANISATIONS,
        r'\b(?:UA|CEDEAO|CEEAC|SADC|IGAD|CIRGL|UE|OUA|OSCE|OEA|OTAN|AMISOM|ATMIS|MISMA|MISCA|ECOMOG|MICOPAX|EUFOR)\b',
    ),
    (
        Addressee.REGIONAL_ORGANISATIONS,
        r"\b(?:Organisation\s+de\s+l['’]unit[ée]\s+africaine|Communaut[ée]\s+[ée]conomique\s+des\s+[ÉE]tats|G5\s+Sahel"
        r'|Force\s+conjointe)',
    ),
    (
        Addressee.REGIONAL_ORGANISATIONS,
        _I(r'\borganisations\s+(?:r[ée]gionales|sous-r[ée]gionales|internationales)\b'),
    ),
)

_SELF_DIRECTED = {
    'en': re.compile(
        r'\W*(?:to\s+)?(?:remain|keep\b|review|reconsider|consider|meet|reconvene|examine|follow|revert|return\s+to'
        r'|take\s+(?:further|additional|up)|continue\s+to\s+(?:follow|keep|review|consider|monitor)|be\s+seized)'
        r'|\W*that\s+it\s+(?:shall|will|would)\b',
        re.IGNORECASE,
    ),
    'fr': re.compile(
        r'\W*(?:de|d[\'’])\s*(?:rester|demeurer|continuer\s+de\s+suivre|garder|examiner|r[ée]examiner|revoir|reconsid[ée]rer)',
        re.IGNORECASE,
    ),
}

_COMPILED = {
    'en': tuple((who, re.compile(pattern)) for who, pattern in _EN_ADDRESSEES),
    'fr': tuple((who, re.compile(pattern)) for who, pattern in _FR_ADDRESSEES),
}
# One search over all patterns finds where the first actor starts; each pattern is then tried there alone.
_ANY = {code: re.compile('|'.join(f'(?:{p.pattern})' for _, p in table)) for code, table in _COMPILED.items()}
# A country named as the object ('Calls upon Israel', 'Demands that Iraq'), not in a place phrase ('in Mali').
_COUNTRY = re.compile(r'\b(?:' + _COUNTRIES + r')\b')
_PLACE_PHRASE = re.compile(
    r'\b(?:of|in|to|for|from|on|with|by|against|at|into|across|within|throughout|between|over|near)\s+(?:the\s+)?\Z',
    re.IGNORECASE,
)
_HIM = re.compile(r'\s*(him)\b')
_WINDOW = 360
_WINDOW_END = re.compile(r'[;:]|\.\s+[A-Z]')
_LEAD = {
    'en': re.compile(r'\s*(?:that\b|to\b)?\s*'),
    'fr': re.compile(r'\s*(?:que\b|qu[\'’]|de\b|d[\'’]|à\b|aux?\b)?\s*'),
}


# Section: reading the addressee


def _window(text: str, start: int, code: str) -> tuple[int, int]:
    """The stretch after the verb where the addressee is named, skipping a leading parenthetical phrase."""
    end = min(len(text), start + _WINDOW)
    cut = _WINDOW_END.search(text, start, end)
    end = cut.start() if cut else end
    lead = _LEAD[code].match(text, start, end)
    pos = lead.end() if lead else start
    if text[pos : pos + 1] == ',':
        close = text.find(',', pos + 1, end)
        pos = close + 1 if close != -1 else pos
    return pos, end


def _country(text: str, start: int, end: int) -> re.Match | None:
    for m in _COUNTRY.finditer(text, start, end):
        if not _PLACE_PHRASE.search(text[max(0, m.start() - 24) : m.start()]):
            return m
    return None


def _earliest(text: str, start: int, end: int, code: str) -> AddresseeReading | None:
    """The actor named first in text[start:end]; on a tie the longer phrase."""
    first = _ANY[code].search(text, start, end)
    found = [] if first is None else [(who, p.match(text, first.start(), end)) for who, p in _COMPILED[code]]
    if code == 'en':
        found.append((Addressee.NATIONAL_AUTHORITIES, _country(text, start, end)))
    matches = [(m.start(), m.start() - m.end(), who, m) for who, m in found if m is not None and m.end() > m.start()]
    if not matches:
        return None
    _, _, who, m = min(matches, key=lambda item: item[:2])
    return AddresseeReading(who, m.start(), m.end())


_NONE = AddresseeReading(Addressee.NONE, 0, 0)


def read_addressee(text: str, language: str = 'en') -> AddresseeReading:
    """Read who the paragraph asks or tells to act: the addressee of its opening verb.

    The addressee is the first actor named after the opening verb ('Requests the Secretary-General to...',
    'Decides that the mandate of UNMIL shall...', 'Demands that all parties...'). Declaratory paragraphs,
    decisions about the Council itself ('Decides to remain seized') and paragraphs naming no actor give
    `Addressee.NONE` with span (0, 0). Never raises on any text; ValueError for a language other than en/fr.
    """
    reading = read_force(text, language)
    if reading.force is Force.DECLARATORY or not reading.verb:
        return _NONE
    code = 'fr' if _profile(language) is _FR else 'en'
    start, end = _window(text, reading.end, code)
    if reading.force is Force.DECIDES and _SELF_DIRECTED[code].match(text, reading.end, end):
        return _NONE
    him = _HIM.match(text, reading.end, end)
    if him:
        return AddresseeReading(Addressee.MISSION_OR_SG, him.start(1), him.end(1))
    return _earliest(text, start, end, code) or _NONE
