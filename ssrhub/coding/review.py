"""Human review of machine codes: accept, reject, add or withdraw a code, decide a generic mention's implicit
components at once, mark a paragraph reviewed or reopen it; and the judgements agreement is computed from."""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from .agreement import MACHINE
from .codebook import load_codebook
from .effective import effective
from .labels import code_label
from .models import CodeAssignment, ParagraphReview, SourceChoices

__all__ = [
    'CODE_ACTIONS',
    'GROUP_ACTIONS',
    'PARAGRAPH_ACTIONS',
    'REVIEW_ACTIONS',
    'check_decision',
    'describe_decision',
    'implicit_components',
    'judgements',
    'record_decision',
]

CODE_ACTIONS = ('accept', 'reject', 'add', 'withdraw')
GROUP_ACTIONS = ('accept-group', 'reject-group')
PARAGRAPH_ACTIONS = ('done', 'reopen')
REVIEW_ACTIONS = CODE_ACTIONS + GROUP_ACTIONS + PARAGRAPH_ACTIONS


def check_decision(action: str, code: str = '', modality: str = '') -> None:
    """Raise ValueError for an unknown action, a code outside the codebook (unless the action is about the whole
    paragraph), a group action on a code that expands to nothing, or a modality the codebook does not define."""
    if action not in REVIEW_ACTIONS:
        raise ValueError(f'Unknown review action {action!r}: use one of {", ".join(REVIEW_ACTIONS)}.')
    codebook = load_codebook()
    if action in PARAGRAPH_ACTIONS:
        return
    if code not in codebook.codes:
        raise ValueError(f'{code!r} is not a code of codebook {codebook.version}.')
    if action in GROUP_ACTIONS and not codebook.codes[code].expands_to:
        raise ValueError(f'{code!r} has no implicit components to decide together.')
    if modality and modality not in codebook.modalities:
        raise ValueError(f'{modality!r} is not a modality of codebook {codebook.version}.')


def implicit_components(paragraph, code: str) -> list[CodeAssignment]:
    """The machine's implicit codes on ``paragraph`` that the generic ``code`` expands to (current codebook)."""
    codebook = load_codebook()
    return list(
        CodeAssignment.objects.filter(
            paragraph=paragraph,
            source=SourceChoices.MACHINE,
            codebook_version=codebook.version,
            explicit=False,
            code__in=codebook.codes[code].expands_to,
        ).order_by('code', 'modality')
    )


@transaction.atomic
def record_decision(
    paragraph, reviewer, action: str, code: str = '', modality: str = '', explicit: bool = True, note: str = ''
):
    """Store one reviewer decision and return the records written (a list; empty when withdrawing or reopening).

    'accept' takes the machine's reading of the code (modality, explicitness, mission task); 'add' takes
    ``modality`` and ``explicit`` as given; 'accept-group' and 'reject-group' accept or reject every implicit
    component the generic ``code`` expands to on this paragraph, one decision per code, in this one transaction;
    'withdraw' removes the reviewer's decision on ``code``; 'done' marks the paragraph reviewed by ``reviewer``
    and 'reopen' takes that mark back.
    """
    check_decision(action, code, modality)
    if action == 'done':
        review = ParagraphReview.objects.filter(paragraph=paragraph, reviewer=reviewer).first()
        if review is None:
            review = ParagraphReview(paragraph=paragraph, reviewer=reviewer)
            _explain(review, reviewer, action)
            review.save()
        return [review]
    if action == 'reopen':
        for review in ParagraphReview.objects.filter(paragraph=paragraph, reviewer=reviewer):
            _explain(review, reviewer, action)
            review.delete()
        return []
    version = load_codebook().version
    own = {'paragraph': paragraph, 'source': SourceChoices.HUMAN, 'coder': reviewer, 'codebook_version': version}
    if action == 'withdraw':
        for decision in CodeAssignment.objects.filter(code=code, **own):
            _explain(decision, reviewer, action)
            decision.delete()
        return []
    if action in GROUP_ACTIONS:
        readings = {}
        for row in implicit_components(paragraph, code):
            readings.setdefault(row.code, row)
        if not readings:
            raise ValueError(f'The machine read no implicit component of {code!r} in this paragraph.')
        present = action == 'accept-group'
        return [_decide(own, component, present, _reading_of(row), note, action) for component, row in readings.items()]
    if action == 'add':
        task = bool(modality) and paragraph.kind == 'operative'
        reading = {'modality': modality, 'explicit': explicit, 'mission_task': task}
    else:
        machine = (
            CodeAssignment.objects.filter(
                paragraph=paragraph, source=SourceChoices.MACHINE, codebook_version=version, code=code
            )
            .order_by('modality')
            .first()
        )
        reading = _reading_of(machine) if machine else {'modality': '', 'explicit': True, 'mission_task': False}
    return [_decide(own, code, action != 'reject', reading, note, action)]


def _reading_of(row) -> dict:
    return {'modality': row.modality, 'explicit': row.explicit, 'mission_task': row.mission_task}


def _decide(own: dict, code: str, present: bool, reading: dict, note: str, action: str) -> CodeAssignment:
    assignment = CodeAssignment.objects.filter(code=code, **own).first() or CodeAssignment(code=code, **own)
    for name, value in {'present': present, 'note': note, **reading}.items():
        setattr(assignment, name, value)
    _explain(assignment, own['coder'], action)
    assignment.save()
    return assignment


def _explain(record, reviewer, action: str) -> None:
    """Have the history keep who acted (also outside a request: commands, tests) and the action taken, so that the
    document's history says "accepted", not "present: True"."""
    record._history_user = reviewer
    record._change_reason = action


def describe_decision(record) -> str:
    """What one historical review record did, in the UI language (the reason shown in the history pages)."""
    action = record.history_change_reason or ''
    try:
        ref = record.paragraph.ref
    except ObjectDoesNotExist:  # the paragraph went with a deleted document version
        ref = '?'
    if record.instance_type is ParagraphReview:
        if action == 'reopen' or record.history_type == '-':
            return _('Paragraph %(ref)s reopened for review') % {'ref': ref}
        return _('Paragraph %(ref)s marked reviewed') % {'ref': ref}
    if record.source == SourceChoices.MACHINE:
        return ''
    if not action:
        action = 'withdraw' if record.history_type == '-' else 'accept' if record.present else 'reject'
    texts = {
        'accept': _('Code accepted: %(code)s, paragraph %(ref)s'),
        'reject': _('Code rejected: %(code)s, paragraph %(ref)s'),
        'add': _('Code added: %(code)s, paragraph %(ref)s'),
        'withdraw': _('Decision withdrawn: %(code)s, paragraph %(ref)s'),
        'accept-group': _('Implicit component accepted with its generic mention: %(code)s, paragraph %(ref)s'),
        'reject-group': _('Implicit component rejected with its generic mention: %(code)s, paragraph %(ref)s'),
    }
    return texts[action] % {'code': code_label(record.code), 'ref': ref}


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
