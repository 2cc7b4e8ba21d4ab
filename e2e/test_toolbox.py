"""The Toolbox as a visitor meets it: the list, a filtered list (facet, year range, sort) and a
publication's page with its PDF, each with zero axe-core violations, on desktop and phone.

Selectors are roles and CSS classes, not interface texts: the Dutch translations come later."""

import re

import pytest
from playwright.sync_api import expect

from toolbox.models import Publication

from .conftest import MOBILE, assert_accessible

pytestmark = pytest.mark.e2e


def test_the_toolbox_list_filters_and_a_publication_page_are_accessible(open_page):
    page = open_page()
    page.goto("/toolbox/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Toolbox")
    total = Publication.objects.public().count()
    expect(page.locator(".results-count")).to_contain_text(str(total))
    assert_accessible(page, "toolbox list")

    # A facet link narrows the list and is marked as chosen; the URL carries the choice.
    type_facet = page.locator("section.facet", has=page.locator("#facet-type"))
    type_facet.locator("a.facet__option").first.click()
    expect(page).to_have_url(re.compile(r"[?&]type="))
    expect(type_facet.locator("a[aria-current='true']")).to_have_count(1)
    assert_accessible(page, "toolbox with a type chosen")

    # The year range is a plain form: it keeps the chosen type.
    page.locator("#year-from").fill("2015")
    page.locator("#year-to").fill("2022")
    page.locator("form.year-range button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"van=2015.*tot=2022|tot=2022.*van=2015"))
    expect(page).to_have_url(re.compile(r"[?&]type="))
    for year in page.locator(".result__meta").all_inner_texts():
        assert any(str(y) in year for y in range(2015, 2023)), year
    page.locator("#sort").select_option("titel")
    page.locator("form.sort-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"sorteer=titel"))
    assert_accessible(page, "toolbox with a year range, sorted by title")

    publication = Publication.objects.public().filter(is_expoo=True, document__isnull=False).order_by("title").first()
    page.goto(publication.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(publication.title)
    expect(page.locator(".citation")).to_contain_text(str(publication.year))
    download = page.locator(f"a[href='{publication.document.url}']")
    expect(download).to_have_count(1)
    response = page.request.get(publication.document.url)
    assert response.status == 200 and response.body().startswith(b"%PDF")
    assert_accessible(page, "publication page")

    draft = Publication.objects.filter(live=False, document__isnull=False).first()
    assert page.request.get(draft.get_absolute_url()).status == 404
    assert page.request.get(draft.document.url).status == 404

    mobile = open_page(viewport=MOBILE)
    mobile.goto("/toolbox/?thema=ouderschap-en-opvoeding&expoo=1")
    assert_accessible(mobile, "toolbox on a phone")
    assert mobile.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
