"""The safeguards demo in the test database, for the reports' tests: the three demo users of the DRC's due diligence
(officer, forum member, decision-maker) and the records of ``safeguards/data/demo/COD.yaml``."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from ssrhub.core.models import Country, CountryAssignment
from ssrhub.core.roles import Role

from ..demo import load_safeguards_demo

DEMO_ROLES = {
    'hrdd': Role.DUE_DILIGENCE_OFFICER,
    'taskforce': Role.HRDDP_FORUM_MEMBER,
    'head': Role.HRDDP_DECISION_MAKER,
}


def create_demo_users() -> dict:
    users = {}
    country = Country.objects.get(iso3='COD')
    for username, role in DEMO_ROLES.items():
        user = get_user_model().objects.create_user(username=username, password='ssrhub-demo-2026')
        user.groups.add(Group.objects.get(name=role))
        CountryAssignment.objects.create(user=user, country=country, role=role)
        users[username] = user
    return users


@pytest.fixture(scope='module')
def safeguards_demo(module_transaction, django_db_blocker):
    """The demo users and records, loaded once for the module; returns the users by name."""
    with django_db_blocker.unblock():
        users = create_demo_users()
        load_safeguards_demo()
    return users
