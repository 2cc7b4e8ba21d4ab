"""A person downloads everything the platform holds about them, and nothing about anyone else."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountRequest, Invitation
from notifications.models import Notification
from privacy import export

from .conftest import EMAIL, NAME, OTHER_EMAIL, OTHER_NAME

pytestmark = pytest.mark.django_db


def _download(client, user):
    client.force_login(user)
    response = client.post(reverse("privacy:download"))
    assert response.status_code == 200
    return response


def test_the_download_is_one_json_attachment_with_the_persons_data(client, scene):
    AccountRequest.objects.create(
        first_name="Wannes", last_name="Vermeulen", email=EMAIL, organisation=scene["org"], motivation="Ik wil praktijken delen."
    )
    Invitation.objects.create(email=EMAIL, organisation=scene["org"], invited_by=scene["other"])
    Notification.objects.create(recipient=scene["person"], verb="test", subject="Je praktijk is gepubliceerd", body="Proficiat.")
    device = TOTPDevice.objects.create(user=scene["person"], name="Telefoon", confirmed=True)
    response = _download(client, scene["person"])
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="expoo-persoonsgegevens-')
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)

    assert set(export.SECTIONS) <= set(data)
    assert data["account"]["email"] == EMAIL
    assert (data["account"]["first_name"], data["account"]["last_name"]) == ("Wannes", "Vermeulen")
    assert data["account"]["job_title"] == "onthaalmedewerker"
    assert data["account"]["followed_themes"] == ["Ouderparticipatie"]
    assert data["memberships"] == [
        {"organisation": "Huis van het Kind Gent", "role": "Lid", "since": data["memberships"][0]["since"]}
    ]
    assert data["account_requests"][0]["message"] == "Ik wil praktijken delen."
    assert data["invitations_received"][0]["organisation"] == "Huis van het Kind Gent"
    practice = data["practices"][0]
    assert practice["title"] == "Samen aan tafel"
    assert {"registered", "wrote_description", "submitted_for_review"} <= set(practice["your_roles"])
    assert [c["text"] for c in data["comments"]] == ["Wannes zijn opmerking over de aanpak."]
    assert data["event_proposals"][0]["title"] == "Studiedag samen aan tafel"
    assert data["contact_person"]["practices"][0]["contact_phone"] == "0470 12 34 56"
    assert data["contact_person"]["events"][0]["contact_email"] == EMAIL
    assert data["contact_person"]["organisations"][0]["contact_name"] == NAME
    assert data["notifications"][0]["subject"] == "Je praktijk is gepubliceerd"
    assert data["contact_messages"][0]["fields"]["vraag"] == "Hoe schrijf ik een praktijk?"
    assert "expoo.practice.register" in {entry["action"] for entry in data["audit_log"]}
    assert data["two_factor_devices"] == [{"type": "TOTP device", "name": "Telefoon", "confirmed": True}]
    assert device.key not in response.content.decode()  # never a secret


def test_the_download_holds_nothing_of_another_person(client, scene):
    Invitation.objects.create(email="nieuwe.collega@hvhk-gent.be", organisation=scene["org"], invited_by=scene["person"])
    Notification.objects.create(recipient=scene["other"], verb="test", subject="Griet haar melding", body="Alleen voor Griet.")
    body = _download(client, scene["person"]).content.decode()
    for foreign in [
        OTHER_NAME,
        OTHER_EMAIL,
        "Griet haar",  # her comment, her contact message, her notification
        "nieuwe.collega@hvhk-gent.be",  # the address of someone Wannes invited is theirs
        "Pieter Commissie",  # the reviewer of Wannes's practice
        "commissie@expoo.be",
        "Mieke",
        "redactie@expoo.be",
    ]:
        assert foreign not in body, foreign
    data = json.loads(body)
    assert data["invitations_sent"] == [
        {
            "organisation": "Huis van het Kind Gent",
            "role": "Lid",
            "sent_at": data["invitations_sent"][0]["sent_at"],
            "accepted": False,
        }
    ]


def test_a_reviewer_gets_their_reviews_and_declarations_but_not_the_writers_name(client, scene):
    data = json.loads(_download(client, scene["reviewer"]).content)
    [review] = data["reviews"]
    assert review["practice"] == "Samen aan tafel"
    assert review["conflict_of_interest"]["declared_at"]
    assert review["review"]["recommendation"] == "Aanvaarden"
    assert review["review"]["overall"] == "Goed"
    assert NAME not in json.dumps(data, ensure_ascii=False)
    assert EMAIL not in json.dumps(data, ensure_ascii=False)


def test_the_chair_gets_the_decisions_they_recorded(client, scene):
    data = json.loads(_download(client, scene["chair"]).content)
    assert [(d["practice"], d["feedback"]) for d in data["review_decisions"]] == [("Samen aan tafel", "Akkoord.")]


def test_the_download_needs_a_login_and_a_post_with_csrf(client, scene):
    url = reverse("privacy:download")
    assert client.post(url).status_code == 302  # to the login page
    client.force_login(scene["person"])
    assert client.get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(scene["person"])
    assert strict.post(url).status_code == 403


def test_the_privacy_page_is_linked_from_the_dashboard(client, scene, dutch):
    client.force_login(scene["person"])
    dashboard = client.get(reverse("accounts:dashboard")).content.decode()
    assert reverse("privacy:overview") in dashboard
    page = client.get(reverse("privacy:overview"))
    assert page.status_code == 200
    assert dutch("Download my data") in page.content.decode()
    assert dutch("Erase my account") in page.content.decode()


def test_the_privacy_page_links_the_privacy_statement_the_editors_chose(client, scene, dutch):
    from wagtail.models import Site

    from pages.models import ContentPage, FooterSettings

    site = Site.objects.get(is_default_site=True)
    statement = site.root_page.add_child(instance=ContentPage(title="Privacyverklaring", slug="privacyverklaring"))
    footer = FooterSettings.for_site(site)
    footer.privacy_page = statement
    footer.save()
    client.force_login(scene["person"])
    page = client.get(reverse("privacy:overview")).content.decode()
    assert f'<a href="{statement.url}">{dutch("Read the privacy statement")}</a>' in page
