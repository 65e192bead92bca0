"""Force of the opening verb of a Security Council paragraph, and who the paragraph addresses.

Pure Python (no Django). Contract: docs/document-intelligence.md, section "ssrhub/coding/force.py". The package
holds the public `types`, the word analysis in `lexicon` (over the word lists of `ssrhub.documents.vocabulary`,
shared with the segmenter), the opening verb in `reading`, and the addressee in `names`, `patterns` and
`addressee`.

The force of a paragraph is its opening verb placed on the ordinal scale of the CRSV dataset (Chikuhwa & He,
v2026.09): decides/authorizes > demands > condemns > requests/calls upon/urges > encourages > declaratory.
The opening verb is the first finite verb of the paragraph after a number or letter label, an optional
subject ("The Security Council"), optional leading adverbs ("Strongly", "Further", "Also", "Once again") and,
for the formula "Acting under Chapter VII of the Charter ...,", that formula. A paragraph that opens with a
preambular participle or adjective ("Recalling", "Noting", "Deeply concerned", "Rappelant", "Préoccupé") is
DECLARATORY even when a finite verb follows later (the CRSV coding does the same: "Recognizing ..., urges" is
recorded under "Recognizing").

Mappings that are not obvious from the scale (each one a decision; the verb tables of `ssrhub.documents.vocabulary`
are the full lexicon):

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

from .addressee import read_addressee
from .reading import read_force
from .types import Addressee, AddresseeReading, Force, ForceReading

__all__ = [
    'Addressee',
    'AddresseeReading',
    'Force',
    'ForceReading',
    'read_addressee',
    'read_force',
]
