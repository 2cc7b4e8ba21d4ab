"""axe-core over the practice-database pages the journey does not pass: the databank with facets,
the printable view, the next-level checklist, the materials form and the collective trajectory form."""

import pytest
from playwright.sync_api import expect

from practices.models import Practice

from .conftest import MEMBER, MOBILE, TEAM, assert_accessible, log_in, nl

pytestmark = pytest.mark.e2e


def test_the_databank_with_facets_and_a_published_practice_are_accessible(open_page):
    page = open_page()
    page.goto("/praktijken/")
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Database of quality practices"))
    assert_accessible(page, "databank")
    level = page.get_by_role("region", name=nl("Level of description"))
    level.get_by_role("link", name=nl("Well described")).click()
    expect(level.get_by_role("link", name=nl("Well described"))).to_have_attribute("aria-current", "true")
    assert_accessible(page, "databank with a level selected")
    published = Practice.objects.published().order_by("title").first()
    page.goto(published.get_absolute_url())
    assert_accessible(page, "published practice")
    page.get_by_role("link", name=nl("Printable version")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(published.title)
    assert_accessible(page, "printable view")

    mobile = open_page(viewport=MOBILE)
    mobile.goto("/praktijken/?niveau=well_described")
    assert_accessible(mobile, "databank on a phone")
    assert mobile.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_the_writer_and_team_pages_around_a_dossier_are_accessible(open_page):
    writer = open_page()
    log_in(writer, MEMBER)
    practice = Practice.objects.of_member(writer_user()).exclude(level="").order_by("pk").first()
    writer.goto(practice.get_workspace_url())
    assert_accessible(writer, "dossier")
    writer.get_by_role("link", name=nl("What is missing for the next level?")).click()
    expect(writer.get_by_role("heading", level=1)).to_have_text(nl("What is missing for the next level?"))
    assert_accessible(writer, "next level")
    writer.goto(practice.get_workspace_url())
    writer.get_by_role("link", name=nl("Add a PDF")).click()
    writer.get_by_role("button", name=nl("Add")).click()
    assert_accessible(writer, "materials form with errors")

    team = open_page()
    log_in(team, TEAM)
    team.goto("/werkruimte/team/")
    team.get_by_role("link", name=nl("Start a collective description")).click()
    team.get_by_role("button", name=nl("Start")).click()
    expect(team.get_by_role("alert")).to_be_visible()
    assert_accessible(team, "collective trajectory form with errors")


def writer_user():
    from accounts.models import User

    return User.objects.get(email=MEMBER)
