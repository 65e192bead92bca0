"""The paragraph coder: codes, modalities, explicitness and evidence, in English and French."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.coder import CodeHit, Evidence, code_adopted, code_document, code_paragraph, is_mission_task
from ssrhub.documents.structure import segment

DATA = Path(__file__).resolve().parents[3] / 'tests' / 'data' / 'unsc-resolutions-1946-1994'


@pytest.fixture(scope='module')
def codebook():
    return load_codebook()


def _by_code(hits) -> dict:
    found = {}
    for hit in hits:
        found.setdefault(hit.code, []).append(hit)
    return found


def _modalities(hits, code) -> set:
    return {hit.modality for hit in hits if hit.code == code}


def _rule_pattern(codebook, rule: str):
    """The compiled pattern behind a rule id such as ``component.police/en/0``."""
    name, lang, index = rule.rsplit('/', 2)
    if name.startswith('modality.'):
        spec = codebook.modalities[name.removeprefix('modality.')]
    else:
        spec = codebook.codes[name]
    return spec.patterns[lang][int(index)].regex


def _assert_evidence_points_at_words(codebook, text: str, hits) -> None:
    for hit in hits:
        assert hit.evidence, hit
        for evidence in hit.evidence:
            assert 0 <= evidence.start < evidence.end <= len(text), evidence
            span = text[evidence.start : evidence.end]
            assert span == span.strip() and span, evidence
            if '/' in evidence.rule:
                assert _rule_pattern(codebook, evidence.rule).fullmatch(span), (evidence.rule, span)


# Section: French official-style paragraphs


def test_french_ssr_request_to_the_mission(codebook):
    text = (
        "Prie la MINUSCA d'appuyer la réforme du secteur de la sécurité, notamment par la formation des forces "
        'armées centrafricaines, et le processus de désarmement, démobilisation et réintégration ;'
    )
    hits = code_paragraph(text, codebook, 'fr')
    found = _by_code(hits)
    assert _modalities(hits, 'ssr.generic') == {'assist'}
    assert found['ssr.generic'][0].explicit
    assert found['component.defence'][0].explicit
    assert [h.explicit for h in found['component.police']] == [False]
    assert [h.explicit for h in found['component.justice']] == [False]
    assert _modalities(hits, 'related.disarmament-demobilisation') == {'assist'}
    assert _modalities(hits, 'related.reintegration') == {'assist'}
    _assert_evidence_points_at_words(codebook, text, hits)
    ssr = found['ssr.generic'][0]
    assert 'réforme du secteur de la sécurité' in [text[e.start : e.end] for e in ssr.evidence]
    assert 'appuyer' in [text[e.start : e.end] for e in ssr.evidence if e.rule.startswith('modality.assist')]


def test_french_monitoring_of_sexual_violence(codebook):
    text = (
        'Décide que le mandat de la MINUSMA comportera les tâches prioritaires suivantes : surveiller les '
        'violences sexuelles liées aux conflits et les violations graves commises contre des enfants, et '
        'contribuer à la protection des civils menacés de violences physiques ;'
    )
    hits = code_paragraph(text, codebook, 'fr')
    assert _modalities(hits, 'crosscutting.sexual-violence') == {'monitor'}
    assert _modalities(hits, 'crosscutting.child-protection') == {'monitor'}
    assert 'crosscutting.protection-of-civilians' in _by_code(hits)
    _assert_evidence_points_at_words(codebook, text, hits)


def test_french_exhortation_of_national_authorities_is_encouragement(codebook):
    text = (
        'Exhorte les autorités centrafricaines à lutter contre l’impunité et à traduire en justice les auteurs '
        'de violences sexuelles et sexistes ;'
    )
    hits = code_paragraph(text, codebook, 'fr')
    assert _modalities(hits, 'crosscutting.sexual-violence') == {'encourage'}
    assert _modalities(hits, 'related.transitional-justice') == {'encourage'}
    rules = {e.rule for hit in hits for e in hit.evidence}
    assert {'force:requests', 'addressee:national-authorities'} <= rules
    assert 'crosscutting.gender' not in _by_code(hits)


def test_french_encouragement_of_the_mission(codebook):
    text = 'Encourage la Mission à aider les autorités à renforcer le contrôle des frontières et la gestion des armes ;'
    hits = code_paragraph(text, codebook, 'fr')
    assert _modalities(hits, 'component.border-management') == {'encourage'}
    assert _modalities(hits, 'related.small-arms') == {'encourage'}


def test_french_declaratory_paragraph(codebook):
    text = 'Réaffirme l’importance de la protection des civils et du respect des droits de l’homme ;'
    hits = code_paragraph(text, codebook, 'fr')
    assert {hit.code for hit in hits} == {'crosscutting.protection-of-civilians', 'crosscutting.human-rights'}
    assert {hit.modality for hit in hits} == {None}


# Section: English modalities, force and addressee


def test_mandate_sub_item_takes_the_chapeau_force(codebook):
    chapeau = 'Decides that the Mission shall have the following mandate:'
    text = (
        'To monitor compliance with the Peace Agreement, including at points on the borders, and in particular '
        'to assist in the monitoring of the cantonment, disarmament and demobilization of combatants;'
    )
    hits = code_paragraph(text, codebook, context=chapeau)
    assert _modalities(hits, 'component.border-management') == {'monitor'}
    assert _modalities(hits, 'related.disarmament-demobilisation') == {'monitor'}
    _assert_evidence_points_at_words(codebook, text, hits)
    assert all(hit.modality is None for hit in code_paragraph(text, codebook))  # no verb, no context


def test_monitor_assist_and_security(codebook):
    assert _modalities(code_paragraph('Requests the Mission to monitor the border;', codebook),
                       'component.border-management') == {'monitor'}  # fmt: skip
    hits = code_paragraph('Requests UNMIL to provide guidance and training to the national police;', codebook)
    assert _modalities(hits, 'component.police') == {'assist'}
    hits = code_paragraph(
        'Decides that the Force shall contribute to the security of the demilitarized zone;', codebook
    )
    assert _modalities(hits, 'related.demilitarisation') == {'security'}


def test_coordinated_verbs_give_both_modalities(codebook):
    hits = code_paragraph('Requests the Mission to monitor and assist the reform of the national police;', codebook)
    assert _modalities(hits, 'component.police') == {'monitor', 'assist'}


def test_encouragement_of_the_mission_and_requests_to_others(codebook):
    hits = code_paragraph('Invites the Authority to establish all necessary border checkpoints;', codebook)
    assert _modalities(hits, 'component.border-management') == {'encourage'}
    hits = code_paragraph('Calls upon the parties to proceed with the demobilization of their troops;', codebook)
    assert _modalities(hits, 'related.disarmament-demobilisation') == {'encourage'}
    hits = code_paragraph('Demands that all parties respect international humanitarian law;', codebook)
    assert _modalities(hits, 'crosscutting.human-rights') == {None}


def test_reporting_duty_is_no_task(codebook):
    text = (
        'Requests the Secretary-General to submit a further report on options for the deployment of observers to '
        'monitor the borders;'
    )
    assert _modalities(code_paragraph(text, codebook), 'component.border-management') == {None}
    text = 'Requests the Secretary-General to investigate and report upon the implications of incomplete disarmament;'
    assert _modalities(code_paragraph(text, codebook), 'related.disarmament-demobilisation') == {None}


def test_determines_that_the_mission_shall(codebook):
    text = 'Determines that the UNPMS shall provide guidance and training to all levels of the national police;'
    assert _modalities(code_paragraph(text, codebook), 'component.police') == {'assist'}


def test_later_clause_with_its_own_verb(codebook):
    text = (
        'Supports the decision of the Supreme National Council; requests States to respect it; and requests the '
        'Authority to monitor the borders;'
    )
    assert _modalities(code_paragraph(text, codebook), 'component.border-management') == {'monitor'}


def test_preambular_paragraphs_are_declaratory(codebook):
    text = 'Stressing the need to support the reform of the police and the demobilization of combatants,'
    hits = code_paragraph(text, codebook, kind='preambular')
    assert {hit.code for hit in hits} >= {'component.police', 'related.disarmament-demobilisation'}
    assert {hit.modality for hit in hits} == {None}


def test_united_nations_police_are_not_the_national_police(codebook):
    text = 'Decides that the Mission shall comprise up to 567 United Nations police monitors and civilian police;'
    assert 'component.police' not in _by_code(code_paragraph(text, codebook))


def test_generic_ssr_expansion(codebook):
    hits = code_paragraph('Requests the Mission to support security sector reform;', codebook)
    implicit = {hit.code for hit in hits if not hit.explicit}
    assert implicit == {'component.defence', 'component.police', 'component.justice'}
    assert {hit.modality for hit in hits} == {'assist'}
    for hit in hits:
        assert [e.rule for e in hit.evidence if not e.rule.startswith('modality.')] == ['ssr.generic/en/0']
    hits = code_paragraph('Requests the Mission to support security sector reform, notably police reform;', codebook)
    assert [hit.explicit for hit in hits if hit.code == 'component.police'] == [True]


def test_exclusions_mask_look_alikes(codebook):
    text = 'Requests the Secretary-General to implement the zero-tolerance policy on sexual exploitation and abuse;'
    assert 'crosscutting.sexual-violence' not in _by_code(code_paragraph(text, codebook))
    text = 'Requests the Mission to prevent sexual and gender-based violence;'
    found = _by_code(code_paragraph(text, codebook))
    assert 'crosscutting.sexual-violence' in found and 'crosscutting.gender' not in found


# Section: documents


RESOLUTION = """Resolution 9999 (1993)

The Security Council,

Recalling its previous resolutions on the demobilization of combatants,

1. Decides that the Mission shall have the following mandate:

(a) To monitor the cantonment, disarmament and demobilization of combatants;

(b) To assist in the training of the national police;

2. Calls upon the parties to respect human rights;

3. Requests the Secretary-General to report to the Council on the reform of the police;

4. Decides to remain seized of the matter.
"""


def test_code_document(codebook):
    structured = segment(RESOLUTION, 'en')
    codings = code_document(structured, codebook, 'en')
    assert [c.ref for c in codings] == [p.ref for p in structured.paragraphs]
    by_ref = {c.ref: c for c in codings}
    preamble = by_ref['PP1']
    assert preamble.kind == 'preambular' and {h.modality for h in preamble.hits} == {None}
    tasks = {(c.ref, h.code, h.modality) for c in codings for h in c.hits if is_mission_task(c, h)}
    assert tasks == {
        ('1 (a)', 'related.disarmament-demobilisation', 'monitor'),
        ('1 (b)', 'component.police', 'assist'),
    }
    assert {h.modality for h in by_ref['2'].hits} == {'encourage'}
    assert {h.modality for h in by_ref['3'].hits} == {None}
    assert by_ref['1 (a)'].effective_addressee == 'mission-or-sg'


def test_result_types(codebook):
    hit = code_paragraph('Requests the Mission to monitor the border;', codebook)[0]
    assert isinstance(hit, CodeHit) and all(isinstance(e, Evidence) for e in hit.evidence)
    assert {e.rule for e in hit.evidence} == {'modality.monitor/en/0', 'component.border-management/en/0'}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefghij police border; ,.():DDR é'")), max_size=300))
def test_never_raises_and_spans_stay_in_bounds(text):
    codebook = load_codebook()
    for language in ('en', 'fr'):
        for hit in code_paragraph(text, codebook, language):
            assert all(0 <= e.start < e.end <= len(text) for e in hit.evidence)


def test_a_task_others_are_asked_to_take_up_with_the_mission_is_the_missions(codebook):
    """S/RES/1445 (2002) op. 5 and op. 6 and S/RES/820 (1993) op. 14: asked to cooperate with the mission on a task,
    the parties share it with the mission (the phrase is the evidence); a welcome of past cooperation gives none."""
    resolution = segment((DATA / 'S_RES_1445_2002_EN_GOLD.txt').read_text(encoding='utf-8'), 'en')
    codings = {coding.ref: coding for coding in code_document(resolution, codebook)}
    paragraphs = {paragraph.ref: paragraph.text for paragraph in resolution.paragraphs}
    shared = [hit for hit in codings['5'].hits if hit.code == 'related.disarmament-demobilisation']
    assert [hit.modality for hit in shared] == ['assist'] and is_mission_task(codings['5'], shared[0])
    phrase = next(e for e in shared[0].evidence if e.rule == 'cooperation:with-mission')
    assert paragraphs['5'][phrase.start : phrase.end] == 'cooperate fully with MONUC'
    assert not any(is_mission_task(codings['6'], hit) for hit in codings['6'].hits)
    text = (
        'Demands that all parties and others concerned cooperate fully with UNPROFOR in the fulfilment of its '
        'immigration and customs control functions deriving from resolution 769 (1992);'
    )
    hits = code_paragraph(text, codebook)
    assert _modalities(hits, 'component.border-management') == {'assist'}
    text = 'Calls upon the parties to cooperate with neighbouring States in the demobilization of their troops;'
    assert _modalities(code_paragraph(text, codebook), 'related.disarmament-demobilisation') == {'encourage'}
    text = 'Demande à toutes les parties de coopérer pleinement avec la MINUSCA au désarmement des combattants;'
    assert _modalities(code_paragraph(text, codebook, 'fr'), 'related.disarmament-demobilisation') == {'assist'}


def test_a_report_paragraph_adopted_by_reference_is_read_under_the_adopting_paragraph(codebook):
    adopting = (
        'Authorizes the establishment of a United Nations police component of up to 1,144 personnel as an integral '
        'part of ONUMOZ with the mandate and deployment described in paragraphs 9 to 18 of document S/1994/89/Add.1;'
    )
    text = 'It would provide technical support to the National Police Affairs Commission and monitor the police.'
    adopted = {(hit.code, hit.modality) for hit in code_adopted(text, codebook, 'en', adopting)}
    assert adopted == {('component.police', 'assist'), ('component.police', 'monitor')}
    # Adopted by a paragraph that only welcomes the report, it is no mandate.
    assert code_adopted(text, codebook, 'en', 'Welcomes the report of the Secretary-General of 28 January 1994;') == []
