"""Evaluate the coder against the Peacekeeping Mandates dataset (PEMA; Di Salvatore et al. 2022).

Plain Python: no Django import. A PEMA row is one resolution; a cell names where a task x modality
is mandated, e.g. ``Mandated in current resolution in S/RES/866 paragraph(s) 3b`` or
``... paragraph(s) 3, 9 (S/26480)``, where a report symbol in parentheses marks the reference just
before it as a paragraph of that Secretary-General report, not of the resolution.

Gold (main score): the tasks a row marks as mandated in the current resolution with at least one
cited paragraph that is the resolution's own and exists in its text. Tasks that live only in a
cited report, or whose cited resolution paragraphs are not in the text (PEMA sometimes gives report
numbering without the symbol), are reported separately and neither rewarded nor penalised. Tasks
PEMA marks as mandated in a previous resolution are not gold for the current one.

Prediction: a task is predicted for a resolution when the coder finds one of its codes (via the
codebook crosswalk) as a mission task (a tasking or encouraging reading addressed to the mission or
the Secretary-General) in one of the resolution's own operative paragraphs. The coder never sees
the labels. Scores: resolution level (task x resolution), paragraph level (task x top-level
operative paragraph) and task x modality level (secondary).
"""

import csv
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ssrhub.documents.structure import segment

from .by_reference import mandates_by_reference
from .codebook import PEMA_TASKS, Codebook
from .coder import code_document, is_mission_task

__all__ = [
    'SSR_FAMILY_TASKS',
    'PemaCell',
    'PemaRef',
    'PemaReport',
    'Score',
    'TaskScore',
    'crosswalk',
    'evaluate_pema',
    'find_text',
    'normalise_ref',
    'parse_cell',
    'predict_tasks',
    'read_labels',
]

# PEMA tasks of the SSR family: police, military, justice, corrections and legal reform; DDR, small arms,
# demilitarisation, border control, transitional justice, human rights, gender, sexual violence, child rights,
# protection of civilians, arms embargo.
SSR_FAMILY_TASKS = (
    'policereform',
    'militaryreform',
    'justicereform',
    'correctionsreform',
    'legalreform',
    'disarmdemob',
    'reintegration',
    'controlsalw',
    'demil',
    'bordercontrol',
    'transjustice',
    'humanrights',
    'gender',
    'sgbviolence',
    'childrights',
    'civprotect',
    'armsembargo',
)
PEMA_COLUMN_MODALITIES = ('monitor', 'assist', 'security', 'encouraged')
CELL = re.compile(
    r'^\s*Mandated\s+in\s+(?P<source>current|previous)\s+resolution\s+in\s+(?P<resolution>S/RES/\d+)'
    r'\s+paragraph\(s\)\s*(?P<refs>.*?)\s*$',
    re.IGNORECASE,
)
REF_TOKEN = re.compile(r'^(?P<ref>.+?)\s*(?:\((?P<report>S/[^)]+)\))?$')
REF = re.compile(r'^(?P<number>\d+)\s*(?P<sub>(?:\(?[a-z]{1,4}\)?\s*)*)$', re.IGNORECASE)
PREAMBULAR_REF = re.compile(r'^(?:p\.?|pp\.?|preamble\s*)(?P<number>\d+)$', re.IGNORECASE)
ROMAN = re.compile(r'^(?=[ivxl]+$)m*(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})$')


# Section: PEMA cells


@dataclass(frozen=True)
class PemaRef:
    """One cited paragraph: ``ref`` in segmenter form (``2 (c)``), ``report`` the report symbol or ''."""

    ref: str
    report: str = ''

    @property
    def in_resolution(self) -> bool:
        return not self.report


@dataclass(frozen=True)
class PemaCell:
    """One non-empty PEMA cell: task x modality of a resolution row and where PEMA found it."""

    resolution: str
    task: str
    modality: str
    source: str  # 'current' or 'previous'
    cited_resolution: str
    refs: tuple[PemaRef, ...]

    @property
    def current(self) -> bool:
        return self.source == 'current' and self.cited_resolution == self.resolution

    @property
    def resolution_refs(self) -> tuple[str, ...]:
        return tuple(ref.ref for ref in self.refs if ref.in_resolution)

    @property
    def report_refs(self) -> tuple[PemaRef, ...]:
        return tuple(ref for ref in self.refs if not ref.in_resolution)


def _split_sub(sub: str) -> list[str]:
    """``c`` -> [c]; ``cii`` -> [c, ii]; ``(c)(ii)`` -> [c, ii]; ``ii`` alone stays roman."""
    parts = [part for part in re.split(r'[()\s]+', sub.lower()) if part]
    labels: list[str] = []
    for part in parts:
        if len(part) > 1 and not ROMAN.match(part):
            labels.extend([part[0], *([part[1:]] if part[1:] else [])])
        else:
            labels.append(part)
    return labels


def normalise_ref(raw: str) -> str:
    """A PEMA paragraph reference in segmenter form: ``2c`` -> ``2 (c)``, ``14 f`` -> ``14 (f)``, ``p.2`` -> ``PP2``.

    Returns the input stripped when it cannot be read.
    """
    raw = raw.strip().rstrip('.')
    preambular = PREAMBULAR_REF.match(raw)
    if preambular:
        return f'PP{int(preambular["number"])}'
    match = REF.match(raw)
    if not match:
        return raw
    labels = _split_sub(match['sub'] or '')
    return ' '.join([match['number'], *(f'({label})' for label in labels)])


def parse_cell(value: str, *, resolution: str = '', column: str = '') -> PemaCell | None:
    """Parse one PEMA cell (``Mandated in current resolution in S/RES/866 paragraph(s) 3, 9 (S/26480)``).

    Returns None for an empty cell; raises ValueError for a cell in another form.
    """
    if not value or not value.strip():
        return None
    match = CELL.match(value)
    if not match:
        raise ValueError(f'{resolution} {column}: not a PEMA cell: {value!r}')
    task, _, modality = column.partition('_')
    refs = []
    for token in (part.strip() for part in match['refs'].split(',')):
        if not token:
            continue
        ref = REF_TOKEN.match(token)
        refs.append(PemaRef(normalise_ref(ref['ref']), (ref['report'] or '').strip()))
    return PemaCell(
        resolution=resolution or match['resolution'],
        task=task,
        modality=modality,
        source=match['source'].lower(),
        cited_resolution=match['resolution'],
        refs=tuple(refs),
    )


def read_labels(labels_csv: Path) -> dict[str, list[PemaCell]]:
    """Resolution symbol -> its non-empty task cells, from a PEMA csv (one row per resolution)."""
    labels: dict[str, list[PemaCell]] = {}
    with Path(labels_csv).open(encoding='utf-8', newline='') as handle:
        for row in csv.DictReader(handle):
            resolution = row['Signature'].strip()
            cells = labels.setdefault(resolution, [])
            for column, value in row.items():
                task = (column or '').partition('_')[0]
                if task in PEMA_TASKS and column.partition('_')[2] in PEMA_COLUMN_MODALITIES:
                    cell = parse_cell(value or '', resolution=resolution, column=column)
                    if cell:
                        cells.append(cell)
    return labels


def crosswalk(codebook: Codebook) -> dict[str, tuple[str, ...]]:
    """PEMA task -> codebook codes (from each code's ``pema`` list)."""
    return codebook.pema_crosswalk()


# Section: predictions


def find_text(texts_dir: Path, resolution: str) -> Path | None:
    """The English text file of ``S/RES/n`` in the CR-UNSC layout (``S_RES_0866_1993_EN_GOLD.txt``)."""
    number = int(resolution.rsplit('/', 1)[-1])
    found = sorted(Path(texts_dir).glob(f'S_RES_{number:04d}_*_EN*.txt'))
    return found[0] if found else None


def _top(ref: str) -> str:
    return ref.split(' ', 1)[0]


def predict_tasks(structured, codebook: Codebook, language: str = 'en', *, expand_generic: bool = True) -> dict:
    """(task, PEMA modality) -> top-level operative paragraph refs where the coder finds it as a mission task."""
    task_of = defaultdict(list)
    for task, codes in codebook.pema_crosswalk().items():
        for code in codes:
            task_of[code].append(task)
    predicted: dict[tuple[str, str], set[str]] = defaultdict(set)
    for coding in code_document(structured, codebook, language):
        if coding.kind != 'operative':
            continue
        for hit in coding.hits:
            if (expand_generic or hit.explicit) and is_mission_task(coding, hit):
                for task in task_of.get(hit.code, ()):
                    predicted[(task, codebook.pema_modalities[hit.modality])].add(_top(coding.ref))
    return dict(predicted)


# Section: scores


@dataclass(frozen=True)
class Score:
    """Counts and precision/recall/F1 (0.0 when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def as_dict(self) -> dict:
        """Counts and rounded precision/recall/F1, for CSV and JSON rows."""
        return {
            'tp': self.tp,
            'fp': self.fp,
            'fn': self.fn,
            'support': self.support,
            'precision': round(self.precision, 4),
            'recall': round(self.recall, 4),
            'f1': round(self.f1, 4),
        }

    def __add__(self, other: 'Score') -> 'Score':
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class TaskScore:
    task: str
    score: Score


def _score(gold: set, predicted: set) -> Score:
    return Score(len(gold & predicted), len(predicted - gold), len(gold - predicted))


def _score_line(name: str, score: Score) -> str:
    counts = f'{score.support:>7} {score.tp:>4} {score.fp:>4} {score.fn:>4}'
    return f'{name:<22} {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f} {counts}'


@dataclass
class PemaReport:
    """Scores of the coder against PEMA labels, with the excluded and missed items for inspection."""

    tasks: tuple[str, ...]
    per_task: list[TaskScore] = field(default_factory=list)
    micro: Score = field(default_factory=Score)
    all_labels: Score = field(default_factory=Score)
    reachable: Score = field(default_factory=Score)
    paragraph: Score = field(default_factory=Score)
    modality: Score = field(default_factory=Score)
    resolutions: int = 0
    missing_texts: list[str] = field(default_factory=list)
    report_only: list[tuple[str, str, str]] = field(default_factory=list)
    by_reference: list[tuple[str, str, str]] = field(default_factory=list)
    not_in_text: list[tuple[str, str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    false_negatives: list[tuple[str, str, str]] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def macro_f1(self) -> float:
        """Mean F1 over the tasks with gold support or predictions (tasks with neither are undefined)."""
        scored = [t.score.f1 for t in self.per_task if t.score.tp + t.score.fp + t.score.fn]
        return sum(scored) / len(scored) if scored else 0.0

    def as_text(self, title: str = 'PEMA') -> str:
        """A readable table: per-task and micro/macro scores, exclusions and errors."""
        lines = [
            f'== {title}: {self.resolutions} resolutions, {self.elapsed:.2f} s',
            f'{"task":<22} {"P":>6} {"R":>6} {"F1":>6} {"support":>7} {"tp":>4} {"fp":>4} {"fn":>4}',
            *(_score_line(item.task, item.score) for item in self.per_task),
            _score_line('micro (resolution)', self.micro),
            _score_line('micro, all labels', self.all_labels),
            _score_line('micro, reachable', self.reachable),
            f'{"macro F1 (resolution)":<22} {"":>13} {self.macro_f1:>6.3f}',
            _score_line('paragraph micro', self.paragraph),
            _score_line('task x modality micro', self.modality),
            f'report-only tasks (excluded): {len(self.report_only)}',
            *(f'  {resolution} {task}: {refs}' for resolution, task, refs in self.report_only),
            f'given by reference (not reachable): {len(self.by_reference)}',
            *(f'  {resolution} {task}: {refs}' for resolution, task, refs in self.by_reference),
            f'cited paragraphs not in the text (excluded): {len(self.not_in_text)}',
            *(f'  {resolution} {task}: {refs}' for resolution, task, refs in self.not_in_text),
            'false positives: ' + '; '.join(f'{r} {t} [{refs}]' for r, t, refs in self.false_positives),
            'false negatives: ' + '; '.join(f'{r} {t} [{refs}]' for r, t, refs in self.false_negatives),
        ]
        if self.missing_texts:
            lines.append('no text for: ' + ', '.join(self.missing_texts))
        return '\n'.join(lines) + '\n'

    def as_rows(self) -> list[dict]:
        """One row per task, then micro, macro, paragraph and task x modality rows (CSV/JSON ready)."""

        def row(level: str, task: str, score: Score | None, f1: float | None = None) -> dict:
            if score is None:
                return {'level': level, 'task': task, 'tp': '', 'fp': '', 'fn': '', 'support': '',
                        'precision': '', 'recall': '', 'f1': round(f1 or 0.0, 4)}  # fmt: skip
            return {'level': level, 'task': task, **score.as_dict()}

        rows = [row('resolution', item.task, item.score) for item in self.per_task]
        rows.append(row('resolution', 'micro', self.micro))
        rows.append(row('resolution', 'micro-all-labels', self.all_labels))
        rows.append(row('resolution', 'micro-reachable', self.reachable))
        rows.append(row('resolution', 'macro', None, self.macro_f1))
        rows.append(row('paragraph', 'micro', self.paragraph))
        rows.append(row('task-modality', 'micro', self.modality))
        return rows


def _gold_for(cells: list, structured, tasks: tuple[str, ...]):
    """Gold (task, modality, refs) of one resolution, and the tasks excluded from the main score."""
    refs_in_text = {p.ref for p in structured.paragraphs}
    # A sub-item the segmenter could not split off (an OCR-garbled label) still lives in its parent's items.
    with_items = {p.parent_ref for p in structured.paragraphs if p.parent_ref}
    gold, report_only, not_in_text = defaultdict(set), {}, {}
    for cell in cells:
        if cell.task not in tasks or not cell.current:
            continue
        located = [ref for ref in cell.resolution_refs if ref in refs_in_text or _top(ref) in with_items]
        if located:
            gold[(cell.task, cell.modality)].update(_top(ref) for ref in located)
        elif cell.resolution_refs:
            not_in_text[cell.task] = ', '.join(cell.resolution_refs)
        else:
            report_only[cell.task] = ', '.join(f'{r.ref} ({r.report})' for r in cell.report_refs)
    gold_tasks = {task for task, _ in gold}
    report_only = {task: refs for task, refs in report_only.items() if task not in gold_tasks}
    not_in_text = {task: refs for task, refs in not_in_text.items() if task not in gold_tasks}
    return gold, report_only, not_in_text


def evaluate_pema(
    texts_dir: Path,
    labels_csv: Path,
    codebook: Codebook,
    *,
    tasks: tuple[str, ...] = SSR_FAMILY_TASKS,
    resolutions: set[str] | None = None,
    expand_generic: bool = True,
    language: str = 'en',
) -> PemaReport:
    """Score the coder on the resolutions of ``labels_csv`` whose texts are in ``texts_dir``.

    ``resolutions`` limits the evaluation to a subset (e.g. one half, for a held-out check);
    ``expand_generic=False`` ignores the implicit component hits of generic SSR mentions.
    """
    started = time.perf_counter()
    labels = read_labels(labels_csv)
    report = PemaReport(tasks=tuple(tasks))
    counts = {task: Score() for task in tasks}
    for resolution, cells in labels.items():
        if resolutions is not None and resolution not in resolutions:
            continue
        path = find_text(texts_dir, resolution)
        if path is None:
            report.missing_texts.append(resolution)
            continue
        report.resolutions += 1
        structured = segment(path.read_text(encoding='utf-8'), language)
        gold, report_only, not_in_text = _gold_for(cells, structured, report.tasks)
        report.report_only += [(resolution, task, refs) for task, refs in sorted(report_only.items())]
        report.not_in_text += [(resolution, task, refs) for task, refs in sorted(not_in_text.items())]
        excluded = set(report_only) | set(not_in_text)
        every_prediction = {
            key: refs
            for key, refs in predict_tasks(structured, codebook, language, expand_generic=expand_generic).items()
            if key[0] in report.tasks
        }
        predicted = {key: refs for key, refs in every_prediction.items() if key[0] not in excluded}
        _tally(report, counts, resolution, gold, predicted)
        given = _given_by_reference(structured, gold)
        report.by_reference += [(resolution, task, refs) for task, refs in sorted(given.items())]
        labelled = {cell.task for cell in cells if cell.task in report.tasks and cell.current}
        report.all_labels += _score(labelled, {task for task, _ in every_prediction})
        report.reachable += _score(
            {task for task, _ in gold} - set(given), {task for task, _ in predicted} - set(given)
        )
    report.per_task = [TaskScore(task, counts[task]) for task in report.tasks]
    report.micro = sum(counts.values(), Score())
    report.elapsed = time.perf_counter() - started
    return report


def _given_by_reference(structured, gold: dict) -> dict[str, str]:
    """The gold tasks whose cited paragraphs all hand their content to a report (``by_reference``), each with its
    paragraphs and reports: no reader of the resolution alone can find them."""
    paragraphs = structured.paragraphs
    operative = [(p.ref, p.text) for p in paragraphs if p.kind == 'operative']
    preamble = [p.text for p in paragraphs if p.kind == 'preambular']
    handed: dict[str, list[str]] = defaultdict(list)
    for item in mandates_by_reference(operative, preamble):
        handed[_top(item.paragraph)].extend(item.reports)
    refs_of: dict[str, set[str]] = defaultdict(set)
    for (task, _modality), refs in gold.items():
        refs_of[task] |= refs
    return {
        task: '; '.join(
            f'op. {ref} -> {", ".join(dict.fromkeys(handed[ref])) or "no report named"}' for ref in sorted(refs)
        )
        for task, refs in refs_of.items()
        if refs and refs <= handed.keys()
    }


def _tally(report: PemaReport, counts: dict, resolution: str, gold: dict, predicted: dict) -> None:
    gold_tasks = {task for task, _ in gold}
    predicted_tasks = {task for task, _ in predicted}
    for task in report.tasks:
        counts[task] += _score({task} & gold_tasks, {task} & predicted_tasks)
    for task in sorted(predicted_tasks - gold_tasks):
        refs = sorted({ref for (t, _), found in predicted.items() if t == task for ref in found})
        report.false_positives.append((resolution, task, ', '.join(refs)))
    for task in sorted(gold_tasks - predicted_tasks):
        refs = sorted({ref for (t, _), found in gold.items() if t == task for ref in found})
        report.false_negatives.append((resolution, task, ', '.join(refs)))
    gold_paragraphs = {(task, ref) for (task, _), refs in gold.items() for ref in refs}
    predicted_paragraphs = {(task, ref) for (task, _), refs in predicted.items() for ref in refs}
    report.paragraph += _score(gold_paragraphs, predicted_paragraphs)
    report.modality += _score(set(gold), set(predicted))
