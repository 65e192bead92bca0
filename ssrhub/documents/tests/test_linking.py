"""What resolutions do to missions, read from real texts of the 1946-1994 corpus."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from ssrhub.core.symbols import normalise_symbol
from ssrhub.documents.linking import MissionNames, Relation, mission_relations
from ssrhub.documents.metadata import detect_metadata
from ssrhub.documents.structure import segment

TEXTS = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'unsc-resolutions-1946-1994'
CORPUS = Path(__file__).resolve().parents[1] / 'data' / 'corpus' / 'unsc-1946-1994'
MISSIONS_YAML = Path(__file__).resolve().parents[2] / 'framework' / 'data' / 'institutions' / 'missions.yaml'


@pytest.fixture(scope='module')
def missions():
    data = yaml.safe_load(MISSIONS_YAML.read_text(encoding='utf-8'))
    return [
        MissionNames(
            m['acronym'],
            (m['en'], m['fr']),
            start=m['start'],
            established_by=normalise_symbol(m['established_by']) if m.get('established_by') else '',
        )
        for m in data['missions']
    ]


def relations(number: int, missions, texts: Path = TEXTS):
    path = next(texts.glob(f'S_RES_{number:04d}_*'))
    text = path.read_text(encoding='utf-8')
    structured = segment(text, 'en')
    operative = [(p.ref, p.text) for p in structured.paragraphs if p.kind == 'operative']
    metadata = detect_metadata(text, path.name)
    found = mission_relations(operative, text, missions, on=metadata.date, symbol=metadata.symbol)
    return {r.acronym: (r.relation.value, r.paragraph_ref) for r in found}


@pytest.mark.parametrize(
    ('number', 'acronym', 'relation', 'paragraph'),
    [
        (
            745,
            'UNTAC',
            'establishes',
            '2',
        ),  # "Decides that the United Nations Transitional Authority ... be established"
        (797, 'ONUMOZ', 'establishes', '2'),  # "Decides to establish a United Nations Operation in Mozambique"
        (872, 'UNAMIR', 'establishes', '2'),  # "a peace-keeping operation entitled ... (UNAMIR)"
        (751, 'UNOSOM I', 'establishes', '2'),  # named "United Nations Operation in Somalia", no numeral yet
        (891, 'UNOMUR', 'extends', '2'),
        (836, 'UNPROFOR', 'extends', '5'),
        (785, 'UNAVEM II', 'extends', '1'),
        (747, 'UNAVEM II', 'adjusts', '1'),  # approves "the enlargement of the Mission": the text's main mission
        (897, 'UNOSOM II', 'adjusts', '3'),
    ],
)
def test_relation_of_a_resolution_to_its_mission(missions, number, acronym, relation, paragraph):
    assert relations(number, missions)[acronym] == (relation, paragraph)


@pytest.mark.parametrize(
    ('number', 'acronym', 'paragraph'),
    [
        # "Authorizes the establishment of a United Nations police component of up to 1,144 personnel as an integral
        # part of ONUMOZ with the mandate and deployment described in ... S/1994/89/Add.1"
        (898, 'ONUMOZ', '2'),
        (
            761,
            'UNPROFOR',
            '1',
        ),  # "Authorizes the Secretary-General to deploy immediately additional elements of UNPROFOR"
        (764, 'UNPROFOR', '2'),  # "... to deploy additional elements of UNPROFOR"
        (795, 'UNPROFOR', '2'),  # "to establish a presence of the United Nations Protection Force in the former ..."
    ],
)
def test_adding_a_part_to_a_mission_adjusts_it(missions, number, acronym, paragraph):
    assert relations(number, missions)[acronym] == ('adjusts', paragraph)


def test_setting_up_something_else_does_not_establish_the_mission(missions):
    # 781 establishes "a ban on military flights ..., this ban not to apply to United Nations Protection Force flights".
    assert relations(781, missions)['UNPROFOR'] == ('concerns', '')
    # 873 waits until the parties "have established the necessary measures to enable the United Nations Mission in
    # Haiti to carry out its mandate".
    assert relations(873, missions)['UNMIH'] == ('concerns', '')


def test_each_clause_gives_its_own_strongest_relation():
    names = [
        MissionNames('UNAAA', ('United Nations Alpha Mission',)),
        MissionNames('UNBBB', ('United Nations Beta Mission',)),
    ]
    text = 'Decides to extend the mandate of UNAAA until 30 June; decides to increase the strength of UNBBB by 200'
    found = {r.acronym: r.relation for r in mission_relations([('1', text)], text, names)}
    assert found == {'UNAAA': Relation.EXTENDS, 'UNBBB': Relation.ADJUSTS}


def test_a_part_of_a_mission_is_not_the_mission(missions):
    # 898 authorizes "a United Nations police component as an integral part of ONUMOZ": ONUMOZ is not established.
    assert relations(898, missions)['ONUMOZ'][0] != 'establishes'
    # 880 extends "the period of withdrawal" of units of UNTAC, not its mandate.
    assert relations(880, missions)['UNTAC'][0] == 'concerns'


@pytest.mark.parametrize(
    ('number', 'acronym', 'paragraph'),
    [
        (128, 'UNOGIL', '1'),  # "Decides to dispatch urgently an observation group to proceed to Lebanon"
        (143, 'ONUC', '2'),  # "Decides to authorize the Secretary-General ... to provide ... military assistance"
        (179, 'UNYOM', '1'),  # "Requests the Secretary-General to establish the observation operation"
        (340, 'UNEF II', '3'),  # "a United Nations Emergency Force", in 1973 the second of that name
    ],
)
def test_a_resolution_establishes_the_mission_the_reference_data_says_it_set_up(missions, number, acronym, paragraph):
    assert relations(number, missions, CORPUS)[acronym] == ('establishes', paragraph)


def test_a_numbered_force_answers_to_its_name_without_ordinal_in_its_time(missions):
    # S/RES/346 (1974) renews "the mandate of the United Nations Emergency Force": UNEF II, not UNEF I (1956-1967).
    assert relations(346, missions, CORPUS)['UNEF II'][0] == 'extends'
    assert 'UNEF I' not in relations(346, missions, CORPUS)


def test_other_missions_named_in_passing_are_mentions(missions):
    found = relations(872, missions)
    assert found['UNOMUR'] == ('mentions', '')
    assert Relation.MENTIONS.on_track is False and Relation.CONCERNS.on_track is True


def test_unnumbered_series_names_follow_the_date(missions):
    text = 'Decides to extend the mandate of UNOSOM until 31 May 1994;'
    before = mission_relations([('1', text)], text, missions, on=date(1992, 12, 3))
    after = mission_relations([('1', text)], text, missions, on=date(1993, 11, 18))
    assert [(r.acronym, r.relation) for r in before] == [('UNOSOM I', Relation.EXTENDS)]
    assert [(r.acronym, r.relation) for r in after] == [('UNOSOM II', Relation.EXTENDS)]


def test_french_decisions_are_read(missions):
    text = 'Décide de proroger le mandat de la Mission des Nations Unies au Libéria jusqu’au 31 mars 2008;'
    found = mission_relations([('1', text)], text, missions, on=date(2007, 9, 20))
    assert [(r.acronym, r.relation) for r in found] == [('UNMIL', Relation.EXTENDS)]


def test_a_report_reports_on_its_main_mission(missions):
    text = 'Report of the Secretary-General on the United Nations Mission in Liberia. UNMIL continued to ...'
    found = mission_relations([], text, missions, is_report=True)
    assert [(r.acronym, r.relation, r.mentions) for r in found] == [('UNMIL', Relation.REPORTS, 2)]
