"""Names the addressee reader looks for: mission acronyms, parties to conflicts and countries."""

from __future__ import annotations

__all__ = ['COUNTRIES', 'MISSION_ACRONYMS', 'PARTY_NAMES']

MISSION_ACRONYMS = """AMIB? APRONUC ATNUSO ATNUTO BINUB BINUCA BINUGBIS BINUH BNUB BONUCA BONUGBIS FINUL FISNUA FNUOD
FORPRONU GOMNUII MANUA MANUI MANUL MANUSOM MINUAD MINUAR MINUATS MINUBH MINUEE MINUHA MINUJUSTH MINUK MINUL MINURCA
MINURCAT MINURSO MINUS MINUSCA MINUSIL MINUSMA MINUSS MINUSTAH MINUT MIPONUH MONUA MONUC MONUG MONUL MONUP MONUSCO
MONUSIL MONUT ONUB ONUC ONUCA ONUCI ONUMOZ ONUSAL ONUSOM ONUST ONUVEH UNAMA UNAMET UNAMI UNAMIC UNAMID UNAMIR UNAMSIL
UNASOG UNAVEM UNCI UNCIP UNCOK UNCRO UNDOF UNEF UNFICYP UNGOMAP UNIFIL UNIIMOG UNIKOM UNIOGBIS UNIOSIL UNIPOM UNISFA
UNITAMS UNMEE UNMHA UNMIBH UNMIH UNMIK UNMIL UNMIN UNMIS UNMISET UNMISS UNMIT UNMOGIP UNMOP UNMOT UNOCA UNOCI UNOGBIS
UNOGIL UNOMIG UNOMIL UNOMSIL UNOMUR UNOSOM UNOWAS UNPOS UNPREDEP UNPROFOR UNRCCA UNSCO UNSCOL UNSF UNSMIH UNSMIL
UNSMIS UNSOA UNSOM UNSOS UNTAC UNTAES UNTAET UNTAG UNTEA UNTMIH UNTSO UNVMC UNYOM""".split()

PARTY_NAMES = r"""M23|FDLR|LRA|ADF|APCLS|FNL|UNITA|RUF|AFRC|PDK|CNDP|CODECO|MNLA|AQIM|MUJAO|FPRC|UPC|MPC|JEM|SLA|SLM
|Khmer\s+Rouge|Islamic\s+State|SPL[AM](?:/A)?\s*-\s*IO|(?:ex-)?S[ée]l[ée]ka|anti\s*-\s*Balaka|Al[\s-]Shabaab|ISIL|ISIS|Da['’]esh
|Al[\s-]Qa[ei]da|Boko\s+Haram|Houthis?|Ma[iy]i?[\s-]Ma[iy]i|Janjaweed|Forces\s+nouvelles|Taliban|Bosnian\s+Serb
|National\s+Union\s+for\s+the\s+Total\s+Independence\s+of\s+Angola|Ansar\s+Eddine|Viv\s+Ansanm|G9""".replace('\n', '')

COUNTRIES = r"""Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh
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
