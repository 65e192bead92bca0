"""API base viewsets: every queryset goes through ``restrict(user, action)`` for the action the request performs.

Every sensitive record a request reads (one record, or the rows of a list) is written to the read log before the
response is built; when the log cannot be written, the request is refused with a 403 (``core/readlog.py``)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import status, viewsets
from rest_framework.exceptions import APIException, PermissionDenied

from ssrhub.core.access import can
from ssrhub.core.deletion import DeleteRefused, delete
from ssrhub.core.readlog import log_reads

__all__ = ['Conflict', 'RestrictedModelViewSet', 'RestrictedReadOnlyViewSet']

# DRF's viewset actions -> the access action they need on the record (list and retrieve: 'view').
RESTRICT_ACTIONS = {'create': 'add', 'update': 'change', 'partial_update': 'change', 'destroy': 'delete'}


class Conflict(APIException):
    """A 409: the request cannot be done in the records' present state."""

    status_code = status.HTTP_409_CONFLICT
    default_code = 'conflict'


class RestrictedViewSetMixin:
    """Restricts the queryset to what the user may do with the request's action.

    A record that the user may view but not change or delete is a 403; one outside the user's reach is a 404,
    so guessing ids tells nothing.
    """

    @property
    def restrict_action(self) -> str:
        return RESTRICT_ACTIONS.get(self.action, 'view')

    def get_queryset(self):
        return super().get_queryset().restrict(self.request.user, self.restrict_action)

    def get_object(self):
        try:
            obj = super().get_object()
        except Http404:
            if self.restrict_action != 'view' and self._visible():
                raise PermissionDenied from None
            raise
        log_reads(self.request.user, [obj], 'api')
        return obj

    def get_serializer(self, *args, **kwargs):
        """A list's rows (the page, or every row without pagination) are logged when they are sensitive records."""
        if kwargs.get('many') and args:
            rows = list(args[0])
            log_reads(self.request.user, rows, 'api')
            args = (rows, *args[1:])
        return super().get_serializer(*args, **kwargs)

    def _visible(self) -> bool:
        lookup_url_kwarg = self.lookup_url_kwarg or self.lookup_field
        lookup = {self.lookup_field: self.kwargs[lookup_url_kwarg]}
        try:
            return self.queryset.restrict(self.request.user, 'view').filter(**lookup).exists()
        except (TypeError, ValueError, ValidationError):  # an id of the wrong kind, as DRF's get_object_or_404
            return False


class RestrictedReadOnlyViewSet(RestrictedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Lists and retrieves only what the requesting user may view."""


class RestrictedModelViewSet(RestrictedViewSetMixin, viewsets.ModelViewSet):
    """Create, read, update and delete within the user's reach, each change in the audit history.

    A record that other records refer to through a protected relation is not deleted (409).
    Writes need the model permission (``RestrictedModelPermissions``); update and delete find the record in
    ``restrict(user, 'change'/'delete')``. Create and update save atomically and roll back with a 403 when the
    saved record is not within ``restrict(user, 'add'/'change')``, so an editor of one country cannot create a
    record in another or move one there.
    """

    def perform_create(self, serializer):
        self._save(serializer)

    def perform_destroy(self, instance):
        """A record that others refer to through a protected relation is not deleted: a 409 counts them by kind."""
        try:
            delete(instance)
        except DeleteRefused as refused:
            raise Conflict(refused.text()) from None

    def perform_update(self, serializer):
        self._save(serializer)

    def _save(self, serializer):
        with transaction.atomic():
            instance = serializer.save()
            if not can(self.request.user, self.restrict_action, instance):
                # Raised inside the atomic block, so the save is rolled back.
                raise PermissionDenied(_('You may not save this record with these values.'))
