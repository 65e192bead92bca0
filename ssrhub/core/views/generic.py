"""Generic views: app views only declare their queryset, filterset, table, form and template.

Every view restricts its queryset with ``restrict(user, action)`` (see ``core/access.py``), so a
record the user may not see is a 404, never a leak. On a sensitive model, a user whose role reads it but whose
session is not verified with a second factor is sent to verify it, and every record shown (one record, or the rows
of a list page) is written to the read log first (``core/readlog.py``). The country-scoped views add the country of the
URL (``<iso3>``): their querysets are cut down to it through the model's ``country_scope``, and
what the page offers (add, change, delete) is decided by the same rule (``can_in_country()``).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django_tables2 import RequestConfig

from ssrhub.core.access import can, can_in_country, may_attempt, two_factor_verified
from ssrhub.core.deletion import DeleteRefused, delete
from ssrhub.core.forms import style_widgets
from ssrhub.core.history import object_changes, shown_to
from ssrhub.core.models import Country
from ssrhub.core.readlog import is_sensitive, log_reads, log_table_reads
from ssrhub.core.roles import permission_name
from ssrhub.core.two_factor import second_factor_url

__all__ = [
    'AnalysisView',
    'CountryObjectDeleteView',
    'CountryObjectEditView',
    'CountryObjectListView',
    'CountryObjectView',
    'CountryScopedMixin',
    'CountryScopedView',
    'FormSaveMixin',
    'ObjectAddOrEditView',
    'ObjectDeleteView',
    'ObjectEditView',
    'ObjectHistoryView',
    'ObjectListView',
    'ObjectView',
    'RestrictedViewMixin',
]


class RestrictedViewMixin:
    """Reads ``queryset`` through ``restrict(user, action)``.

    Args:
        queryset: every record of the model the view works on (with its select/prefetch).
        action: the action the view performs ('view', 'add', 'change' or 'delete').
    """

    queryset = None
    action = 'view'
    read_channel = 'page'

    def dispatch(self, request, *args, **kwargs):
        if self.queryset is not None and is_sensitive(self.queryset.model):
            if refusal := self.refuse_reader(request, self.queryset.model):
                return refusal
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self, request, action=None):
        return self.queryset.restrict(request.user, action or self.action)

    def deny(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied

    def refuse_reader(self, request, model):
        """Anonymous users are sent to log in (the response); a user whose role does not view ``model`` gets a 403;
        one whose role does, on a sensitive model, is sent to verify their session with their second factor."""
        if not request.user.is_authenticated:
            return self.deny(request)
        if not request.user.has_perm(permission_name(model, 'view')):
            raise PermissionDenied
        if is_sensitive(model) and not two_factor_verified(request.user):
            return redirect(second_factor_url(request.user, request.get_full_path()))
        return None

    def found(self, request, obj):
        """The record the page shows, logged when sensitive (refused with a 403 when the log cannot be written)."""
        log_reads(request.user, [obj], self.read_channel)
        return obj

    def get_object(self, request, **kwargs):
        obj = self.get_queryset(request).filter(**kwargs).first()
        if obj is None:
            if self.action != 'view' and self.get_queryset(request, 'view').filter(**kwargs).exists():
                raise PermissionDenied
            raise Http404
        return self.found(request, obj)


class FormSaveMixin:
    """The one validate-save-message-redirect path of every edit page.

    ``save_form()`` saves inside ``atomic()`` and rolls back, refusing with a 403, when the saved
    record is no longer within the user's reach (e.g. moved into a country the user does not edit).
    An htmx request is answered with ``HX-Location`` instead of a redirect.

    Hooks:
        form_response(request, form, status): the page showing ``form`` (with its errors).
        is_valid(form): whether to save (override to validate formsets shown beside the form).
        save(form): write the records and return the main one (default ``form.save()``).
        get_success_message(saved) and get_success_url(saved): what follows a save.
    """

    def form_response(self, request, form, status=200):
        raise NotImplementedError

    def is_valid(self, form) -> bool:
        return form.is_valid()

    def save(self, form):
        return form.save()

    def get_success_message(self, saved) -> str:
        return _('Saved %(object)s.') % {'object': saved}

    def get_success_url(self, saved) -> str:
        return saved.get_absolute_url()

    def save_form(self, request, form, action: str):
        if not self.is_valid(form):
            return self.form_response(request, form, status=400)
        adding = form.instance._state.adding
        with transaction.atomic():
            saved = self.save(form)
            refused = not can(request.user, action, saved)
            if refused:
                transaction.set_rollback(True)
        if refused:
            if adding:
                form.instance.pk = None
                form.instance._state.adding = True
            form.add_error(None, _('You may not save this record with these values.'))
            return self.form_response(request, form, status=403)
        messages.success(request, self.get_success_message(saved))
        if request.htmx:
            return HttpResponse(headers={'HX-Location': self.get_success_url(saved)})
        return redirect(self.get_success_url(saved))


# Section: any record


class ObjectListView(RestrictedViewMixin, View):
    """A filterable, sortable, paginated table; htmx requests get only the table."""

    filterset = None
    table = None
    template_name = 'core/object_list.html'
    title = ''

    def get_table_context(self, request) -> dict:
        filterset = self.filterset(request.GET, queryset=self.get_queryset(request), request=request)
        style_widgets(filterset.form)
        table = self.table(filterset.qs, request=request)
        RequestConfig(request, paginate={'per_page': 50}).configure(table)
        return {
            'title': self.title or self.queryset.model._meta.verbose_name_plural,
            'table': table,
            'filter_form': filterset.form,
            'model': self.queryset.model,
        }

    def table_context(self, request) -> dict:
        """``get_table_context()``, the rows of the table's page logged first when they are sensitive records."""
        context = self.get_table_context(request)
        if is_sensitive(self.queryset.model):
            log_table_reads(request.user, context['table'])
        return context

    def get(self, request, **kwargs):
        context = self.table_context(request)
        if request.htmx:
            return render(request, 'core/htmx/table.html', context)
        return render(request, self.template_name, context)


class ObjectView(RestrictedViewMixin, View):
    template_name = None

    def get_extra_context(self, request, obj) -> dict:
        return {}

    def get(self, request, **kwargs):
        obj = self.get_object(request, **kwargs)
        context = {
            'object': obj,
            'can_change': can(request.user, 'change', obj),
            **self.get_extra_context(request, obj),
        }
        return render(request, self.template_name, context)


class ObjectHistoryView(RestrictedViewMixin, View):
    """The audit history of one record: who changed what, when, with before and after values (to anonymous visitors
    only when and which fields)."""

    template_name = 'core/object_history.html'
    read_channel = 'history'

    def get(self, request, **kwargs):
        obj = self.get_object(request, **kwargs)
        changes = shown_to(request.user, object_changes(obj))
        return render(request, self.template_name, {'object': obj, 'changes': changes})


class ObjectEditView(FormSaveMixin, RestrictedViewMixin, View):
    """Edit a record the user may change; saves atomically and rejects concurrent edits."""

    action = 'change'
    form = None
    template_name = 'core/object_edit.html'

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.deny(request)
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, request, obj, data=None):
        return self.form(data=data, instance=obj)

    def get_context(self, request, form) -> dict:
        return {'object': form.instance, 'form': form}

    def form_response(self, request, form, status=200):
        return render(request, self.template_name, self.get_context(request, form), status=status)

    def get(self, request, **kwargs):
        return self.form_response(request, self.get_form(request, self.get_object(request, **kwargs)))

    def post(self, request, **kwargs):
        form = self.get_form(request, self.get_object(request, **kwargs), data=request.POST)
        return self.save_form(request, form, self.action)


class ObjectAddOrEditView(ObjectEditView):
    """Add (no ``pk`` in the URL: the user must be one who may add such records) or change a record.

    Hooks:
        new_object(request, **kwargs): the unsaved record an add starts from.
    """

    def dispatch(self, request, *args, **kwargs):
        self.action = 'change' if 'pk' in kwargs else 'add'
        return super().dispatch(request, *args, **kwargs)

    def new_object(self, request, **kwargs):
        return self.queryset.model()

    def get_object(self, request, **kwargs):
        if self.action == 'add':
            if not may_attempt(request.user, self.queryset.model, 'add'):
                raise PermissionDenied
            return self.new_object(request, **kwargs)
        return super().get_object(request, **kwargs)


class ObjectDeleteView(RestrictedViewMixin, View):
    """Ask on GET, delete on POST (in one transaction), then go where ``get_success_url(obj)`` says.

    A record that others still refer to through a protected relation is not deleted: the reader is sent back to it
    (``get_cancel_url(obj)``) with a message naming how many records of which kinds refer to it.
    """

    action = 'delete'
    template_name = 'core/object_delete.html'

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.deny(request)
        return super().dispatch(request, *args, **kwargs)

    def get_cancel_url(self, obj) -> str:
        return obj.get_absolute_url()

    def get_success_url(self, obj) -> str:
        raise NotImplementedError

    def get_context(self, request, obj) -> dict:
        return {'object': obj, 'cancel_url': self.get_cancel_url(obj)}

    def get(self, request, **kwargs):
        obj = self.get_object(request, **kwargs)
        return render(request, self.template_name, self.get_context(request, obj))

    def post(self, request, **kwargs):
        obj = self.get_object(request, **kwargs)
        label, url = str(obj), self.get_success_url(obj)
        try:
            delete(obj)
        except DeleteRefused as refused:
            messages.error(request, refused.html(request.user))
            return redirect(self.get_cancel_url(obj))
        messages.success(request, _('Deleted %(object)s.') % {'object': label})
        return redirect(url)


class AnalysisView(RestrictedViewMixin, View):
    """A page, download or JSON computed from records the user may view, with its own logic (e.g. a mission's track).

    Anonymous users are sent to log in, and a user whose role does not view ``reads`` gets a 403. With ``lookup``,
    the page is about one record of ``queryset``, read through ``restrict()`` from the URL (404 when unknown or out
    of reach) into ``self.object`` before ``get()`` or ``post()``, which no longer receive its keyword argument.

    Args:
        reads: the model whose records the analysis reads (default: the queryset's model).
        lookup: URL keyword argument -> field lookup of the record, e.g. ``{'acronym': 'acronym__iexact'}``.
    """

    reads = None
    lookup: dict[str, str] = {}

    def dispatch(self, request, *args, **kwargs):
        if refusal := self.refuse_reader(request, self.reads or self.queryset.model):
            return refusal
        if self.lookup:
            self.object = self.get_object(request, **{field: kwargs.pop(name) for name, field in self.lookup.items()})
        return super().dispatch(request, *args, **kwargs)


# Section: records of one country


class CountryScopedMixin(RestrictedViewMixin):
    """A page under ``countries/<iso3>/``: ``self.country`` from the URL (404 when unknown).

    Anonymous users are sent to log in; a user whose role does not read the model gets a 403, and so
    does a user who may not perform ``action`` in this country (``can_in_country()``, the rule of
    ``restrict()``). Querysets are restricted for the action and cut down to the country through the
    model's ``country_scope``, so a record of another country is a 404.

    Args:
        tab: the workspace tab the page belongs to.
    """

    tab = ''

    @property
    def model(self):
        return self.queryset.model

    def dispatch(self, request, *args, **kwargs):
        if refusal := self.refuse_reader(request, self.model):
            return refusal
        self.country = get_object_or_404(Country, iso3__iexact=kwargs.pop('iso3'))
        self.action = self.get_action(**kwargs)
        if not self.may(self.action):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_action(self, **kwargs) -> str:
        return self.action

    def may(self, action: str, model=None) -> bool:
        return can_in_country(self.request.user, action, model or self.model, self.country)

    def get_queryset(self, request, action=None):
        return super().get_queryset(request, action).filter(**{self.model.country_scope: self.country})

    def get_object(self, request, **kwargs):
        obj = self.get_queryset(request).filter(**kwargs).first()
        if obj is None:
            raise Http404
        return self.found(request, obj)

    def country_context(self, **extra) -> dict:
        return {
            'country': self.country,
            'tab': self.tab,
            'can_add': self.may('add'),
            'can_change': self.may('change'),
            'can_delete': self.may('delete'),
            **extra,
        }


class CountryScopedView(CountryScopedMixin, View):
    """The base of a country page with its own logic (dashboard, exports, JSON, imports)."""


class CountryObjectListView(CountryScopedMixin, ObjectListView):
    """The country's records as a table; htmx requests get only the table."""

    def get_extra_context(self, request) -> dict:
        return {}

    def get(self, request, **kwargs):
        context = self.country_context(**self.table_context(request))
        if request.htmx:
            return render(request, 'core/htmx/table.html', context)
        return render(request, self.template_name, {**context, **self.get_extra_context(request)})


class CountryObjectView(CountryScopedMixin, ObjectView):
    def get(self, request, **kwargs):
        obj = self.get_object(request, **kwargs)
        return render(
            request, self.template_name, self.country_context(object=obj, **self.get_extra_context(request, obj))
        )


class CountryObjectHistoryView(CountryScopedMixin, ObjectHistoryView):
    """The audit history of one record of the country; another country's record is a 404."""


class CountryObjectEditView(CountryScopedMixin, ObjectEditView):
    """Add (no ``pk`` in the URL) or change a record of the country.

    Hooks:
        new_object(request, **kwargs): the unsaved record an add starts from.
        get_extra_context(request, form): more for the template.
    """

    def get_action(self, **kwargs) -> str:
        return 'change' if 'pk' in kwargs else 'add'

    def new_object(self, request, **kwargs):
        return self.model()

    def get_object(self, request, **kwargs):
        if self.action == 'add':
            return self.new_object(request, **kwargs)
        return super().get_object(request, **kwargs)

    def get_extra_context(self, request, form) -> dict:
        return {}

    def get_context(self, request, form) -> dict:
        return self.country_context(**super().get_context(request, form), **self.get_extra_context(request, form))


class CountryObjectDeleteView(CountryScopedMixin, ObjectDeleteView):
    def get_extra_context(self, request, obj) -> dict:
        return {}

    def get_context(self, request, obj) -> dict:
        return self.country_context(**super().get_context(request, obj), **self.get_extra_context(request, obj))
