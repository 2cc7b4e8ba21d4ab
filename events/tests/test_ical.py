"""iCalendar: an .ics per event and a feed for any filtered agenda, read back by three parsers
(icalendar, and as calendar clients read it: vobject and recurring-ical-events). The times that
matter: 10:00 in Brussels stays 10:00 with TZID=Europe/Brussels, before and after the change to
summer time, at the right UTC instant."""

import datetime

import icalendar
import pytest
import recurring_ical_events
import vobject

from events.models import EVENT_TZ, Event
from events.workflow import Status

from .conftest import brussels, make_event

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def across_summer_time(db):
    """A series at 10:00–12:00 Brussels time: Saturday before and Monday after the clocks go forward
    (28 March 2027), and one in winter (December 2026)."""
    return make_event(
        "Leernetwerk opvoedingsondersteuning, reeks",
        sessions=[
            (brussels(2026, 12, 8, 10), brussels(2026, 12, 8, 12)),
            (brussels(2027, 3, 27, 10), brussels(2027, 3, 27, 12)),
            (brussels(2027, 3, 29, 10), brussels(2027, 3, 29, 12)),
        ],
        venue_name="Zaal 't Hof, Gent; 2de verdieping",
    )


def get_ics(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def test_sessions_are_stored_in_utc(across_summer_time):
    starts = [s.start.astimezone(UTC) for s in across_summer_time.ordered_sessions()]
    assert starts == [
        datetime.datetime(2026, 12, 8, 9, 0, tzinfo=UTC),  # winter: UTC+1
        datetime.datetime(2027, 3, 27, 9, 0, tzinfo=UTC),  # still winter time
        datetime.datetime(2027, 3, 29, 8, 0, tzinfo=UTC),  # summer time: UTC+2
    ]


def test_the_ics_keeps_ten_oclock_with_the_brussels_zone(client, across_summer_time):
    body = get_ics(client, across_summer_time.get_ical_url())
    text = body.decode()
    assert "DTSTART;TZID=Europe/Brussels:20261208T100000" in text
    assert "DTSTART;TZID=Europe/Brussels:20270327T100000" in text
    assert "DTSTART;TZID=Europe/Brussels:20270329T100000" in text
    assert "DTEND;TZID=Europe/Brussels:20270329T120000" in text
    cal = icalendar.Calendar.from_ical(body)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Brussels"]
    events = sorted(cal.walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))
    assert [e.decoded("DTSTART").astimezone(UTC).hour for e in events] == [9, 9, 8]
    for vevent in events:
        start = vevent.decoded("DTSTART")
        assert (start.hour, start.minute) == (10, 0)
        assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
        assert vevent.decoded("DTSTAMP").tzinfo is not None
        for name in ("UID", "SUMMARY", "LOCATION", "URL", "DESCRIPTION"):
            assert vevent.get(name), name


def test_a_calendar_client_reads_the_same_instants(client, across_summer_time):
    """vobject builds the time zone from our VTIMEZONE (as CalDAV servers and clients do)."""
    body = get_ics(client, across_summer_time.get_ical_url()).decode()
    cal = vobject.readOne(body)
    starts = sorted(v.dtstart.value for v in cal.vevent_list)
    assert [s.astimezone(UTC) for s in starts] == [
        datetime.datetime(2026, 12, 8, 9, 0, tzinfo=UTC),
        datetime.datetime(2027, 3, 27, 9, 0, tzinfo=UTC),
        datetime.datetime(2027, 3, 29, 8, 0, tzinfo=UTC),
    ]
    assert all((s.hour, s.minute) == (10, 0) for s in starts)
    # Expanding the calendar as a client shows a week of it.
    expanded = recurring_ical_events.of(icalendar.Calendar.from_ical(body)).between((2027, 3, 22), (2027, 4, 5))
    assert sorted(e.decoded("DTSTART").astimezone(EVENT_TZ).strftime("%d/%m %H:%M") for e in expanded) == [
        "27/03 10:00",
        "29/03 10:00",
    ]


def test_the_vtimezone_is_right_for_years_ahead(client):
    event = make_event("Congres 2031", sessions=[(brussels(2031, 7, 1, 10), brussels(2031, 7, 1, 17))])
    cal = vobject.readOne(get_ics(client, event.get_ical_url()).decode())
    assert cal.vevent.dtstart.value.astimezone(UTC) == datetime.datetime(2031, 7, 1, 8, 0, tzinfo=UTC)


def test_uids_are_stable_and_unique_per_session(client, across_summer_time):
    first = icalendar.Calendar.from_ical(get_ics(client, across_summer_time.get_ical_url()))
    again = icalendar.Calendar.from_ical(get_ics(client, "/agenda/ical/"))
    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert len(set(uids)) == 3
    assert set(uids) <= {str(e["UID"]) for e in again.walk("VEVENT")}
    assert all(uid.startswith(f"event-{across_summer_time.pk}-session-") for uid in uids)


def test_text_is_escaped_folded_and_plain(client):
    event = make_event(
        "Webinar: schermtijd, gamen; en slapen",
        description="**Programma**\n\n- 19:00 welkom\n- 19:10 lezing over <script>slapen</script> en schermen " + "lang " * 30,
        sessions=[(brussels(2027, 1, 12, 19), brussels(2027, 1, 12, 21))],
    )
    body = get_ics(client, event.get_ical_url())
    assert all(len(line) <= 75 for line in body.split(b"\r\n")), "lines are folded at 75 octets"
    assert b"SUMMARY:Webinar: schermtijd\\, gamen\\; en slapen" in body
    vevent = icalendar.Calendar.from_ical(body).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == "Webinar: schermtijd, gamen; en slapen"
    description = str(vevent["DESCRIPTION"])
    assert "**" not in description and "Programma" in description
    assert event.get_absolute_url() in description


def test_the_feed_follows_the_agendas_filters(client, people):
    theme = people["theme"]
    make_event("Met thema", themes=[theme])
    make_event("Zonder thema")
    cal = icalendar.Calendar.from_ical(get_ics(client, f"/agenda/ical/?thema={theme.slug}"))
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Met thema"]
    everything = icalendar.Calendar.from_ical(get_ics(client, "/agenda/ical/"))
    assert {str(e["SUMMARY"]) for e in everything.walk("VEVENT")} == {"Met thema", "Zonder thema"}


def test_an_online_event_has_online_as_location(client):
    event = make_event("Webinar", attendance="online", online_url="https://meet.example.org/x")
    vevent = icalendar.Calendar.from_ical(get_ics(client, event.get_ical_url())).walk("VEVENT")[0]
    assert str(vevent["LOCATION"]) == "Online"


@pytest.mark.parametrize("status", [Status.PROPOSED, Status.CHANGES_REQUESTED, Status.DECLINED])
def test_no_ics_for_what_is_not_public(client, status):
    event = make_event("Niet publiek", status=status)
    assert client.get(event.get_ical_url()).status_code == 404
    assert b"Niet publiek" not in client.get("/agenda/ical/").content
    assert Event.objects.public().count() == 0
