"""Detecting a document's own symbol, type, date, title and language from its heading and file name."""

import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssrhub.core.symbols import DocType
from ssrhub.documents.metadata import (
    DocumentMetadata,
    detect_language,
    detect_metadata,
    symbol_from_filename,
    symbol_in_text,
)

DATA = Path(__file__).resolve().parents[3] / 'tests' / 'data'
SAMPLE = DATA / 'samples' / 'S_RES_2151_2014_EN.txt'
RESOLUTIONS = DATA / 'unsc-resolutions-1946-1994'

# Two corpus files hold another resolution than their name says: the text of S_RES_0542_1983 is resolution 538 (1983)
# (UNIFIL extended to 19 April 1984) and that of S_RES_0778_1992 is resolution 773 (1992) (Iraq-Kuwait boundary).
MISLABELLED = {
    'S_RES_0542_1983_EN_GOLD.txt': 'S/RES/538 (1983)',
    'S_RES_0778_1992_EN_GOLD.txt': 'S/RES/773 (1992)',
}


def _corpus_file(name: str) -> Path:
    return RESOLUTIONS / name


def _metadata_of(path: Path, filename: str | None = None) -> DocumentMetadata:
    return detect_metadata(path.read_text(encoding='utf-8'), path.name if filename is None else filename)


#
# The 2151 sample
#


def test_sample_resolution_2151():
    metadata = _metadata_of(SAMPLE)
    assert metadata == DocumentMetadata(
        symbol='S/RES/2151 (2014)',
        title='Resolution 2151 (2014)',
        date=datetime.date(2014, 4, 28),
        doc_type=DocType.RESOLUTION,
        language='en',
    )


def test_sample_heading_suffices_without_a_file_name():
    assert _metadata_of(SAMPLE, filename='') == _metadata_of(SAMPLE)


def test_sample_symbols_cited_in_the_body_are_not_its_own():
    # The preamble cites S/PRST/2007/3, S/2013/480 and a dozen resolutions: with the heading cut off, none of them
    # may become the document's symbol.
    text = SAMPLE.read_text(encoding='utf-8')
    body = text[text.index('The Security Council,') :]
    metadata = detect_metadata(body, 'upload.txt')
    assert (metadata.symbol, metadata.date, metadata.doc_type) == ('', None, DocType.OTHER)


#
# Corpus files across the years
#

CORPUS_SAMPLE = [
    'S_RES_0001_1946_EN_GOLD.txt',
    'S_RES_0006_1946_EN_GOLD.txt',
    'S_RES_0023_1947_EN_GOLD.txt',
    'S_RES_0041_1948_EN_GOLD.txt',
    'S_RES_0082_1950_EN_GOLD.txt',
    'S_RES_0118_1956_EN_GOLD.txt',
    'S_RES_0143_1960_EN_GOLD.txt',
    'S_RES_0200_1965_EN_GOLD.txt',
    'S_RES_0242_1967_EN_GOLD.txt',
    'S_RES_0290_1970_EN_GOLD.txt',
    'S_RES_0338_1973_EN_GOLD.txt',
    'S_RES_0361_1974_EN_GOLD.txt',
    'S_RES_0418_1977_EN_GOLD.txt',
    'S_RES_0464_1980_EN_GOLD.txt',
    'S_RES_0500_1982_EN_GOLD.txt',
    'S_RES_0598_1987_EN_GOLD.txt',
    'S_RES_0660_1990_EN_GOLD.txt',
    'S_RES_0687_1991_EN_GOLD.txt',
    'S_RES_0745_1992_EN_GOLD.txt',
    'S_RES_0794_1992_EN_GOLD.txt',
    'S_RES_0851_1993_EN_GOLD.txt',
    'S_RES_0866_1993_EN_GOLD.txt',
    'S_RES_0872_1993_EN_GOLD.txt',
    'S_RES_0902_1994_EN_GOLD.txt',
    'S_RES_1445_2002_EN_GOLD.txt',
    'S_RES_1454_2002_EN_GOLD.txt',
]


@pytest.mark.parametrize('name', CORPUS_SAMPLE)
def test_corpus_resolution_symbol_type_and_language(name):
    number, year = int(name.split('_')[2]), int(name.split('_')[3])
    for filename in (name, ''):
        metadata = _metadata_of(_corpus_file(name), filename)
        assert metadata.symbol == f'S/RES/{number} ({year})'
        assert metadata.doc_type == DocType.RESOLUTION
        assert metadata.title == f'Resolution {number} ({year})'
        assert metadata.language == 'en'
        assert metadata.date is None or metadata.date.year == year


# Dates checked by hand against the printed headings.
CORPUS_DATES = {
    'S_RES_0001_1946_EN_GOLD.txt': '1946-01-25',  # '1 (1946) Resolution of 25 January 1946'
    'S_RES_0006_1946_EN_GOLD.txt': '1946-05-17',  # '6 (1946). Resolution of 17 May 1946 21' (footnote mark)
    'S_RES_0041_1948_EN_GOLD.txt': '1948-02-28',  # '41 (1948). Resolution of 28 February 1948'
    'S_RES_0200_1965_EN_GOLD.txt': '1965-03-15',  # 'Resolution 200 (1965)' / 'of 15 March 1965'
    'S_RES_0290_1970_EN_GOLD.txt': '1970-12-08',  # 'Resolution 290' / 'of 8 December 1970' (no year in heading)
    'S_RES_0361_1974_EN_GOLD.txt': '1974-08-30',  # 'Resolution 361 (197-4)' / 'of 30 August 1974'
    'S_RES_0464_1980_EN_GOLD.txt': '1980-02-19',  # 'Of 19 February 1980'
    'S_RES_0851_1993_EN_GOLD.txt': '1993-07-15',  # heading after the end of the preceding statement
    'S_RES_0866_1993_EN_GOLD.txt': '1993-09-22',  # 'Adopted by the Security Council at its 3281st meeting,' / 'on ...'
    'S_RES_0902_1994_EN_GOLD.txt': '1994-03-11',
    'S_RES_1445_2002_EN_GOLD.txt': '2002-12-04',
}


@pytest.mark.parametrize(('name', 'expected'), sorted(CORPUS_DATES.items()))
def test_corpus_dates_checked_by_hand(name, expected):
    assert _metadata_of(_corpus_file(name)).date == datetime.date.fromisoformat(expected)


@pytest.mark.parametrize(
    'name',
    [
        'S_RES_0206_1965_EN_GOLD.txt',  # 'ef 15 June 1965'
        'S_RES_0226_1966_EN_GOLD.txt',  # 'of 14 October £964'
        'S_RES_0687_1991_EN_GOLD.txt',  # 'of 3 Apri] 1991'
        'S_RES_0801_1993_EN_GOLD.txt',  # 'on January 1993'
    ],
)
def test_corpus_dates_garbled_by_ocr_are_left_empty(name):
    assert _metadata_of(_corpus_file(name)).date is None


def test_corpus_draft_symbol_in_brackets_is_not_the_documents_own():
    # '41 (1948). Resolution of 28 February 1948' is followed by the draft's symbol '[S/678]'.
    assert _metadata_of(_corpus_file('S_RES_0041_1948_EN_GOLD.txt'), '').symbol == 'S/RES/41 (1948)'


@pytest.mark.parametrize(('name', 'printed'), sorted(MISLABELLED.items()))
def test_corpus_heading_wins_over_a_wrong_file_name(name, printed):
    assert _metadata_of(_corpus_file(name)).symbol == printed


def test_whole_corpus_never_raises_and_agrees_with_the_file_names(shared_data):
    files = sorted(shared_data('unsc-resolutions-1946-1994').glob('S_RES_*.txt'))
    assert len(files) == 902
    misses = {}
    for path in files:
        metadata = _metadata_of(path)
        assert metadata.doc_type == DocType.RESOLUTION, path.name
        if metadata.symbol != symbol_from_filename(path.name):
            misses[path.name] = metadata.symbol
    assert len(misses) <= 0.01 * len(files), misses
    assert misses == MISLABELLED


#
# Other kinds of document
#

FRENCH_RESOLUTION = """Résolution 2151 (2014)
Adoptée par le Conseil de sécurité à sa 7161e séance, le 28 avril 2014
Le Conseil de sécurité,
Rappelant les déclarations de son président en date du 21 février 2007 (S/PRST/2007/3) et du 12 mai 2008,
Soulignant que la réforme du secteur de la sécurité dans les pays sortant d’un conflit est essentielle à la
consolidation de la paix et de la stabilité,
1. Réaffirme l’importance de la réforme du secteur de la sécurité pour la stabilisation et la reconstruction des
États sortant d’un conflit;
"""

FRENCH_SG_REPORT = """Nations Unies S/2014/1
Conseil de sécurité Distr. générale
2 janvier 2014
Français
Original : anglais
14-20001 (F)
*1420001*
Rapport du Secrétaire général sur la situation au Mali
I. Introduction
1. Le présent rapport est soumis en application de la résolution 2100 (2013) du 25 avril 2013, par laquelle le
Conseil de sécurité m’a prié de lui faire rapport tous les trois mois sur la situation au Mali et sur
l’exécution du mandat de la Mission.
"""

ENGLISH_SG_REPORT = """United Nations S/2013/480
Security Council Distr.: General
13 August 2013
Original: English
13-42347 (E) 140813
*1342347*
Report of the Secretary-General on securing States and societies: strengthening the United
Nations comprehensive support to security sector reform
I. Introduction
1. The present report is submitted pursuant to the statement by the President of the Security Council of
12 October 2011 (S/PRST/2011/19), in which the Council requested me to report on security sector reform.
"""

ENGLISH_SG_REPORT_TITLE_ABOVE = """United Nations S/2013/480
Security Council Distr.: General
13 August 2013
Original: English
Securing States and societies: strengthening the United Nations comprehensive
support to security sector reform
Report of the Secretary-General
I. Introduction
1. The present report is submitted pursuant to resolution 2100 (2013), adopted on 25 April 2013.
"""

JOINT_REPORT = """United Nations A/62/659-S/2008/39
General Assembly Security Council Distr.: General
23 January 2008
Original: English
General Assembly
Sixty-second session
Agenda items 34 and 83
Securing peace and development: the role of the United Nations in supporting security sector reform
Report of the Secretary-General
"""

PRESIDENTIAL_STATEMENT = """United Nations S/PRST/2014/5
Security Council Distr.: General
21 February 2014
Original: English
14-24230 (E)
Statement by the President of the Security Council
At the 7113th meeting of the Security Council, held on 21 February 2014, in connection with the Council’s
consideration of the item entitled “Maintenance of international peace and security”, the President of the
Security Council made the following statement on behalf of the Council:
“The Security Council reaffirms its commitment to the Charter of the United Nations and international law.”
"""

GA_RESOLUTION = """United Nations A/RES/68/262
General Assembly Distr.: General
1 April 2014
Sixty-eighth session
Agenda item 33 (b)
Resolution adopted by the General Assembly on 27 March 2014
[without reference to a Main Committee (A/68/L.39 and Add.1)]
68/262. Territorial integrity of Ukraine
The General Assembly,
Reaffirming the paramount importance of the Charter of the United Nations in the promotion of the rule of law,
"""

NATIONAL_STRATEGY = """REPUBLIC OF LIBERIA
NATIONAL SECURITY STRATEGY OF THE REPUBLIC OF LIBERIA
January 2008
Table of contents
1. Introduction
The security of the Republic of Liberia and of its people is the first duty of the Government. This strategy sets
out the threats to the nation and the institutions that respond to them, in line with resolution 1509 (2003).
"""

FRENCH_NATIONAL_STRATEGY = """République de Côte d'Ivoire
Union – Discipline – Travail
Stratégie nationale de réforme du secteur de la sécurité
Décret n° 2012-786 du 8 août 2012
La présente stratégie définit la vision du Gouvernement pour la sécurité des populations et des institutions, dans
le respect des droits de l’homme et de l’état de droit.
"""


def test_french_resolution():
    metadata = detect_metadata(FRENCH_RESOLUTION, 'resolution-fr.txt')
    assert metadata == DocumentMetadata(
        symbol='S/RES/2151 (2014)',
        title='Résolution 2151 (2014)',
        date=datetime.date(2014, 4, 28),
        doc_type=DocType.RESOLUTION,
        language='fr',
    )


def test_french_sg_report():
    metadata = detect_metadata(FRENCH_SG_REPORT)
    assert metadata == DocumentMetadata(
        symbol='S/2014/1',
        title='Rapport du Secrétaire général sur la situation au Mali',
        date=datetime.date(2014, 1, 2),
        doc_type=DocType.SG_REPORT,
        language='fr',
    )


def test_english_sg_report():
    metadata = detect_metadata(ENGLISH_SG_REPORT)
    assert metadata == DocumentMetadata(
        symbol='S/2013/480',
        title=(
            'Report of the Secretary-General on securing States and societies: strengthening the United Nations '
            'comprehensive support to security sector reform'
        ),
        date=datetime.date(2013, 8, 13),
        doc_type=DocType.SG_REPORT,
        language='en',
    )


def test_english_sg_report_with_its_title_above_the_report_line():
    metadata = detect_metadata(ENGLISH_SG_REPORT_TITLE_ABOVE)
    assert (metadata.symbol, metadata.doc_type, metadata.date) == (
        'S/2013/480',
        DocType.SG_REPORT,
        datetime.date(2013, 8, 13),
    )
    assert metadata.title == (
        'Securing States and societies: strengthening the United Nations comprehensive '
        'support to security sector reform'
    )


def test_joint_general_assembly_and_security_council_report():
    metadata = detect_metadata(JOINT_REPORT)
    assert metadata.symbol == 'A/62/659-S/2008/39'
    assert metadata.doc_type == DocType.SG_REPORT
    assert metadata.date == datetime.date(2008, 1, 23)
    assert metadata.title.startswith('Securing peace and development: the role of the United Nations')


def test_presidential_statement():
    metadata = detect_metadata(PRESIDENTIAL_STATEMENT)
    assert metadata == DocumentMetadata(
        symbol='S/PRST/2014/5',
        title='Statement by the President of the Security Council',
        date=datetime.date(2014, 2, 21),
        doc_type=DocType.PRESIDENTIAL_STATEMENT,
        language='en',
    )


def test_general_assembly_resolution_takes_its_adoption_date_not_its_issue_date():
    metadata = detect_metadata(GA_RESOLUTION)
    assert metadata == DocumentMetadata(
        symbol='A/RES/68/262',
        title='Territorial integrity of Ukraine',
        date=datetime.date(2014, 3, 27),
        doc_type=DocType.GA_RESOLUTION,
        language='en',
    )


def test_general_assembly_resolution_without_its_symbol_line():
    metadata = detect_metadata(GA_RESOLUTION.split('\n', 3)[3])
    assert (metadata.symbol, metadata.doc_type) == ('A/RES/68/262', DocType.GA_RESOLUTION)


def test_national_strategy():
    metadata = detect_metadata(NATIONAL_STRATEGY, 'liberia-nss-2008.pdf')
    assert metadata == DocumentMetadata(
        symbol='',
        title='NATIONAL SECURITY STRATEGY OF THE REPUBLIC OF LIBERIA',
        date=None,  # 'January 2008' names no day
        doc_type=DocType.NATIONAL_STRATEGY,
        language='en',
    )


def test_french_national_strategy():
    metadata = detect_metadata(FRENCH_NATIONAL_STRATEGY, 'civ-ssr.docx')
    assert metadata == DocumentMetadata(
        symbol='',
        title='Stratégie nationale de réforme du secteur de la sécurité',
        date=datetime.date(2012, 8, 8),
        doc_type=DocType.NATIONAL_STRATEGY,
        language='fr',
    )


def test_national_security_policy_in_french():
    text = 'République X\nPolitique de sécurité nationale\nLe Gouvernement adopte la présente politique.'
    assert detect_metadata(text).doc_type == DocType.NATIONAL_STRATEGY


def test_other_document():
    metadata = detect_metadata('Letter dated 5 May 2014 from the Permanent Representative\nSir, I have the honour...')
    assert metadata == DocumentMetadata(
        symbol='',
        title='Letter dated 5 May 2014 from the Permanent Representative',
        date=datetime.date(2014, 5, 5),
        doc_type=DocType.OTHER,
        language='en',
    )


def test_document_symbol_without_a_report_line_is_other():
    text = 'United Nations S/2014/30\nSecurity Council Distr.: General\n15 January 2014\nLetter dated 14 January 2014'
    metadata = detect_metadata(text)
    assert (metadata.symbol, metadata.doc_type, metadata.date) == (
        'S/2014/30',
        DocType.OTHER,
        datetime.date(2014, 1, 15),
    )


def test_report_mentioned_in_a_sentence_does_not_make_an_sg_report():
    text = 'National plan\nIn line with the report of the Secretary-General on security sector reform, we act.'
    assert detect_metadata(text).doc_type == DocType.NATIONAL_STRATEGY


#
# Symbol sources and priorities
#


@pytest.mark.parametrize(
    ('filename', 'symbol'),
    [
        ('S_RES_2151_2014_EN.txt', 'S/RES/2151 (2014)'),
        ('S_RES_0866_1993_EN_GOLD.txt', 'S/RES/866 (1993)'),
        ('/imports/2014/S_RES_2151_2014_FR.pdf', 'S/RES/2151 (2014)'),
        ('C:\\Downloads\\S_RES_2151_2014.docx', 'S/RES/2151 (2014)'),
        ('S_2013_480.pdf', 'S/2013/480'),
        ('S_PRST_2014_5_EN.pdf', 'S/PRST/2014/5'),
        ('A_RES_68_262.html', 'A/RES/68/262'),
        ('S_RES_2151_2013_EN.txt', ''),  # the year contradicts the resolution number
        ('liberia-nss-2008.pdf', ''),
        ('S_1.txt', ''),
        ('', ''),
    ],
)
def test_symbol_from_filename(filename, symbol):
    assert symbol_from_filename(filename) == symbol


def test_filename_gives_the_symbol_when_the_heading_has_none():
    metadata = detect_metadata('The Security Council,\nRecalling its resolution 1325 (2000),', 'S_RES_2151_2014_EN.txt')
    assert (metadata.symbol, metadata.doc_type, metadata.title) == (
        'S/RES/2151 (2014)',
        DocType.RESOLUTION,
        'Resolution 2151 (2014)',
    )


def test_printed_symbol_line_is_read():
    text = 'S/RES/2151 (2014)\nSecurity Council Distr.: General\n28 April 2014\nThe Security Council,'
    metadata = detect_metadata(text)
    assert (metadata.symbol, metadata.date) == ('S/RES/2151 (2014)', datetime.date(2014, 4, 28))


def test_symbol_cited_in_a_heading_sentence_is_not_taken():
    text = 'Note on the follow-up to resolution 2151 (2014)\nSee S/2013/480 for the background.\n'
    assert detect_metadata(text).symbol == ''


def test_resolution_heading_that_is_a_sentence_is_not_taken():
    text = 'Resolution 1325 (2000) on women and peace and security is the basis of this plan.\nIt sets out priorities.'
    assert detect_metadata(text).symbol == ''


#
# Dates
#


@pytest.mark.parametrize(
    ('heading', 'expected'),
    [
        ('Date: 28 April 2014', '2014-04-28'),
        ('Date : 2014-04-28', '2014-04-28'),
        ('Issued 2014-04-28 in New York', '2014-04-28'),
        ('Adopted by the Security Council at its 7161st meeting, on April 28, 2014', '2014-04-28'),
        ('Décret du 1er janvier 2014 portant stratégie nationale de sécurité', '2014-01-01'),
        ('Distr.: General\n3 August 2014', '2014-08-03'),
        ('Date: 31 February 2014', None),
        ('Published in April 2014', None),
    ],
)
def test_heading_dates(heading, expected):
    metadata = detect_metadata(
        f'{heading}\nThe Security Council,\nRecalling its resolution 1325 (2000) of 31 October 2000,'
    )
    assert metadata.date == (datetime.date.fromisoformat(expected) if expected else None)


def test_date_contradicting_the_symbol_year_is_rejected():
    text = 'United Nations S/2014/5\nSecurity Council Distr.: General\n6 January 2013\nReport of the Secretary-General'
    assert detect_metadata(text).date is None
    text = 'Resolution 2151 (2014)\nAdopted by the Security Council at its 7161st meeting, on 28 April 2015\n'
    assert detect_metadata(text).date is None


def test_date_of_a_cited_document_in_the_body_is_not_taken():
    text = 'Resolution 2151 (2014)\nThe Security Council,\nRecalling its resolution 2122 (2014) of 28 March 2014,'
    assert detect_metadata(text).date is None


#
# Language
#


def test_language():
    assert detect_language('The Security Council, reaffirming its commitment to the sovereignty of the State') == 'en'
    assert detect_language('Le Conseil de sécurité, réaffirmant son attachement à la souveraineté de l’État') == 'fr'
    assert detect_language("L'Assemblée générale, considérant qu'il importe d'agir") == 'fr'
    assert detect_language('') == 'en'
    assert detect_language('12345 !!!') == 'en'
    assert detect_language('the le') == 'en'  # a tie


def test_language_is_deterministic_and_case_blind():
    text = 'LE CONSEIL DE SÉCURITÉ DÉCIDE QUE LA MISSION EST PROROGÉE'
    assert {detect_language(text) for _ in range(3)} == {'fr'}


#
# Robustness
#


def test_empty_and_odd_input():
    empty = DocumentMetadata(symbol='', title='', date=None, doc_type=DocType.OTHER, language='en')
    assert detect_metadata('') == empty
    assert detect_metadata('\n\n\f  \n') == empty
    assert detect_metadata(None) == empty


def test_doc_types_follow_the_contract():
    from ssrhub.documents.models import DocumentTypeChoices

    # Stored documents take six of the kinds of the one DocType; the symbol-only kinds are never stored.
    assert [value for value, _ in DocumentTypeChoices] == [
        'ga-resolution',
        'national-strategy',
        'other',
        'presidential-statement',
        'resolution',
        'sg-report',
    ]
    assert {DocType(value) for value, _ in DocumentTypeChoices} < set(DocType)


FRAGMENTS = ['\n', ' ', '/', '(', ')', 'S/', 'RES/', 'Resolution ', 'RESOLUTION ', '2014', '28 April ', 'Distr.: ']


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.one_of(st.text(max_size=6), st.sampled_from(FRAGMENTS)), max_size=60).map(''.join),
    filename=st.text(max_size=40),
)
def test_detect_metadata_never_raises(text, filename):
    metadata = detect_metadata(text, filename)
    assert metadata.language in ('en', 'fr') and isinstance(metadata.doc_type, DocType)
    assert len(metadata.title) <= 300


def test_strategy_mentioned_in_running_text_does_not_make_a_national_strategy():
    text = (
        'Civil society perspectives\n'
        'Our organisation has followed for many years how the Government drafts and implements its national security '
        'strategy, and how parliament oversees the defence and police budgets that are meant to carry it out.\n'
    )
    assert detect_metadata(text).doc_type == DocType.OTHER


@pytest.mark.parametrize(
    ('first_line', 'symbol'),
    [
        ('Resolution 2151 (2014)', 'S/RES/2151 (2014)'),
        ('Resolution 2151 (2014) of 28 April 2014', 'S/RES/2151 (2014)'),
        (
            'Resolution 2151 (2014) adopted by the Security Council at its 7161st meeting, on 28 April 2014',
            'S/RES/2151 (2014)',
        ),
        # A sentence that starts with the resolution cites it: it is not the text's heading.
        ('Resolution 2151 (2014) adopted on 28 April 2014 is the first resolution on the subject.', ''),
        ('Resolution 2151 (2014) of 28 April 2014 stresses national ownership.', ''),
    ],
)
def test_symbol_in_text_is_the_heading_s_never_a_citation_nor_the_file_name(first_line, symbol):
    text = f'{first_line}\n\n1. Stresses national ownership of security sector reform.\n'
    assert symbol_in_text(text, 'S_RES_2152_2014_EN.txt') == symbol


def test_symbol_in_text_takes_a_missing_year_from_the_file_name():
    assert (
        symbol_in_text('Resolution 290\n\nThe Security Council,\n', 'S_RES_0290_1970_EN_GOLD.txt') == 'S/RES/290 (1970)'
    )
