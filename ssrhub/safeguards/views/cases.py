"""Support requests of a country workspace, under ``/countries/<iso3>/workspace/due-diligence/requests/``: the
list, the case page (request, current assessment, earlier versions, reviews, decisions, mitigations, reopenings,
interventions and the steps the user may take now), the request, assessment and mitigation forms, and one page per
workflow step (``workflow.py`` decides who takes it)."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ssrhub.core.history import object_changes
from ssrhub.core.views.generic import (
    CountryObjectDeleteView,
    CountryObjectEditView,
    CountryObjectHistoryView,
    CountryObjectListView,
    CountryObjectView,
)

from .. import workflow
from ..filtersets.cases import SupportRequestFilterSet
from ..forms.cases import STEP_FORMS, AssessmentForm, MitigationForm, SupportRequestForm, factor_formset
from ..models import CaseStatus, Mitigation, RiskAssessment, RiskFactor, SupportRequest
from ..tables.cases import SupportRequestTable
from .exporting import ExportLinksMixin

__all__ = [
    'AssessmentEditView',
    'AssessmentView',
    'MitigationDeleteView',
    'MitigationEditView',
    'StepView',
    'SupportRequestDeleteView',
    'SupportRequestEditView',
    'SupportRequestHistoryView',
    'SupportRequestListView',
    'SupportRequestView',
]

TAB = 'support-requests'
STEP_LABELS = {
    'submit': gettext_lazy('Submit to the forum'),
    'return': gettext_lazy('Return for more work'),
    'review': gettext_lazy('Record the forum’s review'),
    'decide': gettext_lazy('Decide'),
    'reopen': gettext_lazy('Reopen'),
    'suspend': gettext_lazy('Suspend the support'),
    'withdraw': gettext_lazy('Withdraw the support'),
    'resume': gettext_lazy('Resume the support'),
}
# What each step did, said once it is done; formatted with the request's assessment version and the step's date.
STEP_DONE = {
    'submit': gettext_lazy('Version %(version)s of the assessment is frozen and the request is with the forum.'),
    'return': gettext_lazy('The request is back in draft; version %(version)s of the assessment is open.'),
    'review': gettext_lazy('The forum’s review is recorded; the request waits for the decision.'),
    'decide': gettext_lazy('The decision is recorded.'),
    'reopen': gettext_lazy('The case is reopened; version %(version)s of the assessment is open.'),
    'suspend': gettext_lazy('The support is suspended from %(date)s.'),
    'withdraw': gettext_lazy('The support is withdrawn from %(date)s.'),
    'resume': gettext_lazy('The suspension ends on %(date)s.'),
}
REQUESTS = SupportRequest.objects.select_related('country', 'recipient', 'un_entity')


def _request_of(view, request, pk):
    """The support request ``pk`` of the view's country as the user may view it (404 otherwise)."""
    found = REQUESTS.restrict(request.user).filter(country=view.country, pk=pk).first()
    if found is None:
        raise Http404
    return found


def _in_draft(support_request):
    """Only a draft request, and its current unfrozen assessment, are edited."""
    if support_request.status != CaseStatus.DRAFT:
        raise PermissionDenied(_('Only a request in draft is changed or deleted.'))


class _FormPage:
    template_name = 'safeguards/cases/form.html'
    tab = TAB
    heading = ''

    def get_cancel_url(self, obj) -> str:
        raise NotImplementedError

    def get_extra_context(self, request, form) -> dict:
        return {'title': self.heading, 'cancel_url': self.get_cancel_url(form.instance)}


# Section: requests


class SupportRequestListView(ExportLinksMixin, CountryObjectListView):
    export_key = 'requests'
    queryset = REQUESTS
    filterset = SupportRequestFilterSet
    table = SupportRequestTable
    tab = TAB
    template_name = 'safeguards/cases/list.html'

    def get_table_context(self, request) -> dict:
        self.filterset = partial(SupportRequestFilterSet, country=self.country)
        return {**super().get_table_context(request), 'title': _('Support requests')}


class SupportRequestView(CountryObjectView):
    queryset = REQUESTS
    tab = TAB
    template_name = 'safeguards/cases/request.html'

    def get_extra_context(self, request, obj) -> dict:
        user = request.user
        assessments = list(RiskAssessment.objects.restrict(user).filter(request=obj).prefetch_related('assessors'))
        current = assessments[0] if assessments else None
        steps = workflow.available_steps(obj, user)
        interventions = list(obj.interventions.restrict(user).select_related('allegation'))
        return {
            'support_request': obj,
            'assessment': current,
            'factors': RiskFactor.objects.restrict(user).filter(assessment=current) if current else [],
            'earlier': assessments[1:],
            'reviews': obj.reviews.restrict(user).select_related('assessment', 'reviewer'),
            'decisions': obj.decisions.restrict(user).select_related('assessment', 'approver'),
            'mitigations': Mitigation.objects.restrict(user).filter(request=obj),
            'reopenings': obj.reopenings.restrict(user).select_related('allegation'),
            'interventions': interventions,
            'open_suspension': next((one for one in interventions if one.suspends_now), None),
            'steps': [(step, STEP_LABELS[step]) for step in steps],
            'can_edit_request': obj.status == CaseStatus.DRAFT and self.may('change'),
            'can_delete_request': workflow.deletable(obj) and self.may('delete'),
            'can_edit_assessment': obj.status == CaseStatus.DRAFT
            and current is not None
            and not current.frozen
            and self.may('change', RiskAssessment),
            'can_add_mitigation': self.may('add', Mitigation),
            'can_change_mitigation': self.may('change', Mitigation),
        }


class SupportRequestEditView(_FormPage, CountryObjectEditView):
    """Add a request (with the first, empty version of its assessment) or change one in draft."""

    queryset = SupportRequest.objects.all()
    form = SupportRequestForm

    def get_object(self, request, **kwargs):
        obj = super().get_object(request, **kwargs)
        if obj.pk:
            _in_draft(obj)
        return obj

    def get_form(self, request, obj, data=None):
        return SupportRequestForm(data=data, instance=obj, country=self.country)

    def save(self, form):
        saved = form.save()
        if not saved.assessments.exists():
            RiskAssessment.objects.create(request=saved)
        return saved

    def get_extra_context(self, request, form) -> dict:
        title = _('Change the support request') if form.instance.pk else _('Add a support request')
        return {**super().get_extra_context(request, form), 'title': title}

    def get_cancel_url(self, obj) -> str:
        return obj.get_absolute_url() if obj.pk else reverse('safeguards:supportrequest_list', args=[self.country.iso3])


class SupportRequestDeleteView(CountryObjectDeleteView):
    queryset = SupportRequest.objects.all()
    tab = TAB
    template_name = 'safeguards/cases/delete.html'

    def get_object(self, request, **kwargs):
        obj = super().get_object(request, **kwargs)
        if not workflow.deletable(obj):
            raise PermissionDenied(_('A request once submitted is kept; only a draft never submitted is deleted.'))
        return obj

    def get_success_url(self, obj) -> str:
        return reverse('safeguards:supportrequest_list', args=[self.country.iso3])


class SupportRequestHistoryView(CountryObjectHistoryView):
    """Every change of a request, its assessments, their factors and its mitigations; the workflow's reasons in the
    reader's language."""

    queryset = REQUESTS
    tab = TAB
    template_name = 'safeguards/cases/history.html'

    def get(self, request, **kwargs):
        obj = self.get_object(request, **kwargs)
        changes = object_changes(obj)
        steps = set(workflow.REASONS.values())
        for change in changes:
            if change['reason'] in steps:
                change['reason'] = _(change['reason'])
        return render(request, self.template_name, self.country_context(object=obj, changes=changes))


# Section: assessments


class AssessmentView(CountryObjectView):
    """One version of an assessment, read-only (earlier versions stay as they were submitted)."""

    queryset = RiskAssessment.objects.select_related('request__country', 'request__recipient')
    tab = TAB
    template_name = 'safeguards/cases/assessment.html'

    def get_extra_context(self, request, obj) -> dict:
        return {
            'assessment': obj,
            'support_request': obj.request,
            'factors': RiskFactor.objects.restrict(request.user).filter(assessment=obj),
        }


class AssessmentEditView(_FormPage, CountryObjectEditView):
    """The current version of a draft request's assessment and its five risk factors, saved together or not at
    all."""

    queryset = RiskAssessment.objects.select_related('request__country', 'request__recipient')
    form = AssessmentForm
    template_name = 'safeguards/cases/assessment_form.html'

    def get_action(self, **kwargs) -> str:
        return 'change'

    def get_object(self, request, **kwargs):
        support_request = _request_of(self, request, kwargs['pk'])
        _in_draft(support_request)
        current = support_request.current_assessment
        if current is None or current.frozen or not self.get_queryset(request).filter(pk=current.pk).exists():
            raise PermissionDenied
        return current

    def get_form(self, request, obj, data=None):
        self.factors = factor_formset(obj, data)
        return AssessmentForm(data=data, instance=obj, user=request.user)

    def is_valid(self, form) -> bool:
        return all([form.is_valid(), self.factors.is_valid()])

    def save(self, form):
        assessment = form.save()
        for factor_form in self.factors:
            kind, rating = factor_form.cleaned_data['factor'], factor_form.cleaned_data['rating']
            finding = factor_form.cleaned_data['finding']
            factor = assessment.factors.filter(factor=kind).first()
            if rating is None:
                if factor is not None:
                    factor.delete()
                continue
            factor = factor or RiskFactor(assessment=assessment, factor=kind)
            factor.rating, factor.finding = rating, finding
            factor.save()
        return assessment.request

    def get_success_message(self, saved) -> str:
        return _('Saved the assessment of %(object)s.') % {'object': saved}

    def get_extra_context(self, request, form) -> dict:
        assessment = form.instance
        return {
            **super().get_extra_context(request, form),
            'title': _('Assessment, version %(version)s') % {'version': assessment.version},
            'factors': self.factors,
        }

    def get_cancel_url(self, obj) -> str:
        return obj.request.get_absolute_url()


# Section: mitigations


class MitigationEditView(_FormPage, CountryObjectEditView):
    """Add a mitigatory measure to a request (``request_pk``) or change one."""

    queryset = Mitigation.objects.select_related('request__country')
    form = MitigationForm

    def new_object(self, request, **kwargs):
        return Mitigation(request=_request_of(self, request, kwargs['request_pk']))

    def get_extra_context(self, request, form) -> dict:
        title = _('Change the mitigatory measure') if form.instance.pk else _('Add a mitigatory measure')
        return {**super().get_extra_context(request, form), 'title': title}

    def get_success_url(self, saved) -> str:
        return saved.request.get_absolute_url()

    def get_cancel_url(self, obj) -> str:
        return obj.request.get_absolute_url()


class MitigationDeleteView(CountryObjectDeleteView):
    queryset = Mitigation.objects.select_related('request__country')
    tab = TAB
    template_name = 'safeguards/cases/delete.html'

    def get_cancel_url(self, obj) -> str:
        return obj.request.get_absolute_url()

    def get_success_url(self, obj) -> str:
        return obj.request.get_absolute_url()


# Section: workflow steps


class StepView(CountryObjectView):
    """The form of one step (``step`` in the URL); POST takes it. A user whose role does not take the step gets a
    403, a request that has moved on a 409, and nothing changes."""

    queryset = REQUESTS
    tab = TAB
    template_name = 'safeguards/cases/step.html'

    def _form(self, request, obj, step, data=None):
        form_class = STEP_FORMS[step]
        kwargs = {'request': obj, 'user': request.user} if step in ('suspend', 'withdraw') else {}
        return form_class(data=data, **kwargs)

    def _page(self, request, obj, step, form, status=200, conflict=''):
        context = self.country_context(
            object=obj, support_request=obj, form=form, step=step, title=STEP_LABELS[step], conflict=conflict
        )
        return render(request, self.template_name, context, status=status)

    def _step(self, request, pk, step):
        if step not in workflow.STEPS:
            raise Http404
        obj = self.get_object(request, pk=pk)
        if not workflow.may_take(step, obj, request.user):
            raise PermissionDenied
        return obj

    def get(self, request, pk, step):
        obj = self._step(request, pk, step)
        return self._page(request, obj, step, self._form(request, obj, step))

    def post(self, request, pk, step):
        obj = self._step(request, pk, step)
        form = self._form(request, obj, step, request.POST)
        if not form.is_valid():
            return self._page(request, obj, step, form, status=400)
        try:
            workflow.STEPS[step](obj, request.user, **form.cleaned_data)
        except workflow.StepConflict as conflict:
            return self._page(request, obj, step, form, status=409, conflict=str(conflict))
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self._page(request, obj, step, form, status=400)
        when = form.cleaned_data.get('started_on') or form.cleaned_data.get('ended_on')
        version = obj.current_assessment.version if obj.current_assessment else ''
        messages.success(request, STEP_DONE[step] % {'version': version, 'date': when and date_format(when)})
        return redirect(obj.get_absolute_url())
