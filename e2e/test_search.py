"""axe-core over the site search: results with facets and highlights, a spelling suggestion, and
the page for a search that finds nothing (desktop and phone)."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import MOBILE, assert_accessible

pytestmark = pytest.mark.e2e


def test_search_results_with_facets_and_highlights_are_accessible(open_page):
    page = open_page()
    page.goto("/zoeken/?q=tienerouders")
    expect(page.locator(".results-count")).to_contain_text("tienerouders")
    expect(page.locator(".result mark").first).to_be_visible()
    assert_accessible(page, "search results")

    facet = page.locator('[aria-labelledby="facet-soort"] a').first
    facet.click()
    expect(page).to_have_url(re.compile(r"q=tienerouders.*soort=|soort=.*q=tienerouders"))
    expect(page.locator('[aria-labelledby="facet-soort"] [aria-current="true"]')).to_be_visible()
    assert_accessible(page, "search results filtered by kind")

    mobile = open_page(viewport=MOBILE)
    mobile.goto("/zoeken/?q=opvoedingsondersteuning")
    expect(mobile.locator(".result").first).to_be_visible()
    assert_accessible(mobile, "search results on a phone")
    assert mobile.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_spelling_suggestion_and_the_empty_page_are_accessible(open_page):
    page = open_page()
    page.goto("/zoeken/?q=tienerouers")
    suggestion = page.locator(".search-suggestion a")
    expect(suggestion).to_have_text("tienerouders")
    assert_accessible(page, "search with a spelling suggestion")
    suggestion.click()
    expect(page).to_have_url(re.compile(r"/zoeken/\?q=tienerouders$"))

    page.goto("/zoeken/?q=zwxqvj")
    expect(page.locator(".empty")).to_be_visible()
    expect(page.locator(".result")).to_have_count(0)
    assert_accessible(page, "search without results")

    mobile = open_page(viewport=MOBILE)
    mobile.goto("/zoeken/?q=zwxqvj")
    assert_accessible(mobile, "search without results on a phone")
