"""Organisation administrators invite colleagues by e-mail; the invited person joins by the link."""

import pytest
from django.urls import reverse

from accounts import actions
from accounts.models import Invitation, Membership, MembershipRole, User
from core.factories import PASSWORD, InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Ouderavond-Mechelen-88"


def members_url(organisation):
    return reverse("accounts:organisation_members", args=[organisation.slug])


def invitation_url(invitation):
    return reverse("accounts:invitation", args=[invitation.token])


def accept_form(**fields):
    return {"first_name": "Hanne", "last_name": "Wouters", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, **fields}


def test_an_org_admin_invites_a_colleague_who_receives_a_link(
    client, organisation, org_admin, mailoutbox, django_capture_on_commit_callbacks, links_in
):
    client.force_login(org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(members_url(organisation), {"email": "Hanne.Wouters@Voorbeeld.be", "role": MembershipRole.MEMBER})

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.organisation, invitation.invited_by) == (
        "hanne.wouters@voorbeeld.be",
        organisation,
        org_admin,
    )
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["hanne.wouters@voorbeeld.be"]
    assert invitation_url(invitation) in links_in(mailoutbox[0])
    assert organisation.name in mailoutbox[0].subject
    assert "hanne.wouters@voorbeeld.be" in client.get(members_url(organisation)).content.decode()


def test_an_invitation_with_an_invalid_address_is_refused(client, organisation, org_admin, mailoutbox):
    client.force_login(org_admin)

    response = client.post(members_url(organisation), {"email": "geen-adres", "role": MembershipRole.MEMBER})

    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_a_new_person_accepts_by_choosing_name_and_password_and_is_logged_in_as_member(client, organisation):
    invitation = InvitationFactory(organisation=organisation, email="hanne.wouters@voorbeeld.be")

    assert client.get(invitation_url(invitation)).status_code == 200
    response = client.post(invitation_url(invitation), accept_form())

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:dashboard")
    user = User.objects.get(email="hanne.wouters@voorbeeld.be")
    assert (user.first_name, user.last_name) == ("Hanne", "Wouters")
    assert user.check_password(NEW_PASSWORD)
    assert Membership.objects.get(user=user).organisation == organisation
    assert client.session["_auth_user_id"] == str(user.pk)
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    dashboard = client.get(reverse("accounts:dashboard"))
    assert organisation.name in dashboard.content.decode()


def test_an_invitation_as_administrator_makes_the_person_an_administrator(client, organisation):
    invitation = InvitationFactory(organisation=organisation, role=MembershipRole.ADMIN)

    client.post(invitation_url(invitation), accept_form())

    assert Membership.objects.get(user__email=invitation.email).role == MembershipRole.ADMIN


def test_accepting_with_two_different_passwords_creates_nobody(client, organisation):
    invitation = InvitationFactory(organisation=organisation)

    response = client.post(invitation_url(invitation), accept_form(password2="Iets-helemaal-anders-1"))

    assert response.status_code == 400
    assert not User.objects.filter(email=invitation.email).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_accepting_with_a_weak_password_creates_nobody(client, organisation):
    invitation = InvitationFactory(organisation=organisation)

    response = client.post(invitation_url(invitation), accept_form(password1="12345678", password2="12345678"))

    assert response.status_code == 400
    assert not User.objects.filter(email=invitation.email).exists()


def test_someone_who_has_an_account_logs_in_first_and_then_joins(client, organisation):
    existing = UserFactory(email="hanne.wouters@voorbeeld.be")
    invitation = InvitationFactory(organisation=organisation, email="hanne.wouters@voorbeeld.be")

    response = client.get(invitation_url(invitation))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={invitation_url(invitation)}"
    assert not Membership.objects.filter(user=existing).exists()

    logged_in = client.post(
        response["Location"], {"username": existing.email, "password": PASSWORD, "next": invitation_url(invitation)}
    )
    assert logged_in["Location"] == invitation_url(invitation)
    assert client.get(invitation_url(invitation)).status_code == 200
    client.post(invitation_url(invitation))

    assert Membership.objects.get(user=existing).organisation == organisation
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)


@pytest.mark.parametrize("state", ["expired", "used"])
@pytest.mark.parametrize("logged_in", [False, True])
def test_an_expired_or_used_invitation_is_gone(client, organisation, state, logged_in):
    invitation = InvitationFactory(organisation=organisation, **{state: True})
    if logged_in:
        client.force_login(UserFactory())

    shown = client.get(invitation_url(invitation))
    posted = client.post(invitation_url(invitation), accept_form())

    assert shown.status_code == posted.status_code == 410
    assert not Membership.objects.filter(organisation=organisation).exists()
    assert not User.objects.filter(email=invitation.email).exists()


def test_an_unknown_invitation_token_is_not_found(client):
    assert client.get("/account/uitnodiging/00000000-0000-4000-8000-000000000000/").status_code == 404


def test_an_invitation_is_accepted_only_once(client, organisation):
    invitation = InvitationFactory(organisation=organisation)
    client.post(invitation_url(invitation), accept_form())
    client.logout()

    again = client.post(invitation_url(invitation), accept_form(first_name="Iemand", last_name="Anders"))

    assert again.status_code == 410
    assert User.objects.filter(email=invitation.email).count() == 1


def test_inviting_is_refused_to_someone_who_does_not_manage_the_organisation(organisation, member, mailoutbox):
    with pytest.raises(actions.PermissionDenied):
        actions.invite_member(organisation, email="iemand@voorbeeld.be", by=member)

    assert not Invitation.objects.exists()
