"""Base forms: accessible Bootstrap widgets and protection against lost updates."""

from django import forms
from django.utils.translation import gettext_lazy as _

__all__ = ['AccessibleFormMixin', 'ChangeLoggedModelForm', 'style_widgets']


def style_widgets(form) -> None:
    """Give every visible widget its Bootstrap class and link it to its help text."""
    for name, field in form.fields.items():
        widget = field.widget
        if not isinstance(widget, forms.HiddenInput | forms.CheckboxInput | forms.CheckboxSelectMultiple):
            widget.attrs.setdefault('class', 'form-select' if isinstance(widget, forms.Select) else 'form-control')
        if field.help_text:
            widget.attrs['aria-describedby'] = f'{form[name].auto_id}_help'


class AccessibleFormMixin:
    """Bootstrap classes on every widget; invalid fields get ``aria-invalid`` and point to their error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs['class'] = widget.attrs.get('class', '') + ' is-invalid'
                widget.attrs['aria-invalid'] = 'true'
                widget.attrs['aria-describedby'] = f'{self[name].auto_id}_error'  # prefixed in formsets


class ChangeLoggedModelForm(AccessibleFormMixin, forms.ModelForm):
    """Refuses to overwrite a record that someone else saved after this form was rendered."""

    last_updated = forms.DateTimeField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial['last_updated'] = self.instance.last_updated.isoformat()

    def clean(self):
        cleaned = super().clean()
        rendered = cleaned.get('last_updated')
        if (
            self.instance.pk
            and rendered
            and type(self.instance).objects.filter(pk=self.instance.pk, last_updated__gt=rendered).exists()
        ):
            raise forms.ValidationError(
                _(
                    'This record was changed by someone else after you opened it. '
                    'Reload the page and apply your change again.'
                )
            )
        return cleaned
