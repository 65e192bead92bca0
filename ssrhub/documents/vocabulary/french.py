"""French opening words of Security Council paragraphs: the one list read by the segmenter and the force reader.

Plain data (no Django, no import from coding). Verbs, adjectives and adverbs are printed as in the text (the
segmenter compares lowercase words); the force reader folds them (no accents, no hyphens) and compares the
other tables, which only it reads, in folded form. Force tiers are named as in `english`.
"""

__all__ = [
    'ACTING',
    'ADJECTIVES',
    'ADVERBS',
    'ADVERB_PHRASES',
    'DETERMINERS',
    'MODIFIERS',
    'NOT_PARTICIPLES',
    'NOUNS',
    'PHRASES',
    'POSSESSIVES',
    'RESTATING',
    'VERBS',
]


# Section: verbs (printed third-person form -> (lemma, force tier))

VERBS: dict[str, tuple[str, str]] = {
    # décide / autorise
    'accepte': ('accepter', 'decides'),
    'adopte': ('adopter', 'decides'),
    'approuve': ('approuver', 'decides'),
    'autorise': ('autoriser', 'decides'),
    'charge': ('charger', 'decides'),
    'convient': ('convenir', 'decides'),
    'crée': ('créer', 'decides'),
    'décide': ('décider', 'decides'),
    'désigne': ('désigner', 'decides'),
    'établit': ('établir', 'decides'),
    'habilite': ('habiliter', 'decides'),
    'impose': ('imposer', 'decides'),
    'lève': ('lever', 'decides'),
    'mandate': ('mandater', 'decides'),
    'nomme': ('nommer', 'decides'),
    'proroge': ('proroger', 'decides'),
    'renouvelle': ('renouveler', 'decides'),
    'résout': ('résoudre', 'decides'),
    # exige
    'enjoint': ('enjoindre', 'demands'),
    'exige': ('exiger', 'demands'),
    'ordonne': ('ordonner', 'demands'),
    'somme': ('sommer', 'demands'),
    # condamne
    'blâme': ('blâmer', 'condemns'),
    'censure': ('censurer', 'condemns'),
    'condamne': ('condamner', 'condemns'),
    'dénonce': ('dénoncer', 'condemns'),
    'déplore': ('déplorer', 'condemns'),
    'rejette': ('rejeter', 'condemns'),
    'réprouve': ('réprouver', 'condemns'),
    # prie / demande / exhorte
    'appelle': ('appeler', 'requests'),
    'demande': ('demander', 'requests'),
    'engage': ('engager', 'requests'),
    'exhorte': ('exhorter', 'requests'),
    'lance': ('lancer', 'requests'),
    'prie': ('prier', 'requests'),
    'recommande': ('recommander', 'requests'),
    # encourage
    'encourage': ('encourager', 'encourages'),
    'invite': ('inviter', 'encourages'),
    # déclaratoire
    'accueille': ('accueillir', 'declaratory'),
    'adresse': ('adresser', 'declaratory'),
    'affirme': ('affirmer', 'declaratory'),
    'appuie': ('appuyer', 'declaratory'),
    'attend': ('attendre', 'declaratory'),
    'attire': ('attirer', 'declaratory'),
    'avalise': ('avaliser', 'declaratory'),
    'compte': ('compter', 'declaratory'),
    'confirme': ('confirmer', 'declaratory'),
    'considère': ('considérer', 'declaratory'),
    'constate': ('constater', 'declaratory'),
    'continue': ('continuer', 'declaratory'),
    'déclare': ('déclarer', 'declaratory'),
    'demeure': ('demeurer', 'declaratory'),
    'détermine': ('déterminer', 'declaratory'),
    'entend': ('entendre', 'declaratory'),
    'entérine': ('entériner', 'declaratory'),
    'estime': ('estimer', 'declaratory'),
    'exprime': ('exprimer', 'declaratory'),
    'fait': ('faire', 'declaratory'),
    'félicite': ('féliciter', 'declaratory'),
    'insiste': ('insister', 'declaratory'),
    'juge': ('juger', 'declaratory'),
    'met': ('mettre', 'declaratory'),
    'mesure': ('mesurer', 'declaratory'),
    'note': ('noter', 'declaratory'),
    'observe': ('observer', 'declaratory'),
    'prend': ('prendre', 'declaratory'),
    'rappelle': ('rappeler', 'declaratory'),
    'réaffirme': ('réaffirmer', 'declaratory'),
    'reconnaît': ('reconnaître', 'declaratory'),
    'redit': ('redire', 'declaratory'),
    'regrette': ('regretter', 'declaratory'),
    'réitère': ('réitérer', 'declaratory'),
    'remercie': ('remercier', 'declaratory'),
    'rend': ('rendre', 'declaratory'),
    'reste': ('rester', 'declaratory'),
    'salue': ('saluer', 'declaratory'),
    'sait': ('savoir', 'declaratory'),
    'se déclare': ('se déclarer', 'declaratory'),
    'se dit': ('se dire', 'declaratory'),
    'se félicite': ('se féliciter', 'declaratory'),
    'se réjouit': ('se réjouir', 'declaratory'),
    'se inquiète': ("s'inquiéter", 'declaratory'),
    'se engage': ("s'engager", 'declaratory'),
    'se associe': ("s'associer", 'declaratory'),
    'se tient': ('se tenir', 'declaratory'),
    'souligne': ('souligner', 'declaratory'),
    'soutient': ('soutenir', 'declaratory'),
    'souscrit': ('souscrire', 'declaratory'),
}

PHRASES: dict[str, tuple[tuple[tuple[str, ...], str | None, bool], ...]] = {
    'appeler': ((('l', 'attention'), 'declaratory', True),),
    'attirer': ((('l', 'attention'), None, True),),
    'demander': ((('instamment',), None, True),),
    'faire': (
        (('sienne',), None, True),
        (('siennes',), None, True),
        (('siens',), None, True),
        (('observer',), None, True),
    ),
    'insister': ((('pour',), 'demands', False), (('sur',), 'declaratory', False)),
    'lancer': ((('un', 'appel'), None, True), (('un', 'nouvel', 'appel'), None, True)),
    'mettre': ((('en', 'garde'), None, True), (('l', 'accent'), None, True)),
    'prendre': ((('note',), None, True), (('acte',), None, True)),
    'prier': ((('instamment',), None, True),),
    'rendre': ((('hommage',), None, True),),
    'savoir': ((('gre',), None, True),),
}

RESTATING = frozenset('adresser confirmer exprimer lancer réaffirmer redire réitérer renouveler'.split())
ACTING = frozenset({'renouveler'})
DETERMINERS = frozenset({'son', 'sa', 'ses', 'leur', 'leurs', 'un', 'une', 'le', 'la', 'les', 'l'})
POSSESSIVES = frozenset({'son', 'sa', 'ses', 'leur', 'leurs'})
MODIFIERS = frozenset(
    'ferme fermes vive vif vifs vives pressant pressante instant instante energique solennel solennelle nouvel '
    'nouvelle precedent precedente precedents precedentes urgent urgente totale total pleine plein profonde '
    'sinceres chaleureux entier entiere'.split()
)
NOUNS: dict[str, str] = {
    'approbation': 'decides',
    'autorisation': 'decides',
    'decision': 'decides',
    'decisions': 'decides',
    'exigence': 'demands',
    'exigences': 'demands',
    'condamnation': 'condemns',
    'appel': 'requests',
    'appels': 'requests',
    'demande': 'requests',
    'demandes': 'requests',
    'encouragement': 'encourages',
    'encouragements': 'encourages',
    'invitation': 'encourages',
}

# Preambular adjectives and past participles ('Préoccupé par', 'Conscient de', 'Vu').
ADJECTIVES = frozenset(
    """alarmé alarmée alarmés attaché attachée attentif conscient consciente conscients convaincu convaincue convaincus
    décidé décidée désireux déterminé déterminée inquiet inquiète préoccupé préoccupée préoccupés résolu résolue
    résolus soucieuse soucieux vu""".split()
)
ADVERBS = frozenset(
    'également aussi profondément gravement vivement fermement sérieusement extrêmement très encore'.split()
)
ADVERB_PHRASES = (
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
NOT_PARTICIPLES = frozenset({'avant', 'cependant', 'durant', 'maintenant', 'pendant', 'quant', 'suivant', 'tant'})
