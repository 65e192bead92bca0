from django import forms
from django.utils.translation import gettext_lazy as _

from .codebook import load_codebook
from .labels import code_label, modality_label
from .review import GROUP_ACTIONS, PARAGRAPH_ACTIONS, REVIEW_ACTIONS, implicit_components, record_decision

__all__ = ['ParagraphReviewForm']

EXPLICIT_CHOICES = [('explicit', _('explicit')), ('implicit', _('implicit'))]


class ParagraphReviewForm(forms.Form):
    """One reviewer decision on a paragraph: accept, reject, add or withdraw a code (an added code with its modality
    and explicitness), accept or reject a generic mention's implicit components at once, mark the paragraph
    reviewed or reopen it."""

    action = forms.ChoiceField(choices=[(action, action) for action in REVIEW_ACTIONS])
    code = forms.ChoiceField(required=False)
    modality = forms.ChoiceField(required=False)
    explicit = forms.ChoiceField(required=False, choices=EXPLICIT_CHOICES)

    def __init__(self, *args, paragraph=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.paragraph = paragraph
        codebook = load_codebook()
        self.fields['code'].choices = [('', '')] + [(code, code_label(code)) for code in codebook.codes]
        self.fields['modality'].choices = [('', _('no task'))] + [
            (modality, modality_label(modality)) for modality in codebook.modalities
        ]
        self.fields['code'].error_messages['invalid_choice'] = _('%(value)s is not a code of the codebook.')
        self.fields['modality'].error_messages['invalid_choice'] = _('%(value)s is not a modality of the codebook.')
        self.fields['action'].error_messages['invalid_choice'] = _('%(value)s is not a review action.')

    def clean(self):
        data = super().clean()
        action, code = data.get('action'), data.get('code')
        if action is None or action in PARAGRAPH_ACTIONS or 'code' in self.errors:
            return data
        if not code:
            self.add_error('code', _('Choose a code.'))
        elif action in GROUP_ACTIONS and not (self.paragraph and implicit_components(self.paragraph, code)):
            self.add_error('code', _('The machine read no implicit component of this code in this paragraph.'))
        if data.get('modality') and action != 'add':
            self.add_error('modality', _('A modality is given only with a code you add.'))
        return data

    def error_text(self) -> str:
        return ' '.join(str(error) for errors in self.errors.values() for error in errors)

    def save(self, reviewer):
        """Store the decision of ``reviewer`` on the form's paragraph; returns the records written."""
        data = self.cleaned_data
        return record_decision(
            self.paragraph,
            reviewer,
            data['action'],
            code=data.get('code') or '',
            modality=data.get('modality') or '',
            explicit=data.get('explicit') != 'implicit',
        )
