"""Object-level access: every view and API queryset goes through ``restrict(user, action)``.

A user needs the model permission for the action (granted by a role, see ``roles.py``). On top of
that, models that declare ``country_scope`` (a lookup path to a country) limit the actions listed
in ``scoped_actions`` to the countries the user is assigned to, unless the user is an
administrator. Sensitive models (``access_kind = 'sensitive'``) scope viewing too, whatever their
``scoped_actions`` say, and are never readable anonymously, so a due-diligence officer for one
country never sees another country's cases; ``checks.py`` refuses a sensitive model without
``country_scope``. Reads of sensitive records are to be logged (issue 14) where one record is
fetched for a user: ``get_object()`` of ``api/viewsets.py`` and of ``views/generic.py``.
"""

from django.db import models

from .roles import Role, permission_name

__all__ = ['SENSITIVE', 'RestrictedQuerySet', 'can', 'is_administrator', 'scoped_actions']

SENSITIVE = 'sensitive'


def is_administrator(user) -> bool:
    return user.is_superuser or user.groups.filter(name=Role.ADMINISTRATOR).exists()


def scoped_actions(model) -> frozenset[str]:
    """The actions limited to the user's countries on ``model``: a sensitive model's always include 'view'."""
    actions = frozenset(model.scoped_actions)
    return actions | {'view'} if getattr(model, 'access_kind', None) == SENSITIVE else actions


class RestrictedQuerySet(models.QuerySet):
    def restrict(self, user, action: str = 'view'):
        """Return only the rows ``user`` may perform ``action`` on."""
        model = self.model
        if not user.is_authenticated:
            public = getattr(model, 'public', False) and getattr(model, 'access_kind', None) != SENSITIVE
            return self.all() if action == 'view' and public else self.none()
        if user.is_superuser:
            return self.all()
        if not user.has_perm(permission_name(model, action)):
            return self.none()
        scope = getattr(model, 'country_scope', None)
        if scope and action in scoped_actions(model) and not is_administrator(user):
            return self.filter(**{f'{scope}__in': user.country_assignments.values('country')}).distinct()
        return self.all()


def can(user, action: str, obj) -> bool:
    """True when ``user`` may perform ``action`` on the saved object ``obj``."""
    return type(obj).objects.restrict(user, action).filter(pk=obj.pk).exists()


def can_in_country(user, action: str, model, country) -> bool:
    """True when ``user`` may perform ``action`` on ``model`` records of ``country``, by the rule of ``restrict()``
    (a model permission, and an assignment to the country where the model scopes the action)."""
    if not user.is_authenticated:
        return action == 'view' and getattr(model, 'public', False)
    if user.is_superuser:
        return True
    if not user.has_perm(permission_name(model, action)):
        return False
    if getattr(model, 'country_scope', None) and action in model.scoped_actions and not is_administrator(user):
        return user.country_assignments.filter(country=country).exists()
    return True
