"""Object-level access: every view and API queryset goes through ``restrict(user, action)``.

A user needs the model permission for the action (granted by a role, see ``roles.py``). On top of that, models that
declare ``country_scope`` (a lookup path to a country) limit the actions listed in ``scoped_actions`` to the
countries the user is assigned to for a role they hold that grants the action (a country editor in LBR who sits on
the HRDDP forum of COD edits LBR's plans and reads COD's due-diligence records, not the reverse), unless the user is
an administrator. Sensitive models (``access_kind = 'sensitive'``) scope viewing too, whatever their
``scoped_actions`` say, and are never readable anonymously, so a due-diligence officer for one country never sees
another country's cases; ``checks.py`` refuses a sensitive model without ``country_scope``. Reads of sensitive
records are to be logged (issue 14) where one record is fetched for a user: ``get_object()`` of ``api/viewsets.py``
and of ``views/generic.py``.

The owner rule: a model that declares ``owner_scope`` (a lookup path to a user, e.g. ``'user'`` or
``'profile__user'``) lets that user perform the actions in ``owner_actions`` on the records it leads to, whatever
their role (an expert sees and edits their own roster profile). It widens ``restrict()``, and so ``can()``;
``may_attempt()`` tells the API which writes to let through to ``restrict()``.
"""

from django.db import models
from django.db.models import F, Q

from .roles import Role, permission_name, roles_granting

__all__ = [
    'ALL',
    'NONE',
    'SENSITIVE',
    'RestrictedQuerySet',
    'can',
    'can_in_country',
    'holds_role',
    'is_administrator',
    'may_attempt',
    'owned',
    'reach',
    'scoped_actions',
    'two_factor_verified',
]

SENSITIVE = 'sensitive'


def is_administrator(user) -> bool:
    return user.is_superuser or user.groups.filter(name=Role.ADMINISTRATOR).exists()


def scoped_actions(model) -> frozenset[str]:
    """The actions limited to the user's countries on ``model``: a sensitive model's always include 'view'."""
    actions = frozenset(model.scoped_actions)
    return actions | {'view'} if getattr(model, 'access_kind', None) == SENSITIVE else actions


ALL, NONE = 'all', 'none'


def two_factor_verified(user) -> bool:
    """Whether the user's session was verified with their second factor (``otp_device`` is set by django-otp's
    middleware): sensitive records are reached only so, whatever the role, administrators included. A user loaded
    outside a request (an API token, a command) is never verified."""
    return getattr(user, 'otp_device', None) is not None


def reach(user, model, action: str):
    """The one access rule: ``ALL``, ``NONE`` or the countries (a queryset of ids) in which ``user`` may perform
    ``action`` on ``model`` records."""
    if not user.is_authenticated:
        public = getattr(model, 'public', False) and getattr(model, 'access_kind', None) != SENSITIVE
        return ALL if action == 'view' and public else NONE
    if getattr(model, 'access_kind', None) == SENSITIVE and not two_factor_verified(user):
        return NONE
    if user.is_superuser:
        return ALL
    if not user.has_perm(permission_name(model, action)):
        return NONE
    if getattr(model, 'country_scope', None) and action in scoped_actions(model) and not is_administrator(user):
        return user.country_assignments.filter(
            role__in=roles_granting(model, action), user__groups__name=F('role')
        ).values('country')
    return ALL


def owned(user, model, action: str) -> Q | None:
    """The owner rule: a filter on the records of ``model`` that ``user`` owns, when their owner may perform
    ``action`` on them (None when the model has no owner or the action is not an owner's)."""
    scope = getattr(model, 'owner_scope', None)
    if not scope or not user.is_authenticated or action not in getattr(model, 'owner_actions', ()):
        return None
    return Q(**{scope: user})


def may_attempt(user, model, action: str) -> bool:
    """Whether ``user`` may try ``action`` on some ``model`` record: the role's permission or the owner rule
    (``restrict()`` then decides which records)."""
    return user.is_authenticated and (
        user.has_perm(permission_name(model, action)) or owned(user, model, action) is not None
    )


class RestrictedQuerySet(models.QuerySet):
    def restrict(self, user, action: str = 'view'):
        """Return only the rows ``user`` may perform ``action`` on (the role's reach, widened by the owner rule)."""
        countries = reach(user, self.model, action)
        if countries is ALL:
            return self.all()
        own = owned(user, self.model, action)
        if countries is NONE:
            return self.filter(own) if own is not None else self.none()
        within = Q(**{f'{self.model.country_scope}__in': countries})
        return self.filter(within | own if own is not None else within).distinct()


def can(user, action: str, obj) -> bool:
    """True when ``user`` may perform ``action`` on the saved object ``obj``."""
    return type(obj).objects.restrict(user, action).filter(pk=obj.pk).exists()


def can_in_country(user, action: str, model, country) -> bool:
    """True when ``user`` may perform ``action`` on ``model`` records of ``country`` (the rule of ``restrict()``)."""
    countries = reach(user, model, action)
    if countries is ALL or countries is NONE:
        return countries is ALL
    return countries.filter(country=country).exists()


def holds_role(user, role, country) -> bool:
    """True when ``user`` holds ``role`` (a role held per country) in ``country``: a step of a workflow that only
    that role takes there (the HRDDP forum's review, the decision-maker's decision) asks this, not the model
    permission, which the role shares with others. Administrators do not stand in for the role."""
    return (
        user.is_authenticated
        and user.groups.filter(name=role).exists()
        and user.country_assignments.filter(role=role, country=country).exists()
    )
