"""Human review of machine codes: accept, reject, add; and the judgements agreement is computed from."""

from django.db import transaction

from .agreement import MACHINE
from .codebook import load_codebook
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

    A reviewer who marked a paragraph done accepts every machine code they did not reject.
    """
    reviews = list(reviews.select_related('reviewer'))
    paragraph_ids = {review.paragraph_id for review in reviews}
    rows = CodeAssignment.objects.filter(paragraph_id__in=paragraph_ids).values_list(
        'paragraph_id', 'code', 'source', 'coder_id', 'present'
    )
    machine, human = {}, {}
    for paragraph_id, code, source, coder_id, present in rows:
        if source == SourceChoices.MACHINE:
            machine.setdefault(paragraph_id, set()).add(code)
        else:
            human[(paragraph_id, coder_id, code)] = present
    for review in reviews:
        machine_codes = machine.get(review.paragraph_id, set())
        for code in codes:
            yield review.paragraph_id, code, MACHINE, code in machine_codes
            decided = human.get((review.paragraph_id, review.reviewer_id, code))
            yield (
                review.paragraph_id,
                code,
                review.reviewer.get_username(),
                (decided if decided is not None else code in machine_codes),
            )
