"""``{% form_error_summary form other_form %}``: every error of the forms at once, at the top of the form, each
linked to its field, the summary focused when the page loads (``ssrhub.js``)."""

from django import template

register = template.Library()


def _errors(form) -> list[dict]:
    found = [{'label': '', 'anchor': '', 'message': message} for message in form.non_field_errors()]
    for field in form:
        for message in field.errors:
            label = '' if field.is_hidden else field.label
            found.append({'label': label, 'anchor': '' if field.is_hidden else field.id_for_label, 'message': message})
    return found


@register.inclusion_tag('core/includes/form_error_summary.html')
def form_error_summary(*forms):
    errors = [error for form in forms if form is not None and form.is_bound for error in _errors(form)]
    return {'errors': errors}
