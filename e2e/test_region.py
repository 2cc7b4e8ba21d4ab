"""Aanbod in de regio: a visitor finds what is offered near them by postcode and by name, chooses
between municipalities sharing a postcode, follows a suggestion after a typo, and opens an
organisation's page; axe-core on every state of the page (desktop and phone)."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from organisations.models import Organisation

from .conftest import MOBILE, AccessibilityReport, assert_accessible

pytestmark = pytest.mark.e2e


def t(msgid: str, **params) -> str:
    """The text a Dutch visitor reads (English until the string is translated: locale/ follows later)."""
    with translation.override("nl-be"):
        text = translation.gettext(msgid)
    return text % params if params else text


def search(page: Page, typed: str) -> None:
    field = page.get_by_label(t("Municipality or postcode"))
    field.fill(typed)
    page.get_by_role("button", name=t("Show the offer")).click()


def test_a_visitor_finds_the_offer_by_postcode_and_by_name_and_opens_an_organisation(open_page):
    page = open_page()
    report = AccessibilityReport(page)
    page.goto("/")
    page.get_by_role("navigation", name=t("Main navigation")).get_by_role("link", name=t("Offer in the region")).click()
    expect(page).to_have_url(re.compile(r"/aanbod-in-de-regio/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("Offer in the region"))
    report.check("regional offer, empty")

    search(page, "3600")
    expect(page).to_have_url(re.compile(r"\?gemeente=3600$"))
    heading = page.get_by_role("heading", level=2, name=t("Offer in %(name)s (%(province)s)", name="Genk", province="Limburg"))
    expect(heading).to_be_visible()
    huizen = page.get_by_role("region", name=t("Huizen van het Kind"))
    expect(huizen.get_by_role("link", name="Huis van het Kind Genk", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name=t("Support centres"))).to_contain_text("Provinciaal Steunpunt Gezin Limburg")
    expect(
        page.get_by_role("region", name=t("Practices these organisations apply")).get_by_role("listitem").first
    ).to_be_visible()
    report.check("regional offer, result by postcode")

    search(page, "sint-jans MOLENBEEK")
    expect(page.get_by_role("heading", level=2, name=re.compile("Sint-Jans-Molenbeek"))).to_be_visible()
    expect(page.get_by_role("link", name="Huis van het Kind Kanaalzone", exact=True)).to_be_visible()
    report.check("regional offer, result by name")

    search(page, "1804")
    choices = page.get_by_role("region", name=t("Several municipalities match “%(query)s”", query="1804"))
    expect(choices.get_by_role("link")).to_have_count(2)
    report.check("regional offer, ambiguous postcode")
    choices.get_by_role("link", name="Vilvoorde").click()
    expect(page).to_have_url(re.compile(r"\?gemeente=Vilvoorde$"))
    expect(page.get_by_role("link", name="Huis van het Kind Vilvoorde", exact=True)).to_be_visible()

    search(page, "Gnek")
    expect(page.get_by_role("alert")).to_contain_text("Gnek")
    report.check("regional offer, unknown municipality")
    page.get_by_role("region", name=t("Did you mean")).get_by_role("link", name="Genk").click()
    expect(page).to_have_url(re.compile(r"\?gemeente=Genk$"))

    page.get_by_role("link", name="Huis van het Kind Genk", exact=True).first.click()
    organisation = Organisation.objects.get(name="Huis van het Kind Genk")
    expect(page).to_have_url(re.compile(rf"{organisation.get_absolute_url()}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Huis van het Kind Genk")
    expect(page.get_by_role("region", name=t("Practices"))).to_be_visible()
    expect(page.get_by_role("link", name="Zutendaal")).to_be_visible()
    report.check("organisation page")
    report.assert_clean()


def test_the_regional_offer_works_on_a_phone_without_javascript(browser, demo):
    context = browser.new_context(base_url=demo.url, bypass_csp=True, locale="nl-BE", viewport=MOBILE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/aanbod-in-de-regio/")
        search(page, "gent")
        expect(page.get_by_role("heading", level=2, name=re.compile(r"^.*Gent \(Oost-Vlaanderen\)"))).to_be_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    finally:
        context.close()


def test_the_regional_offer_is_accessible_on_a_phone(open_page):
    page = open_page(viewport=MOBILE)
    page.goto("/aanbod-in-de-regio/?gemeente=Brugge")
    expect(page.get_by_role("link", name="Huis van het Kind Brugge", exact=True)).to_be_visible()
    assert_accessible(page, "regional offer on a phone")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
