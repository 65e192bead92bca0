"""The log of named exports (``NamedExport``), read-only: administrators read it (an audit model)."""

from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated

from ssrhub.core.api.permissions import RestrictedModelPermissions
from ssrhub.core.api.viewsets import RestrictedReadOnlyViewSet

from ..models import NamedExport

__all__ = ['NamedExportSerializer', 'NamedExportViewSet']


class NamedExportSerializer(serializers.ModelSerializer):
    user = serializers.SlugRelatedField(slug_field='username', read_only=True)
    country = serializers.SlugRelatedField(slug_field='iso3', read_only=True)

    class Meta:
        model = NamedExport
        fields = ['id', 'created', 'user', 'country', 'model', 'query', 'format', 'rows', 'reason']


class NamedExportViewSet(RestrictedReadOnlyViewSet):
    queryset = NamedExport.objects.select_related('user', 'country')
    serializer_class = NamedExportSerializer
    permission_classes = [IsAuthenticated, RestrictedModelPermissions]
    filterset_fields = ['country', 'user']
