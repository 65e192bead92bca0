"""Writes ``public-trust-in-security-services.xlsx``, the first survey of the monitoring app, as an XLSForm.

The form is kept here as text so that a change can be reviewed; regenerate the workbook with
``python ssrhub/monitoring/data/forms/public_trust.py`` (openpyxl; the file's dates are fixed so the bytes only
change when the rows do).

What it is modelled on (the wording is ours):
- the trust questions of Afrobarometer's survey rounds (how much the respondent trusts the police, the army and the
  courts of law, on a four-point scale from "not at all" to "a lot", with "don't know" apart):
  https://www.afrobarometer.org/surveys-and-methods/questionnaires/
- the SDG 16 Survey Initiative of UNDP, UNODC and OHCHR (2022), whose questionnaire asks about experience of
  violence, whether it was reported to the police and why not, disaggregated by sex, age and place:
  https://www.sdg16hub.org/topic/sdg-16-survey-initiative
- SDG indicator 16.3.1 (victims of violence who reported it to the competent authorities).
The counties are Liberia's fifteen; another country's survey changes the ``county`` list.
"""

import datetime
from pathlib import Path

from openpyxl import Workbook

OUTPUT = Path(__file__).with_name('public-trust-in-security-services.xlsx')

SURVEY_HEADER = [
    'type',
    'name',
    'label::English (en)',
    'label::French (fr)',
    'hint::English (en)',
    'hint::French (fr)',
    'required',
    'relevant',
    'constraint',
    'constraint_message::English (en)',
    'constraint_message::French (fr)',
    'identifying',
]

# type, name, English label, French label, then optional columns by name.
SURVEY = [
    ('start', 'start', '', '', {}),
    ('end', 'end', '', '', {}),
    ('today', 'today', '', '', {}),
    ('begin_group', 'respondent', 'About you', 'À propos de vous', {}),
    ('select_one sex', 'sex', 'Sex of the respondent', 'Sexe de la personne interrogée', {'required': 'yes'}),
    ('select_one age_group', 'age_group', 'Age group', "Tranche d'âge", {'required': 'yes'}),
    ('select_one county', 'county', 'County where you live', 'Comté de résidence', {'required': 'yes'}),
    (
        'integer',
        'household_size',
        'How many people live in your household, you included?',
        'Combien de personnes vivent dans votre ménage, vous compris\u00a0?',
        {
            'required': 'yes',
            'constraint': '. >= 1 and . <= 30',
            'constraint_message::English (en)': 'Between 1 and 30 people.',
            'constraint_message::French (fr)': 'Entre 1 et 30 personnes.',
        },
    ),
    ('end_group', 'respondent', '', '', {}),
    (
        'begin_group',
        'trust',
        'Trust in the security services',
        'Confiance dans les services de sécurité',
        {
            'hint::English (en)': 'How much do you trust each of them?',
            'hint::French (fr)': 'Quelle confiance accordez-vous à chacun\u00a0?',
        },
    ),
    ('select_one trust', 'trust_police', 'The police', 'La police', {'required': 'yes'}),
    ('select_one trust', 'trust_army', 'The army', "L'armée", {'required': 'yes'}),
    ('select_one trust', 'trust_gendarmerie', 'The gendarmerie', 'La gendarmerie', {'required': 'yes'}),
    ('select_one trust', 'trust_courts', 'The courts of law', 'Les tribunaux', {'required': 'yes'}),
    ('end_group', 'trust', '', '', {}),
    ('begin_group', 'experience', 'Your experience', 'Votre expérience', {}),
    (
        'select_one yes_no',
        'contact_police',
        'In the past 12 months, did you deal with the police?',
        'Au cours des 12 derniers mois, avez-vous eu affaire à la police\u00a0?',
        {'required': 'yes'},
    ),
    (
        'select_one treatment',
        'police_treatment',
        'How were you treated?',
        'Comment avez-vous été traité\u00a0?',
        {'required': 'yes', 'relevant': "${contact_police} = 'yes'"},
    ),
    (
        'select_multiple channel',
        'report_channels',
        'Where would you report a crime?',
        'À qui signaleriez-vous un crime\u00a0?',
        {
            'constraint': "not(selected(., 'nobody') and count-selected(.) > 1)",
            'constraint_message::English (en)': '"Nobody" cannot be chosen with another answer.',
            'constraint_message::French (fr)': '«\u00a0Personne\u00a0» ne peut pas être choisi avec une autre réponse.',
        },
    ),
    (
        'select_one yes_no',
        'victim',
        'In the past 12 months, were you or someone in your household a victim of violence or theft?',
        'Au cours des 12 derniers mois, vous-même ou un membre de votre ménage avez-vous été victime de violence '
        'ou de vol\u00a0?',
        {'required': 'yes'},
    ),
    ('begin_repeat', 'incidents', 'Incident', 'Incident', {'relevant': "${victim} = 'yes'"}),
    ('select_one incident_type', 'incident_type', 'What happened?', "Que s'est-il passé\u00a0?", {'required': 'yes'}),
    ('date', 'incident_date', 'When (about)?', 'Quand (environ)\u00a0?', {}),
    (
        'select_one yes_no',
        'incident_reported',
        'Was it reported to the police or another authority?',
        'A-t-il été signalé à la police ou à une autre autorité\u00a0?',
        {'required': 'yes'},
    ),
    (
        'select_one no_report',
        'why_not_reported',
        'Why was it not reported?',
        "Pourquoi n'a-t-il pas été signalé\u00a0?",
        {'relevant': "${incident_reported} = 'no'"},
    ),
    ('end_repeat', 'incidents', '', '', {}),
    ('end_group', 'experience', '', '', {}),
    (
        'text',
        'respondent_phone',
        'Phone number for a follow-up call (optional)',
        'Numéro de téléphone pour un rappel (facultatif)',
        {
            'identifying': 'TRUE',
            'constraint': 'string-length(.) = 0 or string-length(.) >= 7',
            'constraint_message::English (en)': 'At least 7 digits.',
            'constraint_message::French (fr)': 'Au moins 7 chiffres.',
        },
    ),
]

CHOICES = [
    ('sex', 'female', 'Female', 'Femme'),
    ('sex', 'male', 'Male', 'Homme'),
    ('age_group', '18_24', '18-24', '18-24 ans'),
    ('age_group', '25_34', '25-34', '25-34 ans'),
    ('age_group', '35_49', '35-49', '35-49 ans'),
    ('age_group', '50_64', '50-64', '50-64 ans'),
    ('age_group', '65_plus', '65 or older', '65 ans ou plus'),
    *[
        ('county', code, name, name)
        for code, name in [
            ('bomi', 'Bomi'),
            ('bong', 'Bong'),
            ('gbarpolu', 'Gbarpolu'),
            ('grand_bassa', 'Grand Bassa'),
            ('grand_cape_mount', 'Grand Cape Mount'),
            ('grand_gedeh', 'Grand Gedeh'),
            ('grand_kru', 'Grand Kru'),
            ('lofa', 'Lofa'),
            ('margibi', 'Margibi'),
            ('maryland', 'Maryland'),
            ('montserrado', 'Montserrado'),
            ('nimba', 'Nimba'),
            ('river_cess', 'River Cess'),
            ('river_gee', 'River Gee'),
            ('sinoe', 'Sinoe'),
        ]
    ],
    ('trust', '0', 'Not at all', 'Pas du tout'),
    ('trust', '1', 'A little', 'Un peu'),
    ('trust', '2', 'Somewhat', 'Assez'),
    ('trust', '3', 'A lot', 'Beaucoup'),
    ('trust', '8', 'There is none here', "Il n'y en a pas ici"),
    ('trust', '9', "Don't know", 'Ne sait pas'),
    ('yes_no', 'yes', 'Yes', 'Oui'),
    ('yes_no', 'no', 'No', 'Non'),
    ('treatment', 'well', 'Well', 'Bien'),
    ('treatment', 'neither', 'Neither well nor badly', 'Ni bien ni mal'),
    ('treatment', 'badly', 'Badly', 'Mal'),
    ('channel', 'police', 'The police', 'La police'),
    ('channel', 'chief', 'A chief or elder', 'Un chef ou un ancien'),
    ('channel', 'court', 'A court', 'Un tribunal'),
    ('channel', 'community_watch', 'A community watch team', 'Un comité de vigilance'),
    ('channel', 'nobody', 'Nobody', 'Personne'),
    ('incident_type', 'theft', 'Theft or burglary', 'Vol ou cambriolage'),
    ('incident_type', 'assault', 'Physical assault', 'Agression physique'),
    ('incident_type', 'sexual_violence', 'Sexual violence', 'Violence sexuelle'),
    ('incident_type', 'extortion', 'Extortion or bribe demanded', 'Extorsion ou pot-de-vin exigé'),
    ('no_report', 'not_serious', 'Not serious enough', 'Pas assez grave'),
    ('no_report', 'no_trust', 'Did not trust them to act', "Pas confiance qu'ils agissent"),
    ('no_report', 'fear', 'Fear of reprisals', 'Peur des représailles'),
    ('no_report', 'cost', 'Too far or too costly', 'Trop loin ou trop cher'),
    ('no_report', 'settled', 'Settled another way', 'Réglé autrement'),
]

SETTINGS = {
    'form_title': 'Public trust in security services',
    'form_id': 'ssr_public_trust',
    'version': '2026.1',
    'default_language': 'English (en)',
}


def build() -> Workbook:
    """The workbook of the form."""
    workbook = Workbook()
    survey = workbook.active
    survey.title = 'survey'
    survey.append(SURVEY_HEADER)
    for kind, name, label_en, label_fr, extra in SURVEY:
        row = {'type': kind, 'name': name, 'label::English (en)': label_en, 'label::French (fr)': label_fr, **extra}
        survey.append([row.get(column, '') or None for column in SURVEY_HEADER])
    choices = workbook.create_sheet('choices')
    choices.append(['list_name', 'name', 'label::English (en)', 'label::French (fr)'])
    for row in CHOICES:
        choices.append(list(row))
    settings = workbook.create_sheet('settings')
    settings.append(list(SETTINGS))
    settings.append(list(SETTINGS.values()))
    fixed = datetime.datetime(2026, 12, 5)
    workbook.properties.created = workbook.properties.modified = fixed
    workbook.properties.creator = 'ssrhub'
    return workbook


if __name__ == '__main__':
    build().save(OUTPUT)
    print(OUTPUT)
