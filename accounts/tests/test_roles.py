"""Roles are groups kept in step with accounts/roles.py by every migrate."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import roles
from core.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN_URL = "/beheer/"


def test_every_role_exists_as_a_group_after_migrate():
    names = set(Group.objects.values_list("name", flat=True))

    assert {roles.EXPOO_TEAM, roles.COMMISSION_MEMBER, roles.COMMISSION_CHAIR, roles.ADMINISTRATOR} <= names
    assert roles.EXPOO_TEAM == "EXPOO-team"
    assert roles.COMMISSION_MEMBER == "Commissielid"
    assert roles.COMMISSION_CHAIR == "Commissievoorzitter"
    assert roles.ADMINISTRATOR == "Beheerder"


@pytest.mark.parametrize("role", list(roles.ROLE_PERMISSIONS))
def test_after_migrate_each_role_holds_every_permission_declared_for_it(role):
    # The test database is one fresh migrate: exactly what a new installation gets.
    user = UserFactory(groups=[role])
    declared = roles.ROLE_PERMISSIONS[role]
    if declared == ["*"]:
        declared = ["accounts.decide_organisation_request", "organisations.change_organisation", "accounts.change_user"]

    missing = [perm for perm in declared if not user.has_perm(perm)]

    assert missing == []


def test_syncing_roles_restores_a_permission_taken_away_by_hand():
    team = Group.objects.get(name=roles.EXPOO_TEAM)
    team.permissions.clear()

    roles.sync_roles()

    user = UserFactory(groups=[roles.EXPOO_TEAM])
    assert user.has_perm("wagtailadmin.access_admin")
    assert user.has_perm("accounts.decide_organisation_request")


def test_syncing_roles_twice_changes_nothing():
    roles.sync_roles()
    before = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}

    roles.sync_roles()

    assert {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()} == before


def test_the_expoo_team_opens_the_wagtail_admin(client):
    client.force_login(UserFactory(groups=[roles.EXPOO_TEAM]))

    response = client.get(ADMIN_URL)

    assert response.status_code == 200
    assert "wagtail" in response.content.decode().lower()


def test_the_expoo_team_finds_the_link_to_the_admin_and_a_member_does_not(client, team_user, member):
    client.force_login(team_user)
    assert f'href="{ADMIN_URL}"' in client.get(reverse("accounts:dashboard")).content.decode()

    client.force_login(member)
    assert f'href="{ADMIN_URL}"' not in client.get(reverse("accounts:dashboard")).content.decode()


def test_a_plain_member_is_kept_out_of_the_wagtail_admin(client, member):
    client.force_login(member)

    response = client.get(ADMIN_URL)

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] != ADMIN_URL
        assert client.get(response["Location"]).status_code != 500


def test_an_anonymous_visitor_is_asked_to_log_in_for_the_admin(client):
    response = client.get(ADMIN_URL)

    # The site's own login, which asks staff for their second factor.
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={ADMIN_URL}"


def test_the_team_dashboard_offers_the_account_requests(client, team_user):
    client.force_login(team_user)

    response = client.get(reverse("accounts:dashboard"))

    assert response.status_code == 200
    assert reverse("accounts:requests") in response.content.decode()
