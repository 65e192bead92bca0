"""Show a paragraph with the evidence of its codes highlighted, and the chips of its codes."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from ssrhub.coding.labels import code_label, modality_label
from ssrhub.coding.progress import review_queue

register = template.Library()


def _spans(assignments) -> list[tuple[int, int, str]]:
    spans = []
    for assignment in assignments:
        for evidence in assignment.evidence:
            spans.append((evidence['start'], evidence['end'], assignment.code))
    return sorted(spans)


@register.simple_tag
def highlighted(paragraph, assignments, reading=None):
    """``paragraph.text`` as HTML, with each code's evidence in a <mark> and the opening verb in <strong>."""
    text = paragraph.text
    marks = _spans(assignments)
    if reading is not None and reading.verb_start is not None:
        marks.append((reading.verb_start, reading.verb_end, ''))
        marks.sort()
    pieces, position = [], 0
    for start, end, code in marks:
        if start < position or end > len(text):  # overlapping spans: the first one wins
            continue
        pieces.append(escape(text[position:start]))
        if code:
            pieces.append(
                format_html('<mark class="evidence" data-code="{}" title="{}">{}</mark>', code, code, text[start:end])
            )
        else:
            pieces.append(format_html('<strong class="verb">{}</strong>', text[start:end]))
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe(''.join(str(piece) for piece in pieces))


@register.simple_tag
def evidence_words(chip, paragraph) -> list[str]:
    """The words of ``paragraph`` the machine read ``chip``'s code from (verbs of modality left out), each once."""
    words = []
    for evidence in chip.evidence:
        if not evidence['rule'].startswith(('modality.', 'force:', 'addressee:')):
            words.append(paragraph.text[evidence['start'] : evidence['end']])
    return list(dict.fromkeys(words))


@register.filter
def decision_by(chip, user_id):
    """The decision of the user ``user_id`` on a chip or chip group, or None."""
    return chip.decision_by(user_id)


@register.filter
def reviewed_by(paragraph, user_id) -> bool:
    """Whether the user ``user_id`` marked ``paragraph`` (loaded with its ``review_list``) reviewed."""
    return any(review.reviewer_id == user_id for review in paragraph.review_list)


@register.filter
def is_group(chip) -> bool:
    return hasattr(chip, 'chips')


@register.simple_tag
def review_queue_of(user, limit: int = 5) -> dict:
    """The first ``limit`` documents of ``user``'s review queue and how many there are (nothing for a user who
    may not review)."""
    if not user.is_authenticated or not user.has_perm('coding.add_codeassignment'):
        return {'documents': [], 'count': 0, 'reviewer': False}
    queue = review_queue(user)
    return {'documents': list(queue[:limit]), 'count': queue.count(), 'reviewer': True}


register.filter(code_label)
register.filter(modality_label)
