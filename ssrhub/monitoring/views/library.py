"""The SSR indicator library (``/monitoring/library/``), a library indicator's page, its copy into a framework, and
the SDG indicators (``/monitoring/sdg/``, SDG 16 by default) with the library and framework indicators linked to
each. The library and the SDG framework are public reference data; copying needs the right to add indicators to the
chosen framework's country."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from ssrhub.core.access import can, may_attempt
from ssrhub.core.views.generic import ObjectListView, ObjectView, RestrictedViewMixin

from ..filtersets.frameworks import LibraryIndicatorFilterSet, SdgIndicatorFilterSet
from ..forms.frameworks import LibraryCopyForm
from ..models import Indicator, LibraryIndicator, SdgIndicator
from ..tables.frameworks import LibraryIndicatorTable
from ..tables.reference import SdgIndicatorTable

__all__ = ['LibraryCopyView', 'LibraryIndicatorListView', 'LibraryIndicatorView', 'SdgIndicatorListView']

COPY_FIELDS = {'result', 'code', 'baseline_value', 'baseline_date', 'baseline_reason'}


class LibraryIndicatorListView(ObjectListView):
    queryset = LibraryIndicator.objects.prefetch_related('sdg_indicators')
    filterset = LibraryIndicatorFilterSet
    table = LibraryIndicatorTable
    template_name = 'monitoring/library/library_list.html'

    def get(self, request, **kwargs):
        context = self.table_context(request)
        context['title'] = _('SSR indicator library')
        if request.htmx:
            return render(request, 'core/htmx/table.html', context)
        return render(request, self.template_name, context)


class LibraryIndicatorView(ObjectView):
    """A library indicator with its definition, unit, SDG links (titles in the UI language), ITGN, sources, and the
    framework indicators copied from it that the user may see."""

    queryset = LibraryIndicator.objects.select_related('itgn__version__framework').prefetch_related(
        'sdg_indicators', 'citations'
    )
    template_name = 'monitoring/library/library_indicator.html'

    def get_extra_context(self, request, obj) -> dict:
        copies = (
            Indicator.objects.restrict(request.user)
            .filter(copied_from=obj)
            .select_related('result__framework__country')
            .order_by('result__framework__country__name_en', 'code')
        )
        return {
            'library': obj,
            'copies': copies,
            'can_copy': request.user.is_authenticated and may_attempt(request.user, Indicator, 'add'),
        }


class LibraryCopyView(RestrictedViewMixin, View):
    """Copy a library indicator into a result of a framework the user may change: pick the result, give a code and
    the baseline (or say why there is none); the new indicator keeps ``copied_from`` and the SDG links."""

    queryset = LibraryIndicator.objects.prefetch_related('sdg_indicators')
    template_name = 'monitoring/library/copy.html'

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.deny(request)
        if not may_attempt(request.user, Indicator, 'add'):
            raise PermissionDenied
        self.library = self.get_object(request, code=kwargs.pop('code'))
        return super().dispatch(request, *args, **kwargs)

    def form_response(self, request, form, status=200):
        context = {'library': self.library, 'form': form, 'object': self.library}
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        form = LibraryCopyForm(library=self.library, user=request.user, initial=self.initial(request))
        return self.form_response(request, form)

    def initial(self, request) -> dict:
        result = request.GET.get('result')
        return {'result': result} if result and result.isdigit() else {}

    def post(self, request):
        form = LibraryCopyForm(request.POST, library=self.library, user=request.user)
        if not form.is_valid():
            # A result of a country the user does not edit is a refusal, as on every add page.
            return self.form_response(request, form, status=403 if form.has_error('result', 'forbidden') else 400)
        try:
            indicator = form.build()
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in COPY_FIELDS else None, errors)
            return self.form_response(request, form, status=400)
        with transaction.atomic():
            indicator.save()
            indicator.sdg_indicators.set(self.library.sdg_indicators.all())
            if not can(request.user, 'add', indicator):
                transaction.set_rollback(True)
                raise PermissionDenied
        messages.success(
            request,
            _('Copied “%(library)s” into result %(result)s as indicator %(code)s.')
            % {'library': self.library.title, 'result': indicator.result.code, 'code': indicator.code},
        )
        return redirect(indicator.get_absolute_url())


class SdgIndicatorListView(ObjectListView):
    """SDG indicators (SDG 16 unless another goal is chosen), each with the library indicators and the framework
    indicators the user may see that follow it."""

    queryset = SdgIndicator.objects.select_related('target__goal')
    filterset = SdgIndicatorFilterSet
    table = SdgIndicatorTable
    template_name = 'monitoring/library/sdg_list.html'

    def get_queryset(self, request, action=None):
        visible = Indicator.objects.restrict(request.user).select_related('result__framework__country')
        return (
            super()
            .get_queryset(request, action)
            .prefetch_related(
                Prefetch('library_indicators', LibraryIndicator.objects.order_by('code')),
                Prefetch('indicators', visible.order_by('code'), to_attr='visible_indicators'),
            )
        )

    def get(self, request, **kwargs):
        context = self.table_context(request)
        context['title'] = _('SDG indicators')
        if request.htmx:
            return render(request, 'core/htmx/table.html', context)
        return render(request, self.template_name, context)
