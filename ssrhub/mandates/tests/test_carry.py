"""Carry-forward detection: similarity, classes, linking, shares and chains, on CRSV paragraphs and corpus texts."""

import csv
from pathlib import Path

import pytest

from ssrhub.documents.structure import segment
from ssrhub.mandates.carry import (
    CarryClass,
    CarryLink,
    CarryParagraph,
    FormulaicChain,
    carried_share,
    classify,
    find_carry,
    formulaic_chains,
    similarity,
    word_shares,
    words,
)
from ssrhub.mandates.carry_eval import crsv_paragraphs, evaluate_crsv_carry, parse_carried_from

TEXTS = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'unsc-resolutions-1946-1994'
# UNAVEM II (Angola): establishment, enlargement and the renewals of 1992-1993
UNAVEM_II = (696, 747, 785, 793, 804, 811, 823, 834, 851, 864, 890)


@pytest.fixture(scope='module')
def crsv(shared_data) -> Path:
    return shared_data('crsv/crsv-paragraphs-v2026.09.csv')


@pytest.fixture(scope='module')
def crsv_rows(crsv) -> list[dict[str, str]]:
    with crsv.open(newline='', encoding='utf-8') as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope='module')
def crsv_texts(crsv_rows) -> dict[tuple[str, str], str]:
    return {(row['symbol'], row['para_ref']): row['text_verbatim'] for row in crsv_rows}


@pytest.fixture(scope='module')
def crsv_links(crsv_rows):
    return find_carry(crsv_paragraphs(crsv_rows))


@pytest.fixture(scope='module')
def unavem() -> list[CarryParagraph]:
    paragraphs = []
    for number in UNAVEM_II:
        path = next(TEXTS.glob(f'S_RES_{number:04d}_*.txt'))
        year = int(path.name.split('_')[3])
        for paragraph in segment(path.read_text(encoding='utf-8'), 'en').paragraphs:
            symbol = f'S/RES/{number}'
            paragraphs.append(
                CarryParagraph((symbol, paragraph.ref), symbol, 'UNAVEM II', (year, number), paragraph.text)
            )
    return paragraphs


@pytest.fixture(scope='module')
def unavem_links(unavem):
    return find_carry(unavem)


def _brute_force(paragraphs: list[CarryParagraph]) -> dict:
    """The best earlier paragraph on the track by comparing every pair (most recent document, then first given):
    (key, score), or (None, 0.0) for the first document of a track."""
    positions = {}
    for track in {p.track for p in paragraphs}:
        documents = sorted({(p.order, p.document) for p in paragraphs if p.track == track})
        positions.update({(track, document): i for i, (_, document) in enumerate(documents)})
    best = {}
    for paragraph in paragraphs:
        ranked = [
            (similarity(paragraph.text, other.text), positions[other.track, other.document], -index, other.key)
            for index, other in enumerate(paragraphs)
            if other.track == paragraph.track and other.order < paragraph.order
        ]
        top = max(ranked, default=(0.0, 0, 0, None))
        best[paragraph.key] = (top[3], top[0])
    return best


# Section: similarity


def test_similarity_identity_and_symmetry(crsv_texts):
    first, second = crsv_texts['S/RES/1888', '1'], crsv_texts['S/RES/1960', '1']
    assert similarity(first, first) == 1.0
    assert similarity(first, second) == similarity(second, first)
    assert 0.9 < similarity(first, second) < 0.95


def test_similarity_of_unrelated_paragraphs_is_near_zero(crsv_texts):
    mandate = crsv_texts['S/RES/2149', '14']  # children released from armed groups
    sanctions = crsv_texts['S/RES/2521', '21']  # information for the sanctions committee
    assert similarity(mandate, sanctions) < 0.05
    assert similarity('Decides to remain seized of the matter.', 'Welcomes the report by the Secretary-General;') == 0


def test_normalisation_ignores_labels_adverbs_hyphens_case_and_punctuation():
    expected = 'decides once again to extend the peacekeeping operation'.split()  # 'once again' only at the start
    assert words('3. (b) Also decides, once again, to extend the Peace-keeping operation;') == expected
    assert similarity('12. Further requests the Secretary -General', 'Requests the Secretary-General:') == 1.0
    assert similarity('(iii) Once again urges the peace-keeping force', 'URGES the peacekeeping  force') == 1.0
    assert similarity('Strongly condemns the attacks', 'Condemns the attacks') < 1.0


def test_similarity_counts_repeated_bigrams():
    assert similarity('the Council the Council', 'the Council') == pytest.approx(2 * 1 / (3 + 1))
    assert similarity('', '') == 1.0
    assert similarity('Decides', '') == 0.0


@pytest.mark.parametrize(
    ('score', 'expected'),
    [
        (1.0, CarryClass.VERBATIM),
        (0.95, CarryClass.VERBATIM),
        (0.949, CarryClass.SUBSTANTIAL),
        (0.75, CarryClass.SUBSTANTIAL),
        (0.749, CarryClass.PARTIAL),
        (0.5, CarryClass.PARTIAL),
        (0.499, CarryClass.NEW),
        (0.0, CarryClass.NEW),
    ],
)
def test_classify_thresholds(score, expected):
    assert classify(score) is expected


# Section: CRSV dataset


@pytest.mark.parametrize(
    ('value', 'expected'),
    [('S/RES/1888 ¶1', ('S/RES/1888', '1')), ('S/RES/2149 ¶34', ('S/RES/2149', '34')), ('', None)],
)
def test_parse_carried_from(value, expected):
    assert parse_carried_from(value) == expected


def test_parse_carried_from_refuses_other_forms():
    with pytest.raises(ValueError):
        parse_carried_from('resolution 1888, paragraph 1')


@pytest.mark.parametrize(
    ('key', 'source', 'carry_class'),
    [
        (('S/RES/1960', '1'), ('S/RES/1888', '1'), CarryClass.SUBSTANTIAL),
        (('S/RES/1888', '21'), ('S/RES/1820', '7'), CarryClass.VERBATIM),  # pre-deployment / predeployment
        (('S/RES/2301', '20'), ('S/RES/2149', '14'), CarryClass.VERBATIM),
        (('S/RES/2098', '26'), ('S/RES/1925', '15'), CarryClass.VERBATIM),  # three years and one renewal back
        (('S/RES/2640', '3'), ('S/RES/2584', '5'), CarryClass.SUBSTANTIAL),
        (('S/RES/1888', '2'), ('S/RES/1820', '2'), CarryClass.PARTIAL),
    ],
)
def test_recorded_crsv_links(crsv_links, key, source, carry_class):
    link = crsv_links[key]
    assert (link.source_key, link.source_document, link.carry_class) == (source, source[0], carry_class)


def test_crsv_link_gap_counts_track_documents(crsv_links):
    assert crsv_links['S/RES/2098', '26'].gap == 2  # DRC: 1925 (2010), 1991 (2011), 2098 (2013)
    assert crsv_links['S/RES/1960', '1'].gap == 1


def test_first_resolution_of_a_track_is_new(crsv_links):
    assert crsv_links['S/RES/1820', '1'] == CarryLink(None, None, 0.0, CarryClass.NEW, None)


def test_crsv_agreement_floor(crsv):
    agreement = evaluate_crsv_carry(crsv)
    assert (agreement.used, agreement.left_out, len(agreement.recorded), len(agreement.reachable)) == (399, 10, 63, 56)
    assert agreement.link_agreement >= 0.84  # measured 54/63
    assert agreement.reachable_link_agreement >= 0.94  # measured 54/56
    assert agreement.class_agreement >= 0.80  # measured 52/63
    assert agreement.score_mae <= 0.03  # measured 0.024
    assert agreement.overall_class_matches >= 380  # measured 385/399
    assert len(agreement.unrecorded_links) <= 5  # measured 3
    report = agreement.as_text()
    assert 'S/RES/2605 ¶46: recorded S/RES/2149 ¶34 0.72' in report


def test_find_carry_matches_all_pairs_comparison(crsv_rows):
    paragraphs = crsv_paragraphs(crsv_rows)
    best = _brute_force(paragraphs)
    for min_score in (0.5, 0.3, 0.9):
        links = find_carry(paragraphs, min_score=min_score)
        expected = {
            key: (source, score) if score >= min_score else (None, 0.0) for key, (source, score) in best.items()
        }
        assert {key: (link.source_key, link.score) for key, link in links.items()} == expected


# Section: corpus (UNAVEM II)


def test_unavem_renewals_carry_forward(unavem_links):
    assert all(link.carry_class is CarryClass.NEW for key, link in unavem_links.items() if key[0] == 'S/RES/696')
    condemns = unavem_links['S/RES/864', '7']  # "Condemns the National Union for continuing military actions"
    assert (condemns.source_key, condemns.carry_class, condemns.gap) == (('S/RES/851', '5'), CarryClass.VERBATIM, 1)
    report = unavem_links['S/RES/823', '2']  # the report request of 804, skipping 811
    assert (report.source_key, report.carry_class, report.gap) == (('S/RES/804', '16'), CarryClass.SUBSTANTIAL, 2)


def test_find_carry_respects_tracks_and_time(unavem):
    links = find_carry(unavem)
    assert all(link.source_document is None or link.source_document != key[0] for key, link in links.items())
    orders = {paragraph.document: paragraph.order for paragraph in unavem}
    assert all(orders[link.source_document] < orders[key[0]] for key, link in links.items() if link.source_document)
    moved = [
        CarryParagraph(p.key, p.document, 'other' if p.document == 'S/RES/851' else p.track, p.order, p.text)
        for p in unavem
    ]
    assert find_carry(moved)['S/RES/864', '7'].source_key != ('S/RES/851', '5')
    assert find_carry(moved)['S/RES/851', '23'].carry_class is CarryClass.NEW  # alone on its track


def test_ties_prefer_the_most_recent_document(unavem_links):
    # "Decides to remain seized of the matter." is in 804, 811, 823, 834 and 851 word for word
    assert unavem_links['S/RES/864', '29'].source_key == ('S/RES/851', '23')
    assert unavem_links['S/RES/864', '29'].score == 1.0


def test_min_score_drops_weaker_links(unavem):
    strict = find_carry(unavem, min_score=0.9)
    assert strict['S/RES/864', '6'].carry_class is CarryClass.NEW  # 0.87 to 851 ¶4
    assert strict['S/RES/864', '7'].carry_class is CarryClass.VERBATIM
    with pytest.raises(ValueError):
        find_carry(unavem, min_score=0)


def test_find_carry_finds_a_pair_exactly_at_the_threshold():
    # the one shared bigram ("the report") is the commonest, so it is the last one either prefix may hold
    earlier = CarryParagraph('a', 'S/RES/1', 'track', (1946, 1), 'Welcomes the report')
    later = CarryParagraph('b', 'S/RES/2', 'track', (1946, 2), 'The report notes')
    assert find_carry([earlier, later])['b'] == CarryLink('a', 'S/RES/1', 0.5, CarryClass.PARTIAL, 1)


def test_find_carry_refuses_duplicate_keys():
    paragraph = CarryParagraph('k', 'S/RES/1', 'track', (1946, 1), 'Decides to remain seized of the matter.')
    with pytest.raises(ValueError):
        find_carry([paragraph, paragraph])


def test_carried_share_grows_with_renewals(unavem, unavem_links):
    def share(symbol: str) -> float:
        return carried_share((p.text, unavem_links[p.key]) for p in unavem if p.document == symbol)

    assert share('S/RES/696') == 0.0
    assert share('S/RES/864') > 0.4 > share('S/RES/804')


def test_carried_share_counts_words_of_verbatim_and_substantial_paragraphs():
    def link(carry_class: CarryClass) -> CarryLink:
        return CarryLink('source', 'S/RES/1', 0.0, carry_class, 1)

    paragraphs = [
        ('Decides to extend the mandate;', link(CarryClass.VERBATIM)),  # 5 words
        ('Urges the parties;', link(CarryClass.SUBSTANTIAL)),  # 3 words
        ('Welcomes the report;', link(CarryClass.PARTIAL)),  # 3 words
        ('1. Also decides to remain seized of the matter.', link(CarryClass.NEW)),  # 7 words
    ]
    assert carried_share(paragraphs) == pytest.approx(8 / 18)
    assert word_shares(paragraphs)[CarryClass.PARTIAL] == pytest.approx(3 / 18)
    assert carried_share([]) == 0.0


def test_formulaic_chains(unavem_links):
    chains = formulaic_chains(unavem_links, 4)
    # 785 "question", then "matter" from 804 on: substantially carried, then verbatim, over nine renewals
    assert chains['S/RES/890', '15'] == FormulaicChain(9, 'S/RES/785', ('S/RES/785', '10'))
    # "preserve the unity and territorial integrity of Angola": 811 -> 834 skips 823, so the chain starts at 834
    assert chains['S/RES/890', 'PP10'] == FormulaicChain(4, 'S/RES/834', ('S/RES/834', 'PP7'))
    assert ('S/RES/864', '7') not in chains  # only 851 -> 864
    assert formulaic_chains(unavem_links, 2)['S/RES/864', '7'] == FormulaicChain(2, 'S/RES/851', ('S/RES/851', '5'))
    assert max(chain.length for chain in chains.values()) == 9
    with pytest.raises(ValueError):
        formulaic_chains(unavem_links, 1)
