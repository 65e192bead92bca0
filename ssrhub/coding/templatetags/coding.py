"""Show a paragraph with the evidence of its codes highlighted."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from ssrhub.coding.labels import code_label

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


register.filter(code_label)
