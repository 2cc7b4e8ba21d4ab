"""Someone from an organisation not yet on the platform asks for an account; the EXPOO team approves it."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from organisations.models import Organisation, OrganisationKind, OrganisationStatus

from .conftest import TEAM, account_nav, assert_accessible, log_in, nl, status_message

pytestmark = pytest.mark.e2e

ORGANISATION = "Ouderpunt De Brug Mechelen"
NEW_PASSWORD = "Brug-over-de-Dijle-2026"


def test_request_for_a_new_organisation_is_approved_by_the_team_and_listed(open_page, mailoutbox):
    applicant = open_page()
    applicant.goto("/")
    account_nav(applicant).get_by_role("link", name=nl("Log in"), exact=True).click()
    applicant.get_by_role("link", name=nl("No account yet? Request one for your organisation")).click()
    expect(applicant).to_have_url(re.compile(r"/account/aanvragen/$"))
    expect(applicant.get_by_role("heading", level=1)).to_have_text(nl("Request an account"))
    assert_accessible(applicant, "account request form")

    about_you = applicant.get_by_role("group", name=nl("About you"))
    about_you.get_by_label(nl("First name")).fill("Amira")
    about_you.get_by_label(nl("Last name")).fill("Benali")
    about_you.get_by_label(nl("Work e-mail address")).fill("Amira.Benali@ouderpunt.example.org")
    new_organisation = applicant.get_by_role("group", name=nl("A new organisation (only if yours is not listed)"))
    new_organisation.get_by_label(nl("Name of the new organisation")).fill(ORGANISATION)
    with translation.override("nl-be"):
        kind_label = str(OrganisationKind.OPVOEDINGSWINKEL.label)
    new_organisation.get_by_label(nl("Kind of organisation")).select_option(label=kind_label)
    new_organisation.get_by_label(nl("Municipality")).select_option(label="Mechelen")
    applicant.get_by_label(re.compile(re.escape(nl("Message for the people who approve your request")))).fill(
        "We starten een opvoedingswinkel en willen onze praktijken delen."
    )
    applicant.get_by_role("button", name=nl("Send request")).click()

    expect(applicant).to_have_url(re.compile(r"/account/aanvragen/verstuurd/$"))
    expect(applicant.get_by_role("heading", level=1)).to_have_text(nl("Thank you, your request was sent"))
    assert_accessible(applicant, "account request sent")
    assert "amira.benali@ouderpunt.example.org" in [address for message in mailoutbox for address in message.to]
    assert Organisation.objects.get(name=ORGANISATION).status == OrganisationStatus.PENDING

    # Until the team approves it, the organisation is not public.
    applicant.goto("/organisaties/")
    applicant.get_by_label(nl("Name or municipality")).fill("De Brug")
    applicant.get_by_role("complementary").get_by_role("button", name=nl("Search")).click()
    expect(applicant.get_by_role("link", name=ORGANISATION)).to_have_count(0)

    team = open_page()
    log_in(team, TEAM)
    to_decide = team.get_by_role("region", name=nl("To decide"))
    to_decide.get_by_role("link", name=nl("View account requests")).click()
    expect(team).to_have_url(re.compile(r"/account/aanvragen-beoordelen/$"))
    expect(team.get_by_role("heading", level=1)).to_have_text(nl("Account requests"))
    assert_accessible(team, "account requests queue")

    request = team.locator(".result").filter(has=team.get_by_role("heading", name=re.compile("Amira Benali")))
    expect(request).to_contain_text(ORGANISATION)
    expect(request).to_contain_text(nl("New organisation"))
    request.get_by_role("button", name=nl("Approve %(name)s", name="Amira")).click()

    expect(team).to_have_url(re.compile(r"/account/aanvragen-beoordelen/$"))
    expect(status_message(team)).to_contain_text(
        nl("%(name)s now has access for %(organisation)s.", name="Amira Benali", organisation=ORGANISATION)
    )
    expect(team.locator(".result").filter(has_text="Amira Benali")).to_have_count(0)
    assert_accessible(team, "account requests queue after approving")

    team.get_by_role("navigation", name=nl("Main navigation")).get_by_role("link", name=nl("Organisations")).click()
    team.get_by_label(nl("Name or municipality")).fill("De Brug")
    team.get_by_role("complementary").get_by_role("button", name=nl("Search")).click()
    team.get_by_role("link", name=ORGANISATION).click()
    expect(team.get_by_role("heading", level=1)).to_have_text(ORGANISATION)
    expect(team.get_by_role("main").locator("address")).to_contain_text("Mechelen")
    assert_accessible(team, "the new organisation's page")

    # The applicant chooses a password with the link in the approval e-mail and manages the organisation.
    approved = [m for m in mailoutbox if "amira.benali@ouderpunt.example.org" in m.to][-1]
    link = re.search(r"https?://[^/\s]+(/account/wachtwoord-kiezen/\S+/)", approved.body)
    assert link, approved.body
    applicant.goto(link.group(1))
    expect(applicant.get_by_role("heading", level=1)).to_have_text(nl("Choose a new password"))
    assert_accessible(applicant, "choose a password")
    applicant.get_by_label(nl("New password"), exact=True).fill(NEW_PASSWORD)
    applicant.get_by_label(nl("New password confirmation"), exact=True).fill(NEW_PASSWORD)
    applicant.get_by_role("button", name=nl("Save password")).click()
    expect(applicant.get_by_role("heading", level=1)).to_have_text(nl("Password saved"))
    assert_accessible(applicant, "password saved")

    log_in(applicant, "amira.benali@ouderpunt.example.org", NEW_PASSWORD)
    expect(applicant.get_by_role("region", name=nl("My organisations"))).to_contain_text(ORGANISATION)
    applicant.get_by_role("link", name=nl("Members and profile")).click()
    expect(applicant.get_by_role("heading", level=1)).to_have_text(ORGANISATION)
