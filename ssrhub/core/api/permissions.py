from rest_framework.permissions import SAFE_METHODS, BasePermission

from ssrhub.core.roles import permission_name

__all__ = ['RestrictedModelPermissions']


class RestrictedModelPermissions(BasePermission):
    """Reads are filtered by ``restrict()`` in the viewset; writes need the model permission."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        model = view.get_queryset().model
        action = {'POST': 'add', 'PUT': 'change', 'PATCH': 'change', 'DELETE': 'delete'}[request.method]
        return request.user.is_authenticated and request.user.has_perm(permission_name(model, action))
