"""Human review of machine codes: accept, reject, add; and the judgements agreement is computed from."""

from django.db import transaction
from django.db.models import Q

from .agreement import MACHINE
from .codebook import load_codebook
from .effective import effective
from .models import CodeAssignment, ParagraphReview, SourceChoices

__all__ = ['REVIEW_ACTIONS', 'judgements', 'record_decision']

REVIEW_ACTIONS = ('accept', 'reject', 'add', 'done')


@transaction.atomic
def record_decision(paragraph, reviewer, action: str, code: str = '', modality: str = '', note: str = ''):
    """Store one reviewer decision; 'done' marks the paragraph as fully reviewed by ``reviewer``."""
    if action not in REVIEW_ACTIONS:
        raise ValueError(f'Unknown review action {action!r}: use one of {", ".join(REVIEW_ACTIONS)}.')
    if action == 'done':
        ParagraphReview.objects.get_or_create(paragraph=paragraph, reviewer=reviewer)
        return None
    codebook = load_codebook()
    if code not in codebook.codes:
        raise ValueError(f'{code!r} is not a code of codebook {codebook.version}.')
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
