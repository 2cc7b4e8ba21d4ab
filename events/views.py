"""What anyone may see: the agenda (list and month), the archive, an event's page, iCalendar.

Every view starts from Event.objects.public(); a proposal, an event waiting for changes or a
declined one answers 404 here, whoever asks (proposers follow it on its proposal page)."""

import calendar
import contextlib
import datetime
import html
from typing import NamedTuple

from django.core.paginator import Paginator
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.cards import cached_cards, from_template

from . import ical
from .models import EVENT_TZ, Event
from .schema import json_ld_script
from .search import Between, EventSearch, Past, Upcoming, _midnight

PAGE_SIZE = 20
ARCHIVE_PAGE_SIZE = 30
FEED_LIMIT = 500
FEED_HISTORY_DAYS = 90
FIRST_YEAR, LAST_YEAR = 2000, 2100


def event_cards(search, ids: list[int]) -> list[str]:
    """The HTML of each result, cached per event and version of the index. A card names the event's
    next session (or its first, once all have ended), which moves with the clock and not with any
    stamp: that session is part of the key, read from the index's session times."""
    index, now = search.index, search.now

    def next_session(pk):
        i = index.position.get(pk)
        if i is None:  # not public when the index was built; the load leaves it out
            return "-"
        return next((session for _start, session, end in index.sessions[i] if end > now), 0)

    version = "-".join(map(str, index.version))  # the events' and the organisations' stamps
    return cached_cards("event", ids, version, search.load, from_template("events/_event_result.html", "event"), next_session)


def _listing(request, search, template, extra, page_size=PAGE_SIZE):
    ids = search.results()  # lazy: a page orders and loads only its own events
    page_obj = Paginator(ids, page_size).get_page(request.GET.get("page"))
    context = {
        "search": search,
        "page_obj": page_obj,
        "cards": event_cards(search, list(page_obj.object_list)),
        "facets": search.facets(),
        "total": len(ids),
        "errors": search.errors,
        **extra,
    }
    return render(request, template, context, status=400 if search.errors else 200)


def _this_month():
    today = timezone.localtime(timezone.now(), EVENT_TZ).date()
    return today.year, today.month


@require_GET
def agenda(request):
    """Upcoming events (a session ends after now), soonest first; `?weergave=maand` is the month view."""
    if request.GET.get("weergave") == "maand":
        year, month = _this_month()
        raw = request.GET.get("maand", "")
        with contextlib.suppress(ValueError):
            year, month = (int(p) for p in raw.split("-", 1)) if raw else (year, month)
        query = request.GET.copy()
        for key in ("weergave", "maand", "page", "periode", "van", "tot"):
            query.pop(key, None)
        url = reverse("events:month", kwargs={"year": year, "month": month})
        return redirect(f"{url}?{query.urlencode()}" if query else url)
    search = EventSearch(request.GET)
    year, month = _this_month()
    return _listing(request, search, "events/agenda.html", {"view": "list", "this_month": (year, month)})


class MonthEvent(NamedTuple):
    """What a day of the month table shows of an event."""

    pk: int
    title: str
    url: str


def _month_time(local_start, local_end, day, first_day: bool) -> str:
    """Within a month cell: '10:00–16:00', or 'from 10:00' / 'until 16:00' / 'all day' for a session over days."""
    if local_start.date() == local_end.date():
        return f"{local_start:%H:%M}–{local_end:%H:%M}"
    if first_day:
        return _("from %(time)s") % {"time": f"{local_start:%H:%M}"}
    if day == local_end.date():
        return _("until %(time)s") % {"time": f"{local_end:%H:%M}"}
    return _("all day")


def _day_items(items) -> str:
    """A day's sessions as the items of its cell's list. They are made in the view rather than in
    the template: a busy month has hundreds, and the template's loop over them was most of the
    page. Each item's HTML is made when the month is laid out, with its event's link and title
    escaped once per event."""
    return mark_safe("".join(item["html"] for item in items))  # noqa: S308 - escaped in month()


def _month_filters(request) -> QueryDict:
    query = request.GET.copy()
    for key in ("page", "periode", "van", "tot"):
        query.pop(key, None)
    return query


@require_GET
def month(request, year, month):
    """An accessible table of one month: each day lists the sessions on it, linked to their events."""
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        raise Http404
    first = datetime.date(year, month, 1)
    following = datetime.date(year + (month == 12), month % 12 + 1, 1)
    start, end = _midnight(first), _midnight(following)
    search = EventSearch(request.GET, Between(start, end), with_period=False)
    ids = search.run()
    days = {}
    # A cell shows an event's title and link and a session's times: all in the index, no query.
    index = search.index
    url = reverse("events:detail", kwargs={"slug": "-"})[:-2] + "{}/"  # slugs need no quoting
    last_day = following - datetime.timedelta(days=1)
    for pk in ids:
        i = index.position[pk]
        event = MonthEvent(pk, index.titles[i], url.format(index.slugs[i]))
        before = f'<li><a href="{html.escape(event.url)}"><span class="month-grid__time">'
        after = f"</span> {html.escape(event.title)}</a></li>"
        for session_start, _session_pk, session_end in index.sessions[i]:
            if session_end <= start or session_start >= end:
                continue
            local_start, local_end = timezone.localtime(session_start, EVENT_TZ), timezone.localtime(session_end, EVENT_TZ)
            day, last = max(local_start.date(), first), min(local_end.date(), last_day)
            if local_end.time() == datetime.time() and local_end.date() > local_start.date():
                last = min(last, local_end.date() - datetime.timedelta(days=1))  # ends at midnight
            while day <= last:
                first_day = day == local_start.date()
                when = html.escape(_month_time(local_start, local_end, day, first_day))
                days.setdefault(day, []).append({"event": event, "day": day, "html": before + when + after})
                day += datetime.timedelta(days=1)
    weeks = [
        [{"date": d, "in_month": d.month == month, "items": days.get(d, []) if d.month == month else []} for d in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    for week in weeks:
        for day in week:
            day["items_html"] = _day_items(day["items"])
    previous = first - datetime.timedelta(days=1)
    filters = _month_filters(request).urlencode()
    context = {
        "search": search,
        "facets": search.facets(),
        "total": len(ids),
        "weeks": weeks,
        "month_start": first,
        "previous": (previous.year, previous.month),
        "next": (following.year, following.month),
        "today": timezone.localtime(timezone.now(), EVENT_TZ).date(),
        "filters": filters,
        "view": "month",
        "weekdays": [datetime.date(2024, 1, d) for d in range(1, 8)],  # a Monday to a Sunday
    }
    return render(request, "events/month.html", context)


@require_GET
def archive(request):
    """Past events (every session has ended), newest first."""
    search = EventSearch(request.GET, Past(), with_period=False)
    return _listing(request, search, "events/archive.html", {"view": "archive"}, ARCHIVE_PAGE_SIZE)


def public_event(slug):
    return get_object_or_404(
        Event.objects.public().select_related("municipality__province").prefetch_related("sessions", "organisers"),
        slug=slug,
    )


@require_GET
def detail(request, slug):
    event = public_event(slug)
    sessions = event.ordered_sessions()
    now = timezone.now()
    context = {
        "event": event,
        "sessions": sessions,
        "is_past": all(s.end <= now for s in sessions),
        "json_ld": json_ld_script(event),
        "registration_closed": bool(
            event.registration_deadline and event.registration_deadline < timezone.localtime(now, EVENT_TZ).date()
        ),
    }
    return render(request, "events/event_detail.html", context)


@require_GET
def event_ics(request, slug):
    event = public_event(slug)
    return ical.response([event], name=event.title, filename=event.slug)


@require_GET
def agenda_ics(request):
    """The agenda as an iCalendar feed to subscribe to, with the same filters as the list (and the
    events of the last FEED_HISTORY_DAYS days, so a calendar keeps what took place)."""
    # Subscribed calendars drop what leaves the feed: keep the last weeks' events in it too.
    since = timezone.now() - datetime.timedelta(days=FEED_HISTORY_DAYS)
    search = EventSearch(request.GET, Upcoming(since))
    if search.errors:
        return render(
            request, "events/agenda.html", {"errors": search.errors, "search": search, "facets": [], "total": 0}, status=400
        )
    ids = search.results()[:FEED_LIMIT]
    events = Event.objects.public().filter(pk__in=ids).select_related("municipality").prefetch_related("sessions", "organisers")
    return ical.response(events, name=_("EXPOO agenda"))
