"""iCalendar (RFC 5545) for one event or any filtered agenda, with the `icalendar` library.

Every session is one VEVENT with a stable UID (`event-<id>-session-<id>@<host>`), its start and end
in Europe/Brussels with TZID (the VTIMEZONE travels along), DTSTAMP, SUMMARY, LOCATION, URL and a
plain-text DESCRIPTION. The library escapes and folds the lines."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar import Event as VEvent

from practices.text import plain

from .models import EVENT_TZ

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//EXPOO//Agenda//NL"


def brussels_vtimezone() -> Timezone:
    """Europe/Brussels as calendars write it: CET in winter, CEST from the last Sunday of March
    (02:00) to the last Sunday of October (03:00), the EU rule since 1996."""
    tz = Timezone()
    tz.add("tzid", "Europe/Brussels")
    tz.add("x-lic-location", "Europe/Brussels")
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", datetime.timedelta(hours=1))
    summer.add("tzoffsetto", datetime.timedelta(hours=2))
    summer.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", datetime.timedelta(hours=2))
    winter.add("tzoffsetto", datetime.timedelta(hours=1))
    winter.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def _host() -> str:
    return urlsplit(settings.BASE_URL).hostname or "expoo.example"


def session_uid(event, session) -> str:
    return f"event-{event.pk}-session-{session.pk}@{_host()}"


def _absolute(path: str) -> str:
    return f"{settings.BASE_URL}{path}"


def _description(event) -> str:
    url = _absolute(event.get_absolute_url())
    parts = [event.summary, plain(event.description)]
    if event.registration_url:
        parts.append(f"{event.registration_url}")
    parts.append(url)
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def vevents(event, stamp: datetime.datetime):
    sessions = event.ordered_sessions()
    for number, session in enumerate(sessions, start=1):
        vevent = VEvent()
        vevent.add("uid", session_uid(event, session))
        vevent.add("dtstamp", stamp)
        vevent.add("dtstart", timezone.localtime(session.start, EVENT_TZ))
        vevent.add("dtend", timezone.localtime(session.end, EVENT_TZ))
        title = event.title
        if len(sessions) > 1:
            title = f"{event.title} ({session.title or f'{number}/{len(sessions)}'})"
        vevent.add("summary", title)
        location = event.location_text()
        if location:
            vevent.add("location", location)
        vevent.add("url", _absolute(event.get_absolute_url()))
        vevent.add("description", _description(event))
        vevent.add("status", "CONFIRMED")
        vevent.add("transp", "OPAQUE")
        vevent.add("categories", [event.get_kind_display()])
        if event.updated_at:
            vevent.add("last-modified", event.updated_at.astimezone(datetime.UTC))
        if event.contact_email:
            organizer = f"mailto:{event.contact_email}"
            vevent.add("organizer", organizer, parameters={"CN": event.contact_name or ", ".join(event.organiser_names())})
        yield vevent


def calendar(events, *, name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Brussels")
    cal.add_component(brussels_vtimezone())
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for event in events:
        for vevent in vevents(event, stamp):
            cal.add_component(vevent)
    return cal


def response(events, *, name: str, filename: str | None = None) -> HttpResponse:
    body = calendar(events, name=name).to_ical()
    resp = HttpResponse(body, content_type=CONTENT_TYPE)
    if filename:
        resp["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    resp["X-Content-Type-Options"] = "nosniff"
    return resp
