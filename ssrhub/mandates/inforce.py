"""The mandate in force: which coded tasks a mission holds after each resolution on its track.

Plain Python: no Django import. A resolution on a mission's track (see
``documents.linking.Relation``) is a *mandate act*: its mission tasks (the coder's codes with a
modality, addressed to the mission or the Secretary-General, in operative paragraphs) are mandated
in it. A task stays in force, citing the last resolution that mandated it, until

* a later resolution mandates it again (the citation moves there),
* a resolution establishes the mission anew or terminates it (everything before lapses), or
* the mission closes (its end date).

Citations follow PEMA's form: ``Mandated in previous resolution in S/RES/797 paragraph(s) 2c``. A task a
resolution gives by reference to a report (``mandates.adoption``) cites the adopting paragraph and the report's,
as PEMA does: ``... in S/RES/898 paragraph(s) 2, 9 (S/1994/89/Add.1)``.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

__all__ = [
    'InForce',
    'MandateAct',
    'TaskRef',
    'mandate_history',
    'mandate_in_force',
    'pema_ref',
    'short_symbol',
    'symbol_number',
]

RESETTING = {'establishes', 'terminates'}


@dataclass(frozen=True)
class TaskRef:
    """One task (code x modality) coded in one paragraph (``ref`` as printed: ``2 (c)``), or in the paragraph
    ``report_ref`` of the report ``report`` that paragraph ``ref`` adopts as the mandate."""

    code: str
    modality: str
    ref: str
    report: str = ''
    report_ref: str = ''


@dataclass(frozen=True)
class MandateAct:
    """A resolution on the mission's track and the tasks it mandates."""

    symbol: str
    date: date
    relation: str
    tasks: tuple[TaskRef, ...] = ()

    @property
    def order(self) -> tuple:
        return (self.date, symbol_number(self.symbol))


@dataclass(frozen=True)
class InForce:
    """A task in force, citing the resolution (and its paragraphs) that last mandated it."""

    code: str
    modality: str
    symbol: str
    refs: tuple[str, ...]
    since: date
    current: bool  # mandated by the resolution the mandate is read at
    report_refs: tuple[tuple[str, str], ...] = ()  # (report paragraph, report symbol) adopted as the mandate

    @property
    def citation(self) -> str:
        which = 'current' if self.current else 'previous'
        refs = [pema_ref(ref) for ref in self.refs]
        refs += [f'{pema_ref(ref)} ({report})' for ref, report in self.report_refs]
        return f'Mandated in {which} resolution in {short_symbol(self.symbol)} paragraph(s) {", ".join(refs)}'

    def as_dict(self) -> dict:
        return {
            'code': self.code,
            'modality': self.modality,
            'symbol': self.symbol,
            'paragraphs': list(self.refs),
            'report_paragraphs': [{'report': report, 'paragraph': ref} for ref, report in self.report_refs],
            'since': self.since.isoformat(),
            'current': self.current,
            'citation': self.citation,
        }


def symbol_number(symbol: str) -> int:
    """The resolution number of ``S/RES/797 (1992)`` (0 when there is none), for ordering."""
    match = re.search(r'/(\d+)', symbol)
    return int(match[1]) if match else 0


def short_symbol(symbol: str) -> str:
    """``S/RES/797 (1992)`` -> ``S/RES/797``, as PEMA cites resolutions."""
    return re.sub(r'\s*\(\d{4}\)$', '', symbol)


def pema_ref(ref: str) -> str:
    """A paragraph reference as PEMA prints it: ``2 (c)`` -> ``2c``, ``15 (d) (ii)`` -> ``15dii``."""
    return re.sub(r'[\s()]', '', ref)


def mandate_history(acts: Iterable[MandateAct], closes: date | None = None) -> Iterator[tuple[MandateAct, list]]:
    """Each act of a track in order, with the tasks in force right after it (``current`` = mandated by it).

    Acts after ``closes`` (the mission's end) hold nothing.
    """
    state: dict[tuple[str, str], InForce] = {}
    for act in sorted(acts, key=lambda act: act.order):
        if act.relation in RESETTING or (closes and act.date > closes):
            state = {}
        if act.relation != 'terminates' and not (closes and act.date > closes):
            refs: dict[tuple[str, str], dict] = {}
            reports: dict[tuple[str, str], dict] = {}
            for task in act.tasks:
                refs.setdefault((task.code, task.modality), {})[task.ref] = None
                if task.report:
                    reports.setdefault((task.code, task.modality), {})[(task.report_ref, task.report)] = None
            for (code, modality), task_refs in refs.items():
                adopted = tuple(reports.get((code, modality), ()))
                state[(code, modality)] = InForce(code, modality, act.symbol, tuple(task_refs), act.date, True, adopted)
        in_force = [task if task.symbol == act.symbol else replace(task, current=False) for task in state.values()]
        yield act, sorted(in_force, key=lambda task: (task.code, task.modality))


def mandate_in_force(acts: Iterable[MandateAct], on: date, closes: date | None = None) -> list[InForce]:
    """The tasks in force on ``on``: after the last act dated on or before it, none after ``closes``."""
    if closes and on > closes:
        return []
    in_force: list[InForce] = []
    for _act, tasks in mandate_history((act for act in acts if act.date <= on), closes):
        in_force = tasks
    return in_force
