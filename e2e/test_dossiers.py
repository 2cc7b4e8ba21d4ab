"""The thematic dossiers as a visitor meets them in the demo: from the main navigation to the
overview, a dossier with its insights and their sources, and a testimonial's transcript opened,
each with zero axe-core violations, on desktop and phone.

Selectors are roles, content from the database and CSS classes, not interface texts: the Dutch
translations of the dossier pages come later."""

import pytest
from playwright.sync_api import expect

from dossiers.models import DossierIndexPage, ThemeDossierPage

from .conftest import MOBILE, assert_accessible, nl, screenshot

pytestmark = pytest.mark.e2e


def _with_a_transcript():
    """The first dossier (by title) with a testimonial that has a recording and its transcript."""
    for dossier in ThemeDossierPage.objects.live().order_by("title"):
        if any(block.value["media_url"] and block.value["transcript"] for block in dossier.testimonials):
            return dossier
    pytest.fail("the demo has no testimonial with a recording")


def test_the_dossiers_overview_and_a_dossier_with_its_transcript_are_accessible(open_page):
    index = DossierIndexPage.objects.get()
    dossier = _with_a_transcript()
    page = open_page()
    page.goto("/")
    page.get_by_role("navigation", name=nl("Main navigation")).get_by_role("link", name=index.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(index.title)
    expect(page.locator(".cards .card")).to_have_count(ThemeDossierPage.objects.child_of(index).live().count())
    assert_accessible(page, "dossiers overview")
    screenshot(page, "dossiers-overview")

    page.get_by_role("link", name=dossier.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(dossier.title)
    insights = page.locator("ol.insights > li")
    expect(insights).to_have_count(len(dossier.insights))
    first = dossier.insights[0].value
    expect(insights.first).to_contain_text(first["statement"])
    source = insights.first.locator(".insight__source a")
    expect(source).to_have_attribute("href", first["source"].get_absolute_url())
    assert page.request.get(first["source"].get_absolute_url()).status == 200
    assert_accessible(page, "dossier")

    transcript = page.locator("details.transcript").first
    expect(transcript).not_to_have_attribute("open", "")
    transcript.locator("summary").click()
    expect(transcript).to_have_attribute("open", "")
    expect(transcript.locator(".transcript__text")).to_be_visible()
    assert_accessible(page, "dossier with a transcript open")
    screenshot(page, "dossier-with-transcript")

    mobile = open_page(viewport=MOBILE)
    mobile.goto(dossier.url)
    expect(mobile.get_by_role("heading", level=1)).to_have_text(dossier.title)
    assert_accessible(mobile, "dossier on a phone")
    screenshot(mobile, "dossier-on-a-phone")
    assert mobile.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
