"""Roles and object-level restriction: who may see and change what."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from ssrhub.core.access import can, can_in_country
from ssrhub.core.models import Country, CountryAssignment
from ssrhub.core.roles import Role, role_permissions
from ssrhub.core.testing.two_factor import verified
from ssrhub.countries.models import Actor, ActorType, Area
from ssrhub.framework.models import FrameworkItem, Mission
from ssrhub.safeguards.models import Allegation, ViolationType

pytestmark = pytest.mark.django_db


def test_every_role_is_a_group_with_its_permissions():
    for role in Role:
        group = Group.objects.get(name=role)
        granted = {f'{p.content_type.app_label}.{p.codename}' for p in group.permissions.select_related('content_type')}
        assert granted == role_permissions(role)
    assert 'framework.view_frameworkitem' in role_permissions(Role.VIEWER)
    assert 'framework.change_frameworkitem' not in role_permissions(Role.ANALYST)
    assert 'framework.change_mission' in role_permissions(Role.COUNTRY_EDITOR)


def test_anonymous_reads_public_reference_data_only():
    anonymous = AnonymousUser()
    assert FrameworkItem.objects.restrict(anonymous, 'view').exists()
    assert not FrameworkItem.objects.restrict(anonymous, 'change').exists()
    assert not Mission.objects.restrict(anonymous, 'change').exists()


def test_country_scope_limits_changes_not_views(make_user):
    editor = make_user('civ-editor', Role.COUNTRY_EDITOR, countries=('CIV',))
    assert Mission.objects.restrict(editor, 'view').count() == Mission.objects.count()
    editable = set(Mission.objects.restrict(editor, 'change').values_list('acronym', flat=True))
    assert 'UNOCI' in editable and 'MINUSCA' not in editable
    assert can(editor, 'change', Mission.objects.get(acronym='UNOCI'))
    assert not can(editor, 'change', Mission.objects.get(acronym='MINUSCA'))


def test_editor_without_assignment_changes_nothing_and_administrator_everything(make_user):
    assert not Mission.objects.restrict(make_user('lonely', Role.COUNTRY_EDITOR), 'change').exists()
    administrator = make_user('boss', Role.ADMINISTRATOR)
    assert Mission.objects.restrict(administrator, 'change').count() == Mission.objects.count()


def test_roles_without_permission_see_nothing_of_a_model(make_user):
    viewer = make_user('reader', Role.VIEWER)
    assert not Mission.objects.restrict(viewer, 'change').exists()
    assert Country.objects.restrict(viewer, 'view').count() == Country.objects.count()
    assert not Country.objects.restrict(viewer, 'delete').exists()


def allegation(iso3: str, recipient: str) -> Allegation:
    country = Country.objects.get(iso3=iso3)
    actor = Actor.objects.create(country=country, name=recipient, area=Area.CORE, type=ActorType.POLICE)
    return Allegation.objects.create(
        country=country,
        recipient=actor,
        occurred_on=datetime.date(2024, 3, 1),
        place='Capital',
        violation=ViolationType.ARBITRARY_DETENTION,
        narrative='Detained without charge.',
        reported_on=datetime.date(2024, 3, 4),
    )


def add_role(user, role, *countries):
    user.groups.add(Group.objects.get(name=role))
    for iso3 in countries:
        CountryAssignment.objects.create(user=user, country=Country.objects.get(iso3=iso3), role=role)


def readable(user, model=Allegation) -> set[str]:
    return set(model.objects.restrict(user, 'view').values_list('country__iso3', flat=True))


def test_sensitive_models_are_scoped_for_viewing_too(make_user):
    allegation('COD', 'Police nationale congolaise')
    allegation('CAF', 'Forces armées centrafricaines')
    assert 'view' not in Allegation.scoped_actions
    cod = verified(make_user('cod-officer', Role.DUE_DILIGENCE_OFFICER, countries=('COD',)))
    car = verified(make_user('caf-officer', Role.DUE_DILIGENCE_OFFICER, countries=('CAF',)))
    assert readable(cod) == {'COD'} and readable(car) == {'CAF'}
    assert set(Allegation.objects.restrict(cod, 'change').values_list('country__iso3', flat=True)) == {'COD'}
    assert not Allegation.objects.restrict(verified(make_user('nowhere', Role.DUE_DILIGENCE_OFFICER)), 'view').exists()
    assert readable(verified(make_user('admin-role', Role.ADMINISTRATOR))) == {'COD', 'CAF'}
    assert not Allegation.objects.restrict(AnonymousUser(), 'view').exists()


def test_an_editor_of_one_country_on_the_forum_of_another_reads_and_writes_each_as_its_role(make_user):
    lbr_case, cod_case = allegation('LBR', 'Liberia National Police'), allegation('COD', 'FARDC')
    user = make_user('two-hats', Role.COUNTRY_EDITOR, countries=('LBR',))
    add_role(user, Role.HRDDP_FORUM_MEMBER, 'COD')
    verified(user)
    assert can(user, 'change', lbr_case.recipient) and not can(user, 'change', cod_case.recipient)
    assert readable(user) == {'COD'}
    assert not can(user, 'view', lbr_case)
    assert not can(user, 'change', cod_case) and not can(user, 'change', lbr_case)
    assert not can(user, 'delete', cod_case)


@pytest.mark.parametrize(
    'role', [Role.DUE_DILIGENCE_OFFICER, Role.HRDDP_FORUM_MEMBER, Role.HRDDP_DECISION_MAKER, Role.ADMINISTRATOR]
)
def test_an_unverified_user_reaches_no_sensitive_record_whatever_the_role(make_user, role):
    """Administrators (superusers too) included; pages and API: ``tests/core/test_two_factor.py``, the access suite
    and ``test_api_viewsets.py``."""
    allegation('COD', 'Police nationale congolaise')
    user = make_user(f'unverified-{role}', role, countries=('COD',), is_superuser=role == Role.ADMINISTRATOR)
    assert not Allegation.objects.restrict(user, 'view').exists()
    assert not can_in_country(user, 'view', Allegation, Country.objects.get(iso3='COD'))
    assert Allegation.objects.restrict(verified(user), 'view').exists()


def test_sensitive_models_are_never_public(monkeypatch):
    monkeypatch.setattr(Mission, 'access_kind', 'sensitive')
    assert not Mission.objects.restrict(AnonymousUser(), 'view').exists()


def test_due_diligence_officer_reads_sensitive_records_of_their_countries_only(make_user, monkeypatch):
    officer = verified(make_user('hrdd', Role.DUE_DILIGENCE_OFFICER, countries=('CAF',)))
    monkeypatch.setattr(Mission, 'access_kind', 'sensitive')
    visible = set(Mission.objects.restrict(officer, 'view').values_list('acronym', flat=True))
    assert 'MINUSCA' in visible and 'UNMIL' not in visible


def test_role_changes_are_audited(admin_client, make_user):
    user = make_user('newcomer', Role.VIEWER)
    analyst = Group.objects.get(name=Role.ANALYST)
    data = {
        'username': 'newcomer',
        'is_active': 'on',
        'groups': [analyst.pk],
        'date_joined_0': user.date_joined.strftime('%Y-%m-%d'),
        'date_joined_1': user.date_joined.strftime('%H:%M:%S'),
        'country_assignments-TOTAL_FORMS': '0',
        'country_assignments-INITIAL_FORMS': '0',
    }
    response = admin_client.post(f'/admin/auth/user/{user.pk}/change/', data)
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = user.history.first()
    assert latest.history_user.username == 'admin'
    assert [group.group_id for group in latest.groups.all()] == [analyst.pk]
    assert 'password' not in {field.name for field in latest._meta.fields}
