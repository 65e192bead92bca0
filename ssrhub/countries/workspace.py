"""What every country workspace page shares: the country from the URL, who may read and who may edit it."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views import View

from ssrhub.core.access import is_administrator
from ssrhub.core.models import Country
from ssrhub.core.roles import permission_name

__all__ = ['WorkspaceView', 'can_edit_country']


def can_edit_country(user, country, model) -> bool:
    """Whether ``user`` may add and change ``model`` records of ``country`` (a country editor assigned to it,
    or an administrator)."""
    if not user.has_perm(permission_name(model, 'change')):
        return False
    return is_administrator(user) or user.country_assignments.filter(country=country).exists()


class WorkspaceView(LoginRequiredMixin, View):
    """A page of a country's workspace: ``self.country`` from ``<iso3>``; 403 without the right to read
    ``model`` records, 404 for an unknown country. ``self.can_edit`` says whether the user may change them."""

    model = None  # the workspace model whose view permission the page needs
    tab = ''  # which workspace tab the page belongs to

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm(permission_name(self.model, 'view')):
            raise PermissionDenied
        self.country = get_object_or_404(Country, iso3__iexact=kwargs['iso3'])
        self.can_edit = can_edit_country(request.user, self.country, self.model)
        return super().dispatch(request, *args, **kwargs)

    def require_edit(self):
        if not self.can_edit:
            raise PermissionDenied

    def workspace_context(self, **extra) -> dict:
        return {'country': self.country, 'can_edit': self.can_edit, 'tab': self.tab, **extra}
