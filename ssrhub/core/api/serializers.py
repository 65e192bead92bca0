from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from ssrhub.core.models import Country

from .fields import BilingualField

__all__ = ['CountrySerializer', 'ModelCleanMixin']


class ModelCleanMixin:
    """A writable serializer validated as the pages validate: the record as it would be saved passes
    ``check_record()``, then the model's ``full_clean()`` with its constraints (DRF's own unique validators are left
    out, so that a constraint's message is the model's).

    Hooks:
        new_record(): the unsaved record a create starts from.
        check_record(record): a check before the model's (the country the user may write in); raises to refuse.
    """

    def get_validators(self):
        return []

    def new_record(self):
        return self.Meta.model()

    def check_record(self, record) -> None:
        pass

    def validate(self, data):
        record = self.instance or self.new_record()
        for name, value in data.items():
            setattr(record, name, value)
        self.check_record(record)
        try:
            record.full_clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(serializers.as_serializer_error(error)) from error
        return data


class CountrySerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name='core-api:country-detail', lookup_field='iso3')
    name = BilingualField('name')

    class Meta:
        model = Country
        fields = ['url', 'iso3', 'iso2', 'numeric', 'name', 'official_name_en']
