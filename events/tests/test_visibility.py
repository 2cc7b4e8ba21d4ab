"""Only approved events are public, through every door: the event page, the agenda, the month view,
the archive, the iCalendar feed and .ics, Atom, the sitemap, the site search and the dossiers."""

import datetime

import pytest

from events.models import EVENT_TZ, Event
from events.workflow import Status

from .conftest import make_event, soon

pytestmark = pytest.mark.django_db
HIDDEN = [Status.PROPOSED, Status.CHANGES_REQUESTED, Status.DECLINED]


def doors(client, event):
    """The text every public door shows, by door."""
    start = event.ordered_sessions()[0].local_start
    past_start = start.year < datetime.datetime.now(EVENT_TZ).year or start < datetime.datetime.now(EVENT_TZ)
    return {
        "agenda": client.get("/agenda/").content.decode(),
        "month": client.get(f"/agenda/maand/{start.year}/{start.month}/").content.decode(),
        "archive": client.get("/agenda/archief/").content.decode() if past_start else "",
        "ical": client.get("/agenda/ical/").content.decode(),
        "atom": client.get("/agenda/feed/").content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
        "search": client.get("/zoeken/", {"q": "mrkzichtbaarqz"}).content.decode(),
    }


@pytest.mark.parametrize("status", HIDDEN)
@pytest.mark.parametrize("when", ["upcoming", "past"])
def test_an_event_that_is_not_approved_is_nowhere(client, people, status, when):
    sessions = [soon()] if when == "upcoming" else [soon(days=-30)]
    event = make_event("Vorming mrkzichtbaarqz", status=status, sessions=sessions, themes=[people["theme"]])
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(event.get_ical_url()).status_code == 404
    for door, text in doors(client, event).items():
        if door != "search":  # the search page repeats the query
            assert "mrkzichtbaarqz" not in text, door
        assert event.get_absolute_url() not in text, door
    # Not even for its proposer or the team: they follow it on its proposal page.
    client.force_login(people["team"])
    assert client.get(event.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("when", ["upcoming", "past"])
def test_an_approved_event_is_everywhere(client, people, when):
    sessions = [soon()] if when == "upcoming" else [soon(days=-30)]
    event = make_event("Vorming mrkzichtbaarqz", sessions=sessions, themes=[people["theme"]])
    assert client.get(event.get_absolute_url()).status_code == 200
    assert client.get(event.get_ical_url()).status_code == 200
    found = doors(client, event)
    expected = {"month", "ical", "atom", "sitemap", "search"} | ({"agenda"} if when == "upcoming" else {"archive"})
    for door in expected:
        assert event.get_absolute_url() in found[door], door
    if when == "past":
        assert "mrkzichtbaarqz" not in found["agenda"]


def test_the_public_rule_is_one_queryset_verb(people):
    visible = make_event("Zichtbaar")
    for status in HIDDEN:
        make_event(f"Verborgen {status}", status=status)
    assert list(Event.objects.public()) == [visible]
    # The organisation pages (another team) ask the same verb through the organisers.
    visible.organisers.set([people["org"]])
    visible.save()
    hidden = Event.objects.exclude(pk=visible.pk).first()
    hidden.organisers.set([people["org"]])
    hidden.save()
    assert list(people["org"].events.public().upcoming()) == [visible]


def test_approving_brings_it_into_the_search(client, people):
    from events import actions

    event = make_event("Studiedag mrkzichtbaarqz", status=Status.PROPOSED, organisers=[people["org"]])
    assert event.get_absolute_url() not in client.get("/zoeken/", {"q": "mrkzichtbaarqz"}).content.decode()
    actions.approve_event(event, by=people["team"])
    assert event.get_absolute_url() in client.get("/zoeken/", {"q": "mrkzichtbaarqz"}).content.decode()
