from rest_framework import viewsets

__all__ = ['RestrictedReadOnlyViewSet']


class RestrictedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Lists and retrieves only what the requesting user may view."""

    def get_queryset(self):
        return super().get_queryset().restrict(self.request.user, 'view')
