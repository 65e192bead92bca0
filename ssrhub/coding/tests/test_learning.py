"""The learned model in plain Python: seed labels, reproducible training, model files, cross-validation."""

import pytest

from ssrhub.coding import learning
from ssrhub.coding.codebook import load_codebook

SV = learning.SEXUAL_VIOLENCE


@pytest.fixture(scope='module')
def crsv(shared_data):
    """The CRSV paragraphs as seed decisions: a small, fast extract of the seed (about 400 paragraphs)."""
    return learning.seed_crsv(shared_data('crsv/crsv-paragraphs-v2026.09.csv'), load_codebook())


def test_crsv_tiers_become_decisions_with_negatives(crsv):
    by_ref = {(e.group, e.ref): e.decided for e in crsv}
    # Tier A: sexual violence present; tier D (gender, no violence) and SEA (UN personnel's conduct): absent.
    assert by_ref[('S/RES/1820', '1')][SV] is True
    absent = [d for d in by_ref.values() if d.get(SV) is False]
    assert len(absent) >= 60 and sum(1 for d in absent if d.get('crosscutting.gender')) >= 40
    # A code the tier does not speak for is absent only where the rules do not find it either.
    assert not [(e.ref, c) for e in crsv for c, present in e.labels if c != SV and not present and c in e.rules]
    assert len(crsv) < 409  # struck rows and rows without text are left out


def test_pema_labels_cited_paragraphs_and_every_other_paragraph(shared_data):
    codebook = load_codebook()
    examples = learning.seed_pema(
        shared_data('pema/pema-v4-dev.csv'), shared_data('unsc-resolutions-1946-1994'), codebook
    )
    present = [e for e in examples if any(v for _, v in e.labels)]
    assert present and len(examples) > 10 * len(present)  # the unlabelled paragraphs are negatives
    assert {code for e in examples for code, _ in e.labels} <= set(learning.seed_codes(codebook))


def test_training_is_reproducible_and_the_header_says_how(crsv, tmp_path):
    codebook = load_codebook()
    first = learning.train(crsv, codebook, seed=7)
    second = learning.train(list(reversed(crsv)), codebook, seed=7)
    texts = [e.text for e in crsv[:40]]
    assert first.probabilities(texts) == second.probabilities(texts)
    header = first.header
    assert header['data_version'] == second.header['data_version'] == learning.data_version(crsv)
    assert header['seed'] == 7 and header['codebook_version'] == codebook.version
    assert header['libraries']['scikit-learn'] == '1.9.1' and header['trained_at']
    assert header['codes'][SV]['positives'] >= 200 and header['codes'][SV]['negatives'] >= 60
    # Codes under the minimum support are not trained, and say so.
    assert 'component.police' not in first.classifiers and 'crosscutting.child-protection' in first.classifiers
    saved = learning.save_model(first, tmp_path / 'models' / 'model.joblib')
    assert [p.name for p in saved.parent.iterdir()] == ['model.joblib']  # the temporary file was renamed
    loaded = learning.load_model(saved, codebook.version)
    assert loaded.probabilities(texts) == first.probabilities(texts) and loaded.header == header
    proposals = loaded.propose(['Demands that all parties immediately cease all acts of sexual violence;'])[0]
    assert proposals[0].code == SV and proposals[0].probability >= loaded.thresholds[SV]


def test_a_model_of_another_codebook_version_is_refused(crsv, tmp_path):
    model = learning.train(crsv, load_codebook(), seed=1, calibrate=False)
    path = learning.save_model(model, tmp_path / 'model.joblib')
    with pytest.raises(learning.ModelError, match='trained on codebook .* the codebook in use is 2026.1'):
        learning.load_model(path, '2026.1')
    with pytest.raises(learning.ModelError, match='No model file'):
        learning.load_model(tmp_path / 'missing.joblib')
    (tmp_path / 'broken.joblib').write_bytes(b'not a model')
    with pytest.raises(learning.ModelError, match='not a model file'):
        learning.load_model(tmp_path / 'broken.joblib')


def test_nothing_to_learn_is_an_error(crsv):
    codebook = load_codebook()
    with pytest.raises(learning.TrainingError, match='nothing to train on'):
        learning.train([], codebook)
    with pytest.raises(learning.TrainingError, match='No code has 10000 positive'):
        learning.train(crsv, codebook, min_support=10000)


def test_cross_validation_scores_rules_learned_and_both(crsv):
    result = learning.cross_validate(crsv, load_codebook(), folds=3, seed=3)
    scores = result.scores
    assert result.folds == 3 and {m for _, m in scores} == {'rules', 'learned', 'both'}
    rules, learned, both = (scores[('all', m)] for m in ('rules', 'learned', 'both'))
    assert both.tp >= max(rules.tp, learned.tp) and both.fp >= max(rules.fp, learned.fp)
    assert rules.tp + rules.fn == learned.tp + learned.fn == both.tp + both.fn  # the same decisions scored
    assert 'learned' in result.as_text()
