"""Pages of the roster under ``/roster/``: expert profiles (roster managers, and each person their own), support
requests (everyone with a role reads them, country editors make them, roster managers rank, propose and record
the steps) and the log of roster exports (administrators)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from ssrhub.core.access import can, can_in_country, may_attempt
from ssrhub.core.exports import export_response
from ssrhub.core.models import Country
from ssrhub.core.params import InvalidParameter
from ssrhub.core.views import generic

from .filtersets import ExpertProfileFilterSet, RosterExportFilterSet, SupportRequestFilterSet
from .forms import ExpertProfileForm, RequestStepForm, SupportRequestForm, profile_formsets
from .models import Candidate, ExpertProfile, RequestStep, RosterExport, Status, SupportRequest, language_choices
from .services import CRITERION_LABELS, criterion_sentence, is_roster_manager, match_request, ranked, record_step
from .tables import ExpertProfileTable, RosterExportTable, SupportRequestTable

__all__ = [
    'CandidateView',
    'ExpertProfileDeleteView',
    'ExpertProfileEditView',
    'ExpertProfileExportView',
    'ExpertProfileHistoryView',
    'ExpertProfileListView',
    'ExpertProfileView',
    'MyProfileView',
    'RequestStepView',
    'RosterExportListView',
    'SupportRequestEditView',
    'SupportRequestHistoryView',
    'SupportRequestListView',
    'SupportRequestView',
]

PROFILES = ExpertProfile.objects.select_related('nationality', 'user').prefetch_related('expertise__item', 'languages')
CONTACT_COLUMNS = ('email', 'phone')


# Section: profiles


class ExpertProfileListView(generic.ObjectListView):
    queryset = PROFILES
    filterset = ExpertProfileFilterSet
    table = ExpertProfileTable
    template_name = 'roster/profile_list.html'

    def dispatch(self, request, *args, **kwargs):
        # The whole roster is for roster managers; a person reaches their own profile from the user menu.
        if refusal := self.refuse_reader(request, ExpertProfile):
            return refusal
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, **kwargs):
        context = self.table_context(request)
        if request.htmx:
            return render(request, 'core/htmx/table.html', context)
        query = request.GET.urlencode()
        exports = [
            (fmt, reverse('roster:profile_export', args=[fmt]) + (f'?{query}' if query else ''))
            for fmt in ('csv', 'xlsx')
        ]
        context.update(
            exports=exports,
            manager=is_roster_manager(request.user),
            can_add=may_attempt(request.user, ExpertProfile, 'add'),
        )
        return render(request, self.template_name, context)


class ExpertProfileExportView(generic.RestrictedViewMixin, View):
    """The filtered profiles as CSV or XLSX, without contact details unless a roster manager asks (``?contacts=1``);
    every export is recorded in ``RosterExport`` (who, when, which filter, how many rows)."""

    queryset = PROFILES.prefetch_related('regions__country', 'availability')

    def get(self, request, fmt):
        if refusal := self.refuse_reader(request, ExpertProfile):
            return refusal
        if fmt not in ('csv', 'xlsx'):
            raise InvalidParameter(_('There is no “%(format)s” download: choose CSV or XLSX.') % {'format': fmt})
        contacts = request.GET.get('contacts') == '1'
        if contacts and not is_roster_manager(request.user):
            raise PermissionDenied
        filters = request.GET.copy()
        filters.pop('contacts', None)
        profiles = list(ExpertProfileFilterSet(filters, queryset=self.get_queryset(request), request=request).qs)
        columns = [
            ('name', _('Name')),
            ('nationality', _('Nationality')),
            *([('email', _('E-mail')), ('phone', _('Phone'))] if contacts else []),
            ('clearance', _('Security clearance')),
            ('expertise', _('Expertise')),
            ('languages', _('Languages')),
            ('regions', _('Regions and countries')),
            ('availability', _('Availability')),
        ]
        rows = [
            {
                'name': p.name,
                'nationality': p.nationality.iso3 if p.nationality else '',
                'email': p.email,
                'phone': p.phone,
                'clearance': p.get_clearance_display(),
                'expertise': [f'{e.item.code} ({e.get_level_display()})' for e in p.expertise.all()],
                'languages': [f'{s.language} ({s.get_proficiency_display()})' for s in p.languages.all()],
                'regions': [str(r) for r in p.regions.all()],
                'availability': [str(a) for a in p.availability.all()],
            }
            for p in profiles
        ]
        with transaction.atomic():
            RosterExport.objects.create(
                user=request.user, query=filters.urlencode()[:1000], format=fmt, rows=len(rows), contacts=contacts
            )
        name = 'roster-profiles-contacts' if contacts else 'roster-profiles'
        return export_response(rows, columns, fmt, f'{name}-{datetime.date.today():%Y-%m-%d}')


class ExpertProfileView(generic.ObjectView):
    queryset = PROFILES.prefetch_related('regions__country', 'availability', 'deployments__mission')
    template_name = 'roster/profile.html'

    def get_extra_context(self, request, obj) -> dict:
        candidacies = Candidate.objects.restrict(request.user).filter(profile=obj).select_related('request__country')
        return {
            'manager': is_roster_manager(request.user),
            'candidacies': candidacies,
            'can_delete': can(request.user, 'delete', obj),
            'edit_url': reverse('roster:profile_edit', args=[obj.pk]),
        }


class MyProfileView(generic.RestrictedViewMixin, View):
    """The signed-in person's own profile (the user menu's "My profile")."""

    queryset = ExpertProfile.objects.all()

    def get(self, request):
        if not request.user.is_authenticated:
            return self.deny(request)
        profile = self.get_queryset(request).filter(user=request.user).first()
        if profile is None:
            raise Http404
        return redirect(profile)


class ExpertProfileEditView(generic.ObjectAddOrEditView):
    """Add (no ``pk``) or change a profile with its parts; the person themself changes their own, except the
    account link, clearance and deployments."""

    queryset = ExpertProfile.objects.all()
    form = ExpertProfileForm
    template_name = 'roster/form.html'

    def get_form(self, request, obj, data=None):
        self.formsets = profile_formsets(obj, request.user, is_roster_manager(request.user), data=data)
        return self.form(data=data, instance=obj, manager=is_roster_manager(request.user))

    def is_valid(self, form) -> bool:
        valid = form.is_valid()
        return all([valid, *(formset.is_valid() for _heading, formset in self.formsets)])

    def save(self, form):
        profile = form.save()
        for _heading, formset in self.formsets:
            formset.instance = profile
            formset.save()
        return profile

    def get_context(self, request, form) -> dict:
        return {
            **super().get_context(request, form),
            'formsets': self.formsets,
            'add_title': _('New expert profile'),
            'cancel_url': reverse('roster:profile_list'),
        }


class ExpertProfileDeleteView(generic.ObjectDeleteView):
    queryset = ExpertProfile.objects.all()

    def get_success_url(self, obj) -> str:
        return reverse('roster:profile_list')


class ExpertProfileHistoryView(generic.ObjectHistoryView):
    queryset = ExpertProfile.objects.all()


# Section: support requests


class SupportRequestListView(generic.ObjectListView):
    queryset = SupportRequest.objects.select_related('country')
    filterset = SupportRequestFilterSet
    table = SupportRequestTable
    template_name = 'roster/request_list.html'

    def dispatch(self, request, *args, **kwargs):
        if refusal := self.refuse_reader(request, SupportRequest):
            return refusal
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, **kwargs):
        context = self.table_context(request)
        if request.htmx:
            return render(request, 'core/htmx/table.html', context)
        context['add_countries'] = [
            country
            for country in Country.objects.filter(assignments__user=request.user).order_by('name_en')
            if can_in_country(request.user, 'add', SupportRequest, country)
        ]
        return render(request, self.template_name, context)


def _step_dates(steps) -> list[dict]:
    """Each status of the life of a request with the date it was reached (the latest, when repeated)."""
    reached = {}
    for step in steps:
        reached[step.status] = step
    order = [s for s in Status.values if s != Status.CANCELLED]
    if Status.CANCELLED in reached:
        order.append(Status.CANCELLED)
    labels = dict(Status.choices)
    return [{'status': s, 'label': labels[s], 'step': reached.get(s)} for s in order]


class SupportRequestView(generic.ObjectView):
    queryset = SupportRequest.objects.select_related('country', 'mission').prefetch_related(
        'addressees__names', 'skills', 'citations'
    )
    template_name = 'roster/request.html'

    def get_extra_context(self, request, obj) -> dict:
        user = request.user
        steps = list(RequestStep.objects.restrict(user).filter(request=obj))
        counts = SupportRequest.objects.filter(pk=obj.pk).aggregate(
            proposed=Count('candidates'), selected=Count('candidates', filter=Q(candidates__selected=True))
        )
        manager = is_roster_manager(user)
        context = {
            'steps': steps,
            'timeline': _step_dates(steps),
            'counts': counts,
            'manager': manager,
            'edit_url': reverse('roster:request_edit', args=[obj.pk]),
            'languages': [str(dict(language_choices()).get(code, code)) for code in obj.languages],
            'can_step': may_attempt(user, RequestStep, 'add'),
            'step_form': RequestStepForm(initial={'date': datetime.date.today()}),
        }
        if manager:
            candidates = list(Candidate.objects.restrict(user).filter(request=obj).select_related('profile'))
            proposed = {c.profile_id for c in candidates}
            labels = {item.code: item.label for item in obj.skills.all()}
            names = {code: str(name) for code, name in language_choices()}
            ranking = ranked(obj, ExpertProfile.objects.restrict(user))

            def explained(match):
                return [
                    {
                        'label': CRITERION_LABELS[c.code],
                        'points': c.points,
                        'weight': c.weight,
                        'text': criterion_sentence(c, labels, names),
                    }
                    for c in match.criteria
                ]

            context.update(
                candidates=[(c, explained(match_request(obj, c.profile))) for c in candidates],
                ranking=[(p, m, explained(m), p.pk in proposed) for p, m in ranking[:25]],
                ranked_count=len(ranking),
            )
        return context


class SupportRequestEditView(generic.ObjectEditView):
    """Add (``iso3``, no ``pk``) or change a request in a country the user edits; the first step ("requested") is
    recorded with a new request."""

    queryset = SupportRequest.objects.all()
    form = SupportRequestForm
    template_name = 'roster/form.html'

    def get_object(self, request, **kwargs):
        if 'iso3' in kwargs:
            self.action = 'add'
            country = get_object_or_404(Country, iso3__iexact=kwargs['iso3'])
            if not can_in_country(request.user, 'add', SupportRequest, country):
                raise PermissionDenied
            return SupportRequest(country=country)
        return super().get_object(request, **kwargs)

    def get_form(self, request, obj, data=None):
        return self.form(data=data, instance=obj, user=request.user)

    def save(self, form):
        adding = form.instance._state.adding
        saved = form.save()
        if adding:
            record_step(saved, Status.REQUESTED, datetime.date.today())
        return saved

    def get_context(self, request, form) -> dict:
        return {
            **super().get_context(request, form),
            'add_title': _('New support request for %(country)s') % {'country': form.instance.country},
            'cancel_url': reverse('roster:request_list'),
        }


class SupportRequestHistoryView(generic.ObjectHistoryView):
    queryset = SupportRequest.objects.all()


class RequestStepView(generic.RestrictedViewMixin, View):
    """POST: record the next step of a request (roster managers)."""

    queryset = SupportRequest.objects.all()

    def post(self, request, pk):
        if not may_attempt(request.user, RequestStep, 'add'):
            return self.deny(request)
        support = self.get_object(request, pk=pk)
        form = RequestStepForm(request.POST)
        if form.is_valid():
            try:
                record_step(support, form.cleaned_data['status'], form.cleaned_data['date'], form.cleaned_data['note'])
            except ValidationError as error:
                messages.error(request, ' '.join(error.messages))
            else:
                messages.success(
                    request, _('Recorded “%(status)s”.') % {'status': dict(Status.choices)[form.cleaned_data['status']]}
                )
        else:
            messages.error(request, _('The step was not recorded: give a status and a date.'))
        return redirect(support)


class CandidateView(generic.RestrictedViewMixin, View):
    """POST on a request: ``propose`` a profile, ``select`` or ``withdraw`` a candidate (roster managers)."""

    queryset = Candidate.objects.all()

    def post(self, request, pk):
        if not may_attempt(request.user, Candidate, 'add'):
            return self.deny(request)
        support = SupportRequest.objects.restrict(request.user).filter(pk=pk).first()
        if support is None:
            raise Http404
        action = request.POST.get('action')
        try:
            with transaction.atomic():
                if action == 'propose':
                    self.propose(request, support)
                elif action in ('select', 'withdraw'):
                    candidate = (
                        self.get_queryset(request, 'change')
                        .filter(request=support, pk=request.POST.get('candidate'))
                        .first()
                    )
                    if candidate is None:
                        raise Http404
                    if action == 'select':
                        for other in Candidate.objects.filter(request=support, selected=True).exclude(pk=candidate.pk):
                            other.selected = False
                            other.save()
                        candidate.selected = True
                        candidate.save()
                        messages.success(request, _('Selected %(expert)s.') % {'expert': candidate.profile})
                    else:
                        candidate.delete()
                        messages.success(request, _('Withdrew %(expert)s.') % {'expert': candidate.profile})
                else:
                    raise InvalidParameter(_('Unknown action.'))
        except IntegrityError:
            messages.error(request, _('This expert is already proposed for this request.'))
        return redirect(support)

    def propose(self, request, support):
        profile = ExpertProfile.objects.restrict(request.user).filter(pk=request.POST.get('profile')).first()
        if profile is None:
            raise Http404
        score = match_request(support, profile).score
        Candidate.objects.create(request=support, profile=profile, proposed=datetime.date.today(), score=score)
        messages.success(request, _('Proposed %(expert)s.') % {'expert': profile})


# Section: audit


class RosterExportListView(generic.ObjectListView):
    queryset = RosterExport.objects.select_related('user')
    filterset = RosterExportFilterSet
    table = RosterExportTable

    def dispatch(self, request, *args, **kwargs):
        if refusal := self.refuse_reader(request, RosterExport):
            return refusal
        return super().dispatch(request, *args, **kwargs)
