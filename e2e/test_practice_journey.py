"""The whole life of a practice in the browser, with the demo accounts: register → accept → write →
read-along feedback → submit → conflict declared → reviews → feedback → revise → accept → the
published page found by the public search. axe-core checks every page on the way."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import MEMBER, TEAM, assert_accessible, log_in, nl, status_message

pytestmark = pytest.mark.e2e

TITLE = "Kookatelier Samen Proeven"
REVIEWER = "commissielid@expoo.example"
CONFLICTED = "karel.dewaele@example.org"
CHAIR = "voorzitter@expoo.example"
REQUIRED = {
    "Samenvatting": "Ouders en kinderen koken samen en praten ondertussen over eten, slapen en spelen.",
    "Aanleiding en probleemanalyse": "Veel ouders voelen zich alleen met vragen over voeding en ritme.",
    "Doelgroep": "Gezinnen met kinderen van nul tot zes jaar in de buurt van het Huis van het Kind.",
    "Doelen": "Ouders voelen zich zekerder en kennen elkaar beter.",
    "Aanpak": "Tien sessies van twee uur, begeleid door een kinderverzorgster en een diëtist.",
    "Randvoorwaarden voor uitvoering": "Een keuken, twee begeleiders en een klein budget voor ingrediënten.",
    "Overdraagbaarheid": "Elke organisatie met een keuken kan starten na een korte vorming.",
}


def _workspace(page: Page) -> None:
    page.goto("/account/")
    page.get_by_role("region", name=nl("My practices")).get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def _team_opens_practice(page: Page) -> None:
    page.goto("/werkruimte/team/")
    assert_accessible(page, "team queues")
    page.get_by_role("link", name=TITLE).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def _write_section(page: Page, title: str, text: str) -> None:
    page.get_by_role("link", name=nl("Edit “%(title)s”") % {"title": title}).click()
    page.get_by_label(re.compile(rf"^{re.escape(title)}\b")).fill(text)
    page.get_by_role("button", name=nl("Save section")).click()
    expect(status_message(page)).to_contain_text(title)


def _review(page: Page, recommendation_label: str, conflict: bool = False) -> None:
    page.goto("/werkruimte/beoordelen/")
    assert_accessible(page, "to review")
    page.get_by_role("link", name=TITLE).first.click()
    if conflict:
        page.get_by_label(nl("Yes, I have a conflict of interest")).check()
        page.get_by_label(nl("Describe the conflict")).fill("Ik begeleid dit Huis van het Kind als vrijwilliger.")
        assert_accessible(page, "conflict declaration")
        page.get_by_role("button", name=nl("Confirm")).click()
        return
    page.get_by_label(nl("No, I have no conflict of interest")).check()
    page.get_by_role("button", name=nl("Confirm")).click()
    expect(page.get_by_label(nl("Overall assessment"))).to_be_visible()
    page.get_by_role("textbox", name=re.compile(r"^Aanpak")).fill("Maak de opbouw van de sessies concreet.")
    page.get_by_label(nl("Overall assessment")).fill("Een sterke praktijk die nog wat concreter mag.")
    page.get_by_label(nl("Recommendation")).select_option(label=recommendation_label)
    assert_accessible(page, "review form")
    page.get_by_role("button", name=nl("Submit review")).click()
    expect(status_message(page)).to_contain_text(nl("Your review was submitted."))


def _chair_decides(page: Page, decision_label: str, feedback: str) -> None:
    page.goto("/werkruimte/beoordelen/")
    page.get_by_role("link", name=TITLE).last.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    assert_accessible(page, "decision form")
    page.get_by_label(decision_label).check()
    page.get_by_label(nl("Feedback to the submitter")).fill(feedback)
    page.get_by_role("button", name=nl("Record the decision")).click()
    expect(status_message(page)).to_contain_text(nl("The decision was recorded and the submitter informed."))


def _assign(page: Page, reviewers: list[str]) -> None:
    _team_opens_practice(page)
    page.get_by_role("link", name=nl("Assign commission members")).click()
    for name in reviewers:
        page.get_by_label(name).check()
    page.get_by_label(nl("Reviews due on")).fill((datetime.date.today() + datetime.timedelta(days=21)).isoformat())
    assert_accessible(page, "assign reviewers")
    page.get_by_role("button", name=nl("Assign")).click()
    expect(status_message(page)).to_contain_text(nl("The commission members were asked to review."))


def test_a_practice_from_registration_to_publication_in_the_browser(open_page):
    writer, team, reviewer, conflicted, chair, visitor = (open_page() for _ in range(6))

    # Register.
    log_in(writer, MEMBER)
    writer.get_by_role("link", name=nl("Register a practice")).click()
    assert_accessible(writer, "registration form")
    writer.get_by_label(nl("Title of the practice")).fill(TITLE)
    writer.get_by_label(nl("Short description")).fill("Ouders en kinderen koken samen in het Huis van het Kind.")
    writer.get_by_role("group", name=nl("Target group")).get_by_role("checkbox").first.check()
    writer.get_by_role("group", name=nl("Theme")).get_by_role("checkbox").first.check()
    writer.get_by_role("button", name=nl("Send registration")).click()
    expect(writer.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_accessible(writer, "dossier after registration")

    # The team plans the intake and accepts.
    log_in(team, TEAM)
    _team_opens_practice(team)
    team.get_by_role("link", name=nl("Intake: plan, accept or decline")).click()
    team.get_by_label(nl("Date and time of the intake conversation")).fill("2026-12-03T10:00")
    assert_accessible(team, "intake")
    team.get_by_role("button", name=nl("Save the intake")).click()
    team.get_by_role("button", name=nl("Accept: the practice becomes “registered”")).click()
    expect(status_message(team)).to_contain_text(nl("The registration was accepted. The practice is now registered."))

    # The writer describes three sections and asks the team to read along.
    _workspace(writer)
    for title in list(REQUIRED)[:3]:
        _write_section(writer, title, REQUIRED[title])
    writer.get_by_role("link", name=nl("Edit “%(title)s”") % {"title": "Doelen"}).click()
    assert_accessible(writer, "section editor")
    writer.goto(writer.url.split("sectie/")[0])
    writer.get_by_role("button", name=nl("Ask the EXPOO team to read along")).click()

    # The team comments on a section and returns its feedback.
    _team_opens_practice(team)
    team.get_by_role("link", name=nl("Read and comment on “%(title)s”") % {"title": "Doelen"}).click()
    team.get_by_label(nl("Your comment")).fill("Maak de doelen meetbaar: wat merkt een ouder na tien sessies?")
    team.get_by_role("button", name=nl("Add comment")).click()
    expect(status_message(team)).to_contain_text(nl("Your comment was added."))
    team.goto(team.url.split("sectie/")[0])
    team.get_by_role("button", name=nl("Return the read-along feedback")).click()

    # The writer reads the comment, completes the description and submits.
    _workspace(writer)
    writer.get_by_role("link", name=nl("Edit “%(title)s”") % {"title": "Doelen"}).click()
    expect(writer.get_by_text("Maak de doelen meetbaar")).to_be_visible()
    writer.goto(writer.url.split("sectie/")[0])
    for title in list(REQUIRED)[3:]:
        _write_section(writer, title, REQUIRED[title])
    writer.get_by_role("button", name=nl("Submit to the commission")).click()
    expect(
        writer.get_by_role("link", name=re.compile(re.escape(nl("Round %(n)s (version %(v)s)") % {"n": 1, "v": 1})))
    ).to_be_visible()

    # Two commission members: one declares a conflict, the other asks for a revision; the chair agrees.
    _assign(team, ["Karel Dewaele", "Pieterjan Roels"])
    log_in(conflicted, CONFLICTED)
    _review(conflicted, "", conflict=True)
    log_in(reviewer, REVIEWER)
    _review(reviewer, nl("Revise and resubmit"))
    log_in(chair, CHAIR)
    _chair_decides(chair, nl("Revise and resubmit"), "Beschrijf de tien sessies één voor één.")

    # The writer reads the merged feedback, revises and resubmits.
    _workspace(writer)
    writer.get_by_role("link", name=re.compile(re.escape(nl("Round %(n)s (version %(v)s)") % {"n": 1, "v": 1}))).click()
    expect(writer.get_by_text("Beschrijf de tien sessies één voor één.")).to_be_visible()
    expect(writer.get_by_text("Een sterke praktijk die nog wat concreter mag.")).to_have_count(0)
    assert_accessible(writer, "round with feedback")
    _workspace(writer)
    _write_section(writer, "Aanpak", "Sessie 1: kennismaken. Sessie 2: samen soep maken. Sessie 3 tot 10: telkens een thema.")
    writer.get_by_role("button", name=nl("Submit to the commission")).click()
    writer.get_by_role("link", name=re.compile(re.escape(nl("Round %(n)s (version %(v)s)") % {"n": 2, "v": 2}))).click()
    expect(writer.locator(".diff ins").first).to_be_visible()
    assert_accessible(writer, "round 2 with differences")

    # Second round: accepted, published, found by the public search.
    _assign(team, ["Pieterjan Roels"])
    _review(reviewer, nl("Accept"))
    _chair_decides(chair, nl("Accept"), "Helder beschreven en overdraagbaar.")

    visitor.goto("/")
    visitor.get_by_role("search", name=nl("Search the whole site")).get_by_role("searchbox").fill("Samen Proeven")
    visitor.get_by_role("search", name=nl("Search the whole site")).get_by_role("button").click()
    assert_accessible(visitor, "search results")
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_text("Sessie 1: kennismaken.")).to_be_visible()
    expect(visitor.get_by_text("Maak de doelen meetbaar")).to_have_count(0)
    assert_accessible(visitor, "published practice")
