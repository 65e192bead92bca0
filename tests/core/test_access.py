"""Roles and object-level restriction: who may see and change what."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from ssrhub.core.access import can
from ssrhub.core.models import Country
from ssrhub.core.roles import Role, role_permissions
from ssrhub.countries.models import Actor, ActorType, Area
from ssrhub.framework.models import FrameworkItem, Mission

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


def test_sensitive_models_are_scoped_for_viewing_too(make_user, monkeypatch):
    # No sensitive model exists yet (the safeguards app brings them): Actor, a country-scoped workspace model,
    # stands in for one. Its scoped_actions leave out 'view'; being sensitive must add it.
    liberia, car = Country.objects.get(iso3='LBR'), Country.objects.get(iso3='CAF')
    Actor.objects.create(country=liberia, name='Liberia National Police', area=Area.CORE, type=ActorType.POLICE)
    Actor.objects.create(country=car, name='Forces armees centrafricaines', area=Area.CORE, type=ActorType.DEFENCE)
    monkeypatch.setattr(Actor, 'access_kind', 'sensitive')
    assert 'view' not in Actor.scoped_actions
    viewer = make_user('lbr-viewer', Role.VIEWER, countries=('LBR',))
    assert set(Actor.objects.restrict(viewer, 'view').values_list('country__iso3', flat=True)) == {'LBR'}
    assert not Actor.objects.restrict(make_user('nowhere', Role.VIEWER), 'view').exists()
    assert Actor.objects.restrict(make_user('admin-role', Role.ADMINISTRATOR), 'view').count() == 2
    assert not Actor.objects.restrict(AnonymousUser(), 'view').exists()
    monkeypatch.setattr(Actor, 'access_kind', 'workspace')
    assert Actor.objects.restrict(viewer, 'view').count() == 2


def test_sensitive_models_are_never_public(monkeypatch):
    monkeypatch.setattr(Mission, 'access_kind', 'sensitive')
    assert not Mission.objects.restrict(AnonymousUser(), 'view').exists()


def test_due_diligence_officer_reads_sensitive_records_of_their_countries_only(make_user, monkeypatch):
    officer = make_user('hrdd', Role.DUE_DILIGENCE_OFFICER, countries=('CAF',))
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
