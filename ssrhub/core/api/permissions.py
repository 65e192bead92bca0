from rest_framework.permissions import SAFE_METHODS, BasePermission

from ssrhub.core.access import may_attempt

__all__ = ['RestrictedModelPermissions']


class RestrictedModelPermissions(BasePermission):
    """Reads are filtered by ``restrict()`` in the viewset; writes need the model permission or, on a model with an
    owner rule, the owner's action (``restrict()`` then limits them to the user's own records)."""

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        action = {'POST': 'add', 'PUT': 'change', 'PATCH': 'change', 'DELETE': 'delete'}.get(request.method)
        if action is None:
            return True  # another method (TRACE...): the viewset answers 405
        return may_attempt(request.user, view.get_queryset().model, action)
