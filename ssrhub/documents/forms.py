from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ssrhub.core.fields import UNSymbolFormField
from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm

from .conflicts import merge_candidates
from .models import Document, SymbolConflict

__all__ = ['DocumentMetadataForm', 'DocumentUploadForm', 'SymbolConflictForm']


class DocumentUploadForm(AccessibleFormMixin, forms.Form):
    file = forms.FileField(
        label=_('Document file'),
        help_text=_('PDF with a text layer, DOCX, HTML or plain text; at most %(mb)s MB.')
        % {'mb': settings.SSRHUB_UPLOAD_MAX_MB},
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
        upload = self.cleaned_data['file']
        limit = settings.SSRHUB_UPLOAD_MAX_MB
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(
                _('%(name)s is %(size).1f MB; the limit is %(limit)s MB.')
                % {'name': upload.name, 'size': upload.size / 1024 / 1024, 'limit': limit}
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
