"""axe-core over every kind of page, as a visitor, as the people who log in, and on a phone."""

import re

import pytest
from playwright.sync_api import expect

from organisations.models import Organisation
from pages.models import ContactPage, ContentPage, NewsIndexPage, NewsItemPage

from .conftest import MOBILE, ORG_ADMIN, TEAM, AccessibilityReport, account_nav, field_label, log_in, nl, screenshot

pytestmark = pytest.mark.e2e

NO_HITS = "zwxqvj"


def test_every_public_page_type_passes_axe(page, demo):
    organisation = Organisation.objects.public().select_related("municipality__province").order_by("name").first()
    report = AccessibilityReport(page)

    page.goto("/")
    report.check("home")

    content_page = ContentPage.objects.live().public().filter(depth=3).order_by("path").first()
    page.goto(content_page.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(content_page.title)
    report.check("content page")

    news_index = NewsIndexPage.objects.live().get()
    page.goto(news_index.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(news_index.title)
    report.check("news index")

    news_item = NewsItemPage.objects.live().order_by("-date").first()
    page.get_by_role("link", name=news_item.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(news_item.title)
    report.check("news item")

    contact = ContactPage.objects.live().get()
    page.goto(contact.url)
    report.check("contact page")
    page.get_by_role("main").get_by_role("button", name=nl("Send")).click()
    expect(page.get_by_role("alert")).to_contain_text(nl("Please correct the following"))
    expect(page.locator("html")).to_have_attribute("lang", "nl-BE")
    expect(page.get_by_role("alert")).to_contain_text(nl("This field is required."))
    report.check("contact page, sent empty")

    page.goto(f"/organisaties/?provincie={organisation.municipality.province.slug}")
    expect(page.get_by_role("link", name=organisation.name)).to_be_visible()
    report.check("organisation list with a province selected")

    page.get_by_role("link", name=organisation.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(organisation.name)
    report.check("organisation detail")

    search = page.get_by_role("search").filter(has=page.get_by_label(nl("Search the whole site")))
    search.get_by_label(nl("Search the whole site")).fill(organisation.name.split()[-1])
    search.get_by_role("button", name=nl("Search")).click()
    expect(page).to_have_url(re.compile(r"/zoeken/\?q="))
    expect(page.get_by_role("main").get_by_role("link", name=organisation.name)).to_be_visible()
    report.check("search results")

    page.goto(f"/zoeken/?q={NO_HITS}")
    expect(page.get_by_role("main")).to_contain_text(nl("Nothing was found. Try fewer or other words, or check the spelling."))
    report.check("search without results")

    page.goto("/account/inloggen/")
    report.check("login")
    page.get_by_role("link", name=nl("Forgot your password?")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Forgot your password?"))
    report.check("password reset")
    page.get_by_label(nl("Email")).fill("iemand@voorbeeld.be")
    page.get_by_role("main").get_by_role("button", name=nl("Send the link")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Check your mailbox"))
    report.check("password reset sent")

    page.goto("/account/aanvragen/")
    report.check("account request")
    page.get_by_role("button", name=nl("Send request")).click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(nl("Please correct the following"))
    first_name = page.get_by_label(nl("First name"))
    expect(first_name).to_have_attribute("aria-invalid", "true")
    expect(first_name).to_have_accessible_description(re.compile(re.escape(nl("This field is required."))))
    summary.get_by_role("link", name=re.compile(rf"^{re.escape(nl('First name'))}")).click()
    expect(first_name).to_be_focused()
    report.check("account request, sent empty")

    response = page.goto("/deze-pagina-bestaat-niet/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("We cannot find this page"))
    report.check("404 page")

    page.goto("/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    report.check("home in English")

    report.assert_clean()


def test_every_signed_in_page_type_passes_axe(open_page):
    organisation = Organisation.objects.get(memberships__user__email=ORG_ADMIN, memberships__role="admin")

    admin = open_page()
    report = AccessibilityReport(admin)
    log_in(admin, ORG_ADMIN)
    report.check("dashboard of an organisation administrator")
    admin.goto(f"/account/organisatie/{organisation.slug}/")
    report.check("organisation members")
    admin.get_by_role("link", name=nl("Edit the public profile")).click()
    expect(admin.get_by_role("heading", level=1)).to_have_text(nl("Profile of %(name)s", name=organisation.name))
    report.check("organisation profile")
    admin.get_by_label(field_label(Organisation, "email")).fill("geen e-mailadres")
    admin.get_by_role("button", name=nl("Save profile")).click()
    expect(admin.get_by_role("alert")).to_be_visible()
    report.check("organisation profile with an error")
    admin.get_by_label(field_label(Organisation, "email")).fill(f"onthaal@{organisation.slug}.example.org")
    admin.get_by_role("button", name=nl("Save profile")).click()
    expect(admin.get_by_role("status")).to_contain_text(nl("The profile of %(name)s was saved.", name=organisation.name))
    report.check("organisation members after saving the profile")
    admin.goto("/account/wachtwoord-wijzigen/")
    report.check("change password")

    team = open_page()
    report.page = team
    log_in(team, TEAM)
    report.check("dashboard of the EXPOO team")
    team.get_by_role("link", name=nl("View account requests")).click()
    expect(team.locator(".result").first).to_be_visible()
    report.check("account requests queue")
    first = team.locator(".result").first
    first.get_by_text(nl("Decline…")).click()
    first.get_by_role("button", name=nl("Decline request")).click()
    expect(team.get_by_role("alert")).to_contain_text(nl("Give a reason: the person who asked reads it."))
    report.check("account requests queue, declined without a reason")
    account_nav(team).get_by_role("button", name=nl("Log out")).click()
    expect(account_nav(team).get_by_role("link", name=nl("Log in"), exact=True)).to_be_visible()

    report.assert_clean()


def test_phone_sized_pages_pass_axe_and_do_not_scroll_sideways(open_page):
    page = open_page(viewport=MOBILE)
    report = AccessibilityReport(page)
    organisation = Organisation.objects.public().select_related("municipality__province").order_by("name").first()
    widths = {}

    for where, url in [
        ("home on a phone", "/"),
        ("organisation list on a phone", f"/organisaties/?provincie={organisation.municipality.province.slug}"),
        ("organisation detail on a phone", organisation.get_absolute_url()),
    ]:
        page.goto(url)
        report.check(where)
        widths[where] = page.evaluate("() => document.documentElement.scrollWidth")
        screenshot(page, where.replace(" ", "-"))

    report.assert_clean()
    # WCAG 1.4.10 (reflow): at 320 CSS pixels wide nothing may need horizontal scrolling; 375 is a common phone.
    assert all(width <= MOBILE["width"] for width in widths.values()), widths
