"""Exchange rates (list, record, add, edit, delete, history, import) and a plan's funding page with its duplication
reviews. The calculation is ``funding.py``; this module turns its result into rows and sentences."""

from decimal import Decimal

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from ssrhub.core.access import can
from ssrhub.core.views.generic import (
    CountryObjectView,
    CountryScopedView,
    ObjectAddOrEditView,
    ObjectDeleteView,
    ObjectHistoryView,
    ObjectListView,
    ObjectView,
    RestrictedViewMixin,
)
from ssrhub.countries.models import NationalDocument

from .filtersets import ExchangeRateFilterSet
from .forms import DuplicationReviewForm, ExchangeRateForm, FundingCurrencyForm, RateImportConfirmForm, RateImportForm
from .funding_messages import amount_row, boundary_sentence, funding_notes, issue_message, money, rate_text
from .importing import apply_rate_plan, stored_rates
from .models import DuplicationReview, ExchangeRate, ReviewDecision
from .queries import plan_funding, reviews_by_pair
from .rate_import import ImportFileError, plan_import
from .tables import ExchangeRateTable
from .year_chart import draw_years

__all__ = [
    'DuplicationReviewView',
    'ExchangeRateDeleteView',
    'ExchangeRateEditView',
    'ExchangeRateHistoryView',
    'ExchangeRateListView',
    'ExchangeRateView',
    'PlanFundingView',
    'RateImportView',
    'boundary_sentence',
    'issue_message',
    'money',
]

IMPORT_SALT = 'ssrhub.finance.rate_import'
IMPORT_TOKEN_MAX_AGE = 60 * 60

# Section: exchange rates


class _RateReader:
    """Anonymous users log in; a role that does not read exchange rates gets a 403."""

    def dispatch(self, request, *args, **kwargs):
        if refusal := self.refuse_reader(request, ExchangeRate):
            return refusal
        return super().dispatch(request, *args, **kwargs)


class ExchangeRateListView(_RateReader, ObjectListView):
    queryset = ExchangeRate.objects.all()
    filterset = ExchangeRateFilterSet
    table = ExchangeRateTable
    template_name = 'finance/rate_list.html'

    def get(self, request, **kwargs):
        context = self.table_context(request)
        if request.htmx:
            return render(request, 'core/htmx/table.html', context)
        context['can_add'] = request.user.has_perm('finance.add_exchangerate')
        return render(request, self.template_name, context)


class ExchangeRateView(_RateReader, ObjectView):
    queryset = ExchangeRate.objects.all()
    template_name = 'finance/rate.html'

    def get_extra_context(self, request, obj) -> dict:
        return {
            'edit_url': reverse('finance:rate_edit', args=[obj.pk]),
            'can_delete': can(request.user, 'delete', obj),
            'rate_text': rate_text(obj.as_rate()),
        }


class ExchangeRateHistoryView(_RateReader, ObjectHistoryView):
    queryset = ExchangeRate.objects.all()


class ExchangeRateEditView(ObjectAddOrEditView):
    """Add (no ``pk``) or change a rate."""

    queryset = ExchangeRate.objects.all()
    form = ExchangeRateForm
    template_name = 'finance/rate_form.html'


class ExchangeRateDeleteView(ObjectDeleteView):
    queryset = ExchangeRate.objects.all()

    def get_success_url(self, obj) -> str:
        return reverse('finance:rate_list')


class RateImportView(RestrictedViewMixin, View):
    """Upload a CSV or XLSX of rates: a preview (nothing written), then a confirmation that applies it in one
    transaction, refused when the stored rates changed since the preview."""

    queryset = ExchangeRate.objects.all()
    template_name = 'finance/rate_import.html'

    def dispatch(self, request, *args, **kwargs):
        if refusal := self.refuse_reader(request, ExchangeRate):
            return refusal
        if not (
            request.user.has_perm('finance.add_exchangerate') and request.user.has_perm('finance.change_exchangerate')
        ):
            return self.deny(request)
        return super().dispatch(request, *args, **kwargs)

    def render_page(self, form, status=200, **extra):
        return render(self.request, self.template_name, {'form': form, **extra}, status=status)

    def stored(self):
        return stored_rates(self.request.user)

    def get(self, request):
        return self.render_page(RateImportForm())

    def post(self, request):
        if 'token' in request.POST:
            return self.confirm(request)
        form = RateImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(form, status=400)
        data, filename = form.read()
        try:
            plan = plan_import(data, self.stored(), filename)
        except ImportFileError as error:
            form.add_error(
                'file', _('%(file)s: %(problem)s') % {'file': filename, 'problem': issue_message(error.issue)}
            )
            return self.render_page(form, status=400)
        return self.preview(form, plan, data, filename)

    def preview(self, form, plan, data, filename, **extra):
        token = signing.dumps(
            {'user': self.request.user.pk, 'filename': filename, 'data': data.hex(), 'digest': plan.digest()},
            salt=IMPORT_SALT,
            compress=True,
        )
        return self.render_page(
            form,
            status=200 if plan.ok else 400,
            plan=plan,
            filename=filename,
            errors=[(issue.row, issue_message(issue)) for issue in plan.errors],
            confirm_form=RateImportConfirmForm(initial={'token': token}) if plan.ok and plan.has_changes else None,
            **extra,
        )

    def confirm(self, request):
        try:
            payload = signing.loads(request.POST.get('token', ''), salt=IMPORT_SALT, max_age=IMPORT_TOKEN_MAX_AGE)
        except signing.BadSignature:
            payload = None
        if not payload or payload['user'] != request.user.pk:
            message = _('This preview has expired or is not valid. Upload the file again.')
            return self.render_page(RateImportForm(), status=400, page_error=message)
        data, filename = bytes.fromhex(payload['data']), payload['filename']
        try:
            with transaction.atomic():
                plan = plan_import(data, self.stored(), filename)
                if plan.digest() != payload['digest'] or not plan.ok:
                    raise _Stale(plan)
                apply_rate_plan(request.user, plan)
        except _Stale as stale:
            warning = _('The stored rates changed since the preview. Check this new preview before you confirm.')
            return self.preview(RateImportForm(), stale.plan, data, filename, stale=warning)
        except ValidationError as error:
            message = _('Nothing was imported: %(errors)s') % {'errors': ' '.join(error.messages)}
            return self.render_page(RateImportForm(), status=400, page_error=message)
        messages.success(
            request,
            _('Imported %(file)s: %(created)s rates added, %(updated)s changed, %(unchanged)s unchanged.')
            % {
                'file': filename,
                'created': len(plan.create),
                'updated': len(plan.update),
                'unchanged': len(plan.unchanged),
            },
        )
        return redirect('finance:rate_list')


class _Stale(Exception):
    def __init__(self, plan):
        super().__init__('stale import preview')
        self.plan = plan


# Section: a plan's funding


FLAGS_PER_PAGE = 25


class PlanFundingView(CountryObjectView):
    """A plan's costed actions against the money committed, disbursed and spent, in one currency."""

    queryset = NationalDocument.objects.select_related('country')
    tab = 'documents'
    template_name = 'finance/plan_funding.html'

    def get_extra_context(self, request, obj) -> dict:
        form = FundingCurrencyForm(request.GET or None, initial={'currency': 'USD'})
        currency = (form.is_valid() and form.cleaned_data['currency']) or 'USD'
        result, actions = plan_funding(request.user, obj, currency)
        reviews = reviews_by_pair(request.user, obj)
        may_review = self.may('add', DuplicationReview) and self.may('change', DuplicationReview)
        # Open flags first (never reviewed, or changed since), then the reviewed ones; one page of them is shown.
        states = []
        for flag in result.duplications:
            review = reviews.get((flag.action_id, ' '.join(flag.activities)))
            current = review if review and review.fingerprint == flag.fingerprint else None
            states.append((flag, review, current))
        states.sort(key=lambda state: state[2] is not None)
        flags_page = Paginator(states, FLAGS_PER_PAGE).get_page(request.GET.get('flags'))
        flags = [
            {
                'flag': flag,
                'action': actions[flag.action_id],
                'partners': [', '.join(partners) for partners in flag.partners],
                'review': current,
                'changed': review is not None and current is None,
                'form': DuplicationReviewForm(
                    initial={'action': flag.action_id, 'activities': ' '.join(flag.activities)},
                    auto_id=f'flag{number}-%s',
                )
                if may_review
                else None,
            }
            for number, (flag, review, current) in enumerate(flags_page.object_list)
        ]
        open_flags = sum(current is None for _flag, _review, current in states)
        years = {
            year: {'committed': float(a.committed), 'disbursed': float(a.disbursed)} for year, a in result.years.items()
        }
        chart = draw_years(years) if years else None
        return {
            'document': obj,
            'currency': result.currency,
            'currency_form': form,
            'result': result,
            'total': amount_row(_('Whole plan'), result.total),
            'action_rows': [
                amount_row(
                    str(actions[key]),
                    amounts,
                    action=actions[key],
                    unfunded=key in result.unfunded,
                    uncosted=key in result.uncosted,
                )
                for key, amounts in result.actions.items()
            ],
            'pillar_rows': [amount_row(name or _('No pillar'), amounts) for name, amounts in result.pillars.items()],
            'partner_rows': [
                amount_row(name or _('Partner not given'), amounts) for name, amounts in result.partners.items()
            ],
            'budget_rows': [
                amount_row({'on': _('On budget'), 'off': _('Off budget'), 'unknown': _('Not said')}[key], amounts)
                for key, amounts in result.budget.items()
            ],
            'year_rows': [amount_row(str(year), amounts) for year, amounts in result.years.items()],
            'chart': chart,
            'tick_labels': [(money(Decimal(str(value))), y) for value, y in chart.ticks] if chart else [],
            'unfunded': [actions[key] for key in result.unfunded],
            'flags': flags,
            'flags_page': flags_page,
            'open_flags': open_flags,
            'boundary': boundary_sentence(result),
            'notes': funding_notes(result, actions),
            'rates': [rate_text(rate) for rate in result.rates],
        }


class DuplicationReviewView(CountryScopedView):
    """POST only: confirm or dismiss a duplication flag of the plan, for the activities as they stand now."""

    queryset = DuplicationReview.objects.all()
    action = 'change'

    def post(self, request, pk):
        document = NationalDocument.objects.restrict(request.user).filter(country=self.country, pk=pk).first()
        if document is None:
            raise Http404
        form = DuplicationReviewForm(request.POST)
        url = reverse('finance:plan_funding', args=[self.country.iso3, document.pk])
        if not form.is_valid():
            messages.error(request, _('The review was not saved: choose a decision.'))
            return redirect(url)
        result, _actions = plan_funding(request.user, document)
        flag = next(
            (
                flag
                for flag in result.duplications
                if flag.action_id == str(form.cleaned_data['action'])
                and ' '.join(flag.activities) == form.cleaned_data['activities']
            ),
            None,
        )
        if flag is None:
            messages.error(request, _('This possible duplication is no longer flagged: nothing to review.'))
            return redirect(url)
        with transaction.atomic():
            review, _created = DuplicationReview.objects.restrict(request.user, 'change').get_or_create(
                action_id=int(flag.action_id),
                activities=form.cleaned_data['activities'],
                defaults={'fingerprint': flag.fingerprint, 'decision': form.cleaned_data['decision']},
            )
            review.fingerprint = flag.fingerprint
            review.decision = form.cleaned_data['decision']
            review.note = form.cleaned_data['note']
            review.full_clean()
            review.save()
        label = ReviewDecision(review.decision).label
        messages.success(request, _('Review saved: %(decision)s.') % {'decision': label})
        return redirect(url)
