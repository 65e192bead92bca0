"""Generic views: app views only declare their queryset, filterset, table, form and template.

Every view restricts its queryset with ``restrict(user, action)`` (see ``core/access.py``), so a
record the user may not see is a 404, never a leak.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django_tables2 import RequestConfig

from ssrhub.core.access import can
from ssrhub.core.forms import style_widgets
from ssrhub.core.history import object_changes

__all__ = ['ObjectEditView', 'ObjectHistoryView', 'ObjectListView', 'ObjectView']


class RestrictedViewMixin:
    queryset = None
    action = 'view'

    def get_queryset(self, request):
        return self.queryset.restrict(request.user, self.action)

    def deny(self, request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied

    def get_object(self, request, **kwargs):
        obj = self.get_queryset(request).filter(**kwargs).first()
        if obj is None:
            if self.action != 'view' and self.queryset.restrict(request.user, 'view').filter(**kwargs).exists():
                raise PermissionDenied
            raise Http404
        return obj


class ObjectListView(RestrictedViewMixin, View):
    """A filterable, sortable, paginated table; htmx requests get only the table."""

    filterset = None
    table = None
    template_name = 'core/object_list.html'
    title = ''

    def get(self, request):
        queryset = self.get_queryset(request)
        filterset = self.filterset(request.GET, queryset=queryset, request=request)
        style_widgets(filterset.form)
        table = self.table(filterset.qs, request=request)
        RequestConfig(request, paginate={'per_page': 50}).configure(table)
        context = {
            'title': self.title or self.queryset.model._meta.verbose_name_plural,
            'table': table,
            'filter_form': filterset.form,
            'model': self.queryset.model,
        }
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
    """The audit history of one record: who changed what, when, with before and after values."""

    template_name = 'core/object_history.html'

    def get(self, request, **kwargs):
        obj = self.get_object(request, **kwargs)
        return render(request, self.template_name, {'object': obj, 'changes': object_changes(obj)})


class ObjectEditView(RestrictedViewMixin, View):
    """Edit a record the user may change; saves atomically and rejects concurrent edits."""

    action = 'change'
    form = None
    template_name = 'core/object_edit.html'

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.deny(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, **kwargs):
        obj = self.get_object(request, **kwargs)
        return render(request, self.template_name, {'object': obj, 'form': self.form(instance=obj)})

    def post(self, request, **kwargs):
        obj = self.get_object(request, **kwargs)
        form = self.form(data=request.POST, instance=obj)
        if form.is_valid():
            with transaction.atomic():
                saved = form.save()
                # The edit must not move the record out of the user's reach (e.g. to another country).
                if not can(request.user, 'change', saved):
                    transaction.set_rollback(True)
                    form.add_error(None, _('You may not save this record with these values.'))
                    return render(request, self.template_name, {'object': obj, 'form': form}, status=403)
            messages.success(request, _('Saved %(object)s.') % {'object': saved})
            return redirect(saved.get_absolute_url())
        return render(request, self.template_name, {'object': obj, 'form': form}, status=400)
