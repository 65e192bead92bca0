"""Human review of machine codes: accept, reject, add; and the judgements agreement is computed from."""

from django.db import transaction
from django.db.models import Q

from .agreement import MACHINE
from .codebook import load_codebook
from .effective import effective
from .models import CodeAssignment, ParagraphReview, SourceChoices

__all__ = ['REVIEW_ACTIONS', 'check_decision', 'judgements', 'record_decision']

REVIEW_ACTIONS = ('accept', 'reject', 'add', 'done')


def check_decision(action: str, code: str = '') -> None:
    """Raise ValueError for an unknown action, or for a code outside the codebook unless the action is 'done'."""
    if action not in REVIEW_ACTIONS:
        raise ValueError(f'Unknown review action {action!r}: use one of {", ".join(REVIEW_ACTIONS)}.')
    codebook = load_codebook()
    if action != 'done' and code not in codebook.codes:
        raise ValueError(f'{code!r} is not a code of codebook {codebook.version}.')


@transaction.atomic
def record_decision(paragraph, reviewer, action: str, code: str = '', modality: str = '', note: str = ''):
    """Store one reviewer decision; 'done' marks the paragraph as fully reviewed by ``reviewer``.

    Returns the record written: the paragraph's review for 'done', else the reviewer's code assignment.
    """
    check_decision(action, code)
    if action == 'done':
        return ParagraphReview.objects.get_or_create(paragraph=paragraph, reviewer=reviewer)[0]
    codebook = load_codebook()
    assignment, _created = CodeAssignment.objects.update_or_create(
        paragraph=paragraph,
        code=code,
        source=SourceChoices.HUMAN,
        coder=reviewer,
        codebook_version=codebook.version,
        defaults={
            'present': action != 'reject',
            'modality': modality,
            'mission_task': bool(modality) and paragraph.kind == 'operative',
            'note': note,
        },
    )
    return assignment


def judgements(reviews, codes):
    """(paragraph, code, coder, present) for every reviewed paragraph x code, machine and reviewer.

    The machine's judgement is its codes in force; a reviewer's is what is in force after their own decisions alone,
    so a reviewer who marked a paragraph done accepts every machine code they did not reject.
    """
    reviews = list(reviews.select_related('reviewer'))
    paragraphs = Q(paragraph_id__in={review.paragraph_id for review in reviews})
    machine = _codes_by_paragraph(effective(paragraphs, reviewers=[]))
    own = {
        reviewer: _codes_by_paragraph(effective(paragraphs, reviewers=[reviewer]))
        for reviewer in {review.reviewer for review in reviews}
    }
    for review in reviews:
        for code in codes:
            yield review.paragraph_id, code, MACHINE, code in machine.get(review.paragraph_id, set())
            decided = own[review.reviewer].get(review.paragraph_id, set())
            yield review.paragraph_id, code, review.reviewer.get_username(), code in decided


def _codes_by_paragraph(rows) -> dict[int, set[str]]:
    codes = {}
    for paragraph_id, code in rows.values_list('paragraph_id', 'code'):
        codes.setdefault(paragraph_id, set()).add(code)
    return codes
