"""The mandate in force as a PEMA-shaped table, and its agreement with PEMA's human coding.

Plain Python: no Django import. One row per resolution on a mission's track; one column per PEMA
task x modality (``disarmdemob_monitor``), whose cell cites where the task is mandated, in PEMA's
words (``Mandated in previous resolution in S/RES/797 paragraph(s) 2``). Codes reach PEMA tasks
through the codebook crosswalk; where several codes give one cell, a task of the current resolution
wins over an inherited one, and the latest resolution over an earlier one.

Agreement is read per task at resolution level: a task is "in force" in a row when any of its
modality columns is filled, whether mandated in the current or a previous resolution. For the tasks
both sides hold, the source (current or previous) and the cited resolution are compared too.

Three kinds of PEMA cells cannot be compared with a reading of the resolutions and are set aside
(counted, and the task is scored neither way in that row): cells whose paragraphs are all in a cited
Secretary-General report (``paragraph(s) 72 (S/1995/222)``), cells whose paragraphs do not exist in
the cited resolution (report numbering given without the report), and "previous resolution" cells that
cite a resolution adopted *after* the row's own (PEMA v4 carries some tasks back in time, e.g. the
1992 rows of UNPROFOR cite S/RES/982 of 1995).
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace

from ssrhub.coding.pema import PemaCell, Score

from .inforce import InForce, MandateAct, pema_ref, short_symbol, symbol_number

__all__ = ['PemaAgreement', 'compare_with_pema', 'pema_columns', 'pema_row']

ROW_HEADINGS = ('Signature', 'NamePKO', 'Year', 'date', 'relation')


def pema_columns(tasks, modalities) -> list[str]:
    """PEMA's column names: ``task_modality`` for every task and modality."""
    return [f'{task}_{modality}' for task in tasks for modality in modalities]


def pema_row(mission: str, act: MandateAct, in_force: list[InForce], task_of: dict, modality_of: dict) -> dict:
    """One PEMA-shaped row: the headings and, per ``task_modality`` column, the citation of the task.

    ``task_of`` maps a code to its PEMA tasks, ``modality_of`` a codebook modality to PEMA's.
    """
    cells: dict[str, InForce] = {}
    for task in in_force:
        modality = modality_of.get(task.modality)
        for pema_task in task_of.get(task.code, ()):
            column = f'{pema_task}_{modality}'
            held = cells.get(column)
            if held is None or _ranks_before(task, held):
                cells[column] = task
            elif held.symbol == task.symbol:
                cells[column] = replace(
                    held,
                    refs=tuple(dict.fromkeys(held.refs + task.refs)),
                    report_refs=tuple(dict.fromkeys(held.report_refs + task.report_refs)),
                )
    return {
        'Signature': short_symbol(act.symbol),
        'NamePKO': mission,
        'Year': act.date.year,
        'date': act.date.isoformat(),
        'relation': act.relation,
        **{column: task.citation for column, task in sorted(cells.items())},
    }


def _ranks_before(task: InForce, held: InForce) -> bool:
    return (task.current, task.since) > (held.current, held.since)


@dataclass
class PemaAgreement:
    """Per-task agreement of the mandate in force with PEMA, over the rows both cover."""

    tasks: tuple[str, ...]
    rows: int = 0
    per_task: dict[str, Score] = field(default_factory=dict)
    current: Score = field(default_factory=Score)
    previous: Score = field(default_factory=Score)
    same_source: int = 0
    same_resolution: int = 0
    both: int = 0
    missing_rows: list[str] = field(default_factory=list)
    report_only: list[tuple[str, str]] = field(default_factory=list)  # row, task
    not_in_text: list[tuple[str, str, str]] = field(default_factory=list)  # row, task, cited
    later_resolution: list[tuple[str, str, str]] = field(default_factory=list)  # row, task, cited
    disagreements: list[tuple[str, str, str, str]] = field(default_factory=list)  # row, task, ours, PEMA's

    @property
    def micro(self) -> Score:
        return sum(self.per_task.values(), Score())

    def as_rows(self) -> list[dict]:
        rows = [_score_row(task, score) for task, score in self.per_task.items()]
        rows += [_score_row('micro', self.micro), _score_row('current', self.current)]
        rows.append(_score_row('previous', self.previous))
        return rows

    def as_text(self) -> str:
        lines = [
            f'== Mandate in force vs PEMA: {self.rows} resolutions',
            f'{"task":<20} {"P":>6} {"R":>6} {"F1":>6} {"support":>7} {"tp":>4} {"fp":>4} {"fn":>4}',
        ]
        for row in self.as_rows():
            lines.append(
                f'{row["task"]:<20} {row["precision"]:>6.3f} {row["recall"]:>6.3f} {row["f1"]:>6.3f} '
                f'{row["support"]:>7} {row["tp"]:>4} {row["fp"]:>4} {row["fn"]:>4}'
            )
        if self.both:
            lines.append(
                f'tasks both hold: {self.both}; same source (current/previous) {self.same_source} '
                f'({self.same_source / self.both:.1%}); same cited resolution {self.same_resolution} '
                f'({self.same_resolution / self.both:.1%})'
            )
        lines.append(
            f'set aside: {len(self.report_only)} task cells found only in a cited report; {len(self.not_in_text)} '
            f'citing paragraphs the resolution does not have; {len(self.later_resolution)} citing a later '
            'resolution as "previous"'
        )
        if self.missing_rows:
            lines.append('PEMA rows with no resolution on our track: ' + ', '.join(self.missing_rows))
        lines.append('disagreements:')
        lines += [
            f'  {row} {task}: ours {ours or "-"}; PEMA {pema or "-"}' for row, task, ours, pema in self.disagreements
        ]
        return '\n'.join(lines) + '\n'


def _score_row(task: str, score: Score) -> dict:
    return {'task': task, **score.as_dict()}


def _cells_by_task(row: dict, tasks) -> dict[str, list[str]]:
    found = defaultdict(list)
    for column, value in row.items():
        task, _, modality = column.partition('_')
        if task in tasks and modality and value:
            found[task].append(value)
    return found


def _source(citation: str) -> tuple[str, str]:
    """('current'|'previous', 'S/RES/797') of a citation in PEMA's words."""
    words = citation.split()
    return words[2].lower(), words[5]


def compare_with_pema(
    rows: dict[str, dict], labels: dict[str, list[PemaCell]], tasks, paragraphs: dict[str, set[str]]
) -> PemaAgreement:
    """Compare our PEMA-shaped ``rows`` (by ``S/RES/n``) with PEMA's ``labels`` (``coding.pema.read_labels``).

    ``paragraphs`` holds the paragraph references (as printed) of each resolution we have, by ``S/RES/n``.
    """
    report = PemaAgreement(tasks=tuple(tasks))
    counts = {task: Score() for task in tasks}
    for signature, cells in labels.items():
        row = rows.get(signature)
        if row is None:
            report.missing_rows.append(signature)
            continue
        report.rows += 1
        ours = _cells_by_task(row, tasks)
        theirs: dict[str, list[PemaCell]] = defaultdict(list)
        set_aside = set()
        for cell in cells:
            if cell.task not in tasks:
                continue
            if symbol_number(cell.cited_resolution) > symbol_number(signature):
                report.later_resolution.append((signature, cell.task, cell.cited_resolution))
                set_aside.add(cell.task)
            elif not cell.resolution_refs:
                report.report_only.append((signature, cell.task))
                set_aside.add(cell.task)
            elif not _found(cell, paragraphs.get(cell.cited_resolution, set())):
                report.not_in_text.append((signature, cell.task, cell.cited_resolution))
                set_aside.add(cell.task)
            else:
                theirs[cell.task].append(cell)
        for task in tasks:
            if task in set_aside and task not in theirs:
                continue
            has_ours, has_theirs = task in ours, task in theirs
            counts[task] += _presence(has_ours, has_theirs)
            our_sources = {_source(citation) for citation in ours.get(task, ())}
            their_sources = {(cell.source, cell.cited_resolution) for cell in theirs.get(task, ())}
            for which in ('current', 'previous'):
                mine = any(source == which for source, _ in our_sources)
                score = _presence(mine, any(source == which for source, _ in their_sources))
                if which == 'current':
                    report.current += score
                else:
                    report.previous += score
            if has_ours and has_theirs:
                report.both += 1
                report.same_source += bool({s for s, _ in our_sources} & {s for s, _ in their_sources})
                report.same_resolution += bool({r for _, r in our_sources} & {r for _, r in their_sources})
            if (has_ours or has_theirs) and our_sources.isdisjoint(their_sources):
                report.disagreements.append(
                    (
                        signature,
                        task,
                        '; '.join(sorted(ours.get(task, ()))),
                        '; '.join(sorted(_describe(cell) for cell in theirs.get(task, ()))),
                    )
                )
    report.per_task = counts
    return report


def _presence(ours: bool, theirs: bool) -> Score:
    return Score(int(ours and theirs), int(ours and not theirs), int(theirs and not ours))


def _found(cell: PemaCell, refs: set[str]) -> bool:
    """Whether a cited paragraph exists in the resolution (a sub-item by its paragraph: OCR may hide its label)."""
    tops = {ref.split(' ', 1)[0] for ref in refs}
    return any(ref in refs or ref.split(' ', 1)[0] in tops for ref in cell.resolution_refs)


def _describe(cell: PemaCell) -> str:
    refs = ', '.join(pema_ref(ref.ref) + (f' ({ref.report})' if ref.report else '') for ref in cell.refs)
    return f'Mandated in {cell.source} resolution in {cell.cited_resolution} paragraph(s) {refs}'
