"""Learning from review: a text classifier trained on reviewers' decisions, proposing codes with a probability.

Plain Python: no Django import. An :class:`Example` is one paragraph with the codes a reviewer (or a seed data set)
decided on: ``labels`` maps a code to True (present: accepted or added) or False (absent: rejected, or not asserted
in a paragraph marked reviewed). A paragraph marked reviewed decides every code of the codebook; a seed paragraph
decides only the codes its data set speaks for, so each code is trained on the paragraphs that decide it.

The model: TF-IDF of word 1-2-grams and character 3-5-grams (within words), and one logistic regression per code
(one-vs-rest, present and absent weighted to balance) with a fixed random seed. A code is trained only with at
least ``min_support`` positive paragraphs in at least two documents; its probability threshold is chosen on
out-of-fold probabilities (grouped by document) as the one with the best F0.5 (precision weighs more than recall:
a reviewer has to read every proposal), never below ``MIN_THRESHOLD``.

The seed (``read_seed``), for a database with no review yet:

- CRSV paragraphs (Chikuhwa & He, v2026.09): tier A (conflict-related sexual violence) -> sexual violence present;
  tier D (gender language with no violence), SEA (exploitation and abuse by UN personnel) -> sexual violence absent,
  D with gender present; CAAC -> child protection present; TIP (trafficking in persons) -> organised crime present.
  Struck rows and rows without text are left out.
- PEMA development labels (Di Salvatore et al.) over every paragraph of the resolutions whose texts are in the
  CR-UNSC folder: a code of the crosswalk is present where PEMA cites the paragraph for its task (mandated in the
  current resolution), unknown in the cited paragraph's chapeau or items, unknown where the rules find the code but
  PEMA cites nothing (PEMA codes tasks given to the mission, not every mention), and absent elsewhere.
"""

import csv
import hashlib
import json
import os
import platform
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ssrhub.documents.structure import segment

from .codebook import Codebook
from .coder import code_document, code_paragraph
from .pema import Score, find_text, read_labels

__all__ = [
    'DEFAULT_SEED',
    'FORMAT',
    'LANGUAGE',
    'MIN_SUPPORT',
    'MIN_THRESHOLD',
    'CrossValidation',
    'Example',
    'LearnedModel',
    'ModelError',
    'Proposal',
    'Score',
    'TrainingError',
    'cross_validate',
    'data_version',
    'library_versions',
    'load_model',
    'merge_examples',
    'read_seed',
    'save_model',
    'seed_crsv',
    'seed_pema',
    'train',
]

FORMAT = 1
# The seed is English: the model proposes codes for English paragraphs only.
LANGUAGE = 'en'
DEFAULT_SEED = 16
MIN_SUPPORT = 10
MIN_THRESHOLD = 0.5
FOLDS = 5
CORPUS_YEARS = range(1990, 1995)  # balanced negatives: the 1990s mandates' language, without labels
CRSV_FILE = Path('crsv') / 'crsv-paragraphs-v2026.09.csv'
PEMA_FILE = Path('pema') / 'pema-v4-dev.csv'
PEMA_TEXTS = Path('unsc-resolutions-1946-1994')
SEXUAL_VIOLENCE = 'crosscutting.sexual-violence'
CRSV_TIERS = {
    'A': {SEXUAL_VIOLENCE: True},
    'A+SEA': {SEXUAL_VIOLENCE: True},
    'D': {SEXUAL_VIOLENCE: False, 'crosscutting.gender': True},
    'SEA': {SEXUAL_VIOLENCE: False},
    'CAAC': {'crosscutting.child-protection': True},
    'TIP': {'related.organised-crime': True},
}


class TrainingError(ValueError):
    """No model can be trained: no examples, or no code with enough support."""


class ModelError(ValueError):
    """A model file that cannot be used: missing, unreadable, of another format or codebook version."""


# Section: examples


@dataclass(frozen=True)
class Example:
    """One paragraph and the codes decided on it.

    ``group`` is its document (cross-validation keeps a document's paragraphs together), ``rules`` the codes the
    rule-based coder gives it, ``source`` where the decisions come from (``review``, ``crsv``, ``pema``).
    """

    group: str
    ref: str
    text: str
    labels: tuple[tuple[str, bool], ...]
    rules: frozenset = frozenset()
    source: str = 'review'

    @property
    def decided(self) -> dict[str, bool]:
        return dict(self.labels)


def _labels(decided: dict[str, bool]) -> tuple[tuple[str, bool], ...]:
    return tuple(sorted(decided.items()))


def _rule_codes(hits) -> frozenset:
    return frozenset(hit.code for hit in hits)


def seed_crsv(path: Path, codebook: Codebook) -> list[Example]:
    """The CRSV paragraphs as decisions on the codes their tier speaks for (see the module's docstring)."""
    examples = []
    with Path(path).open(newline='', encoding='utf-8') as handle:
        for row in csv.DictReader(handle):
            decided = CRSV_TIERS.get(row['tier'].strip())
            text = ' '.join(row['text_verbatim'].split())
            if not decided or not text or 'struck' in row['status']:
                continue
            kind = 'preambular' if row['para_type'] == 'preambular' else 'operative'
            rules = _rule_codes(code_paragraph(text, codebook, 'en', kind=kind))
            decided = {code: present for code, present in decided.items() if code in codebook.codes}
            decided |= {code: False for code in seed_codes(codebook) if code not in decided and code not in rules}
            examples.append(Example(row['symbol'], row['para_ref'], text, _labels(decided), rules, 'crsv'))
    return examples


def seed_pema(labels_csv: Path, texts_dir: Path, codebook: Codebook) -> list[Example]:
    """Every paragraph of the PEMA resolutions whose text is in ``texts_dir``, with the crosswalk's codes decided
    (see the module's docstring)."""
    codes_of = codebook.pema_crosswalk()
    crosswalk = seed_codes(codebook)
    examples = []
    for resolution, cells in read_labels(labels_csv).items():
        path = find_text(texts_dir, resolution)
        if path is None:
            continue
        structured = segment(path.read_text(encoding='utf-8'), 'en')
        paragraphs = structured.paragraphs
        refs = {p.ref for p in paragraphs}
        present, unknown = defaultdict(set), defaultdict(set)
        for cell in cells:
            if not cell.current:
                continue
            for ref in cell.resolution_refs:
                if ref not in refs:
                    continue
                for code in codes_of.get(cell.task, ()):
                    present[ref].add(code)
                    for p in paragraphs:  # the chapeau of a cited item, or the items of a cited chapeau
                        if p.ref == ref and p.parent_ref or p.parent_ref == ref:
                            unknown[p.parent_ref if p.ref == ref else p.ref].add(code)
        rules = {coding.ref: _rule_codes(coding.hits) for coding in code_document(structured, codebook, 'en')}
        for p in paragraphs:
            found = rules.get(p.ref, frozenset())
            decided = {}
            for code in crosswalk:
                if code in present[p.ref]:
                    decided[code] = True
                elif code not in unknown[p.ref] and code not in found:
                    decided[code] = False
            examples.append(Example(resolution, p.ref, p.text, _labels(decided), found, 'pema'))
    return examples


def seed_codes(codebook: Codebook) -> list[str]:
    """The codes the seed decides: PEMA's crosswalk and the CRSV tiers' codes."""
    crosswalk = {code for codes in codebook.pema_crosswalk().values() for code in codes}
    crsv = {code for decided in CRSV_TIERS.values() for code in decided}
    return sorted((crosswalk | crsv) & set(codebook.codes))


def seed_corpus(texts_dir: Path, codebook: Codebook, *, years: range, skip: Iterable[str] = ()) -> list[Example]:
    """Negatives: every paragraph of the corpus resolutions adopted in ``years`` (but those in ``skip``), each seed
    code absent where the rules do not find it and unknown where they do (no one decided it)."""
    codes = seed_codes(codebook)
    skip = set(skip)
    examples = []
    for path in sorted(Path(texts_dir).glob('S_RES_*_EN*.txt')):
        parts = path.name.split('_')
        symbol = f'S/RES/{int(parts[2])}'
        if int(parts[3]) not in years or symbol in skip:
            continue
        structured = segment(path.read_text(encoding='utf-8'), 'en')
        rules = {coding.ref: _rule_codes(coding.hits) for coding in code_document(structured, codebook, 'en')}
        for p in structured.paragraphs:
            found = rules.get(p.ref, frozenset())
            decided = {code: False for code in codes if code not in found}
            examples.append(Example(symbol, p.ref, p.text, _labels(decided), found, 'corpus'))
    return examples


def read_seed(shared_dir: Path, codebook: Codebook) -> list[Example]:
    """The seed from the shared data folder; raises FileNotFoundError naming a missing file."""
    shared_dir = Path(shared_dir)
    for needed in (CRSV_FILE, PEMA_FILE, PEMA_TEXTS):
        if not (shared_dir / needed).exists():
            raise FileNotFoundError(f'The seed needs {shared_dir / needed}.')
    pema = seed_pema(shared_dir / PEMA_FILE, shared_dir / PEMA_TEXTS, codebook)
    corpus = seed_corpus(
        shared_dir / PEMA_TEXTS, codebook, years=CORPUS_YEARS, skip={example.group for example in pema}
    )
    return seed_crsv(shared_dir / CRSV_FILE, codebook) + pema + corpus


def merge_examples(reviewed: Iterable[Example], seed: Iterable[Example]) -> list[Example]:
    """Reviewed paragraphs, then the seed's paragraphs that no review covers (a review replaces the seed)."""
    reviewed = list(reviewed)
    covered = {(example.group, example.ref) for example in reviewed}
    return reviewed + [example for example in seed if (example.group, example.ref) not in covered]


def data_version(examples: Iterable[Example]) -> str:
    """SHA-256 of the decisions trained on (document, paragraph, text, labels), whatever their order."""
    rows = sorted(
        [example.group, example.ref, hashlib.sha256(example.text.encode()).hexdigest(), example.labels]
        for example in examples
    )
    return hashlib.sha256(json.dumps(rows, separators=(',', ':')).encode()).hexdigest()


# Section: the model


@dataclass(frozen=True)
class Proposal:
    code: str
    probability: float


def library_versions() -> dict[str, str]:
    import joblib
    import numpy
    import scipy
    import sklearn
    import threadpoolctl

    return {
        'python': platform.python_version(),
        'scikit-learn': sklearn.__version__,
        'scipy': scipy.__version__,
        'numpy': numpy.__version__,
        'joblib': joblib.__version__,
        'threadpoolctl': threadpoolctl.__version__,
    }


def _vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion(
        [
            ('words', TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)),
            (
                'chars',
                TfidfVectorizer(
                    analyzer='char_wb', ngram_range=(3, 5), min_df=3, max_features=60000, sublinear_tf=True
                ),
            ),
        ]
    )


def _classifier(seed: int):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=4.0, solver='liblinear', dual=True, class_weight='balanced', random_state=seed, max_iter=1000
    )


def _folds(groups: list[str], folds: int, seed: int):
    """Train/test index lists of a grouped k-fold with the groups shuffled by ``seed``."""
    from sklearn.model_selection import GroupKFold

    names = sorted(set(groups))
    folds = min(folds, len(names))
    if folds < 2:
        return []
    return list(GroupKFold(n_splits=folds, shuffle=True, random_state=seed).split(groups, groups=groups))


def _best_threshold(truth: list[bool], probabilities: list[float]) -> float:
    """The threshold with the best F0.5 on out-of-fold probabilities, at least MIN_THRESHOLD."""
    best, best_score = 0.9, -1.0
    for step in range(int(MIN_THRESHOLD * 100), 96, 5):
        threshold = step / 100
        tp = sum(1 for t, p in zip(truth, probabilities, strict=True) if t and p >= threshold)
        fp = sum(1 for t, p in zip(truth, probabilities, strict=True) if not t and p >= threshold)
        fn = sum(1 for t, p in zip(truth, probabilities, strict=True) if t and p < threshold)
        score = 1.25 * tp / (1.25 * tp + 0.25 * fn + fp) if tp else 0.0
        if score > best_score:
            best, best_score = threshold, score
    return best


@dataclass
class LearnedModel:
    """The fitted vectoriser, one classifier and threshold per trained code, and the header of the model file."""

    header: dict
    vectorizer: object
    classifiers: dict
    thresholds: dict

    @property
    def codebook_version(self) -> str:
        return self.header['codebook_version']

    @property
    def version(self) -> str:
        """A short name of the model: its data version and training seed."""
        return f'{self.header["data_version"][:12]}-s{self.header["seed"]}'

    def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        """Each text's probability of each trained code."""
        if not texts:
            return []
        matrix = self.vectorizer.transform(texts)
        rows = [{} for _ in texts]
        for code, classifier in self.classifiers.items():
            for row, probability in zip(rows, classifier.predict_proba(matrix)[:, 1], strict=True):
                row[code] = float(probability)
        return rows

    def propose(self, texts: list[str]) -> list[list[Proposal]]:
        """The codes over their threshold for each text, most probable first."""
        return [
            sorted(
                (Proposal(code, round(p, 4)) for code, p in row.items() if p >= self.thresholds[code]),
                key=lambda proposal: (-proposal.probability, proposal.code),
            )
            for row in self.probabilities(texts)
        ]


def _fit(examples: list[Example], codes: list[str], seed: int, min_support: int, calibrate: bool):
    """Fit the vectoriser and the classifiers; returns (vectorizer, classifiers, thresholds, per-code counts)."""
    import numpy as np

    vectorizer = _vectorizer()
    matrix = vectorizer.fit_transform([example.text for example in examples])
    classifiers, thresholds, counts, skipped = {}, {}, {}, {}
    for code in codes:
        rows = [i for i, example in enumerate(examples) if code in example.decided]
        truth = [examples[i].decided[code] for i in rows]
        positives = sum(truth)
        documents = len({examples[i].group for i, t in zip(rows, truth, strict=True) if t})
        if positives < min_support or documents < 2 or positives == len(truth):
            skipped[code] = {'positives': positives, 'negatives': len(truth) - positives, 'documents': documents}
            continue
        x, y = matrix[rows], np.array(truth)
        threshold = MIN_THRESHOLD
        if calibrate:
            groups = [examples[i].group for i in rows]
            out_of_fold = np.zeros(len(rows))
            for train_index, test_index in _folds(groups, 3, seed):
                if y[train_index].any() and not y[train_index].all():
                    fold = _classifier(seed).fit(x[train_index], y[train_index])
                    out_of_fold[test_index] = fold.predict_proba(x[test_index])[:, 1]
            threshold = _best_threshold(list(y), list(out_of_fold))
        classifiers[code] = _classifier(seed).fit(x, y)
        thresholds[code] = threshold
        counts[code] = {
            'positives': positives,
            'negatives': len(truth) - positives,
            'documents': documents,
            'threshold': threshold,
        }
    return vectorizer, classifiers, thresholds, counts, skipped


def train(
    examples: list[Example],
    codebook: Codebook,
    *,
    seed: int = DEFAULT_SEED,
    min_support: int = MIN_SUPPORT,
    calibrate: bool = True,
) -> LearnedModel:
    """Train a model on ``examples`` (one classifier per code of ``codebook`` with enough support).

    Raises TrainingError when there is nothing to learn from.
    """
    if not examples:
        raise TrainingError('No reviewed paragraph and no seed: nothing to train on.')
    started = time.perf_counter()
    # One order whatever order the decisions were read in, so that the same decisions give the same model.
    examples = sorted(examples, key=lambda example: (example.group, example.ref, example.text, example.labels))
    vectorizer, classifiers, thresholds, counts, skipped = _fit(
        examples, list(codebook.codes), seed, min_support, calibrate
    )
    if not classifiers:
        raise TrainingError(
            f'No code has {min_support} positive paragraphs in two documents or more among {len(examples)} '
            'examples: nothing to train on.'
        )
    header = {
        'format': FORMAT,
        'seed': seed,
        'data_version': data_version(examples),
        'codebook_version': codebook.version,
        'libraries': library_versions(),
        'trained_at': datetime.now(UTC).isoformat(timespec='seconds'),
        'training_seconds': round(time.perf_counter() - started, 2),
        'examples': len(examples),
        'documents': len({example.group for example in examples}),
        'sources': dict(sorted(Counter(example.source for example in examples).items())),
        'min_support': min_support,
        'codes': counts,
        'skipped': skipped,
    }
    return LearnedModel(header, vectorizer, classifiers, thresholds)


def save_model(model: LearnedModel, path: Path) -> Path:
    """Write the model file atomically (a temporary file in the same folder, then ``os.replace``)."""
    import joblib

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix='.' + path.name, suffix='.tmp', dir=path.parent)
    os.close(handle)
    try:
        payload = {
            'header': model.header,
            'vectorizer': model.vectorizer,
            'classifiers': model.classifiers,
            'thresholds': model.thresholds,
        }
        joblib.dump(payload, temporary, compress=3)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def load_model(path: Path, codebook_version: str | None = None) -> LearnedModel:
    """Read a model file written by :func:`save_model` (only ever load files this project wrote: joblib unpickles).

    Raises ModelError for a missing or unreadable file, another format, or a codebook version other than
    ``codebook_version`` (when given).
    """
    import joblib

    path = Path(path)
    if not path.is_file():
        raise ModelError(f'No model file at {path}: run "ssrhub coding train" first.')
    try:
        payload = joblib.load(path)
        header = payload['header']
    except Exception as error:  # a truncated or foreign file
        raise ModelError(f'{path} is not a model file of this project: {error}') from error
    if header.get('format') != FORMAT:
        raise ModelError(f'{path} has model format {header.get("format")}, this version reads {FORMAT}.')
    if codebook_version is not None and header['codebook_version'] != codebook_version:
        raise ModelError(
            f'{path} was trained on codebook {header["codebook_version"]}, the codebook in use is '
            f'{codebook_version}: train again ("ssrhub coding train").'
        )
    return LearnedModel(header, payload['vectorizer'], payload['classifiers'], payload['thresholds'])


# Section: cross-validation


def _score(truth: bool, predicted: bool) -> Score:
    return Score(int(truth and predicted), int(predicted and not truth), int(truth and not predicted))


@dataclass
class CrossValidation:
    """Micro scores over every decided (paragraph, code) of the held-out folds: rules, learned, rules or learned."""

    folds: int
    seed: int
    examples: int
    documents: int
    scores: dict = field(default_factory=dict)  # (subset, method) -> Score, subset 'all' or a source
    per_code: dict = field(default_factory=dict)  # (code, method) -> Score
    seconds: float = 0.0

    METHODS = ('rules', 'learned', 'both')

    def as_rows(self) -> list[dict]:
        rows = []
        for (subset, method), score in sorted(self.scores.items(), key=lambda item: (item[0][0] != 'all', item[0])):
            rows.append(
                {
                    'subset': subset,
                    'method': method,
                    'tp': score.tp,
                    'fp': score.fp,
                    'fn': score.fn,
                    'precision': round(score.precision, 4),
                    'recall': round(score.recall, 4),
                    'f1': round(score.f1, 4),
                }
            )
        return rows

    def as_text(self) -> str:
        lines = [
            f'{self.folds}-fold cross-validation grouped by document (seed {self.seed}): {self.examples} paragraphs '
            f'of {self.documents} documents, {self.seconds:.1f} s',
            f'{"subset":<10} {"method":<8} {"P":>6} {"R":>6} {"F1":>6} {"tp":>5} {"fp":>5} {"fn":>5}',
        ]
        for row in self.as_rows():
            lines.append(
                f'{row["subset"]:<10} {row["method"]:<8} {row["precision"]:>6.3f} {row["recall"]:>6.3f} '
                f'{row["f1"]:>6.3f} {row["tp"]:>5} {row["fp"]:>5} {row["fn"]:>5}'
            )
        lines += ['', 'per code (learned | rules):']
        for code in sorted({code for code, _ in self.per_code}):
            learned, rules = self.per_code[(code, 'learned')], self.per_code[(code, 'rules')]
            lines.append(
                f'  {code:<40} learned P {learned.precision:.2f} R {learned.recall:.2f} F1 {learned.f1:.2f} | '
                f'rules P {rules.precision:.2f} R {rules.recall:.2f} F1 {rules.f1:.2f} '
                f'(support {learned.tp + learned.fn})'
            )
        return '\n'.join(lines) + '\n'


def cross_validate(
    examples: list[Example],
    codebook: Codebook,
    *,
    folds: int = FOLDS,
    seed: int = DEFAULT_SEED,
    min_support: int = MIN_SUPPORT,
    progress: Callable[[int, int], None] | None = None,
) -> CrossValidation:
    """Score the rules alone, the learned model alone and their union on held-out documents.

    Each fold trains a model (thresholds calibrated inside the fold's training part) on the other folds' documents.
    """
    if not examples:
        raise TrainingError('No reviewed paragraph and no seed: nothing to evaluate.')
    started = time.perf_counter()
    groups = [example.group for example in examples]
    splits = _folds(groups, folds, seed)
    if not splits:
        raise TrainingError('Cross-validation needs paragraphs of two documents or more.')
    result = CrossValidation(len(splits), seed, len(examples), len(set(groups)))
    totals: dict = defaultdict(Score)
    per_code: dict = defaultdict(Score)
    for number, (train_index, test_index) in enumerate(splits, start=1):
        training = [examples[i] for i in train_index]
        held_out = [examples[i] for i in test_index]
        try:
            model = train(training, codebook, seed=seed, min_support=min_support)
            proposed = [{p.code for p in row} for row in model.propose([e.text for e in held_out])]
        except TrainingError:
            proposed = [set() for _ in held_out]
        for example, learned in zip(held_out, proposed, strict=True):
            for code, truth in example.labels:
                predictions = {
                    'rules': code in example.rules,
                    'learned': code in learned,
                    'both': code in example.rules or code in learned,
                }
                for method, predicted in predictions.items():
                    score = _score(truth, predicted)
                    totals[('all', method)] += score
                    totals[(example.source, method)] += score
                    per_code[(code, method)] += score
        if progress:
            progress(number, len(splits))
    result.scores = dict(totals)
    result.per_code = dict(per_code)
    result.seconds = time.perf_counter() - started
    return result
