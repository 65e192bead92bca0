from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ssrhub.core.fields import UNSymbolFormField
from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm

from .conflicts import merge_candidates
from .models import Document, SymbolConflict

__all__ = ['DocumentMetadataForm', 'DocumentUploadForm', 'SymbolConflictForm']


MAX_FILES = 50
"""Files one upload may send: they are read one after the other by one task."""


class _FilesInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class _FilesField(forms.FileField):
    """One or more files, cleaned each as a file field cleans one; the value is their list."""

    widget = _FilesInput

    def clean(self, data, initial=None):
        files = list(data) if isinstance(data, list | tuple) else [data]
        return [super(_FilesField, self).clean(file, initial) for file in files or [None]]


class DocumentUploadForm(AccessibleFormMixin, forms.Form):
    file = _FilesField(
        label=_('Document files'),
        help_text=_(
            'PDF with a text layer, DOCX, HTML or plain text; at most %(mb)s MB each and %(files)s files at once.'
        )
        % {'mb': settings.SSRHUB_UPLOAD_MAX_MB, 'files': MAX_FILES},
    )
    symbol = UNSymbolFormField(
        label=_('Symbol'),
        required=False,
        help_text=_(
            "Optional. The document's symbol, e.g. S/RES/2151 (2014). A file becomes a new version of a stored "
            'document only when its text, its file name and this symbol agree.'
        ),
    )

    def clean_file(self):
        uploads = self.cleaned_data['file']
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(
                _('%(count)s files were sent; at most %(most)s may be sent at once.')
                % {'count': len(uploads), 'most': MAX_FILES}
            )
        limit = settings.SSRHUB_UPLOAD_MAX_MB
        for upload in uploads:
            if upload.size > limit * 1024 * 1024:
                raise forms.ValidationError(
                    _('%(name)s is %(size).1f MB; the limit is %(limit)s MB.')
                    % {'name': upload.name, 'size': upload.size / 1024 / 1024, 'limit': limit}
                )
        return uploads

    def clean(self):
        cleaned = super().clean()
        if len(cleaned.get('file') or ()) > 1 and cleaned.get('symbol'):
            self.add_error('symbol', _('A symbol can be stated for one file only: send that file on its own.'))
        return cleaned


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


class SymbolConflictForm(AccessibleFormMixin, forms.Form):
    """How a person resolves a symbol conflict: keep, merge into a document the symbols name, or correct."""

    resolution = forms.ChoiceField(
        label=_('Resolution'), choices=SymbolConflict.Resolution.choices, widget=forms.RadioSelect
    )
    into = forms.ModelChoiceField(
        label=_('Merge into'), queryset=Document.objects.none(), required=False, empty_label=None
    )
    symbol = UNSymbolFormField(label=_('Corrected symbol'), required=False)

    def __init__(self, *args, conflict: SymbolConflict, **kwargs):
        kwargs.setdefault('prefix', f'conflict-{conflict.pk}')
        super().__init__(*args, **kwargs)
        self.conflict = conflict
        self.fields['into'].queryset = merge_candidates(conflict)

    def clean(self):
        cleaned = super().clean()
        resolution = cleaned.get('resolution')
        if resolution == SymbolConflict.Resolution.MERGE and not cleaned.get('into'):
            self.add_error('into', _('No stored document has one of these symbols: keep or correct instead.'))
        if resolution == SymbolConflict.Resolution.CORRECT:
            symbol = cleaned.get('symbol')
            if not symbol:
                self.add_error('symbol', _('Give the symbol the document should have.'))
            else:
                other = Document.objects.filter(key=symbol).exclude(pk=self.conflict.document_id).first()
                if other is not None:
                    self.add_error(
                        'symbol',
                        _('Another document already has this symbol: %(document)s. Merge into it instead.')
                        % {'document': other},
                    )
        return cleaned
