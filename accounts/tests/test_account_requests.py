"""Asking for an account: for an existing organisation (decided by its administrators) or for a
new organisation (decided by the EXPOO team only)."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts import actions
from accounts.models import AccountRequest, Membership, MembershipRole, RequestStatus, User
from core.factories import PASSWORD, AccountRequestFactory, UserFactory, municipality
from notifications.models import Notification
from organisations.models import Organisation, OrganisationKind, OrganisationStatus

pytestmark = pytest.mark.django_db

REQUEST_URL = reverse("accounts:request")
REQUESTS_URL = reverse("accounts:requests")
REASON_REQUIRED = "Give a reason: the person who asked reads it."
NEW_PASSWORD = "Gezinsbond-Hasselt-2024"


def request_form(**fields):
    return {
        "first_name": "Lotte",
        "last_name": "Peeters",
        "email": "Lotte.Peeters@Voorbeeld.be",
        "job_title": "Gezinsondersteuner",
        "motivation": "Ik coördineer de ouderavonden.",
        "organisation": "",
        "new_organisation_name": "",
        "new_organisation_kind": "",
        "new_organisation_municipality": "",
        "new_organisation_website": "",
        **fields,
    }


def new_organisation_form():
    return request_form(
        new_organisation_name="Huis van het Kind Zonnedorp",
        new_organisation_kind=OrganisationKind.HUIS_VAN_HET_KIND,
        new_organisation_municipality=municipality("Hasselt").pk,
        new_organisation_website="zonnedorp.be",
    )


def decide(client, account_request, **data):
    return client.post(reverse("accounts:decide_request", args=[account_request.pk]), data)


def mail_to(mailoutbox, address):
    messages = [m for m in mailoutbox if address in m.to]
    assert len(messages) == 1, f"expected one e-mail to {address}, got {[m.to for m in mailoutbox]}"
    return messages[0]


# Requesting ------------------------------------------------------------------------------


def test_a_request_for_an_existing_organisation_is_stored_and_mailed_to_requester_and_its_admins(
    client, organisation, org_admin, member, mailoutbox, django_capture_on_commit_callbacks, links_in
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REQUEST_URL, request_form(organisation=organisation.pk))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:request_done")
    account_request = AccountRequest.objects.get()
    assert account_request.email == "lotte.peeters@voorbeeld.be"
    assert account_request.organisation == organisation
    assert account_request.status == RequestStatus.PENDING
    assert not account_request.is_new_organisation
    assert sorted(address for m in mailoutbox for address in m.to) == sorted(["lotte.peeters@voorbeeld.be", org_admin.email])
    assert REQUESTS_URL in links_in(mail_to(mailoutbox, org_admin.email))
    assert "Lotte Peeters" in mail_to(mailoutbox, org_admin.email).body
    assert Notification.objects.filter(recipient=org_admin, verb="account_request.created").exists()
    assert not Notification.objects.filter(recipient=member).exists()


def test_a_request_for_an_organisation_without_administrators_goes_to_the_expoo_team(
    client, organisation, member, team_user, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(REQUEST_URL, request_form(organisation=organisation.pk))

    mail_to(mailoutbox, team_user.email)
    assert not [m for m in mailoutbox if member.email in m.to]
    client.force_login(team_user)
    assert "Lotte Peeters" in client.get(REQUESTS_URL).content.decode()


def test_a_request_without_any_organisation_is_refused_and_nothing_is_stored(client, mailoutbox):
    response = client.post(REQUEST_URL, request_form())

    assert response.status_code == 400
    assert not AccountRequest.objects.exists()
    assert mailoutbox == []


def test_a_request_cannot_name_an_existing_and_a_new_organisation_at_once(client, organisation):
    response = client.post(REQUEST_URL, {**new_organisation_form(), "organisation": organisation.pk})

    assert response.status_code == 400
    assert not AccountRequest.objects.exists()
    assert not Organisation.objects.filter(name="Huis van het Kind Zonnedorp").exists()


def test_a_pending_organisation_cannot_be_chosen_in_the_request_form(client):
    pending = Organisation.objects.create(name="Nog niet goedgekeurd", slug="nog-niet", status=OrganisationStatus.PENDING)

    response = client.post(REQUEST_URL, request_form(organisation=pending.pk))

    assert response.status_code == 400
    assert not AccountRequest.objects.exists()


# An organisation administrator decides -----------------------------------------------------


def test_an_org_admin_approves_and_the_new_member_sets_a_password_through_the_mailed_link(
    client, organisation, org_admin, mailoutbox, django_capture_on_commit_callbacks, links_in
):
    account_request = AccountRequestFactory(organisation=organisation, email="lotte.peeters@voorbeeld.be")
    client.force_login(org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, account_request, decision="approve")

    assert response.status_code == 302
    user = User.objects.get(email="lotte.peeters@voorbeeld.be")
    assert (user.first_name, user.last_name, user.job_title) == ("Lotte", "Peeters", "Gezinsondersteuner")
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user).organisation == organisation
    assert Membership.objects.get(user=user).role == MembershipRole.MEMBER
    account_request.refresh_from_db()
    assert (account_request.status, account_request.decided_by) == (RequestStatus.APPROVED, org_admin)
    assert ModelLogEntry.objects.filter(action="expoo.account_request.approve", user_id=org_admin.pk).exists()

    (link,) = [path for path in links_in(mail_to(mailoutbox, user.email)) if "/wachtwoord-kiezen/" in path]
    client.logout()
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": NEW_PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:dashboard")).context["memberships"][0].organisation == organisation


def test_approving_someone_who_already_has_an_account_adds_the_membership_only(
    client, organisation, org_admin, mailoutbox, django_capture_on_commit_callbacks, links_in
):
    existing = UserFactory(email="lotte.peeters@voorbeeld.be")
    account_request = AccountRequestFactory(organisation=organisation, email="lotte.peeters@voorbeeld.be")
    client.force_login(org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        decide(client, account_request, decision="approve")

    assert User.objects.filter(email__iexact="lotte.peeters@voorbeeld.be").count() == 1
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)
    assert existing.memberships.get().organisation == organisation
    links = links_in(mail_to(mailoutbox, existing.email))
    assert reverse("accounts:dashboard") in links
    assert not [path for path in links if "/wachtwoord-kiezen/" in path]


def test_declining_without_a_reason_is_refused_in_dutch_and_changes_nothing(
    client, organisation, org_admin, mailoutbox, django_capture_on_commit_callbacks, dutch
):
    account_request = AccountRequestFactory(organisation=organisation)
    client.force_login(org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, account_request, decision="decline", reason="   ")

    assert response.status_code == 400
    assert dutch(REASON_REQUIRED) in response.content.decode()
    account_request.refresh_from_db()
    assert account_request.status == RequestStatus.PENDING
    assert account_request.decided_by is None
    assert mailoutbox == []


def test_the_declined_requester_reads_the_reason_in_their_e_mail(
    client, organisation, org_admin, mailoutbox, django_capture_on_commit_callbacks
):
    account_request = AccountRequestFactory(organisation=organisation, email="lotte.peeters@voorbeeld.be")
    client.force_login(org_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, account_request, decision="decline", reason="Je werkt niet (meer) bij ons Huis van het Kind.")

    assert response.status_code == 302
    account_request.refresh_from_db()
    assert account_request.status == RequestStatus.DECLINED
    assert account_request.decline_reason == "Je werkt niet (meer) bij ons Huis van het Kind."
    assert "Je werkt niet (meer) bij ons Huis van het Kind." in mail_to(mailoutbox, "lotte.peeters@voorbeeld.be").body
    assert not User.objects.filter(email="lotte.peeters@voorbeeld.be").exists()
    assert organisation.status == OrganisationStatus.APPROVED


def test_a_request_that_was_handled_cannot_be_decided_again(client, organisation, org_admin):
    account_request = AccountRequestFactory(organisation=organisation, status=RequestStatus.DECLINED)
    client.force_login(org_admin)

    response = decide(client, account_request, decision="approve")

    assert response.status_code == 403
    assert not User.objects.filter(email=account_request.email).exists()


@pytest.mark.parametrize("who", ["member", "other_org_admin", "commission_member"])
def test_only_the_admins_of_the_organisation_decide_on_its_requests(client, organisation, request, who):
    account_request = AccountRequestFactory(organisation=organisation)
    client.force_login(request.getfixturevalue(who))

    approve = decide(client, account_request, decision="approve")
    decline = decide(client, account_request, decision="decline", reason="Nee.")

    assert approve.status_code == decline.status_code == 403
    account_request.refresh_from_db()
    assert account_request.status == RequestStatus.PENDING
    assert not User.objects.filter(email=account_request.email).exists()


def test_an_anonymous_visitor_is_sent_to_log_in_before_deciding(client, organisation):
    account_request = AccountRequestFactory(organisation=organisation)

    response = decide(client, account_request, decision="approve")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    account_request.refresh_from_db()
    assert account_request.status == RequestStatus.PENDING


def test_an_org_admin_sees_their_organisations_pending_requests_and_no_others(client, organisation, org_admin):
    AccountRequestFactory(organisation=organisation, first_name="Lotte", last_name="Peeters")
    AccountRequestFactory(first_name="Mats", last_name="Vermeulen")
    AccountRequestFactory(new_organisation=True, first_name="Nora", last_name="Jacobs")
    client.force_login(org_admin)

    page = client.get(REQUESTS_URL).content.decode()

    assert "Lotte Peeters" in page
    assert "Mats Vermeulen" not in page
    assert "Nora Jacobs" not in page


def test_a_plain_member_cannot_open_the_request_list(client, member):
    client.force_login(member)

    assert client.get(REQUESTS_URL).status_code == 403


# A new organisation: the EXPOO team decides ----------------------------------------------


def test_a_new_organisation_request_creates_a_pending_organisation_that_no_visitor_sees(
    client, team_user, other_org_admin, mailoutbox, django_capture_on_commit_callbacks, links_in
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REQUEST_URL, new_organisation_form())

    assert response.status_code == 302
    account_request = AccountRequest.objects.get()
    organisation = account_request.organisation
    assert account_request.is_new_organisation
    assert (organisation.name, organisation.kind) == ("Huis van het Kind Zonnedorp", OrganisationKind.HUIS_VAN_HET_KIND)
    assert organisation.municipality == municipality("Hasselt")
    assert organisation.website == "https://zonnedorp.be"
    assert organisation.status == OrganisationStatus.PENDING
    # The team decides, so the team is told; administrators of other organisations are not.
    assert REQUESTS_URL in links_in(mail_to(mailoutbox, team_user.email))
    mail_to(mailoutbox, "lotte.peeters@voorbeeld.be")
    assert not [m for m in mailoutbox if other_org_admin.email in m.to]

    assert "Zonnedorp" not in client.get(reverse("organisations:list")).content.decode()
    assert client.get(organisation.get_absolute_url()).status_code == 404
    assert organisation.slug not in client.get("/sitemap.xml").content.decode()
    assert organisation.get_absolute_url() not in client.get(reverse("search"), {"q": "Zonnedorp"}).content.decode()


def test_two_new_organisations_with_the_same_name_get_different_addresses(client):
    client.post(REQUEST_URL, new_organisation_form())
    client.post(REQUEST_URL, {**new_organisation_form(), "email": "tweede@voorbeeld.be"})

    slugs = sorted(Organisation.objects.filter(name="Huis van het Kind Zonnedorp").values_list("slug", flat=True))
    assert slugs == ["huis-van-het-kind-zonnedorp", "huis-van-het-kind-zonnedorp-2"]


@pytest.mark.parametrize("who", ["other_org_admin", "commission_member", "member"])
def test_only_the_expoo_team_may_approve_a_new_organisation(client, request, who):
    account_request = AccountRequestFactory(new_organisation=True)
    client.force_login(request.getfixturevalue(who))

    response = decide(client, account_request, decision="approve")

    assert response.status_code == 403
    account_request.organisation.refresh_from_db()
    assert account_request.organisation.status == OrganisationStatus.PENDING
    assert not User.objects.filter(email=account_request.email).exists()


def test_a_new_organisation_approved_by_the_team_goes_public_with_the_requester_as_its_admin(
    client, team_user, mailoutbox, django_capture_on_commit_callbacks
):
    client.post(REQUEST_URL, new_organisation_form())
    account_request = AccountRequest.objects.get()
    client.force_login(team_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, account_request, decision="approve")

    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Huis van het Kind Zonnedorp")
    assert organisation.status == OrganisationStatus.APPROVED
    requester = User.objects.get(email="lotte.peeters@voorbeeld.be")
    assert Membership.objects.get(user=requester, organisation=organisation).role == MembershipRole.ADMIN
    mail_to(mailoutbox, requester.email)
    assert ModelLogEntry.objects.filter(action="expoo.organisation.approve", user_id=team_user.pk).exists()

    client.logout()
    assert client.get(organisation.get_absolute_url()).status_code == 200
    assert "Zonnedorp" in client.get(reverse("organisations:list")).content.decode()
    assert organisation.get_absolute_url() in client.get("/sitemap.xml").content.decode()
    assert organisation.get_absolute_url() in client.get(reverse("search"), {"q": "Zonnedorp"}).content.decode()


def test_a_new_organisation_declined_by_the_team_stays_hidden(client, team_user, mailoutbox, django_capture_on_commit_callbacks):
    account_request = AccountRequestFactory(new_organisation=True)
    client.force_login(team_user)

    with django_capture_on_commit_callbacks(execute=True):
        decide(client, account_request, decision="decline", reason="Deze organisatie werkt niet in Vlaanderen of Brussel.")

    organisation = account_request.organisation
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.DECLINED
    assert organisation.decline_reason == "Deze organisatie werkt niet in Vlaanderen of Brussel."
    assert "niet in Vlaanderen of Brussel" in mail_to(mailoutbox, account_request.email).body
    client.logout()
    assert client.get(organisation.get_absolute_url()).status_code == 404


def test_the_team_sees_new_organisation_requests_in_the_request_list(client, team_user):
    account_request = AccountRequestFactory(new_organisation=True, first_name="Nora", last_name="Jacobs")
    client.force_login(team_user)

    page = client.get(REQUESTS_URL).content.decode()

    assert "Nora Jacobs" in page
    assert account_request.organisation.name in page


# The actions on their own ------------------------------------------------------------------


def test_an_approval_refused_by_permission_leaves_no_trace(organisation, member):
    account_request = AccountRequestFactory(organisation=organisation)

    with pytest.raises(actions.PermissionDenied):
        actions.approve_account_request(account_request, by=member)

    account_request.refresh_from_db()
    assert account_request.status == RequestStatus.PENDING
    assert not User.objects.filter(email=account_request.email).exists()
    assert not ModelLogEntry.objects.filter(action="expoo.account_request.approve").exists()


def test_requesting_an_account_records_the_audit_entry(organisation):
    account_request = actions.request_account(
        first_name="Lotte", last_name="Peeters", email="LOTTE@voorbeeld.be", organisation=organisation
    )

    assert account_request.email == "lotte@voorbeeld.be"
    assert ModelLogEntry.objects.filter(action="expoo.account_request.create", object_id=str(account_request.pk)).exists()
