"""Its members keep an organisation's profile up to date. For an approved organisation an edit by
its administrators is live at once; a new organisation (pending) is public only once the team
approves it, with the profile as the team reviewed it, edits by its members included."""

import re

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts import actions
from accounts.models import AccountRequest
from core.factories import AccountRequestFactory, MembershipFactory, municipality
from organisations.models import Organisation, OrganisationStatus, ServiceArea

pytestmark = pytest.mark.django_db

REQUESTS_URL = reverse("accounts:requests")
REGION_URL = reverse("region:offer")


def profile_url(organisation):
    return reverse("accounts:organisation_profile", args=[organisation.slug])


def profile_form(**fields):
    return {
        "description": "Nieuwe tekst over ons onthaal.",
        "street": "Stationsstraat 1",
        "postcode": "3600",
        "municipality": municipality("Genk").pk,
        "website": "https://voorbeeld.be",
        "email": "info@voorbeeld.be",
        "phone": "089 00 00 00",
        "contact_name": "Sofie",
        "service_area": ServiceArea.MUNICIPALITIES,
        "served_municipalities": [municipality("As").pk, municipality("Zutendaal").pk],
        **fields,
    }


@pytest.fixture
def new_organisation(db):
    """A new organisation awaiting the team's approval, with an administrator (the team added one)."""
    account_request = AccountRequestFactory(
        new_organisation=True, organisation__name="Huis van het Kind Nieuwdorp", organisation__municipality=municipality("Genk")
    )
    admin = MembershipFactory(organisation=account_request.organisation, admin=True).user
    return {"request": account_request, "organisation": account_request.organisation, "admin": admin}


def _is_public(client, organisation) -> bool:
    client.logout()
    visible = [
        client.get(organisation.get_absolute_url()).status_code == 200,
        organisation.name in client.get(reverse("organisations:list")).content.decode(),
        organisation.name in client.get(REGION_URL, {"gemeente": "As"}).content.decode(),
        organisation.name in client.get("/api/v1/organisaties/").content.decode(),
        organisation.name in client.get(reverse("organisations:csv")).content.decode("utf-8-sig"),
    ]
    assert len(set(visible)) == 1, visible  # every door agrees
    return visible[0]


def test_an_approved_organisations_admin_edits_the_service_area_and_it_is_live(client, organisation, org_admin):
    client.force_login(org_admin)

    response = client.post(profile_url(organisation), profile_form())

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert sorted(m.name for m in organisation.served_municipalities.all()) == ["As", "Zutendaal"]
    assert _is_public(client, organisation)
    assert "Nieuwe tekst over ons onthaal." in client.get(organisation.get_absolute_url()).content.decode()
    entry = ModelLogEntry.objects.get(action="wagtail.edit", user_id=org_admin.pk)
    assert entry.data == {"awaiting_approval": False}


def test_the_profile_form_offers_municipalities_grouped_by_province_without_javascript(client, organisation, org_admin):
    client.force_login(org_admin)

    page = client.get(profile_url(organisation)).content.decode()

    assert page.count('type="checkbox" name="served_municipalities"') == 304
    assert page.count("<details") >= 6
    assert "<legend" in page and "Limburg" in page
    assert 'name="service_area" value="province"' in page


def test_a_province_wide_service_area_needs_a_municipality(client, organisation, org_admin):
    client.force_login(org_admin)

    response = client.post(profile_url(organisation), profile_form(municipality="", service_area=ServiceArea.PROVINCE))

    assert response.status_code == 400
    organisation.refresh_from_db()
    assert organisation.service_area == ServiceArea.MUNICIPALITIES
    assert organisation.description == ""


def test_an_invalid_profile_stores_nothing(client, organisation, org_admin):
    client.force_login(org_admin)

    response = client.post(profile_url(organisation), profile_form(served_municipalities=["999999"], website="geen url"))

    assert response.status_code == 400
    assert b"error-summary" in response.content
    organisation.refresh_from_db()
    assert not organisation.served_municipalities.exists()
    assert organisation.description == ""


def test_edits_to_a_new_organisation_stay_hidden_until_the_team_approves(client, new_organisation, team_user, mailoutbox):
    organisation, admin = new_organisation["organisation"], new_organisation["admin"]
    client.force_login(admin)

    response = client.post(profile_url(organisation), profile_form(description="Tekst die het team nog moet zien."))

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.PENDING
    assert not _is_public(client, organisation)
    assert ModelLogEntry.objects.get(action="wagtail.edit", user_id=admin.pk).data == {"awaiting_approval": True}
    assert team_user.notifications.filter(verb="organisation.profile_changed").exists()

    # The team sees the profile as it will be published, marked as changed since the request.
    client.force_login(team_user)
    queue = client.get(REQUESTS_URL).content.decode()
    assert "Tekst die het team nog moet zien." in queue
    assert "Zutendaal" in queue
    version = re.search(r'name="profile_version" value="([^"]+)"', queue).group(1)

    response = client.post(
        reverse("accounts:decide_request", args=[new_organisation["request"].pk]),
        {"decision": "approve", "profile_version": version},
    )

    assert response.status_code == 302
    assert _is_public(client, organisation)
    assert "Tekst die het team nog moet zien." in client.get(organisation.get_absolute_url()).content.decode()
    entry = ModelLogEntry.objects.get(action="expoo.organisation.approve")
    assert entry.data["profile"]["served_municipalities"] == ["As", "Zutendaal"]


def test_approval_is_refused_when_the_profile_changed_after_the_team_looked(client, new_organisation, team_user):
    organisation, admin = new_organisation["organisation"], new_organisation["admin"]
    client.force_login(team_user)
    queue = client.get(REQUESTS_URL).content.decode()
    seen = re.search(r'name="profile_version" value="([^"]+)"', queue).group(1)

    client.force_login(admin)
    client.post(profile_url(organisation), profile_form(description="Stiekem gewijzigd na het nazicht."))

    client.force_login(team_user)
    response = client.post(
        reverse("accounts:decide_request", args=[new_organisation["request"].pk]),
        {"decision": "approve", "profile_version": seen},
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.PENDING
    assert AccountRequest.objects.get().status == "pending"
    assert not _is_public(client, organisation)
    client.force_login(team_user)
    assert "Stiekem gewijzigd na het nazicht." in client.get(REQUESTS_URL).content.decode()


@pytest.mark.parametrize("version", ["", "gisteren", "2020-01-01T00:00:00+00:00"])
def test_approval_with_a_missing_or_wrong_profile_version_is_refused_and_stores_nothing(new_organisation, team_user, version):
    with pytest.raises(actions.ProfileChanged):
        actions.approve_account_request(new_organisation["request"], by=team_user, seen_profile=version)

    assert Organisation.objects.get(pk=new_organisation["organisation"].pk).status == OrganisationStatus.PENDING
    assert not ModelLogEntry.objects.filter(action="expoo.organisation.approve").exists()


def test_the_teams_own_edit_of_a_new_organisation_is_not_flagged(client, new_organisation, team_user):
    client.force_login(team_user)

    client.post(profile_url(new_organisation["organisation"]), profile_form())

    assert ModelLogEntry.objects.get(action="wagtail.edit", user_id=team_user.pk).data == {"awaiting_approval": False}
    assert not team_user.notifications.filter(verb="organisation.profile_changed").exists()


def test_a_declined_organisation_stays_hidden_whatever_its_admin_edits(client, new_organisation, team_user):
    organisation, admin = new_organisation["organisation"], new_organisation["admin"]
    actions.decline_account_request(new_organisation["request"], by=team_user, reason="Geen gezinsaanbod.")

    client.force_login(admin)
    client.post(profile_url(organisation), profile_form(status=OrganisationStatus.APPROVED))

    organisation.refresh_from_db()
    assert organisation.status == OrganisationStatus.DECLINED
    assert not _is_public(client, organisation)


def test_a_member_who_is_not_an_administrator_cannot_edit_the_profile(client, organisation, member):
    client.force_login(member)

    assert client.post(profile_url(organisation), profile_form()).status_code == 403
    organisation.refresh_from_db()
    assert not organisation.served_municipalities.exists()


def test_the_team_sets_the_service_area_in_the_admin(client, region, django_user_model):
    admin = django_user_model.objects.create_superuser(email="beheerder@voorbeeld.be", password="x")
    client.force_login(admin)
    genk = region["genk"]
    url = reverse("wagtailsnippets_organisations_organisation:edit", args=[genk.pk])

    page = client.get(url).content.decode()
    assert 'name="served_municipalities"' in page
    response = client.post(
        url,
        {
            "name": genk.name,
            "slug": genk.slug,
            "kind": genk.kind,
            "status": genk.status,
            "municipality": municipality("Genk").pk,
            "service_area": ServiceArea.PROVINCE,
            "served_municipalities": [municipality("Maaseik").pk],
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    genk.refresh_from_db()
    assert genk.service_area == ServiceArea.PROVINCE
    assert [m.name for m in genk.served_municipalities.all()] == ["Maaseik"]
    assert Organisation.objects.public().serving(municipality("Lommel")).filter(pk=genk.pk).exists()
