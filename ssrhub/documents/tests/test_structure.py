"""Segmentation of resolutions into heading, preambular, operative and annex paragraphs."""

import csv
import dataclasses
import re
import textwrap
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssrhub.documents.structure import Paragraph, ParagraphKind, StructuredDocument, segment

DATA = Path(__file__).resolve().parents[3] / 'tests' / 'data'
SAMPLE = DATA / 'samples' / 'S_RES_2151_2014_EN.txt'

# Lines of page furniture; none may survive in a paragraph.
FURNITURE_RE = re.compile(r'S/RES/\d+ \(\d{4}\)|Distr\.|\b\d{2}-\d{5}\b|\*\d{5,}\*|GE\.\d{2}-|-----|_____|/\.\.\.')

# Resolutions whose text stops before the operative part (a data problem, not a parsing one).
TRUNCATED = {
    'S_RES_0565_1985_EN_GOLD.txt': 'the text stops after the third preambular paragraph and the footnotes',
}


def refs(document: StructuredDocument) -> list[str]:
    return [paragraph.ref for paragraph in document.paragraphs]


def by_ref(document: StructuredDocument) -> dict[str, Paragraph]:
    return {paragraph.ref: paragraph for paragraph in document.paragraphs}


def segment_folder(folder: Path) -> dict[str, StructuredDocument]:
    return {path.name: segment(path.read_text(encoding='utf-8')) for path in sorted(folder.glob('*.txt'))}


@pytest.fixture(scope='module')
def corpus() -> dict[str, StructuredDocument]:
    """The resolutions checked by hand below, from the copy in tests/data."""
    return segment_folder(DATA / 'unsc-resolutions-1946-1994')


@pytest.fixture(scope='module')
def whole_corpus(shared_data) -> dict[str, StructuredDocument]:
    return segment_folder(shared_data('unsc-resolutions-1946-1994'))


def resolution(corpus: dict[str, StructuredDocument], number: int) -> StructuredDocument:
    (name,) = [name for name in corpus if name.startswith(f'S_RES_{number:04d}_')]
    return corpus[name]


#
# Types
#


def test_types_are_frozen_and_kinds_are_strings():
    document = segment('The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to remain seized.')
    assert isinstance(document.paragraphs, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.paragraphs[0].text = 'changed'  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        document.heading = 'changed'  # type: ignore[misc]
    assert [kind.value for kind in ParagraphKind] == ['preambular', 'operative', 'annex']
    assert ParagraphKind.OPERATIVE == 'operative'
    assert document.paragraphs[1] == Paragraph(
        '1', ParagraphKind.OPERATIVE, 'Decides to remain seized.', 1, (), None, 2
    )


@pytest.mark.parametrize('text', ['', '   \n\n\t\f', None, 42])
def test_empty_input_gives_an_empty_document(text):
    assert segment(text) == StructuredDocument(heading='', paragraphs=())  # type: ignore[arg-type]


#
# The modern sample: S/RES/2151 (2014)
#


def test_2151_preamble_operative_and_items():
    document = segment(SAMPLE.read_text(encoding='utf-8'))
    assert document.heading.startswith('Resolution 2151 (2014) Adopted by the Security Council at its 7161st meeting')
    assert document.heading.endswith('The Security Council,')
    assert len(document.preambular) == 18
    assert [p.ref for p in document.preambular] == [f'PP{n}' for n in range(1, 19)]
    assert [p.ref for p in document.operative] == [str(n) for n in range(1, 21)]
    assert [p.number for p in document.operative] == list(range(1, 21))
    items = [p for p in document.paragraphs if p.parent_ref == '15']
    assert [p.ref for p in items] == [f'15 ({letter})' for letter in 'abcdef']
    assert all(p.kind is ParagraphKind.OPERATIVE and p.number == 15 and len(p.sub) == 1 for p in items)
    assert items[3].sub == ('d',) and items[3].text.startswith('Highlight in his regular reports')
    assert not document.annex
    assert [p.order for p in document.paragraphs] == list(range(1, 45))


def test_2151_text_is_clean():
    document = segment(SAMPLE.read_text(encoding='utf-8'))
    paragraphs = by_ref(document)
    nine = paragraphs['9'].text
    assert nine.startswith('Underlines the importance of strengthening support for sector-wide initiatives')
    assert nine.endswith('and national security oversight, management and coordination;')
    # A preambular and an operative paragraph broken by a blank line are joined again.
    assert 'encouraging relevant United Nations entities mandated for security sector reform' in paragraphs['PP13'].text
    assert 'mandate to enable peacebuilding and development actors' in paragraphs['10'].text
    for paragraph in document.paragraphs:
        assert not FURNITURE_RE.search(paragraph.text), paragraph.ref
        assert not re.match(r'\(?\d+[.)]|\([a-z]+\)', paragraph.text), paragraph.ref
        assert paragraph.text == ' '.join(paragraph.text.split())


def test_2151_with_page_furniture_gives_the_same_paragraphs():
    clean = SAMPLE.read_text(encoding='utf-8')
    lines = []
    for index, line in enumerate(textwrap.fill(p, 78) if p.strip() else p for p in clean.split('\n')):
        lines.append(line)
        if index in (30, 61, 92):  # page breaks between paragraphs, with header and footer
            lines += ['', '14-31234 (E)    290414', '*1431234*', '', '2/6', '', 'S/RES/2151 (2014)', '']
    wrapped = '\n'.join(lines)
    # And page breaks inside paragraphs.
    wrapped = wrapped.replace(
        'primary responsibility under the\nCharter', 'primary responsibility under the\n\n- 3 -\n\nCharter'
    )
    wrapped = wrapped.replace(
        'security sector\nreform', 'security sector /...\n\f\nS/RES/2151 (2014)\n28 April 2014\n\nreform', 1
    )
    original, paged = segment(clean), segment(wrapped)
    assert refs(paged) == refs(original)
    assert [p.text for p in paged.paragraphs] == [p.text for p in original.paragraphs]


#
# The corpus of 902 resolutions, 1946-1994
#


def test_every_corpus_text_segments(whole_corpus, capsys):
    assert len(whole_corpus) == 902
    kinds: Counter[str] = Counter()
    for name, document in whole_corpus.items():
        kinds.update(f'{p.kind.value} {"item" if p.parent_ref else "paragraph"}' for p in document.paragraphs)
        assert document.paragraphs, name
        if name not in TRUNCATED:
            assert document.operative, name
        references = refs(document)
        assert len(references) == len(set(references)), name
        assert [p.order for p in document.paragraphs] == list(range(1, len(references) + 1))
        for paragraph in document.paragraphs:
            assert paragraph.text, (name, paragraph.ref)
            assert paragraph.parent_ref is None or paragraph.parent_ref in references[: paragraph.order - 1]
            assert len(paragraph.ref) <= 40, (name, paragraph.ref)
    with capsys.disabled():
        print(f'\ncorpus: {len(whole_corpus)} resolutions, paragraphs by kind: {dict(sorted(kinds.items()))}')
    assert kinds['operative paragraph'] > 4000 and kinds['preambular paragraph'] > 3500


def test_operative_numbers_increase(whole_corpus):
    for name, document in whole_corpus.items():
        groups = defaultdict(list)
        for paragraph in document.operative:
            if paragraph.number is not None:
                part = paragraph.ref.rpartition(' ')[0]  # 'A' in 'A 3' (resolution 161 (1961) A and B)
                groups[part].append(paragraph.number)
        for numbers in groups.values():
            assert numbers == sorted(set(numbers)), (name, numbers)


def test_no_page_furniture_in_corpus_paragraphs(whole_corpus):
    for name, document in whole_corpus.items():
        for paragraph in document.paragraphs:
            assert not FURNITURE_RE.search(paragraph.text), (name, paragraph.ref, paragraph.text[:80])
            assert not re.match(r'Adopted\b', paragraph.text), (name, paragraph.ref)


def test_corpus_is_segmented_quickly(shared_data, capsys):
    texts = [
        path.read_text(encoding='utf-8') for path in sorted(shared_data('unsc-resolutions-1946-1994').glob('*.txt'))
    ]
    start = time.perf_counter()
    for text in texts:
        segment(text)
    elapsed = time.perf_counter() - start
    with capsys.disabled():
        print(f'\nsegmenting {len(texts)} resolutions took {elapsed:.2f} s')
    assert elapsed < 20


#
# Hand-checked resolutions of different layouts
#


def test_1946_military_staff_committee(corpus):
    # Title in capitals, '1 (1946) Resolution of ...', one 'By Article 47' recital, 'Therefore', three numbers.
    document = resolution(corpus, 1)
    assert document.heading == 'MILITARY STAFF COMMITTEE 1 (1946) Resolution of 25 January 1946'
    assert refs(document) == ['PP1', '1', '2', '3']
    assert document.paragraphs[0].text.startswith('By Article 47 of the Charter')
    assert by_ref(document)['3'].text.endswith('to submit these proposals to the Security Council.')


def test_1946_unnumbered_operative_paragraphs(corpus):
    # 'Therefore the Security Council,' in the middle; 'Hereby resolves' and 'To this end' are operative.
    document = resolution(corpus, 4)
    assert refs(document) == ['PP1', 'PP2', '¶1', '¶2']
    assert [p.kind for p in document.paragraphs] == [ParagraphKind.PREAMBULAR] * 2 + [ParagraphKind.OPERATIVE] * 2
    assert by_ref(document)['¶1'].text.startswith('Hereby resolves to make further studies')
    assert by_ref(document)['¶2'].number is None


def test_1947_items_with_ocr_digit(corpus):
    # '(6)' is the OCR reading of '(b)'; the item continues after a blank line.
    document = resolution(corpus, 27)
    assert refs(document) == ['PP1', '¶1', '¶1 (a)', '¶1 (b)']
    assert by_ref(document)['¶1 (b)'].text == (
        'To settle their dispute by arbitration or by other peaceful means and keep the Security Council informed '
        'about the progress of the settlement.'
    )
    assert by_ref(document)['¶1 (b)'].parent_ref == '¶1' and by_ref(document)['¶1 (b)'].sub == ('b',)


def test_1950_parts_in_roman_numerals_without_numbers(corpus):
    document = resolution(corpus, 82)
    assert refs(document) == ['PP1', 'PP2', 'PP3', '¶1', '¶2', '¶3', '¶4', '¶4 (a)', '¶4 (b)', '¶4 (c)', '¶5']
    assert by_ref(document)['¶1'].text == 'Determines that this action constitutes a breach of the peace; and'
    assert 'unity of Korea; and the concern expressed' in by_ref(document)['PP2'].text  # stray '|' removed


def test_1961_parts_a_and_b_restart_their_numbers(corpus):
    document = resolution(corpus, 161)
    assert refs(document) == [
        *[f'PP{n}' for n in range(1, 5)],
        *[f'A {n}' for n in range(1, 6)],
        *[f'PP{n}' for n in range(5, 10)],
        *[f'B {n}' for n in range(1, 4)],
    ]
    assert by_ref(document)['B 1'].number == 1
    assert 'Congolese people themselves without' in by_ref(document)['PP8'].text  # 'them-' / 'selves'


def test_1967_roman_items_read_through_ocr(corpus):
    # Resolution 242: '(1)' before '(ii)' is '(i)'.
    document = resolution(corpus, 242)
    assert refs(document) == ['PP1', 'PP2', 'PP3', '1', '1 (i)', '1 (ii)', '2', '2 (a)', '2 (b)', '2 (c)', '3', '4']
    assert by_ref(document)['1 (i)'].text.startswith('Withdrawal of Israel armed forces')
    assert by_ref(document)['2'].text == 'Affirms further the necessity'


def test_1969_annex_of_rules(corpus):
    document = resolution(corpus, 263)
    assert refs(document) == ['PP1', 'PP2', '¶1', 'Annex ¶1', 'Annex ¶2', 'Annex ¶3', 'Annex ¶4']
    assert by_ref(document)['Annex ¶2'].text.startswith('Rule 42 Speeches made in one of the working languages')
    assert by_ref(document)['PP1'].text.endswith('(S/8968),')  # footnote marker 28 removed, 'S/' + '8968' joined


def test_1991_sections_keep_continuous_numbers(corpus):
    # Resolution 687: sections A to I, 26 recitals (one after a page break), 34 paragraphs, items in 8, 9 and 24.
    document = resolution(corpus, 687)
    assert len(document.preambular) == 26
    assert by_ref(document)['PP10'].text.startswith('Recalling also that Iraq has signed the Convention')
    assert [p.ref for p in document.operative] == [str(n) for n in range(1, 35)]
    assert [p.ref for p in document.paragraphs if p.parent_ref] == [
        '8 (a)', '8 (b)', '9 (a)', '9 (b)', '9 (b) (i)', '9 (b) (ii)', '9 (b) (iii)',
        '24 (a)', '24 (b)', '24 (c)', '24 (d)',
    ]  # fmt: skip
    assert by_ref(document)['9 (b) (ii)'].parent_ref == '9 (b)' and by_ref(document)['9 (b) (ii)'].sub == ('b', 'ii')


def test_1992_untac_and_onumoz(corpus):
    untac = resolution(corpus, 745)
    assert len(untac.preambular) == 9 and [p.ref for p in untac.operative] == [str(n) for n in range(1, 12)]
    assert untac.preambular[1].text.endswith('signed in Paris on 23 October 1991,')  # bare footnote marker 110
    onumoz = resolution(corpus, 797)
    assert len(onumoz.preambular) == 7 and [p.ref for p in onumoz.operative] == [str(n) for n in range(1, 12)]
    assert onumoz.preambular[1].text == (
        'Recalling also the statement of the President of the Security Council of 27 October 1992,'
    )  # footnote marker '1/' removed


def test_1993_unosom_ii_with_sections_and_ocr_label(corpus):
    # Resolution 814: parts A and B, 'Acting under Chapter VII' opens part B, '(ad)' is '(d)'.
    document = resolution(corpus, 814)
    assert len(document.preambular) == 27
    assert by_ref(document)['PP27'].text == 'Acting under Chapter VII of the Charter of the United Nations,'
    assert [p.ref for p in document.operative] == [str(n) for n in range(1, 21)]
    assert [p.ref for p in document.paragraphs if p.parent_ref] == [f'4 ({c})' for c in 'abcdefg']
    assert by_ref(document)['4 (d)'].text.startswith('Assistance in the re-establishment of Somali police')
    assert refs(document).index('PP27') == refs(document).index('4 (g)') + 1


def test_1993_unavem_ii_section_preamble(corpus):
    # Resolution 864: part B opens with five recitals between paragraphs 16 and 17; '(a)' misread for '(d)'.
    document = resolution(corpus, 864)
    assert refs(document)[24:31] == ['16', 'PP10', 'PP11', 'PP12', 'PP13', 'PP14', '17']
    assert [p.ref for p in document.operative] == [str(n) for n in range(1, 30)]
    assert [p.ref for p in document.paragraphs if p.parent_ref] == [f'22 ({c})' for c in 'abcde']
    assert by_ref(document)['1'].text.startswith('Welcome the further report')  # '16. | Demands' too
    assert by_ref(document)['16'].text.startswith('Demands that the National Union')


def test_1993_unomil_and_unamir_mandates(corpus):
    unomil = resolution(corpus, 866)
    assert len(unomil.preambular) == 13 and len(unomil.operative) == 14
    assert [p.ref for p in unomil.paragraphs if p.parent_ref] == [f'3 ({c})' for c in 'abcdefgh']
    assert by_ref(unomil)['3 (f)'].text == (
        'To report on any major violations of international humanitarian law to the Secretary-General;'
    )
    unamir = resolution(corpus, 872)
    assert len(unamir.preambular) == 8 and len(unamir.operative) == 15
    assert unamir.preambular[-1].text.startswith('Resolved that the United Nations should')
    assert [p.ref for p in unamir.paragraphs if p.parent_ref] == [f'3 ({c})' for c in 'abcdefgh']  # 'f)' too
    assert by_ref(unamir)['1'].text == 'Welcomes the report of the Secretary-General;'  # footnote 18 removed


def test_1993_libya_tail_items_and_annex(corpus):
    # Resolution 883: items, the end of the sentence after them ('shall freeze ...'), then roman items of 3.
    document = resolution(corpus, 883)
    assert len(document.preambular) == 10 and len(document.operative) == 17
    assert [p.ref for p in document.paragraphs if p.parent_ref] == [
        '3 (a)', '3 (b)', '3 (i)', '3 (ii)', '3 (iii)',
        '6 (a)', '6 (b)', '6 (c)', '6 (c) (i)', '6 (c) (ii)', '6 (d)', '6 (e)', '6 (f)',
    ]  # fmt: skip
    three = by_ref(document)['3'].text
    assert three.endswith('owned or controlled, directly or indirectly, by:')
    assert 'by: shall freeze such funds and financial resources' in three
    assert by_ref(document)['3 (b)'].text == 'Any Libyan undertaking;'
    assert document.annex[0].ref == 'Annex ¶1'
    assert document.annex[0].text.startswith('List of items referred to in paragraph')
    assert all(p.kind is ParagraphKind.ANNEX for p in document.paragraphs[-len(document.annex) :])


def test_1993_text_that_starts_with_another_document(corpus):
    # The file of resolution 851 opens with the end of a presidential statement and a meeting note.
    document = resolution(corpus, 851)
    assert document.heading.startswith('Resolution 851 (1993) of 15 July 1993')
    assert len(document.preambular) == 11 and len(document.operative) == 23
    assert not any('3254th meeting' in p.text for p in document.paragraphs)


def test_2002_modern_layout_with_annexes(corpus):
    document = resolution(corpus, 1454)
    assert document.heading.startswith('Resolution 1454 (2002) Adopted by the Security Council at its 4683rd meeting')
    assert len(document.preambular) == 6 and [p.ref for p in document.operative] == ['1', '2', '3', '4', '5']
    assert by_ref(document)['1'].text.endswith('and other relevant resolutions;')  # across '02-75941 (E)' page break
    annex_b = [p.ref for p in document.annex if p.ref.startswith('Annex B ') and p.parent_ref is None]
    # Procedures 1-20, then the numbered boxes 21-24 of the application form.
    assert [ref for ref in annex_b if '¶' not in ref] == [f'Annex B {n}' for n in range(1, 25)]
    assert 'Annex A ¶1 (1)' in refs(document)


#
# PEMA: every paragraph that PEMA cites in the resolution itself exists in its segmentation
#

PEMA_CELL_RE = re.compile(r'Mandated in current resolution in S/RES/(\d+) paragraph\(s\) (.+)$')
PEMA_REF_RE = re.compile(r'(p\.\s*)?(\d+)\s*([a-z])?\s*(\(S/[^)]*\))?')

# PEMA cells that name paragraphs the resolution does not have: they are paragraphs of the Secretary-General's
# report that the resolution approves, cited without the report symbol (checked against the printed texts).
PEMA_REPORT_PARAGRAPHS = {
    (717, '12'), (717, '14'),  # 717 (1991) has 5 paragraphs
    (762, '16 (a)'), (762, '16 (b)'), (762, '16 (d)'),  # 762 (1992) has 12 paragraphs, none with items
    (769, '21'), (769, '28'),  # 769 (1992) has 4 paragraphs
    (776, '6'), (776, '11'),  # 776 (1992) has 4 paragraphs
    (792, '28'),  # '28, 29 (S/24800)': 792 (1992) has 22 paragraphs, so 28 is also a report paragraph
    (844, '2 (b)'), (844, '3 (a)'), (844, '3 (b)'), (844, '3 (c)'), (844, '3 (d)'), (844, '3 (e)'),  # no items
}  # fmt: skip


def pema_citations(pema: Path):
    """(resolution number, reference) for each paragraph of the resolution itself cited in a 'current' cell."""
    with pema.open(encoding='utf-8', newline='') as handle:
        for row in csv.DictReader(handle):
            for cell in row.values():
                match = PEMA_CELL_RE.match(cell or '')
                if not match:
                    continue
                for item in PEMA_REF_RE.finditer(match.group(2)):
                    prefix, number, letter, report = item.groups()
                    if report:  # a paragraph of the cited report, not of the resolution
                        continue
                    ref = f'PP{number}' if prefix else f'{number} ({letter})' if letter else number
                    yield int(match.group(1)), ref


def test_pema_paragraph_references_exist(whole_corpus, shared_data, capsys):
    citations = list(pema_citations(shared_data('pema/pema-v4-dev.csv')))
    missing = [(number, ref) for number, ref in citations if ref not in refs(resolution(whole_corpus, number))]
    found = len(citations) - len(missing)
    own = len(citations) - sum(1 for citation in citations if citation in PEMA_REPORT_PARAGRAPHS)
    with capsys.disabled():
        print(
            f'\nPEMA current-resolution references found: {found}/{len(citations)} ({found / len(citations):.1%}); '
            f'{found}/{own} ({found / own:.0%}) of those that are paragraphs of the resolution'
        )
    assert len(citations) > 80
    assert set(missing) <= PEMA_REPORT_PARAGRAPHS, sorted(set(missing) - PEMA_REPORT_PARAGRAPHS)
    assert found == own


#
# Sub-items, numbering and references
#


def test_letter_i_follows_h_and_roman_i_opens_under_a_letter():
    text = 'The Security Council,\n\n1. Decides that:\n\n' + ''.join(f'({c}) Item {c};\n\n' for c in 'abcdefghij')
    assert [p.ref for p in segment(text).paragraphs][1:] == [f'1 ({c})' for c in 'abcdefghij']
    text = (
        'The Security Council,\n\n1. Decides that:\n\n(a) First;\n\n(b) Second, as follows:\n\n'
        '(i) One;\n\n(ii) Two;\n\n(iii) Three;\n\n(iv) Four;\n\n(v) Five;\n\n(c) Third;\n\n2. Requests a report.'
    )
    document = segment(text)
    assert refs(document) == [
        '1', '1 (a)', '1 (b)', '1 (b) (i)', '1 (b) (ii)', '1 (b) (iii)', '1 (b) (iv)', '1 (b) (v)', '1 (c)', '2',
    ]  # fmt: skip
    assert by_ref(document)['1 (b) (v)'].sub == ('b', 'v') and by_ref(document)['1 (b) (v)'].parent_ref == '1 (b)'
    # '(i)' after '(h)' but followed by '(ii)' opens roman numerals under '(h)'.
    text = 'The Security Council,\n\n1. Decides:\n\n' + ''.join(f'({c}) Item;\n\n' for c in 'abcdefgh')
    text += '(i) Sub one;\n\n(ii) Sub two;\n\n(i) Ninth letter.'
    assert refs(segment(text))[-3:] == ['1 (h) (i)', '1 (h) (ii)', '1 (i)']
    # An item that ends with a colon introduces its own items.
    text = 'The Security Council,\n\n1. Decides:\n\n' + ''.join(f'({c}) Item;\n\n' for c in 'abcdefg')
    assert refs(segment(text + '(h) Item:\n\n(i) Only sub.'))[-2:] == ['1 (h)', '1 (h) (i)']
    assert refs(segment(text + '(h) Item;\n\n(i) Ninth letter.'))[-2:] == ['1 (h)', '1 (i)']


def test_labels_without_opening_parenthesis_and_numbers_with_parenthesis():
    text = 'The Security Council,\n\nNoting the report,\n\n1) Decides:\n\na) First;\n\nb) Second;\n\n2) Requests more.'
    document = segment(text)
    assert refs(document) == ['PP1', '1', '1 (a)', '1 (b)', '2']
    assert by_ref(document)['1 (a)'].text == 'First;'


def test_ocr_misreadings_are_repaired_only_when_proven():
    text = (
        'The Security Council,\n\n1. Decides:\n\n(a) One;\n\n(6) Two;\n\n(c) Three;\n\n2. Notes:\n\n(a) One;\n\n'
        '(5) Two;\n\n3. Requests:\n\n(2) One;\n\n(b) Two;\n\n4, Urges all parties;\n\n8. Invites;\n\n6. Calls.'
    )
    assert refs(segment(text)) == [
        '1', '1 (a)', '1 (b)', '1 (c)', '2', '2 (a)', '2 (b)', '3', '3 (a)', '3 (b)', '4', '5', '6',
    ]  # fmt: skip
    # Numbered lists of digits stay digits.
    text = 'The Security Council,\n\n1. Decides:\n\n(1) One;\n\n(2) Two;\n\n(3) Three.'
    assert refs(segment(text)) == ['1', '1 (1)', '1 (2)', '1 (3)']


def test_end_of_sentence_after_items_joins_the_chapeau():
    text = (
        'The Security Council,\n\n1. Decides that all funds owned by:\n\n(a) The Government; or\n\n'
        '(b) Any undertaking;\n\nshall be frozen, and that the term undertaking means:\n\n(i) One,\n\n(ii) Two;\n\n'
        '2. Decides to remain seized of the matter.'
    )
    document = segment(text)
    assert refs(document) == ['1', '1 (a)', '1 (b)', '1 (i)', '1 (ii)', '2']
    assert by_ref(document)['1'].text == (
        'Decides that all funds owned by: shall be frozen, and that the term undertaking means:'
    )


def test_unnumbered_operative_paragraphs_and_parts():
    text = (
        '82 (1950). Resolution of 25 June 1950\n[S/1501]\n\nThe Security Council,\n\n'
        'Noting with grave concern the armed attack,\n\nDetermines that this action is a breach of the peace;\n\n'
        'I\n\nCalls for the immediate cessation of hostilities;\n\nII\n\nRequests the Commission:\n\n'
        '(a) To report;\n\nAdopted at the 473rd meeting by 9 votes to none.\n\n9 See Official Records.'
    )
    document = segment(text)
    assert document.heading == '82 (1950). Resolution of 25 June 1950 [S/1501] The Security Council,'
    assert refs(document) == ['PP1', '¶1', '¶2', '¶3', '¶3 (a)']
    assert all(p.number is None for p in document.paragraphs)


def test_parts_that_restart_numbering_are_prefixed():
    part = 'The Security Council,\n\nRecalling its resolution,\n\n1. Urges restraint;\n\n2. Decides to act.\n\n'
    document = segment('A\n\n' + part + 'B\n\n' + part)
    assert refs(document) == ['PP1', 'A 1', 'A 2', 'PP2', 'B 1', 'B 2']
    # Sections that continue the numbering keep plain numbers.
    text = 'The Security Council,\n\nRecalling,\n\n1. Affirms;\n\nA\n\n2. Demands;\n\nB\n\n3. Decides.'
    assert refs(segment(text)) == ['PP1', '1', '2', '3']


def test_annex_numbering_does_not_touch_operative_numbers():
    text = (
        'The Security Council,\n\nRecalling,\n\n1. Approves the annex;\n\n2. Decides to remain seized.\n\n'
        'Annex I\n\nGuidelines\n\n1. States shall report:\n\n(a) Quarterly;\n\n(b) To the Committee.\n\n'
        '2. The Committee decides.\n\nANNEX II\n\n1. Other rules.\n\nAnnex\n\nNotes only.'
    )
    document = segment(text)
    assert refs(document) == [
        'PP1', '1', '2',
        'Annex I ¶1', 'Annex I 1', 'Annex I 1 (a)', 'Annex I 1 (b)', 'Annex I 2', 'Annex II 1', 'Annex ¶1',
    ]  # fmt: skip
    assert [p.ref for p in document.operative] == ['1', '2']
    assert by_ref(document)['Annex I 1 (b)'].parent_ref == 'Annex I 1'
    assert by_ref(document)['Annex I 1 (b)'].kind is ParagraphKind.ANNEX
    assert by_ref(document)['Annex I 2'].number == 2


def test_repeated_numbers_fall_back_to_unique_references():
    text = 'The Security Council,\n\nRecalling,\n\n1. Decides;\n\n2. Notes;\n\n2. Urges;\n\n3. Requests.'
    document = segment(text)
    assert refs(document) == ['PP1', '1', '2', '¶1', '3']
    assert by_ref(document)['¶1'].number is None


#
# Text: furniture, footnotes, hyphenation
#


def test_page_furniture_and_footnotes_are_removed():
    text = (
        'UNITED NATIONS\n\nS\n\nSecurity Council\n\nDistr.\nGENERAL\n\nS/RES/999 (1994)\n11 March 1994\n\n'
        'RESOLUTION 999 (1994)\n\nAdopted by the Security Council at its 3347th meeting,\non 11 March 1994\n\n'
        'The Security Council,\n\nWelcoming the report of the Secretary-General of 4 March 1994 1/ on his\n'
        'mission, 2/\n\nRecalling the agreement signed in Paris on 23 October 1991, 110\n\n'
        '1. Reiterates that the maintenance of the status quo in the\n\n'
        'GE.94-12345\n\n- 2 -\n\n-------\n\nterritory is unacceptable; /...\n\n'
        '*9412345*\n94-12513 (E)\n\n2. Decides to remain seized of the matter.\n\n'
        'Adopted unanimously at the 3347th meeting.\n\n1/ S/1994/262.\n\n2/ S/1994/263.'
    )
    document = segment(text)
    assert document.heading.startswith('RESOLUTION 999 (1994) Adopted by the Security Council at its 3347th meeting')
    assert [p.text for p in document.paragraphs] == [
        'Welcoming the report of the Secretary-General of 4 March 1994 on his mission,',
        'Recalling the agreement signed in Paris on 23 October 1991,',
        'Reiterates that the maintenance of the status quo in the territory is unacceptable;',
        'Decides to remain seized of the matter.',
    ]


def test_banner_words_inside_a_paragraph_are_kept():
    text = 'The Security Council,\n\n1. Recommends admission to membership in the\nUnited Nations\nand its agencies.'
    assert segment(text).paragraphs[0].text == (
        'Recommends admission to membership in the United Nations and its agencies.'
    )


def test_line_end_hyphens():
    text = (
        'The Security Council,\n\nNoting the peace-keeping operation and the relevant paragraph,\n\n'
        '1. Commends the peace-\nkeeping operation, the Secretary-\nGeneral, the non-\ngovernmental organiza-\n'
        'tions and para-\ngraph 3, notwithstand-\ning delays in co-\noperation;'
    )
    assert segment(text).paragraphs[1].text == (
        'Commends the peace-keeping operation, the Secretary-General, the non-governmental organizations and '
        'paragraph 3, notwithstanding delays in co-operation;'
    )


def test_french_modern_resolution():
    text = (
        'Nations Unies                                          S/RES/2151 (2014)\n'
        'Conseil de sécurité                                    Distr. générale\n'
        '                                                       28 avril 2014\n\n'
        'Résolution 2151 (2014)\n\n'
        'Adoptée par le Conseil de sécurité à sa 7161e séance, le 28 avril 2014\n\n'
        'Le Conseil de sécurité,\n\n'
        'Réaffirmant la responsabilité principale du maintien de la paix et de la\n'
        'sécurité internationales que lui confère la Charte des Nations Unies,\n\n'
        'Soulignant que la réforme du secteur de la sécurité dans les pays sortant d’un\n'
        'conflit est essentielle à la consolidation de la paix et de la stabilité,\n\n'
        'Profondément préoccupé par les difficultés que posent des institutions de\n'
        'sécurité faibles et dysfonctionnelles,\n\n'
        '1. Réaffirme l’importance de la réforme du secteur de la sécurité pour la\n'
        'stabilisation et la reconstruction des États au sortir d’un conflit ;\n\n'
        '14-31234 (F)    *1431234*\n\n2/6\n\n'
        '2. Prie le Secrétaire général d’envisager, dans le cadre des mandats\n'
        'pertinents, de prendre les mesures suivantes :\n\n'
        'a) Renforcer l’approche globale de l’Organisation des Nations Unies en\n'
        'matière de réforme du secteur de la sécurité ;\n\n'
        'b) Mettre au point des orientations supplémentaires à l’intention des\n'
        'hauts responsables des Nations Unies ;\n\n'
        '3. Décide de rester activement saisi de la question.\n'
    )
    document = segment(text, 'fr')
    assert document.heading == (
        'Résolution 2151 (2014) Adoptée par le Conseil de sécurité à sa 7161e séance, le 28 avril 2014 '
        'Le Conseil de sécurité,'
    )
    assert refs(document) == ['PP1', 'PP2', 'PP3', '1', '2', '2 (a)', '2 (b)', '3']
    assert by_ref(document)['PP3'].text.startswith('Profondément préoccupé par les difficultés')
    assert by_ref(document)['2'].text.endswith('de prendre les mesures suivantes :')
    assert by_ref(document)['2 (a)'].text.startswith('Renforcer l’approche globale')


def test_french_unnumbered_resolution():
    text = (
        'Résolution 27 (1947) du 1er août 1947\n\n'
        'Le Conseil de sécurité,\n\n'
        'Notant avec inquiétude les hostilités en cours entre les forces armées des\n'
        'Pays-Bas et de la République d’Indonésie,\n\n'
        'Invite les parties :\n\n'
        'a) À cesser immédiatement les hostilités ;\n\n'
        'b) À régler leur différend par l’arbitrage ou par tout autre moyen\n'
        'pacifique et à tenir le Conseil de sécurité informé des progrès du règlement ;\n\n'
        'Prie le Secrétaire général de lui faire rapport.\n\n'
        'Adoptée à la 173e séance.'
    )
    document = segment(text, 'fr')
    assert refs(document) == ['PP1', '¶1', '¶1 (a)', '¶1 (b)', '¶2']
    assert [p.kind.value for p in document.paragraphs] == ['preambular'] + ['operative'] * 4
    assert by_ref(document)['¶2'].text == 'Prie le Secrétaire général de lui faire rapport.'


def test_report_section_headings_are_not_paragraphs():
    """Section headings of a Secretary-General report, on one line or under their numeral, are headings."""
    text = (
        'I. INTRODUCTION\n\n'
        '1. This report gives an account of the work of the Operation.\n\n'
        'III.\nMILITARY ASPECTS\n\n'
        'A.\nFormation of the new army\n\n'
        '2. The first instructors completed their course and have begun to train\n'
        'infantry units.\n\n'
        'IV.\nPOLICE\n\n'
        '3. Civilian police observers monitored the national police.\n'
    )
    document = segment(text)
    assert refs(document) == ['1', '2', '3']
    assert 'POLICE' not in ' '.join(p.text for p in document.paragraphs)
    assert by_ref(document)['2'].text.endswith('train infantry units.')


def test_french_resolution_with_annex():
    text = (
        'Le Conseil de sécurité,\n\n'
        'Rappelant ses résolutions antérieures sur la question,\n\n'
        'Ayant examiné le rapport du Secrétaire général (S/1994/12),\n\n'
        'Agissant en vertu du Chapitre VII de la Charte des Nations Unies,\n\n'
        '1. Décide que tous les États appliqueront les mesures énoncées dans l’annexe\n'
        'à la présente résolution ;\n\n'
        '2. Exhorte toutes les parties à coopérer pleinement avec la Mission ;\n\n'
        '3. Décide de rester saisi de la question.\n\n'
        'Annexe\n\n'
        '1. Les mesures visées au paragraphe 1 de la présente résolution sont les\n'
        'suivantes :\n\n'
        'a) Interdiction de la vente d’armes ;\n\n'
        'b) Gel des avoirs financiers.\n\n'
        '2. Le Comité rend compte au Conseil tous les trois mois.'
    )
    document = segment(text, 'fr')
    assert refs(document) == ['PP1', 'PP2', 'PP3', '1', '2', '3', 'Annex 1', 'Annex 1 (a)', 'Annex 1 (b)', 'Annex 2']
    assert by_ref(document)['1'].text.endswith('énoncées dans l’annexe à la présente résolution ;')
    assert [p.ref for p in document.annex] == ['Annex 1', 'Annex 1 (a)', 'Annex 1 (b)', 'Annex 2']


#
# Properties
#

STRUCTURAL_TOKENS = (
    '1.', '2.', '12.', '3)', '(a)', '(b)', '(i)', '(ii)', '(6)', '(1)', 'a)', 'i.', 'll.', '1,', '(ad)', 'ANNEX',
    'Annex II', 'Annexe', 'The Security Council,', 'Le Conseil de sécurité,', 'Therefore', 'Adopted at the meeting.',
    'Resolution 1 (1946)', 'A', 'B', 'I', 'II', 'S', '-----', '12', '2/6', 'S/RES/1 (2000)', 'Distr.: General',
    '14-31234 (E)', 'Recalling', 'Deeply concerned', 'Decides', 'Requests', 'Décide', 'Rappelant', 'word', 'the',
    'peace-', 'keeping', 'Secretary-', 'General', '¶', ';', ':', ',', '.', '“', '- ', '12/', '1/', '*', '_', '|',
    '~', '\u00ad', 'é', 'ÉTATS',
)  # fmt: skip
SEPARATORS = (' ', '\n', '\n\n', '', '\f', '\r\n', '\t')


def check_invariants(document: StructuredDocument) -> None:
    references = refs(document)
    assert len(set(references)) == len(references)
    assert [p.order for p in document.paragraphs] == list(range(1, len(references) + 1))
    for paragraph in document.paragraphs:
        assert paragraph.text and paragraph.text == ' '.join(paragraph.text.split())
        assert isinstance(paragraph.kind, ParagraphKind)
        assert paragraph.parent_ref is None or paragraph.parent_ref in references[: paragraph.order - 1]
        assert (paragraph.parent_ref is None) == (paragraph.sub == ())


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(['en', 'fr', 'de', '']))
def test_random_text_never_raises(text, language):
    check_invariants(segment(text, language))


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(STRUCTURAL_TOKENS), st.sampled_from(SEPARATORS)), max_size=120),
    st.sampled_from(['en', 'fr']),
)
def test_random_resolution_fragments_never_raise(pieces, language):
    check_invariants(segment(''.join(token + separator for token, separator in pieces), language))


WORDS = (
    'security', 'sector', 'reform', 'national', 'authorities', 'the', 'of', 'and', 'mission', 'support', 'police',
    'justice', 'to', 'in', 'with', 'all', 'parties', 'government', 'process', 'peace', 'agreement', 'assistance',
    'implementation', 'international', 'community', 'elections', 'human', 'rights', 'transitional', 'ownership',
    'coordination', 'capacity', 'oversight', 'accountability', 'including', 'through', 'effective', 'civilian',
)  # fmt: skip
PREAMBULAR_OPENERS = (
    'Recalling', 'Reaffirming', 'Noting', 'Deeply concerned', 'Having considered', 'Welcoming', 'Bearing in mind',
    'Taking note of', 'Emphasizing', 'Recognizing', 'Expressing concern at', 'Stressing', 'Acting under',
)  # fmt: skip
OPERATIVE_OPENERS = (
    'Decides', 'Calls upon', 'Requests', 'Urges', 'Notes', 'Welcomes', 'Reaffirms', 'Encourages', 'Demands',
    'Condemns', 'Authorizes', 'Stresses', 'Further requests', 'Strongly condemns',
)  # fmt: skip
FURNITURE = (
    '12', '- 3 -', '2/6', 'S/RES/2999 (2031)', '14-31234 (E)', '*1431234*', 'GE.93-12345', '-----', '_____',
    'Distr.: General', '/...', 'Page 4', 'S/RES/2999 (2031)\n1 January 2031', '\f',
)  # fmt: skip


@st.composite
def words(draw, minimum=2, maximum=30):
    """Lower-case words with an occasional comma inside."""
    chosen = draw(st.lists(st.sampled_from(WORDS), min_size=minimum, max_size=maximum))
    commas = draw(st.lists(st.booleans(), min_size=len(chosen), max_size=len(chosen)))
    commas[-1] = False
    return ' '.join(word + (',' if comma else '') for word, comma in zip(chosen, commas, strict=True))


@st.composite
def resolutions(draw):
    """A resolution as (expected paragraphs, printed blocks): [(ref, kind, text)], [printed paragraph]."""
    expected, printed = [], []
    for n in range(1, draw(st.integers(1, 8)) + 1):
        text = f'{draw(st.sampled_from(PREAMBULAR_OPENERS))} {draw(words())},'
        expected.append((f'PP{n}', 'preambular', text))
        printed.append(text)
    count = draw(st.integers(1, 8))
    for n in range(1, count + 1):
        end = '.' if n == count else ';'
        items = draw(st.integers(0, 10)) if draw(st.booleans()) else 0
        chapeau = f'{draw(st.sampled_from(OPERATIVE_OPENERS))} {draw(words())}{":" if items else end}'
        expected.append((str(n), 'operative', chapeau))
        printed.append(f'{n}. {chapeau}')
        for i, letter in enumerate('abcdefghij'[:items]):
            romans = draw(st.integers(0, 4)) if draw(st.integers(0, 3)) == 0 else 0
            last = i == items - 1 and not romans
            item = f'To {draw(words(1, 20))}{":" if romans else end if last else ";"}'
            expected.append((f'{n} ({letter})', 'operative', item))
            printed.append(f'({letter}) {item}')
            for r, roman in enumerate(('i', 'ii', 'iii', 'iv')[:romans]):
                sub = f'To {draw(words(1, 12))}{end if (i == items - 1 and r == romans - 1) else ";"}'
                expected.append((f'{n} ({letter}) ({roman})', 'operative', sub))
                printed.append(f'({roman}) {sub}')
    return expected, printed


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions(), st.integers(25, 100), st.data())
def test_synthetic_resolution_is_recovered(resolution_, width, data):
    expected, printed = resolution_
    lines = []
    for block in printed:
        for line in textwrap.wrap(block, width, break_long_words=False, break_on_hyphens=False):
            lines.append(line)
            if data.draw(st.integers(0, 9)) == 0:  # a page break inside or between paragraphs
                lines += ['', data.draw(st.sampled_from(FURNITURE)), '']
            elif data.draw(st.integers(0, 14)) == 0:  # a blank line inside a paragraph
                lines.append('')
        lines.append('')
    header = 'United Nations S/RES/2999 (2031)\nSecurity Council Distr.: General\n1 January 2031\n\n'
    heading = 'Resolution 2999 (2031)\n\nAdopted by the Security Council at its 9999th meeting, on 1 January 2031\n\n'
    text = header + heading + 'The Security Council,\n\n' + '\n'.join(lines)
    document = segment(text)
    assert [(p.ref, p.kind.value, p.text) for p in document.paragraphs] == expected
    assert document.heading == (
        'Resolution 2999 (2031) Adopted by the Security Council at its 9999th meeting, on 1 January 2031 '
        'The Security Council,'
    )


@pytest.mark.parametrize(
    'text',
    [
        '(a) x;\n\n' * 20000,
        '1. X;\n\n' * 20000,
        'x ' * 400000,
        'ab-\n' * 100000,
        'Resolution 1 (1946)\n\nRecalling x,\n\n' * 10000,
        'The Security Council,\n\nRecalling x,\n\n' * 20000,
        'ANNEX\n\n1. x\n\n' * 10000,
        '(i)\n\n' * 20000,
        'x' + ' ' * 100000 + '/...',
        'A' * 100000 + 'a',
    ],
    ids=['items', 'numbers', 'one-line', 'hyphens', 'headings', 'councils', 'annexes', 'lone-labels', 'spaces', 'caps'],
)
def test_large_inputs_take_linear_time(text):
    start = time.perf_counter()
    check_invariants(segment(text))
    assert time.perf_counter() - start < 10
