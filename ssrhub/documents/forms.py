from django import forms
from django.utils.translation import gettext_lazy as _

from ssrhub.core.forms import AccessibleFormMixin

__all__ = ['DocumentUploadForm']

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
