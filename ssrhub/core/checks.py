"""System checks on the access settings of every ssrhub model (run by ``manage.py check`` and at start-up)."""

from django.apps import apps
from django.core import checks
from django.core.exceptions import FieldDoesNotExist

from .access import SENSITIVE
from .roles import ROLE_ACTIONS

__all__ = ['check_access_settings', 'model_access_errors']

ACCESS_KINDS = frozenset(kind for actions in ROLE_ACTIONS.values() for kind in actions)


def _scope_target(model, scope: str):
    """The model at the end of the lookup path ``scope`` from ``model`` (None when a step is not a relation)."""
    for name in scope.split('__'):
        try:
            model = model._meta.get_field(name).related_model
        except FieldDoesNotExist:
            return None
        if model is None:
            return None
    return model


def model_access_errors(model) -> list[checks.CheckMessage]:
    """What is wrong with ``model``'s ``access_kind`` and ``country_scope``."""
    label = model._meta.label
    kind = getattr(model, 'access_kind', None)
    scope = getattr(model, 'country_scope', None)
    errors = []
    if kind not in ACCESS_KINDS:
        errors.append(
            checks.Error(
                f'{label}.access_kind is {kind!r}, not one of {", ".join(sorted(ACCESS_KINDS))}.',
                hint='Set access_kind on the model: it decides which roles get which permissions (core/roles.py).',
                obj=model,
                id='core.E001',
            )
        )
    if kind == SENSITIVE and not scope:
        errors.append(
            checks.Error(
                f'{label} is sensitive but has no country_scope.',
                hint='Set country_scope to the lookup path of the country a record belongs to, e.g. "case__country".',
                obj=model,
                id='core.E002',
            )
        )
    if scope and _scope_target(model, scope) is not apps.get_model('core', 'Country'):
        errors.append(
            checks.Error(
                f'{label}.country_scope {scope!r} does not lead to core.Country.',
                obj=model,
                id='core.E003',
            )
        )
    return errors


@checks.register(checks.Tags.models)
def check_access_settings(app_configs=None, **kwargs):
    """Every ssrhub model with a restricted manager declares a known access kind and a valid country scope."""
    configs = app_configs or apps.get_app_configs()
    return [
        error
        for config in configs
        if config.name.startswith('ssrhub.')
        for model in config.get_models()
        if hasattr(model, 'scoped_actions')
        for error in model_access_errors(model)
    ]
