"""The codes in force on paragraphs: the one definition every page, export and agreement score reads."""

from django.db.models import Exists, OuterRef, Q

from .codebook import load_codebook
from .models import CodeAssignment, SourceChoices

__all__ = ['effective', 'effective_codes']


def effective(paragraph_filter: Q | None = None, *, mission_tasks_only: bool = False, reviewers=None):
    """The code assignments in force on the paragraphs ``paragraph_filter`` selects, as one query: the machine's
    (current codebook) unless a reviewer rejected the code, plus the codes reviewers added.

    Args:
        paragraph_filter: a condition on ``CodeAssignment`` (e.g. ``Q(paragraph__version__is_current=True)``).
        mission_tasks_only: keep only codes read as mission tasks.
        reviewers: count only these reviewers' decisions (an empty list gives the machine's codes alone);
            ``None`` counts every reviewer's.
    """
    machine = Q(source=SourceChoices.MACHINE, codebook_version=load_codebook().version)
    decisions = Q(source=SourceChoices.HUMAN)
    if reviewers is not None:
        reviewers = list(reviewers)
        decisions &= Q(coder__in=reviewers)
    rows = CodeAssignment.objects.filter(paragraph_filter or Q())
    if reviewers == []:
        rows = rows.filter(machine)
    else:
        rejected = CodeAssignment.objects.filter(
            decisions, present=False, paragraph=OuterRef('paragraph'), code=OuterRef('code')
        )
        rows = rows.filter(machine | (decisions & Q(present=True))).exclude(Exists(rejected))
    return rows.filter(mission_task=True) if mission_tasks_only else rows


def effective_codes(paragraph_filter: Q | None = None, **options) -> list[tuple[int, str, str, bool]]:
    """(paragraph id, code, modality, explicit) of :func:`effective`, each once."""
    rows = effective(paragraph_filter, **options).values_list('paragraph_id', 'code', 'modality', 'explicit')
    return list(dict.fromkeys(rows))
