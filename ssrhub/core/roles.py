"""The ssrhub roles and the model permissions each one grants.

Roles are Django groups (so the admin can see and assign them); ``sync_roles()`` rebuilds their
permissions from the table below after every migration. Object-level limits (which countries a
user may act on) live in ``access.py``.
"""

from django.contrib.auth.models import Group, Permission
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ['COUNTRY_ROLES', 'Role', 'permission_name', 'role_permissions', 'roles_granting', 'sync_roles']


class Role(models.TextChoices):
    VIEWER = 'viewer', _('Viewer')
    ANALYST = 'analyst', _('Analyst')
    COUNTRY_EDITOR = 'country-editor', _('Country editor')
    DUE_DILIGENCE_OFFICER = 'due-diligence-officer', _('Due-diligence officer')
    ADMINISTRATOR = 'administrator', _('Administrator')
    ROSTER_MANAGER = 'roster-manager', _('Roster manager')
    HRDDP_FORUM_MEMBER = 'hrddp-forum-member', _('HRDDP forum member')
    HRDDP_DECISION_MAKER = 'hrddp-decision-maker', _('HRDDP decision-maker')


# Which actions each role has, by kind of model. "workspace" models are country records
# (engagements, plans...); "analysis" models hold coding and analytics; "sensitive" models hold
# due-diligence cases, incidents and individuals. "personal" models hold the personal data of the
# expert roster (profiles, candidacies): roster managers and administrators only, besides the person
# themself (an owner rule, ``access.py``). "roster" models record the roster's work on support
# requests (status steps): everyone with a role reads them, roster managers write them. "audit" models
# (the log of exports with contact details) are read by administrators. Reference data is edited by
# administrators only.
ROLE_ACTIONS = {
    Role.VIEWER: {'reference': {'view'}, 'workspace': {'view'}, 'analysis': {'view'}, 'roster': {'view'}},
    Role.ANALYST: {
        'reference': {'view'},
        'workspace': {'view'},
        'analysis': {'view', 'add', 'change', 'delete'},
        'roster': {'view'},
    },
    Role.COUNTRY_EDITOR: {
        'reference': {'view'},
        'workspace': {'view', 'add', 'change', 'delete'},
        'analysis': {'view'},
        'roster': {'view'},
    },
    Role.DUE_DILIGENCE_OFFICER: {
        'reference': {'view'},
        'workspace': {'view'},
        'analysis': {'view'},
        'sensitive': {'view', 'add', 'change', 'delete'},
        'roster': {'view'},
    },
    # The country's HRDDP task force or forum reviews assessments; the head of mission or resident coordinator
    # decides. Both read the country's due-diligence records; which step each may take is the safeguards app's
    # workflow (safeguards/workflow.py).
    Role.HRDDP_FORUM_MEMBER: {
        'reference': {'view'},
        'workspace': {'view'},
        'analysis': {'view'},
        'sensitive': {'view'},
        'roster': {'view'},
    },
    Role.HRDDP_DECISION_MAKER: {
        'reference': {'view'},
        'workspace': {'view'},
        'analysis': {'view'},
        'sensitive': {'view'},
        'roster': {'view'},
    },
    Role.ROSTER_MANAGER: {
        'reference': {'view'},
        'workspace': {'view'},
        'analysis': {'view'},
        'personal': {'view', 'add', 'change', 'delete'},
        'roster': {'view', 'add', 'change', 'delete'},
    },
    Role.ADMINISTRATOR: {
        kind: {'view', 'add', 'change', 'delete'}
        for kind in ('reference', 'workspace', 'analysis', 'sensitive', 'personal', 'roster', 'audit')
    },
}


# The roles held per country: a user with one of them acts, for the scoped actions, only in the countries assigned to
# them for that role (``CountryAssignment.role``).
COUNTRY_ROLES = (
    Role.COUNTRY_EDITOR,
    Role.DUE_DILIGENCE_OFFICER,
    Role.HRDDP_FORUM_MEMBER,
    Role.HRDDP_DECISION_MAKER,
)


def roles_granting(model, action: str) -> list[str]:
    """The roles whose permissions include ``action`` on ``model``."""
    kind = getattr(model, 'access_kind', None)
    return [role.value for role in Role if action in ROLE_ACTIONS[role].get(kind, ())]


def permission_name(model, action: str) -> str:
    """The Django permission for ``action`` on ``model``, e.g. 'framework.change_mission'."""
    return f'{model._meta.app_label}.{action}_{model._meta.model_name}'


def _ssrhub_models():
    from django.apps import apps

    for model in apps.get_models():
        kind = getattr(model, 'access_kind', None)
        if kind and model.__module__.startswith('ssrhub.'):
            yield model, kind


def role_permissions(role: Role) -> set[str]:
    """Return the ``app_label.codename`` permissions a role grants."""
    granted = set()
    for model, kind in _ssrhub_models():
        for action in ROLE_ACTIONS[role].get(kind, ()):
            granted.add(permission_name(model, action))
    return granted


def sync_roles() -> None:
    """Create one group per role and set its permissions from ``ROLE_ACTIONS``."""
    for role in Role:
        group, _created = Group.objects.get_or_create(name=role.value)
        wanted = role_permissions(role)
        permissions = [
            perm
            for perm in Permission.objects.select_related('content_type')
            if f'{perm.content_type.app_label}.{perm.codename}' in wanted
        ]
        group.permissions.set(permissions)
