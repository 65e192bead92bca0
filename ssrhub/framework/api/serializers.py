from rest_framework import serializers

from ssrhub.core.api.fields import BilingualField, CitationsField
from ssrhub.framework.models import (
    Framework,
    FrameworkItem,
    FrameworkVersion,
    Mission,
    UNEntity,
    UNEntityMembership,
    UNEntityName,
)

__all__ = [
    'FrameworkItemSerializer',
    'FrameworkSerializer',
    'FrameworkVersionSerializer',
    'MissionSerializer',
    'UNEntitySerializer',
]


class FrameworkSerializer(serializers.ModelSerializer):
    name = BilingualField('name')
    description = BilingualField('description')
    versions = serializers.SlugRelatedField(slug_field='version', many=True, read_only=True)
    current_version = serializers.SlugRelatedField(slug_field='version', read_only=True)

    class Meta:
        model = Framework
        fields = ['id', 'code', 'name', 'description', 'versions', 'current_version']


class FrameworkVersionSerializer(serializers.ModelSerializer):
    framework = serializers.SlugRelatedField(slug_field='code', read_only=True)
    notes = BilingualField('notes')
    item_count = serializers.IntegerField(source='items.count', read_only=True)

    class Meta:
        model = FrameworkVersion
        fields = ['id', 'framework', 'version', 'released', 'notes', 'content_hash', 'item_count']


class FrameworkItemSerializer(serializers.ModelSerializer):
    """The same shape as ``framework.export.item_as_dict``, plus where the item lives."""

    framework = serializers.CharField(source='version.framework.code', read_only=True)
    version = serializers.CharField(source='version.version', read_only=True)
    parent = serializers.SlugRelatedField(slug_field='code', read_only=True, allow_null=True)
    label = BilingualField('label')
    definition = BilingualField('definition')
    citations = CitationsField()

    class Meta:
        model = FrameworkItem
        fields = ['id', 'framework', 'version', 'code', 'parent', 'ref', 'depth', 'label', 'definition', 'citations']


class UNEntityNameSerializer(serializers.ModelSerializer):
    name = BilingualField('name')

    class Meta:
        model = UNEntityName
        fields = ['acronym', 'name', 'valid_from', 'valid_to']


class UNEntityMembershipSerializer(serializers.ModelSerializer):
    group = serializers.SlugRelatedField(slug_field='code', read_only=True)
    citations = CitationsField()

    class Meta:
        model = UNEntityMembership
        fields = ['group', 'role', 'valid_from', 'valid_to', 'note', 'citations']


class UNEntitySerializer(serializers.ModelSerializer):
    names = UNEntityNameSerializer(many=True, read_only=True)
    member_of = UNEntityMembershipSerializer(many=True, read_only=True)
    citations = CitationsField()

    class Meta:
        model = UNEntity
        fields = ['id', 'code', 'kind', 'names', 'member_of', 'note', 'citations']


class MissionSerializer(serializers.ModelSerializer):
    name = BilingualField('name')
    countries = serializers.SlugRelatedField(slug_field='iso3', many=True, read_only=True)
    predecessors = serializers.SlugRelatedField(slug_field='acronym', many=True, read_only=True)
    successors = serializers.SlugRelatedField(slug_field='acronym', many=True, read_only=True)
    citations = CitationsField()

    class Meta:
        model = Mission
        fields = [
            'id',
            'acronym',
            'acronym_fr',
            'name',
            'type',
            'countries',
            'start',
            'end',
            'established_by',
            'predecessors',
            'successors',
            'note',
            'citations',
        ]
