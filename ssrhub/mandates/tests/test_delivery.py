"""Delivery classifier: the vocabulary file and the chapter 9 dimensions read on real resolution paragraphs.

English paragraphs come from the shared corpus (S/RES/2151 (2014) and resolutions of 1991-1994); the French
sentences are written in the phrasing of official UN French texts, since the corpus has no French resolutions.
"""

import json
from pathlib import Path

import pytest
import yaml

from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.coder import code_document, code_paragraph
from ssrhub.documents.structure import segment
from ssrhub.mandates.delivery import (
    BOTH,
    DELIVERY_FILE,
    DIMENSIONS,
    NO_CATEGORY,
    UNSPECIFIED,
    DeliveryVocabularyError,
    classify,
    classify_hit,
    clause_window,
    code_span,
    load_vocabulary,
    read_vocabulary,
)

DATA = Path(__file__).resolve().parents[3] / 'tests' / 'data'
TEXTS = DATA / 'unsc-resolutions-1946-1994'
RES_2151 = DATA / 'samples' / 'S_RES_2151_2014_EN.txt'


@pytest.fixture(scope='module')
def codebook():
    return load_codebook()


@pytest.fixture(scope='module')
def vocabulary():
    return load_vocabulary()


def resolution_path(number: int) -> Path:
    if number == 2151:
        return RES_2151
    found = sorted(TEXTS.glob(f'S_RES_{number:04d}_*_EN*.txt'))
    assert found, f'S/RES/{number} not in {TEXTS}'
    return found[0]


def coded(codebook, number: int, ref: str):
    """(paragraph text, {code: hit}) of paragraph ``ref`` of resolution ``number``, coded by the project's coder."""
    structured = segment(resolution_path(number).read_text(encoding='utf-8'), 'en')
    for paragraph, coding in zip(structured.paragraphs, code_document(structured, codebook), strict=True):
        if paragraph.ref == ref:
            return paragraph.text, {hit.code: hit for hit in coding.hits}
    raise AssertionError(f'S/RES/{number} has no paragraph {ref}')


def reading(codebook, number: int, ref: str, code: str):
    text, hits = coded(codebook, number, ref)
    assert code in hits, f'the coder no longer finds {code} in S/RES/{number} {ref}: {sorted(hits)}'
    return text, classify_hit(text, hits[code], 'en')


def rules(delivery, dimension: str) -> set[str]:
    return {finding.rule.split('/')[0] for finding in delivery.reading(dimension).findings}


# Section: vocabulary file


def test_vocabulary_has_every_dimension_in_english_and_french(vocabulary):
    assert tuple(vocabulary.dimensions) == DIMENSIONS
    assert set(vocabulary.values('support')) == {'technical', 'political'}
    assert set(vocabulary.values('level')) == {'strategic', 'operational', 'tactical'}
    assert {'governance_oversight', 'force_structure', 'cross_cutting', 'coordination'} <= set(
        vocabulary.values('category')
    )
    for dimension in vocabulary.dimensions.values():
        for spec in dimension.values.values():
            assert spec.patterns['en'] and spec.patterns['fr'], f'{dimension.name}.{spec.value}'


def test_code_defaults_name_codes_of_the_codebook(vocabulary, codebook):
    unknown = sorted(set(vocabulary.code_defaults) - set(codebook.codes))
    assert not unknown


def _write(tmp_path, raw) -> Path:
    path = tmp_path / 'delivery.yaml'
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding='utf-8')
    return path


@pytest.fixture
def raw():
    return yaml.safe_load(DELIVERY_FILE.read_text(encoding='utf-8'))


def test_copy_of_the_file_reads_back(tmp_path, raw):
    assert read_vocabulary(_write(tmp_path, raw)).values('beneficiary') == load_vocabulary().values('beneficiary')


def test_missing_french_patterns_are_refused(tmp_path, raw):
    del raw['dimensions']['level']['values']['tactical']['patterns']['fr']
    with pytest.raises(DeliveryVocabularyError, match=r'\[level\.tactical\].*French patterns are required'):
        read_vocabulary(_write(tmp_path, raw))


def test_broken_regular_expression_is_refused(tmp_path, raw):
    raw['dimensions']['support']['values']['political']['patterns']['en'].append('good (offices')
    with pytest.raises(DeliveryVocabularyError, match=r'\[support\.political\].*not a valid regular expression'):
        read_vocabulary(_write(tmp_path, raw))


def test_example_missed_by_its_own_patterns_is_refused(tmp_path, raw):
    raw['dimensions']['beneficiary']['values']['legislature']['examples']['en'].append('support to the army')
    with pytest.raises(DeliveryVocabularyError, match=r'\[beneficiary\.legislature\].*not matched'):
        read_vocabulary(_write(tmp_path, raw))


def test_counter_example_matched_is_refused(tmp_path, raw):
    raw['dimensions']['category']['values']['cross_cutting']['counter_examples']['en'].append('human rights training')
    with pytest.raises(DeliveryVocabularyError, match=r'\[category\.cross_cutting\].*counter-example'):
        read_vocabulary(_write(tmp_path, raw))


def test_code_default_with_unknown_value_is_refused(tmp_path, raw):
    raw['code_defaults']['component.police'] = {'beneficiary': 'gendarmes'}
    with pytest.raises(DeliveryVocabularyError, match=r'code_defaults\.component\.police.*not a value of beneficiary'):
        read_vocabulary(_write(tmp_path, raw))


def test_unknown_dimension_is_refused(tmp_path, raw):
    raw['dimensions']['mission_type'] = raw['dimensions']['horizon']
    with pytest.raises(DeliveryVocabularyError, match='unknown mission_type'):
        read_vocabulary(_write(tmp_path, raw))


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(DeliveryVocabularyError, match='file not found'):
        read_vocabulary(tmp_path / 'absent.yaml')


# Section: English paragraphs of the corpus


def test_unomil_demobilization_plan_is_operational_administration(codebook):
    """S/RES/866 (1993) op. 3 (e): plan and financial requirements of demobilisation (UNOMIL)."""
    text, delivery = reading(codebook, 866, '3 (e)', 'related.disarmament-demobilisation')
    assert delivery.level.value == 'operational'
    assert delivery.categories == ('administration',)
    assert delivery.support.value == UNSPECIFIED
    assert delivery.beneficiaries == ('parties',)
    finding = delivery.level.findings[0]
    assert finding.rule.startswith('level.operational/en/') and finding.scope == 'clause'
    assert text[finding.start : finding.end] == finding.text


def test_unomil_training_of_engineers_is_technical_and_tactical(codebook):
    """S/RES/866 (1993) op. 3 (g): UNOMIL trains ECOMOG engineers in mine clearance."""
    _, delivery = reading(codebook, 866, '3 (g)', 'related.mine-action')
    assert (delivery.support.value, delivery.level.value) == ('technical', 'tactical')
    assert delivery.categories == ('education_training',)
    assert delivery.beneficiaries == ('defence',)


def test_monitoring_is_not_support(codebook):
    """S/RES/866 (1993) op. 3 (b): monitoring disarmament and the embargo gives no support type nor level."""
    _, delivery = reading(codebook, 866, '3 (b)', 'related.disarmament-demobilisation')
    assert delivery.support.value == UNSPECIFIED
    assert delivery.level.value == UNSPECIFIED
    assert delivery.category.value == NO_CATEGORY


def test_unosom_police_re_establishment(codebook):
    """S/RES/814 (1993) op. 4 (d): assistance in re-establishing the Somali police (UNOSOM II)."""
    _, delivery = reading(codebook, 814, '4 (d)', 'component.police')
    assert delivery.level.value == 'operational'
    assert delivery.beneficiaries == ('police',)
    assert delivery.horizon.value == 'long_term'
    assert set(delivery.categories) == {'force_structure', 'cross_cutting'}
    assert delivery.describes_support


def test_trust_fund_contributions_are_political_support(codebook):
    """S/RES/814 (1993) op. 15: a fund for the Somali police and a call for contributions (mobilising resources)."""
    _, delivery = reading(codebook, 814, '15', 'component.police')
    assert delivery.support.value == 'political'
    assert {f.text for f in delivery.support.findings} == {'receiving contributions'}
    assert {'force_structure', 'coordination'} == set(delivery.categories)
    assert delivery.level.value == 'operational'


def test_onumoz_parties_are_beneficiaries_and_interim_is_not_short_term(codebook):
    """S/RES/797 (1992) op. 7: Government and RENAMO prepare demobilisation with the interim SRSG (ONUMOZ)."""
    _, delivery = reading(codebook, 797, '7', 'related.disarmament-demobilisation')
    assert set(delivery.beneficiaries) == {'parties', 'government'}
    assert delivery.horizon.value == UNSPECIFIED
    assert delivery.support.value == UNSPECIFIED


def test_council_pressure_on_parties_has_no_beneficiary(codebook):
    """S/RES/745 (1992) op. 8: urging the Cambodian parties to demobilise describes no support (UNTAC)."""
    _, delivery = reading(codebook, 745, '8', 'related.disarmament-demobilisation')
    assert not delivery.describes_support
    assert delivery.beneficiary.value == UNSPECIFIED and delivery.beneficiaries == ()
    assert delivery.support.value == UNSPECIFIED


def test_unmih_police_training(codebook):
    """S/RES/867 (1993) op. 3: guidance and training to all levels of the Haitian police."""
    _, delivery = reading(codebook, 867, '3', 'component.police')
    assert (delivery.support.value, delivery.level.value) == ('technical', 'tactical')
    assert delivery.beneficiaries == ('police',)
    assert delivery.categories == ('education_training',)


def test_chairing_a_joint_commission_is_political_coordination(codebook):
    """S/RES/850 (1993) op. 9: ONUMOZ chairs the commission that forms the Mozambican Defence Force."""
    _, delivery = reading(codebook, 850, '9', 'component.defence')
    assert 'political' in delivery.support.values
    assert {'coordination', 'force_structure'} <= set(delivery.categories)
    assert delivery.beneficiaries == ('defence',)


def test_embargo_equipment_is_not_support(codebook):
    """S/RES/748 (1992) op. 5 (a) bans arms and police equipment for Libya: no police code (codebook 2026.2), and
    were a reviewer to add one, no equipment support."""
    text, hits = coded(codebook, 748, '5 (a)')
    assert 'component.police' not in hits
    start = text.index('police equipment')
    delivery = classify(text, 'component.police', 'en', (start, start + len('police')))
    assert delivery.support.value == UNSPECIFIED
    assert 'logistics_infrastructure' not in delivery.categories
    assert delivery.level.value == UNSPECIFIED


def test_sector_review_item_reads_its_clause_then_the_paragraph(codebook):
    """S/RES/2151 (2014) op. 9 lists sector-wide initiatives separated by semicolons."""
    text, hits = coded(codebook, 2151, '9')
    delivery = classify_hit(text, hits['initiative.sector-review'], 'en')
    start, end = delivery.window
    assert text[start:end] == 'national security sector reviews and mappings'
    assert delivery.level.value == 'strategic' and delivery.level.findings[0].scope == 'clause'
    assert delivery.categories == ('sector_review',)
    assert delivery.support.findings and all(f.scope == 'paragraph' for f in delivery.support.findings)
    legislation = classify_hit(text, hits['initiative.legislation'], 'en')
    assert legislation.categories == ('legislation_doctrine',)


def test_implicit_component_takes_its_beneficiary_from_the_code(codebook):
    """S/RES/2151 (2014) op. 15: generic SSR support, read as an implicit police reference."""
    text, hits = coded(codebook, 2151, '15')
    assert hits['component.police'].explicit is False
    delivery = classify_hit(text, hits['component.police'], 'en')
    assert delivery.beneficiaries == ('police',)
    finding = delivery.beneficiary.findings[0]
    assert (finding.scope, finding.rule, finding.start) == ('code', 'code:component.police', None)
    assert delivery.level.value == 'strategic'
    generic = classify_hit(text, hits['ssr.generic'], 'en')
    assert generic.beneficiaries == ()


def test_guidance_notes_and_joint_delivery(codebook):
    """S/RES/2151 (2014) op. 15 (e): technical guidance and training modules, joint delivery of assistance."""
    text, hits = coded(codebook, 2151, '15 (e)')
    delivery = classify_hit(text, hits['initiative.coordination'], 'en')
    assert delivery.support.value == 'technical'
    assert {'coordination', 'education_training'} <= set(delivery.categories)


def test_clause_window_stops_before_a_coordinated_council_verb(codebook):
    """S/RES/865 (1993) op. 9: '..., and requests the Secretary-General to take the necessary steps'."""
    text, hits = coded(codebook, 865, '9')
    start, end = clause_window(text, code_span(hits['component.police']), 'en')
    assert text[start:end].startswith('Approves the recommendations')
    assert text[start:end].endswith('in accordance with resolution 814 (1993)')
    assert clause_window(text, None) == (0, len(text))


def test_without_a_span_the_whole_paragraph_is_read(codebook):
    text, _ = coded(codebook, 867, '3')
    delivery = classify(text, 'component.police')
    assert delivery.window == (0, len(text))
    assert delivery.support.value == 'technical'


def test_result_is_plain_data(codebook):
    _, delivery = reading(codebook, 866, '3 (g)', 'related.mine-action')
    data = json.loads(json.dumps(delivery.as_dict()))
    assert data['support']['value'] == 'technical'
    assert data['support']['findings'][0]['rule'].startswith('support.technical/en/')
    assert delivery.values()['category'] == ('education_training',)


# Section: French


def test_french_technical_support_to_ssr(codebook):
    text = (
        "Prie le Secrétaire général d'apporter, par l'intermédiaire de la Mission, un appui technique à la réforme "
        'du secteur de la sécurité, en étroite coordination avec les autorités nationales ;'
    )
    hits = {hit.code: hit for hit in code_paragraph(text, codebook, 'fr')}
    delivery = classify_hit(text, hits['ssr.generic'], 'fr')
    assert delivery.language == 'fr'
    assert delivery.support.value == 'technical'
    assert delivery.support.findings[0].text == 'appui technique'
    assert delivery.level.value == 'strategic'
    assert delivery.horizon.value == 'long_term'
    assert delivery.beneficiaries == ('government',)


def test_french_police_training_is_tactical(codebook):
    text = (
        "Prie la Mission d'aider le Gouvernement à renforcer la police nationale, notamment en dispensant une "
        "formation aux droits de l'homme à ses agents ;"
    )
    hits = {hit.code: hit for hit in code_paragraph(text, codebook, 'fr')}
    delivery = classify_hit(text, hits['component.police'], 'fr')
    assert (delivery.support.value, delivery.level.value) == ('technical', 'tactical')
    assert set(delivery.categories) == {'education_training', 'cross_cutting'}
    assert set(delivery.beneficiaries) == {'police', 'government'}


def test_french_good_offices_and_national_dialogue(codebook):
    text = (
        "Prie la Mission d'user de ses bons offices pour faciliter le dialogue national sur la réforme du "
        'secteur de la défense ;'
    )
    hits = {hit.code: hit for hit in code_paragraph(text, codebook, 'fr')}
    delivery = classify_hit(text, hits['initiative.national-dialogue'], 'fr')
    assert delivery.support.value == 'political'
    assert delivery.level.value == 'strategic'
    assert delivery.categories == ('consensus_building',)


def test_french_administration_and_vetting(codebook):
    text = (
        "De conseiller le Ministère de la défense sur la gestion des ressources humaines, l'élaboration du budget "
        'et la vérification des antécédents du personnel des forces armées ;'
    )
    delivery = classify(text, 'component.defence', 'fr')
    assert delivery.support.value == 'technical'
    assert delivery.level.value == 'operational'
    assert delivery.categories == ('administration',)
    assert delivery.beneficiaries == ('defence',)


def test_french_barracks_and_equipment(codebook):
    text = (
        "D'aider le Gouvernement à remettre en état les casernes et à fournir du matériel et un appui logistique "
        'aux forces armées ;'
    )
    delivery = classify(text, 'component.defence', 'fr', span=(text.index('forces armées'), len(text) - 2))
    assert (delivery.support.value, delivery.level.value) == ('technical', 'tactical')
    assert delivery.categories == ('logistics_infrastructure',)
    assert set(delivery.beneficiaries) == {'defence', 'government'}


def test_french_parliament_and_civil_society(codebook):
    text = (
        "Prie la Mission d'appuyer le Parlement et la société civile dans l'exercice du contrôle démocratique du "
        'secteur de la sécurité ;'
    )
    hits = {hit.code: hit for hit in code_paragraph(text, codebook, 'fr')}
    delivery = classify_hit(text, hits['ssr.generic'], 'fr')
    assert set(delivery.beneficiaries) == {'legislature', 'civil_society'}
    assert delivery.categories == ('governance_oversight',)
    assert delivery.level.value == 'strategic'


def test_french_demand_describes_no_support(codebook):
    text = (
        "Exige de toutes les parties qu'elles cessent immédiatement toute violation du droit international "
        'humanitaire ;'
    )
    hits = {hit.code: hit for hit in code_paragraph(text, codebook, 'fr')}
    delivery = classify_hit(text, hits['crosscutting.human-rights'], 'fr')
    assert not delivery.describes_support
    assert delivery.beneficiaries == ()
    assert delivery.support.value == UNSPECIFIED
    assert delivery.categories == ('cross_cutting',)
    assert delivery.level.value == UNSPECIFIED


def test_both_kinds_of_support(codebook):
    text = (
        "Prie la Mission d'user de ses bons offices auprès des autorités et de leur fournir une assistance "
        'technique pour la réforme de la police ;'
    )
    delivery = classify(text, 'component.police', 'fr')
    assert delivery.support.value == BOTH
    assert set(delivery.support.values) == {'technical', 'political'}


def test_longest_overlapping_finding_wins():
    """'training of trainers' builds the education system (operational), not a tactical training course."""
    text = 'Requests the Mission to support the training of trainers of the national police;'
    delivery = classify(text, 'component.police', 'en', span=(text.index('police'), text.index('police') + 6))
    assert delivery.level.value == 'operational'
    assert delivery.level.findings[0].text == 'training of trainers'
    assert all(finding.text != 'training' for finding in delivery.level.findings)
    # 'military justice' (justice) overlaps 'military' (defence): the longer finding wins.
    text = 'Requests the Mission to advise the Government on strengthening military justice;'
    delivery = classify(text, 'component.justice', 'en', span=(text.index('military'), len(text) - 1))
    assert delivery.beneficiaries == ('justice', 'government')
    assert delivery.categories == ('governance_oversight',)
