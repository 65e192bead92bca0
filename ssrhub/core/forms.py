"""Base forms: accessible Bootstrap widgets, protection against lost updates, partial dates."""

import datetime

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .dates import DAY, PartialDate
from .fields import PartialDateFormField

__all__ = ['AccessibleFormMixin', 'ChangeLoggedModelForm', 'PartialDateFormMixin', 'style_widgets']


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
            self.add_error(
                None,
                _(
                    'This record was changed by someone else after you opened it. '
                    'Reload the page and apply your change again.'
                ),
            )
        return cleaned


class PartialDateFormMixin:
    """Model forms whose date fields take partial dates ("2019", "2019-03", "March 2019"); ``partial_dates`` maps
    each date field to the model field that holds its precision. The date is stored as the first day of its
    period. Put it before ``AccessibleFormMixin`` (or a form built on it) in the bases."""

    partial_dates: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, precision in self.partial_dates.items():
            model_field = self.fields[name]
            self.fields[name] = PartialDateFormField(label=model_field.label, required=model_field.required)
            if model_field.help_text:  # what the date is, then how to write it
                self.fields[name].help_text = format_lazy('{} {}', model_field.help_text, self.fields[name].help_text)
            self._bound_fields_cache.pop(name, None)  # style_widgets() bound the replaced field
            day = self.initial.get(name)
            if isinstance(day, datetime.date):
                self.initial[name] = PartialDate(day, getattr(self.instance, precision))
        style_widgets(self)

    def _post_clean(self):
        for name, precision in self.partial_dates.items():
            if name in self.cleaned_data:
                value = self.cleaned_data[name]
                self.cleaned_data[name] = value.date if value else None
                setattr(self.instance, precision, value.precision if value else DAY)
        super()._post_clean()
