"""The agenda in the browser, with the demo accounts: a member proposes an event → the team
publishes it from the moderation queue → it is in the agenda → its page → the month view and the
archive. axe-core checks every new page type (agenda list, month view, archive, event page, proposal
form, proposal page, moderation queue and page) on the way.

Selectors are roles, ids and CSS classes, not interface texts: the Dutch translations come later."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from events.models import EVENT_TZ, Event

from .conftest import MEMBER, MOBILE, TEAM, AccessibilityReport, assert_accessible, log_in

pytestmark = pytest.mark.e2e

TITLE = "Vorming mrkagendaqz: spelen met taal"


def test_propose_approve_and_find_an_event_in_the_agenda(open_page):
    day = datetime.datetime.now(EVENT_TZ).date() + datetime.timedelta(days=1)
    a11y_member = open_page()
    page = a11y_member
    report = AccessibilityReport(page)

    # A member proposes an event for their organisation.
    log_in(page, MEMBER)
    page.goto("/agenda/voorstellen/")
    report.check("proposal form")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_kind").select_option("training")
    expect(page.locator("input[name=organisers]:checked")).to_have_count(1)  # their one organisation
    page.locator("#id_summary").fill("Een ochtend over taalstimulering bij peuters, met veel oefeningen.")
    page.locator("#id_description").fill("We spelen, lezen en zingen.\n\n- taalspelletjes\n- voorlezen\n- liedjes")
    page.locator("#id_municipality").select_option(label="Lier")
    page.locator("#id_venue_name").fill("Huis van het Kind Lier")
    page.locator("#id_is_free").check()
    page.locator("#id_sessie-0-day").fill(day.isoformat())
    page.locator("#id_sessie-0-start_time").fill("07:00")
    page.locator("#id_sessie-0-end_time").fill("06:00")  # wrong on purpose: the end before the start
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    report.check("proposal form with errors")
    assert not Event.objects.filter(title=TITLE).exists()
    page.locator("#id_sessie-0-end_time").fill("09:30")
    page.locator("form.form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/agenda/voorstel/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    report.check("proposal page")
    event = Event.objects.get(title=TITLE)
    assert page.request.get(f"/agenda/{event.slug}/").status == 404

    # The team publishes it from the queue.
    team = open_page()
    report_team = AccessibilityReport(team)
    log_in(team, TEAM)
    team.goto("/agenda/moderatie/")
    report_team.check("moderation queue")
    team.get_by_role("link", name=TITLE).click()
    expect(team.get_by_role("heading", level=1)).to_have_text(TITLE)
    report_team.check("moderation page")
    team.locator("form:has(input[name=step][value=approve]) button").click()
    expect(team).to_have_url(re.compile(r"/agenda/moderatie/$"))

    # Anyone finds it: the agenda (soonest first), its page, the month view, the archive.
    visitor = open_page()
    report_visitor = AccessibilityReport(visitor)
    visitor.goto("/agenda/")
    report_visitor.check("agenda list")
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.locator(".sessions")).to_contain_text("07:00")
    expect(visitor.locator("script[type='application/ld+json']")).to_have_count(1)
    report_visitor.check("event page")
    ics = visitor.request.get(f"/agenda/{event.slug}.ics")
    assert ics.status == 200 and ics.headers["content-type"] == "text/calendar; charset=utf-8"
    assert f"DTSTART;TZID=Europe/Brussels:{day:%Y%m%d}T070000" in ics.text()

    visitor.goto(f"/agenda/?weergave=maand&maand={day:%Y-%m}")
    expect(visitor).to_have_url(re.compile(rf"/agenda/maand/{day.year}/{day.month}/"))
    expect(visitor.locator("table.month-grid")).to_be_visible()
    expect(visitor.locator("table.month-grid").get_by_role("link", name=re.compile("mrkagendaqz"))).to_have_count(1)
    report_visitor.check("month view")
    visitor.locator("a[rel=next]").first.click()
    expect(visitor).to_have_url(re.compile(r"/agenda/maand/\d{4}/\d{1,2}/"))
    visitor.goto("/agenda/archief/")
    expect(visitor.locator(".result").first).to_be_visible()
    report_visitor.check("archive")
    # Filters are links that keep each other, in the URL.
    visitor.goto("/agenda/")
    visitor.locator("section.facet", has=visitor.locator("#facet-soort")).locator("a.facet__option").first.click()
    expect(visitor).to_have_url(re.compile(r"[?&]soort="))
    visitor.locator("section.facet", has=visitor.locator("#facet-vorm")).locator("a.facet__option").first.click()
    expect(visitor).to_have_url(re.compile(r"soort=.*vorm=|vorm=.*soort="))
    report_visitor.check("agenda with two filters")

    for r in (report, report_team, report_visitor):
        r.assert_clean()

    phone = open_page(viewport=MOBILE)
    phone.goto(f"/agenda/maand/{day.year}/{day.month}/")
    assert_accessible(phone, "month view on a phone")
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
