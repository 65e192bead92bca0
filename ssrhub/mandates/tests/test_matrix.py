"""Mandated vs reported matrix, built from real resolution paragraphs coded and classified by the project.

The shared corpus holds Council resolutions but no reports of the Secretary-General. The "mandated" side uses
the UNOSOM II tasks of S/RES/814 (1993) and S/RES/897 (1994); the "reported" side uses paragraphs in which the
Council takes stock of the police, judicial and penal programme under way (S/RES/865 and S/RES/886 (1993)).
The matrix only needs references; which documents feed each side is the caller's choice.
"""

import csv
import io
import json
from pathlib import Path

import pytest

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.coder import code_document
from ssrhub.documents.structure import segment
from ssrhub.mandates.delivery import classify_hit
from ssrhub.mandates.matrix import ROW_FIELDS, TOTAL, Reference, build_matrix

DATA = Path(__file__).resolve().parents[3] / 'tests' / 'data'
TEXTS = DATA / 'unsc-resolutions-1946-1994'
RES_2151 = DATA / 'samples' / 'S_RES_2151_2014_EN.txt'


@pytest.fixture(scope='module')
def codebook():
    return load_codebook()


def references(codebook, number: int, year: int, side: str, refs: list[str], **extra) -> list[Reference]:
    """One Reference per coder hit in paragraphs ``refs`` of S/RES/``number`` (several hits of a code may occur)."""
    path = RES_2151 if number == 2151 else sorted(TEXTS.glob(f'S_RES_{number:04d}_*_EN*.txt'))[0]
    structured = segment(path.read_text(encoding='utf-8'), 'en')
    found = []
    for paragraph, coding in zip(structured.paragraphs, code_document(structured, codebook), strict=True):
        if paragraph.ref not in refs:
            continue
        for hit in coding.hits:
            found.append(
                Reference.from_delivery(
                    classify_hit(paragraph.text, hit, 'en'),
                    paragraph_id=f'S/RES/{number} {paragraph.ref}',
                    document=f'S/RES/{number} ({year})',
                    paragraph=paragraph.ref,
                    side=side,
                    explicit=hit.explicit,
                    year=year,
                    **extra,
                )
            )
    assert {r.paragraph for r in found} == set(refs), f'the coder no longer codes all of {refs} in S/RES/{number}'
    return found


@pytest.fixture(scope='module')
def somalia(codebook):
    unosom = {'mission': 'UNOSOM II', 'mission_type': 'PKO'}
    return (
        references(codebook, 814, 1993, 'mandated', ['4 (d)', '15'], **unosom)
        + references(codebook, 897, 1994, 'mandated', ['2 (d)'], **unosom)
        + references(codebook, 865, 1993, 'reported', ['9', '11'], **unosom)
        + references(codebook, 886, 1993, 'reported', ['8'], **unosom)
    )


@pytest.fixture(scope='module')
def matrix(somalia):
    return build_matrix(somalia)


def test_one_count_per_paragraph_and_code(somalia, matrix):
    # The coder gives S/RES/814 op. 4 (d) two hits of transitional justice (monitor and assist): one reference.
    hits = [r for r in somalia if r.code == 'related.transitional-justice']
    assert len(hits) == 2
    assert matrix.row('related.transitional-justice').mandated.count == 1
    assert build_matrix(somalia + somalia).as_dict() == matrix.as_dict()


def test_counts_per_side(matrix):
    police = matrix.row('component.police')
    assert (police.mandated.count, police.reported.count) == (3, 3)
    assert police.mandated.paragraph_ids == ('S/RES/814 4 (d)', 'S/RES/814 15', 'S/RES/897 2 (d)')
    assert police.reported.documents == ('S/RES/865 (1993)', 'S/RES/886 (1993)')


def test_flags(matrix):
    assert matrix.row('component.corrections').reported_not_mandated
    assert not matrix.row('component.corrections').mandated_not_reported
    assert matrix.row('related.transitional-justice').mandated_not_reported
    police = matrix.row('component.police')
    assert not police.mandated_not_reported and not police.reported_not_mandated
    assert matrix.mandated_not_reported == ('crosscutting.rule-of-law', 'related.transitional-justice')
    assert matrix.reported_not_mandated == ('component.corrections',)


def test_cells_list_their_paragraphs(matrix):
    police = matrix.row('component.police')
    assert police.mandated.cell('beneficiary', 'police').paragraph_ids == (
        'S/RES/814 4 (d)',
        'S/RES/814 15',
        'S/RES/897 2 (d)',
    )
    assert police.mandated.cell('support', 'political').paragraph_ids == ('S/RES/814 15',)
    assert police.reported.cell('support', 'political').count == 0
    assert police.reported.cell('support', 'unspecified').paragraph_ids == ('S/RES/865 9', 'S/RES/886 8')
    assert police.reported.cell('support', 'technical').paragraph_ids == ('S/RES/865 11',)
    assert police.mandated.cell('level', 'tactical').count == 0
    with pytest.raises(KeyError):
        police.mandated.cell('colour', 'blue')


def test_duration_counts_an_action_referred_to_by_two_documents_as_long(somalia, matrix):
    police = matrix.row('component.police')
    # Reported: 865 op. 9 and 886 op. 8 both concern forming the Somali police (main category force_structure),
    # in two documents -> one long action; 865 op. 11 (recruiting specialists, administration) is a short one.
    assert police.reported.cell('duration', 'long').paragraph_ids == ('S/RES/865 9', 'S/RES/886 8')
    assert police.reported.cell('duration', 'short').paragraph_ids == ('S/RES/865 11',)
    # Mandated: 814 (1993) and 897 (1994) both task the mission with it -> long (a renewed task).
    assert police.mandated.cell('duration', 'long').count == 3
    # Naming each action after its paragraph makes every action a one-document (short) action.
    named = [Reference(**{**r.__dict__, 'action': str(r.paragraph_id)}) for r in somalia]
    renamed = build_matrix(named).row('component.police')
    assert renamed.mandated.cell('duration', 'short').count == 3
    assert renamed.mandated.cell('duration', 'long').count == 0


def test_explicit_and_implicit_references(codebook, somalia):
    thematic = references(codebook, 2151, 2014, 'mandated', ['15'])
    matrix = build_matrix(somalia + thematic)
    police = matrix.row('component.police')
    assert police.mandated.cell('explicitness', 'implicit').paragraph_ids == ('S/RES/2151 15',)
    assert police.mandated.cell('explicitness', 'explicit').count == 3
    strict = build_matrix(somalia + thematic, explicit_only=True)
    assert strict.explicit_only
    assert strict.row('component.police').mandated.count == 3
    assert strict.row('ssr.generic').mandated.paragraph_ids == ('S/RES/2151 15',)


def test_periods_and_mission_type(somalia):
    matrix = build_matrix(somalia, periods=[('1992-1993', 1992, 1993), ('1994-1995', 1994, 1995)])
    police = matrix.row('component.police')
    assert police.mandated.cell('period', '1992-1993').count == 2
    assert police.mandated.cell('period', '1994-1995').paragraph_ids == ('S/RES/897 2 (d)',)
    assert police.reported.cell('mission_type', 'PKO').count == 3
    assert build_matrix(somalia).row('component.police').mandated.cell('period', '1994').count == 1


def test_totals(matrix):
    totals = matrix.totals
    assert totals.code == TOTAL
    assert totals.mandated.count == sum(row.mandated.count for row in matrix.rows) == 6
    assert totals.reported.count == sum(row.reported.count for row in matrix.rows) == 8
    # S/RES/814 op. 4 (d) carries three codes: three references, one paragraph.
    assert len(totals.mandated.paragraph_ids) == 3
    assert totals.mandated.cell('beneficiary', 'police').count == 6


def test_rows_are_csv_ready(matrix):
    rows = matrix.as_rows()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ROW_FIELDS)
    writer.writeheader()
    writer.writerows(rows)
    read = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    police = [row for row in read if row['code'] == 'component.police']
    assert police[0]['dimension'] == police[0]['value'] == 'all'
    assert (police[0]['mandated'], police[0]['reported']) == ('3', '3')
    assert police[0]['mandated_paragraphs'] == 'S/RES/814 4 (d); S/RES/814 15; S/RES/897 2 (d)'
    technical = next(row for row in police if (row['dimension'], row['value']) == ('support', 'technical'))
    assert (technical['mandated'], technical['reported'], technical['reported_not_mandated']) == ('0', '1', 'True')
    assert read[-1]['code'] == TOTAL
    assert {row['code'] for row in read} == {*matrix.codes, TOTAL}


def test_gaps(matrix):
    gaps = matrix.gaps()
    assert {
        'code': 'component.police',
        'dimension': 'support',
        'value': 'technical',
        'mandated': 0,
        'reported': 1,
        'paragraph_ids': ['S/RES/865 11'],
    } in gaps
    # Mobilising contributions for the police (814 op. 15) is mandated political support that no stock-taking
    # paragraph reports.
    assert {
        'code': 'component.police',
        'dimension': 'support',
        'value': 'political',
        'mandated': 1,
        'reported': 0,
        'paragraph_ids': ['S/RES/814 15'],
    } in gaps
    assert not any(g['code'] == 'component.police' and g['dimension'] == 'level' for g in gaps)


def test_plain_data(matrix):
    data = json.loads(json.dumps(matrix.as_dict()))
    assert data['reported_not_mandated'] == ['component.corrections']
    assert data['totals']['code'] == TOTAL


def test_bad_input_is_refused(somalia):
    with pytest.raises(ValueError, match='side must be one of mandated, reported'):
        Reference(paragraph_id=1, document='S/RES/814 (1993)', paragraph='4 (d)', side='requested', code='x.y')
    with pytest.raises(TypeError, match='expected a Reference'):
        build_matrix([*somalia, {'code': 'component.police'}])
