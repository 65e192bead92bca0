"""The form of a named export: the reason, stated in at least a sentence, and the file format."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ssrhub.core.exports import EXPORT_FORMATS

__all__ = ['NamedExportForm']

# A sentence: enough words that "test" or "audit" alone is refused.
MIN_WORDS = 5


class NamedExportForm(forms.Form):
    reason = forms.CharField(
        label=_('Reason for exporting the names'),
        widget=forms.Textarea(attrs={'rows': 3}),
        max_length=2000,
        help_text=_('Say in at least a sentence why you need these records with their names. It is logged.'),
    )
    format = forms.ChoiceField(label=_('Format'), choices=[(fmt, fmt.upper()) for fmt in EXPORT_FORMATS], initial='csv')

    def clean_reason(self):
        reason = ' '.join(self.cleaned_data['reason'].split())
        if len(reason.split()) < MIN_WORDS:
            raise forms.ValidationError(
                _('State the reason in a sentence of at least %(count)s words.') % {'count': MIN_WORDS}
            )
        return reason
