"""The system check on every model's access settings."""

from django.db import models
from django.test.utils import isolate_apps

from ssrhub.core.checks import check_access_settings, model_access_errors
from ssrhub.core.models import Country, RestrictedModel


def test_every_ssrhub_model_passes():
    assert check_access_settings() == []


@isolate_apps('ssrhub.core')
def test_a_sensitive_model_without_country_scope_is_refused():
    class Case(RestrictedModel):
        """A throwaway sensitive model."""

        country = models.ForeignKey(to=Country, on_delete=models.CASCADE, related_name='+')
        access_kind = 'sensitive'

        class Meta:
            app_label = 'core'

    assert [error.id for error in model_access_errors(Case)] == ['core.E002']
    Case.country_scope = 'country'
    assert model_access_errors(Case) == []


@isolate_apps('ssrhub.core')
def test_unknown_access_kind_and_a_scope_that_is_not_a_country_are_refused():
    class Note(RestrictedModel):
        """A throwaway model with wrong access settings."""

        text = models.TextField()
        access_kind = 'secret'
        country_scope = 'text'

        class Meta:
            app_label = 'core'

    assert [error.id for error in model_access_errors(Note)] == ['core.E001', 'core.E003']
