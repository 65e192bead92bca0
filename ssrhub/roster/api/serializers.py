"""The roster in the API: profiles with their parts (personal data: roster managers and the person themself),
support requests (workspace records), their steps and candidates, and the export log."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ssrhub.core.api.fields import CitationsField
from ssrhub.core.api.serializers import ModelCleanMixin
from ssrhub.core.models import Country
from ssrhub.countries.api.serializers import (
    ReachablePrimaryKeyRelatedField,
    ReachableSlugRelatedField,
    WorkspaceSerializer,
    choice_text,
    country_field,
)
from ssrhub.framework.models import Mission, UNEntity
from ssrhub.roster.forms import expertise_queryset
from ssrhub.roster.models import (
    Availability,
    Candidate,
    Deployment,
    Expertise,
    ExpertProfile,
    LanguageSkill,
    RegionExperience,
    RequestStep,
    RosterExport,
    Status,
    SupportRequest,
    language_choices,
)
from ssrhub.roster.services import is_roster_manager, record_step

__all__ = [
    'CandidateSerializer',
    'ExpertProfileSerializer',
    'RequestStepSerializer',
    'RosterExportSerializer',
    'SupportRequestSerializer',
]


class ItemCodeField(serializers.SlugRelatedField):
    """A component, ITGN or area of the current framework version, by its code."""

    def __init__(self, **kwargs):
        super().__init__(slug_field='code', **kwargs)

    def get_queryset(self):
        return expertise_queryset(self.context['request'].user)


class ExpertiseSerializer(serializers.ModelSerializer):
    item = ItemCodeField(help_text='Framework code (component.*, itgn.*, area.*).')

    class Meta:
        model = Expertise
        fields = ['item', 'level']


class LanguageSkillSerializer(serializers.ModelSerializer):
    language = choice_text(language_choices(), 'ISO 639-1 code of the language')

    class Meta:
        model = LanguageSkill
        fields = ['language', 'proficiency']


class RegionSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(
        slug_field='iso3', queryset=Country.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = RegionExperience
        fields = ['region', 'country']


class AvailabilitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Availability
        fields = ['start', 'end', 'note']


class DeploymentSerializer(serializers.ModelSerializer):
    country = serializers.SlugRelatedField(slug_field='iso3', read_only=True, allow_null=True)
    mission = serializers.SlugRelatedField(slug_field='acronym', read_only=True, allow_null=True)

    class Meta:
        model = Deployment
        fields = ['id', 'request', 'country', 'mission', 'role', 'start', 'end', 'rating', 'rating_comment']
        read_only_fields = fields


PARTS = {
    'expertise': Expertise,
    'languages': LanguageSkill,
    'regions': RegionExperience,
    'availability': Availability,
}


class ExpertProfileSerializer(serializers.ModelSerializer):
    """A profile with its parts; writing a part's list replaces that part. Deployments are recorded through the
    support requests (read-only here). The account link, clearance and demo flag are the roster manager's."""

    nationality = serializers.SlugRelatedField(
        slug_field='iso3', queryset=Country.objects.all(), allow_null=True, required=False
    )
    user = serializers.SlugRelatedField(slug_field='username', read_only=True, allow_null=True)
    expertise = ExpertiseSerializer(many=True, required=False)
    languages = LanguageSkillSerializer(many=True, required=False)
    regions = RegionSerializer(many=True, required=False)
    availability = AvailabilitySerializer(many=True, required=False)
    deployments = DeploymentSerializer(many=True, read_only=True)

    MANAGERS_ONLY = ('clearance', 'demo')

    class Meta:
        model = ExpertProfile
        fields = [
            'id',
            'name',
            'email',
            'phone',
            'nationality',
            'user',
            'clearance',
            'summary',
            'demo',
            'expertise',
            'languages',
            'regions',
            'availability',
            'deployments',
        ]

    def validate(self, data):
        if not is_roster_manager(self.context['request'].user):
            data = {k: v for k, v in data.items() if k not in self.MANAGERS_ONLY}
        return data

    def _save_parts(self, profile, parts):
        for name, rows in parts.items():
            model = PARTS[name]
            model.objects.filter(profile=profile).delete()
            for row in rows:
                part = model(profile=profile, **row)
                try:
                    part.full_clean()
                except DjangoValidationError as error:
                    raise serializers.ValidationError({name: serializers.as_serializer_error(error)}) from error
                part.save()

    @transaction.atomic
    def create(self, validated_data):
        parts = {name: validated_data.pop(name) for name in PARTS if name in validated_data}
        profile = super().create(validated_data)
        self._save_parts(profile, parts)
        return profile

    @transaction.atomic
    def update(self, instance, validated_data):
        parts = {name: validated_data.pop(name) for name in PARTS if name in validated_data}
        profile = super().update(instance, validated_data)
        self._save_parts(profile, parts)
        return profile


STATUS_HELP = 'Status of a support request'


class StepSerializer(serializers.ModelSerializer):
    status = choice_text(Status.choices, STATUS_HELP, read_only=True)

    class Meta:
        model = RequestStep
        fields = ['id', 'status', 'date', 'note']


class SupportRequestSerializer(WorkspaceSerializer):
    """A support request; its status comes from its steps, and the names of its candidates are shown to roster
    managers only (others see how many were proposed)."""

    country = country_field()
    mission = ReachableSlugRelatedField(
        slug_field='acronym', allow_null=True, required=False, queryset=Mission.objects.all()
    )
    addressees = ReachableSlugRelatedField(slug_field='code', many=True, queryset=UNEntity.objects.all())
    skills = ItemCodeField(many=True, required=False)
    languages = serializers.ListField(
        child=serializers.CharField(), required=False, help_text='ISO 639-1 codes of the languages asked for.'
    )
    status = choice_text(Status.choices, STATUS_HELP, read_only=True)
    steps = serializers.SerializerMethodField()
    candidate_count = serializers.SerializerMethodField()
    candidates = serializers.SerializerMethodField()
    citations = CitationsField()

    class Meta:
        model = SupportRequest
        fields = [
            'id',
            'country',
            'mission',
            'requested_by',
            'addressees',
            'title',
            'terms_of_reference',
            'skills',
            'languages',
            'proficiency',
            'start',
            'end',
            'status',
            'status_date',
            'steps',
            'candidate_count',
            'candidates',
            'source',
            'citations',
        ]
        read_only_fields = ['status_date']

    def validate(self, data):
        # Many-to-many values cannot be set on an unsaved record: checked apart, then saved by the serializer.
        related = {name: data.pop(name) for name in ('addressees', 'skills') if name in data}
        if not self.partial and not related.get('addressees'):
            raise serializers.ValidationError({'addressees': [_('Name at least one addressee.')]})
        return {**super().validate(data), **related}

    @extend_schema_field(StepSerializer(many=True))
    def get_steps(self, obj):
        steps = RequestStep.objects.restrict(self.context['request'].user).filter(request=obj)
        return StepSerializer(steps, many=True).data

    def get_candidate_count(self, obj) -> int:
        return obj.candidates.count()

    @extend_schema_field(serializers.ListField(child=serializers.DictField(), allow_null=True))
    def get_candidates(self, obj):
        user = self.context['request'].user
        if not is_roster_manager(user):
            return None
        rows = Candidate.objects.restrict(user).filter(request=obj).select_related('profile')
        return [{'id': c.id, 'profile': c.profile_id, 'name': c.profile.name, 'selected': c.selected} for c in rows]

    def create(self, validated_data):
        with transaction.atomic():
            saved = super().create(validated_data)
            record_step(saved, 'requested', saved.created.date())
        return saved


class RequestStepSerializer(serializers.ModelSerializer):
    """A step of a request, recorded after the latest one (``workflow.py``)."""

    serializer_related_field = ReachablePrimaryKeyRelatedField
    status = choice_text(Status.choices, STATUS_HELP)

    class Meta:
        model = RequestStep
        fields = ['id', 'request', 'status', 'date', 'note']

    def validate_status(self, value):
        if value not in Status.values:
            raise serializers.ValidationError(_('Unknown status.'))
        return value

    def create(self, validated_data):
        try:
            return record_step(**validated_data)
        except DjangoValidationError as error:
            raise serializers.ValidationError({'status': error.messages}) from error


class CheckedSerializer(ModelCleanMixin, serializers.ModelSerializer):
    """A roster record validated by the model (``full_clean()``), related records chosen among those the user may
    view."""

    serializer_related_field = ReachablePrimaryKeyRelatedField


class CandidateSerializer(CheckedSerializer):
    name = serializers.CharField(source='profile.name', read_only=True)

    class Meta:
        model = Candidate
        fields = ['id', 'request', 'profile', 'name', 'proposed', 'score', 'selected', 'note']
        read_only_fields = ['score']


class DeploymentRecordSerializer(CheckedSerializer):
    """A deployment written on its own, with the requesting office's rating (a roster manager's)."""

    country = ReachableSlugRelatedField(
        slug_field='iso3', allow_null=True, required=False, queryset=Country.objects.all()
    )
    mission = ReachableSlugRelatedField(
        slug_field='acronym', allow_null=True, required=False, queryset=Mission.objects.all()
    )

    class Meta:
        model = Deployment
        fields = ['id', 'profile', *DeploymentSerializer.Meta.fields[1:]]


class RosterExportSerializer(serializers.ModelSerializer):
    user = serializers.SlugRelatedField(slug_field='username', read_only=True)

    class Meta:
        model = RosterExport
        fields = ['id', 'created', 'user', 'query', 'format', 'rows', 'contacts']
