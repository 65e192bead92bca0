"""English opening words of Security Council paragraphs: the one list read by the segmenter and the force reader.

Plain data (no Django, no import from coding). Force tiers are named by string, from strongest to weakest:
'decides', 'demands', 'condemns', 'requests', 'encourages', 'declaratory'; `ssrhub.coding.force` maps them
onto its `Force` scale and `ssrhub.documents.structure` reads the same words to tell preambular from operative
paragraphs.
"""

__all__ = [
    'ACTING',
    'ADJECTIVES',
    'ADVERBS',
    'ADVERB_PHRASES',
    'DETERMINERS',
    'MODIFIERS',
    'NOUNS',
    'OCR',
    'PARTICIPLE_ONLY',
    'PHRASES',
    'POSSESSIVES',
    'RESTATING',
    'VERBS',
    'finite_lemma',
]


# Section: verbs (lemma -> force tier)

VERBS: dict[str, str] = {
    # decides / authorizes: the Council acts or binds
    'accept': 'decides',
    'adopt': 'decides',
    'agree': 'decides',
    'appoint': 'decides',
    'approve': 'decides',
    'authorize': 'decides',
    'charge': 'decides',
    'create': 'decides',
    'decide': 'decides',
    'designate': 'decides',
    'direct': 'decides',
    'dissolve': 'decides',
    'entrust': 'decides',
    'establish': 'decides',
    'extend': 'decides',
    'impose': 'decides',
    'instruct': 'decides',
    'lift': 'decides',
    'mandate': 'decides',
    'renew': 'decides',
    'resolve': 'decides',
    'terminate': 'decides',
    # demands
    'demand': 'demands',
    'enjoin': 'demands',
    'insist': 'demands',
    'order': 'demands',
    'require': 'demands',
    # condemns
    'censure': 'condemns',
    'condemn': 'condemns',
    'denounce': 'condemns',
    'deplore': 'condemns',
    'deprecate': 'condemns',
    'reject': 'condemns',
    # requests / calls upon / urges
    'appeal': 'requests',
    'ask': 'requests',
    'call': 'requests',
    'exhort': 'requests',
    'expect': 'requests',
    'recommend': 'requests',
    'request': 'requests',
    'urge': 'requests',
    # encourages
    'encourage': 'encourages',
    'invite': 'encourages',
    # declaratory
    'acknowledge': 'declaratory',
    'address': 'declaratory',
    'advise': 'declaratory',
    'affirm': 'declaratory',
    'applaud': 'declaratory',
    'appreciate': 'declaratory',
    'bear': 'declaratory',
    'believe': 'declaratory',
    'commend': 'declaratory',
    'concur': 'declaratory',
    'conclude': 'declaratory',
    'confirm': 'declaratory',
    'congratulate': 'declaratory',
    'consider': 'declaratory',
    'continue': 'declaratory',
    'declare': 'declaratory',
    'deem': 'declaratory',
    'desire': 'declaratory',
    'determine': 'declaratory',
    'draw': 'declaratory',
    'emphasize': 'declaratory',
    'endorse': 'declaratory',
    'express': 'declaratory',
    'find': 'declaratory',
    'highlight': 'declaratory',
    'hold': 'declaratory',
    'issue': 'declaratory',
    'lend': 'declaratory',
    'look': 'declaratory',
    'maintain': 'declaratory',
    'make': 'declaratory',
    'note': 'declaratory',
    'observe': 'declaratory',
    'pay': 'declaratory',
    'pledge': 'declaratory',
    'praise': 'declaratory',
    'reaffirm': 'declaratory',
    'recall': 'declaratory',
    'recognize': 'declaratory',
    'reconfirm': 'declaratory',
    'record': 'declaratory',
    'reemphasize': 'declaratory',
    'regret': 'declaratory',
    'reiterate': 'declaratory',
    'rely': 'declaratory',
    'remain': 'declaratory',
    'remind': 'declaratory',
    'repeat': 'declaratory',
    'repose': 'declaratory',
    'reserve': 'declaratory',
    'restate': 'declaratory',
    'salute': 'declaratory',
    'share': 'declaratory',
    'stand': 'declaratory',
    'stress': 'declaratory',
    'support': 'declaratory',
    'take': 'declaratory',
    'thank': 'declaratory',
    'transmit': 'declaratory',
    'underline': 'declaratory',
    'underscore': 'declaratory',
    'undertake': 'declaratory',
    'warn': 'declaratory',
    'welcome': 'declaratory',
}


def finite_lemma(word: str) -> str | None:
    """The listed lemma of a third-person verb form ('relies' -> 'rely', 'authorises' -> 'authorize'), or None."""
    stems = []
    if word.endswith('ies'):
        stems.append(word[:-3] + 'y')
    if word.endswith('es'):
        stems.append(word[:-2])
    if word.endswith('s'):
        stems.append(word[:-1])
    stems += [stem[:-3] + 'ize' for stem in stems if stem.endswith('ise')]
    return next((stem for stem in stems if stem in VERBS), None)


# Verbs met only as preambular participles ("Having considered", "Acting under", "Desiring to").
PARTICIPLE_ONLY = frozenset('act anticipate be deal guide have keep mind realize refer respond seek view wish'.split())

# Preambular adjectives and past participles ("Deeply concerned", "Mindful of", "Convinced that").
ADJECTIVES = frozenset(
    """alarmed anxious appalled apprehensive aware cognisant cognizant committed concerned confident conscious
    convinced desirous determined disappointed dismayed distressed disturbed eager encouraged fearful gratified
    grieved guided heartened hopeful horrified impressed indignant inspired mindful motivated moved outraged
    perturbed pleased resolved saddened satisfied seized sensible shocked troubled worried""".split()
)

ADVERBS = frozenset(
    """accordingly additionally again also categorically consistently deeply earnestly emphatically equally
    especially expressly finally firmly formally fully furthermore further gravely hereby highly likewise moreover
    most particularly profoundly repeatedly resolutely seriously similarly sincerely solemnly specifically
    strongly therefore totally unanimously unequivocally unreservedly urgently vehemently vigorously warmly""".split()
)

# Multi-word adverbs, as normalised token sequences.
ADVERB_PHRASES = (
    ('once', 'again'),
    ('once', 'more'),
    ('yet', 'again'),
    ('in', 'addition'),
    ('in', 'particular'),
    ('in', 'this', 'regard'),
    ('in', 'this', 'context'),
)

# lemma -> ((particle tokens, force override or None, printed with the verb), ...)
PHRASES: dict[str, tuple[tuple[tuple[str, ...], str | None, bool], ...]] = {
    'agree': ((('with',), 'declaratory', False),),
    'bear': ((('in', 'mind'), None, True),),
    'call': (
        (('upon',), None, True),
        (('on',), None, True),
        (('for',), None, True),
        (('attention', 'to'), 'declaratory', True),
        (('attention',), 'declaratory', True),
    ),
    'draw': ((('attention', 'to'), None, True), (('the', 'attention', 'of'), None, True)),
    'look': ((('forward', 'to'), None, True),),
    'pay': ((('tribute', 'to'), None, True), (('homage', 'to'), None, True)),
    'take': ((('note',), None, True), (('cognizance',), None, True), (('into', 'account'), None, True)),
}

# Verbs whose force can come from a possessive or determiner object ("Reiterates its demand").
RESTATING = frozenset('address confirm express extend issue make reaffirm reiterate renew repeat restate'.split())
# Verbs that act (DECIDES) unless their object is possessive ("Extends its thanks").
ACTING = frozenset({'extend', 'renew'})
DETERMINERS = frozenset({'its', 'his', 'their', 'the', 'a', 'an'})
POSSESSIVES = frozenset({'its', 'his', 'their'})
MODIFIERS = frozenset(
    """best categorical clear complete continued deep deepest earlier earnest emphatic firm full general grave
    great insistent longstanding most past pressing previous prior profound renewed repeated serious sincere
    solemn specific strong strongest total unanimous unequivocal unreserved urgent utmost vigorous warm""".split()
)
NOUNS: dict[str, str] = {
    'approval': 'decides',
    'authorization': 'decides',
    'authorisation': 'decides',
    'decision': 'decides',
    'decisions': 'decides',
    'demand': 'demands',
    'demands': 'demands',
    'condemnation': 'condemns',
    'condemnations': 'condemns',
    'appeal': 'requests',
    'appeals': 'requests',
    'call': 'requests',
    'calls': 'requests',
    'request': 'requests',
    'requests': 'requests',
    'encouragement': 'encourages',
    'invitation': 'encourages',
}

# A few OCR misreadings met in the 1946-1994 corpus.
OCR = {'calis': 'calls', 'lakes': 'takes', 'reguests': 'requests', 'retterates': 'reiterates'}
