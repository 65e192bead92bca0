"""Forms of the coordination pages: organisations, an activity with its parts, a link, an IATI upload."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from ssrhub.core.access import ALL, reach
from ssrhub.core.forms import AccessibleFormMixin, ChangeLoggedModelForm, style_widgets
from ssrhub.core.models import Country

from ..models import (
    Activity,
    ActivityLink,
    ActivityLocation,
    ActivityPolicyMarker,
    ActivitySector,
    Budget,
    LinkKind,
    Organisation,
    Origin,
    ParticipatingOrganisation,
    Transaction,
)

__all__ = [
    'MAX_IATI_UPLOAD_MB',
    'ActivityForm',
    'ActivityLinkForm',
    'IatiUploadForm',
    'OrganisationForm',
    'activity_formsets',
]

MAX_IATI_UPLOAD_MB = 50
DATE = forms.DateInput(attrs={'type': 'date'}, format='%Y-%m-%d')


class OrganisationForm(ChangeLoggedModelForm):
    class Meta:
        model = Organisation
        fields = ('name', 'name_fr', 'acronym', 'iati_ref', 'type', 'country', 'un_entity', 'website', 'source')

    def clean_name(self):
        name = ' '.join(self.cleaned_data['name'].split())
        others = Organisation.objects.exclude(pk=self.instance.pk).annotate(lower=Lower('name'))
        if others.filter(lower=name.lower()).exists():
            raise forms.ValidationError(_('Another organisation has this name.'))
        return name

    def clean_iati_ref(self):
        ref = self.cleaned_data['iati_ref'].strip()
        if ref and Organisation.objects.exclude(pk=self.instance.pk).filter(iati_ref__iexact=ref).exists():
            raise forms.ValidationError(_('Another organisation has this IATI identifier.'))
        return ref


class ActivityForm(ChangeLoggedModelForm):
    """An activity recorded by hand: the recipient country is one the user may edit in (administrators may leave it
    empty for a regional activity)."""

    class Meta:
        model = Activity
        fields = (
            'iati_identifier',
            'reporting_organisation',
            'country',
            'title',
            'title_fr',
            'description',
            'description_fr',
            'status',
            'planned_start',
            'actual_start',
            'planned_end',
            'actual_end',
            'humanitarian',
            'default_currency',
            'on_budget',
            'source',
        )
        widgets = {
            'description': forms.Textarea(attrs={'rows': 3}),
            'description_fr': forms.Textarea(attrs={'rows': 3}),
            'planned_start': DATE,
            'actual_start': DATE,
            'planned_end': DATE,
            'actual_end': DATE,
        }
        help_texts = {
            'iati_identifier': _(
                "The publisher's IATI identifier, or one of your own (its organisation identifier, "
                'a dash and a project number).'
            ),
        }

    def __init__(self, *args, user, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        if country is not None:
            # Added from a country workspace: the country is the page's.
            del self.fields['country']
            self.instance.country = country
        else:
            # Every country is offered; saving in one the user may not edit is refused with a 403 (FormSaveMixin), as
            # a regional activity without a country is for anyone but an administrator.
            self.fields['country'].queryset = Country.objects.order_by('name_en')
            self.fields['country'].required = reach(user, Activity, 'change' if self.instance.pk else 'add') is not ALL
        self.fields['status'].required = True
        self.fields['planned_start'].required = True
        self.fields['default_currency'].required = True
        humanitarian = self.fields['humanitarian'].widget
        humanitarian.attrs['class'] = 'form-check-input'

    def clean(self):
        cleaned = super().clean()
        for start, end in (('planned_start', 'planned_end'), ('actual_start', 'actual_end')):
            if cleaned.get(start) and cleaned.get(end) and cleaned[end] < cleaned[start]:
                self.add_error(end, _('The end comes before the start.'))
        return cleaned

    def save(self, commit=True):
        if not self.instance.pk:
            self.instance.origin = Origin.MANUAL
        return super().save(commit)


class TransactionForm(forms.ModelForm):
    class Meta:
        model = Transaction
        fields = (
            'type',
            'date',
            'value',
            'currency',
            'value_date',
            'provider_organisation',
            'provider_activity_identifier',
            'receiver_organisation',
            'receiver_activity_identifier',
            'note',
        )
        widgets = {'date': DATE, 'value_date': DATE}
        help_texts = {'value_date': _('The date of the exchange rate; empty: the date of the transaction.')}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['value_date'].required = False

    def clean(self):
        cleaned = super().clean()
        if cleaned.get('value') is not None and cleaned['value'] < 0 and not cleaned.get('note'):
            self.add_error('note', _('A negative value is a correction: say what it corrects.'))
        if cleaned.get('date') and not cleaned.get('value_date'):
            cleaned['value_date'] = cleaned['date']
            self.instance.value_date = cleaned['date']
        return cleaned


class BudgetForm(forms.ModelForm):
    class Meta:
        model = Budget
        fields = ('type', 'status', 'period_start', 'period_end', 'value', 'currency', 'value_date')
        widgets = {'period_start': DATE, 'period_end': DATE, 'value_date': DATE}

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get('period_start')
            and cleaned.get('period_end')
            and cleaned['period_end'] < cleaned['period_start']
        ):
            self.add_error('period_end', _('The end comes before the start.'))
        return cleaned


class SectorFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        totals: dict[str, float] = {}
        for form in self.forms:
            if form.cleaned_data and not form.cleaned_data.get('DELETE') and form.cleaned_data.get('percentage'):
                vocabulary = form.cleaned_data.get('vocabulary') or '1'
                totals[vocabulary] = totals.get(vocabulary, 0) + float(form.cleaned_data['percentage'])
        for vocabulary, total in totals.items():
            if abs(total - 100) > 0.1:
                raise forms.ValidationError(
                    _('The percentages of the sectors in vocabulary %(vocabulary)s add up to %(total)s, not 100.')
                    % {'vocabulary': vocabulary, 'total': f'{total:g}'}
                )


PARTS = (
    (
        'participants',
        ParticipatingOrganisation,
        ('organisation', 'name', 'role', 'activity_identifier'),
        None,
        forms.BaseInlineFormSet,
    ),
    ('sectors', ActivitySector, ('vocabulary', 'code', 'name', 'percentage'), None, SectorFormSet),
    ('policy_markers', ActivityPolicyMarker, ('vocabulary', 'code', 'significance'), None, forms.BaseInlineFormSet),
    ('locations', ActivityLocation, ('admin_area', 'name', 'latitude', 'longitude'), None, forms.BaseInlineFormSet),
    ('budgets', Budget, None, BudgetForm, forms.BaseInlineFormSet),
    ('transactions', Transaction, None, TransactionForm, forms.BaseInlineFormSet),
)
PART_TITLES = {
    'participants': _('Participating organisations'),
    'sectors': _('Sectors'),
    'policy_markers': _('Policy markers'),
    'locations': _('Locations'),
    'budgets': _('Budgets'),
    'transactions': _('Transactions'),
}


def activity_formsets(activity, data=None, user=None) -> list[tuple[str, str, forms.BaseInlineFormSet]]:
    """(name, title, formset) for each part of ``activity`` edited on its page."""
    formsets = []
    for name, model, fields, form, base in PARTS:
        factory = forms.inlineformset_factory(
            Activity, model, form=form or forms.ModelForm, formset=base, fields=fields, extra=1, can_delete=True
        )
        formset = factory(data=data, instance=activity, prefix=name)
        for part_form in formset.forms + [formset.empty_form]:
            style_widgets(part_form)
            if 'admin_area' in part_form.fields:
                area = part_form.fields['admin_area']
                area.queryset = (
                    area.queryset.filter(country=activity.country) if activity.country_id else (area.queryset.none())
                )
        formsets.append((name, PART_TITLES[name], formset))
    return formsets


class ActivityLinkForm(AccessibleFormMixin, forms.ModelForm):
    """A link from an activity to what it serves; the choices are the records the user may see (plan actions of the
    activity's country)."""

    class Meta:
        model = ActivityLink
        fields = ('kind', 'action', 'share', 'framework_item', 'mission', 'code', 'paragraph', 'note')
        widgets = {'paragraph': forms.HiddenInput}

    def __init__(self, *args, actions, framework_items, missions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['action'].queryset = actions
        self.fields['framework_item'].queryset = framework_items
        self.fields['mission'].queryset = missions

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get('kind')
        required = {
            LinkKind.ACTION: ('action',),
            LinkKind.FRAMEWORK: ('framework_item',),
            LinkKind.MANDATE: ('mission', 'code'),
        }
        for name in required.get(kind, ()):
            if not cleaned.get(name):
                self.add_error(name, _('Give this for a link of this kind.'))
        # Only the fields of the chosen kind are kept.
        keep = (
            set(required.get(kind, ()))
            | ({'share'} if kind == LinkKind.ACTION else set())
            | ({'paragraph'} if kind == LinkKind.MANDATE else set())
        )
        for name in ('action', 'share', 'framework_item', 'mission', 'code', 'paragraph'):
            if name not in keep:
                cleaned[name] = '' if name == 'code' else None
                setattr(self.instance, name, cleaned[name])
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # The activity is not a field of the form, so Django leaves out the constraints on it: check them all here.
        try:
            self.instance.validate_constraints()
        except ValidationError as error:
            self._update_errors(error)


class IatiUploadForm(AccessibleFormMixin, forms.Form):
    file = forms.FileField(
        label=_('IATI activity file'),
        help_text=_('IATI XML, versions 2.01 to 2.03; at most %(mb)s MB.') % {'mb': MAX_IATI_UPLOAD_MB},
    )
    strict = forms.BooleanField(
        label=_('Strict'), required=False, help_text=_('Refuse the whole file if any activity is invalid.')
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields['strict'].widget.attrs['class'] = 'form-check-input'

    def clean_file(self):
        upload = self.cleaned_data['file']
        if upload.size > MAX_IATI_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _('%(name)s is %(size).1f MB; the limit is %(limit)s MB.')
                % {'name': upload.name, 'size': upload.size / 1024 / 1024, 'limit': MAX_IATI_UPLOAD_MB}
            )
        return upload
