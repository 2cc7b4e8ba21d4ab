"""A member logs in, finds an organisation through the filters and reads it in both languages."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from organisations.models import Organisation

from .conftest import MEMBER, account_nav, assert_accessible, en, log_in, nl, screenshot

pytestmark = pytest.mark.e2e


def test_member_logs_in_finds_an_organisation_and_reads_it_in_english_and_dutch(page, demo):
    member = User.objects.get(email=MEMBER)
    own = Organisation.objects.select_related("municipality__province").get(memberships__user=member)
    province = own.municipality.province

    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl-BE")
    assert_accessible(page, "home")
    screenshot(page, "home")

    log_in(page, MEMBER)
    expect(page).to_have_title(re.compile(re.escape(nl("My EXPOO"))))
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Welcome, %(name)s", name=member.first_name))
    expect(page.get_by_role("link", name=own.name)).to_be_visible()
    expect(account_nav(page).get_by_role("link", name=nl("My EXPOO"))).to_be_visible()
    assert_accessible(page, "dashboard")
    screenshot(page, "dashboard")

    page.get_by_role("navigation", name=nl("Main navigation")).get_by_role("link", name=nl("Organisations")).click()
    expect(page).to_have_url(re.compile(r"/organisaties/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Organisations"))
    assert_accessible(page, "organisation list")
    screenshot(page, "organisation-list")

    facet = page.get_by_role("region", name=nl("Province"))
    facet.get_by_role("link", name=re.compile(rf"^{re.escape(province.name)} \d+")).click()
    expect(page).to_have_url(re.compile(rf"/organisaties/\?provincie={province.slug}$"))
    expect(facet.locator("[aria-current=true]")).to_contain_text(province.name)
    # A filtered listing is one of many facet combinations: crawlers follow it but do not index it.
    expect(page.locator("meta[name=robots]")).to_have_attribute("content", "noindex, follow")
    results = page.locator(".result-list .result")
    expect(results.first).to_be_visible()
    expect(results).to_have_count(min(20, Organisation.objects.public().filter(municipality__province=province).count()))
    assert_accessible(page, "organisation list filtered by province")

    results.get_by_role("link", name=own.name, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/organisaties/{own.slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(own.name)
    expect(page.get_by_role("main").locator("address")).to_contain_text(own.municipality.name)
    assert_accessible(page, "organisation detail")
    screenshot(page, "organisation-detail")

    account_nav(page).get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(demo.url)}/en/organisaties/{own.slug}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(own.name)
    expect(account_nav(page, en).get_by_role("link", name=en("My EXPOO"))).to_be_visible()
    expect(page.get_by_role("navigation", name=en("Breadcrumb"))).to_contain_text(en("Organisations"))
    assert_accessible(page, "organisation detail in English")

    account_nav(page, en).get_by_role("link", name="Nederlands").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(demo.url)}/organisaties/{own.slug}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl-BE")
    expect(account_nav(page).get_by_role("link", name="English")).to_have_attribute("hreflang", "en")
    assert_accessible(page, "organisation detail back in Dutch")
