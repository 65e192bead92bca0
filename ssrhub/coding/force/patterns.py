"""Patterns naming each class of addressee, in English and French, tried in order after the opening verb."""

from __future__ import annotations

from .names import MISSION_ACRONYMS, PARTY_NAMES
from .types import Addressee

__all__ = ['EN_ADDRESSEES', 'FR_ADDRESSEES']

# Section: addressee patterns (English)

_I = '(?i:{})'.format
# 'attacks on MINUSCA peacekeepers': the mission is the victim, not the addressee.
_NOT_VICTIMS = r'(?!\s+(?:peacekeepers|personnel|staff|premises|bases|camps|convoys)\b)'

EN_ADDRESSEES: tuple[tuple[Addressee, str], ...] = (
    (Addressee.MISSION_OR_SG, r'\b(?:United\s+Nations\s+)?Secretary\s*[-‐–—]*\s*Genera\s?l\b(?!\s*[\'’]\s*s\b)'),
    (Addressee.MISSION_OR_SG, r'\bSpecial\s+(?:Representatives?|Envoys?|Advis[eo]rs?|Coordinators?)\b'),
    (Addressee.MISSION_OR_SG, r'\b(?:Personal\s+(?:Envoy|Representative)|(?:Acting\s+)?Mediator|Force\s+Commander)\b'),
    (Addressee.MISSION_OR_SG, r'\b(?:Chief\s+of\s+Staff|Chief\s+Military\s+Observer|Head\s+of\s+Mission)\b'),
    (Addressee.MISSION_OR_SG, r'\b(?:United\s+Nations\s+)?Secretariat\b'),
    (Addressee.MISSION_OR_SG, r'\b(?:' + MISSION_ACRONYMS + r')\b' + _NOT_VICTIMS),
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
    (Addressee.PARTIES, r'\b(?:' + PARTY_NAMES + r')\b'),
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

FR_ADDRESSEES: tuple[tuple[Addressee, str], ...] = (
    (Addressee.MISSION_OR_SG, _I(r'\bsecr[ée]taire\s+g[ée]n[ée]ral(?:e)?\b')),
    (Addressee.MISSION_OR_SG, _I(r'\b(?:repr[ée]sentant|envoy[ée])e?s?\s+sp[ée]cia(?:l|le|ux|les)\b')),
    (Addressee.MISSION_OR_SG, r'\bSecr[ée]tariat\b|\bCommandant\s+de\s+la\s+force\b|\bM[ée]diateur\b'),
    (Addressee.MISSION_OR_SG, r'\b(?:' + MISSION_ACRONYMS + r')\b'),
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
    (Addressee.PARTIES, r'\b(?:' + PARTY_NAMES + r')\b'),
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
