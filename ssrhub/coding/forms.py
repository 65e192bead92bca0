from django import forms

from .review import check_decision, record_decision

__all__ = ['ParagraphReviewForm']


class ParagraphReviewForm(forms.Form):
    """One reviewer decision on a paragraph: accept, reject or add a code, or mark the paragraph reviewed."""

    action = forms.CharField(required=False, strip=False)
    code = forms.CharField(required=False, strip=False)
    modality = forms.CharField(required=False, strip=False)

    def clean(self):
        data = super().clean()
        try:
            check_decision(data.get('action', ''), data.get('code', ''))
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
        return data

    def error_text(self) -> str:
        return ' '.join(self.non_field_errors())

    def save(self, paragraph, reviewer):
        """Store the decision of ``reviewer`` on ``paragraph``; returns the record written."""
        data = self.cleaned_data
        return record_decision(paragraph, reviewer, data['action'], code=data['code'], modality=data['modality'])
