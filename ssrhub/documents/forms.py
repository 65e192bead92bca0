from django import forms
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm

from .models import Document

__all__ = ['DocumentMetadataForm', 'DocumentUploadForm']

MAX_UPLOAD_MB = 50


class DocumentUploadForm(AccessibleFormMixin, forms.Form):
    file = forms.FileField(
        label=_('Document file'),
        help_text=_('PDF with a text layer, DOCX, HTML or plain text; at most %(mb)s MB.') % {'mb': MAX_UPLOAD_MB},
    )

    def clean_file(self):
        upload = self.cleaned_data['file']
        if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _('%(name)s is %(size).1f MB; the limit is %(limit)s MB.')
                % {'name': upload.name, 'size': upload.size / 1024 / 1024, 'limit': MAX_UPLOAD_MB}
            )
        return upload


class DocumentMetadataForm(ChangeLoggedModelForm):
    """The metadata the reader detected, as a person corrects them. A document known by its symbol keeps being
    known by it: a corrected symbol becomes its key, so that a later upload of the same symbol is a new version."""

    class Meta:
        model = Document
        fields = ['symbol', 'title', 'date', 'doc_type', 'language']
        widgets = {'date': forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')}
        help_texts = {'symbol': _('As the United Nations prints it, e.g. S/1994/89/Add.1 or S/RES/898 (1994).')}

    def clean(self):
        cleaned = super().clean()
        symbol = cleaned.get('symbol')
        if symbol and symbol != self.instance.symbol:
            other = Document.objects.filter(key=symbol).exclude(pk=self.instance.pk).first()
            if other is not None:
                self.add_error(
                    'symbol', _('Another document already has this symbol: %(document)s.') % {'document': other}
                )
        return cleaned

    def save(self, commit=True):
        document = super().save(commit=False)
        if document.symbol:
            document.key = document.symbol
        if commit:
            document.save()
        return document
