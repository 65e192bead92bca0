from rest_framework import serializers

from ssrhub.core.models import Country

from .fields import BilingualField

__all__ = ['CountrySerializer']


class CountrySerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name='core-api:country-detail', lookup_field='iso3')
    name = BilingualField('name')

    class Meta:
        model = Country
        fields = ['url', 'iso3', 'iso2', 'numeric', 'name', 'official_name_en']
