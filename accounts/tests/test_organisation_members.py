"""An organisation's administrators keep its members and public profile; nobody else may."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts.models import Invitation, Membership
from core.factories import MembershipFactory, ThemeFactory, municipality

pytestmark = pytest.mark.django_db


def members_url(organisation):
    return reverse("accounts:organisation_members", args=[organisation.slug])


def profile_url(organisation):
    return reverse("accounts:organisation_profile", args=[organisation.slug])


def remove_url(membership):
    return reverse("accounts:remove_member", args=[membership.organisation.slug, membership.pk])


def profile_form(**fields):
    return {
        "description": "Een warm onthaal voor alle gezinnen met kinderen tot 25 jaar.",
        "street": "Kortrijksesteenweg 1",
        "postcode": "9000",
        "municipality": municipality("Gent").pk,
        "website": "https://www.huisvanhetkindgent.be",
        "email": "info@huisvanhetkindgent.be",
        "phone": "09 123 45 67",
        "contact_name": "Sofie De Smet",
        **fields,
    }


def test_an_org_admin_sees_the_members_of_their_organisation(client, organisation, org_admin, member):
    client.force_login(org_admin)

    response = client.get(members_url(organisation))

    assert response.status_code == 200
    assert member.email in response.content.decode()


def test_an_org_admin_edits_the_public_profile(client, organisation, org_admin):
    theme = ThemeFactory(name="Ouderparticipatie")
    client.force_login(org_admin)

    response = client.post(profile_url(organisation), profile_form(themes=[theme.pk]))

    assert response.status_code == 302
    client.logout()
    public = client.get(organisation.get_absolute_url()).content.decode()
    assert "Een warm onthaal voor alle gezinnen" in public
    assert "info@huisvanhetkindgent.be" in public
    assert "Ouderparticipatie" in public
    assert ModelLogEntry.objects.filter(action="wagtail.edit", user_id=org_admin.pk).exists()


def test_an_org_admin_removes_a_member(client, organisation, org_admin, member):
    membership = Membership.objects.get(user=member)
    client.force_login(org_admin)

    response = client.post(remove_url(membership))

    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert ModelLogEntry.objects.filter(action="expoo.membership.remove", user_id=org_admin.pk).exists()


def test_an_org_admin_cannot_remove_themselves(client, organisation, org_admin):
    own = Membership.objects.get(user=org_admin)
    client.force_login(org_admin)

    client.post(remove_url(own))

    assert Membership.objects.filter(pk=own.pk).exists()


def test_a_membership_of_another_organisation_cannot_be_removed_through_this_one(client, organisation, org_admin):
    elsewhere = MembershipFactory()
    client.force_login(org_admin)

    response = client.post(reverse("accounts:remove_member", args=[organisation.slug, elsewhere.pk]))

    assert response.status_code == 404
    assert Membership.objects.filter(pk=elsewhere.pk).exists()


@pytest.mark.parametrize("who", ["member", "other_org_admin", "commission_member"])
def test_someone_who_does_not_manage_the_organisation_cannot_invite_edit_or_remove(
    client, organisation, org_admin, request, who, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(request.getfixturevalue(who))
    admin_membership = Membership.objects.get(user=org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        members_page = client.get(members_url(organisation))
        invite = client.post(members_url(organisation), {"email": "iemand@voorbeeld.be", "role": "admin"})
        profile_page = client.get(profile_url(organisation))
        edit = client.post(profile_url(organisation), profile_form(description="Overgenomen!"))
        remove = client.post(remove_url(admin_membership))

    assert [r.status_code for r in (members_page, invite, profile_page, edit, remove)] == [403] * 5
    assert not Invitation.objects.exists()
    assert mailoutbox == []
    organisation.refresh_from_db()
    assert organisation.description != "Overgenomen!"
    assert Membership.objects.filter(pk=admin_membership.pk).exists()


def test_the_expoo_team_may_help_manage_an_organisation(client, organisation, team_user):
    client.force_login(team_user)

    assert client.get(members_url(organisation)).status_code == 200
    assert client.get(profile_url(organisation)).status_code == 200


def test_managing_an_organisation_requires_logging_in(client, organisation):
    response = client.get(members_url(organisation))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
