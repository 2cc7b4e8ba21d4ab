"""Dates of events in the visitor's language and in Brussels time, and their description as safe HTML."""

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import ngettext

from practices.text import render

from ..models import EVENT_TZ

register = template.Library()


def _local(moment):
    return timezone.localtime(moment, EVENT_TZ)


def _date(moment, fmt="DATE_FORMAT"):
    return formats.date_format(_local(moment), fmt)


def _time(moment):
    return _local(moment).strftime("%H:%M")


@register.simple_tag
def session_when(session, weekday=True):
    """'dinsdag 8 december 2026, 10:00–16:00' (or a start and an end on different days), in a <time>."""
    start, end = _local(session.start), _local(session.end)
    day_format = "l j F Y" if weekday else "j F Y"
    if start.date() == end.date():
        return format_html(
            '<time datetime="{}">{}, {}</time>–<time datetime="{}">{}</time>',
            start.isoformat(),
            formats.date_format(start, day_format),
            _time(start),
            end.isoformat(),
            _time(end),
        )
    return format_html(
        '<time datetime="{}">{} {}</time> – <time datetime="{}">{} {}</time>',
        start.isoformat(),
        formats.date_format(start, day_format),
        _time(start),
        end.isoformat(),
        formats.date_format(end, day_format),
        _time(end),
    )


@register.simple_tag
def event_when(event, now=None):
    """A result's date: the next (or first) session, and how many more there are."""
    sessions = event.ordered_sessions()
    if not sessions:
        return ""
    now = now or timezone.now()
    upcoming = [s for s in sessions if s.end > now] or sessions
    first = upcoming[0]
    text = session_when(first)
    others = len(sessions) - 1
    if others:
        more = ngettext("and %(count)s other session", "and %(count)s other sessions", others) % {"count": others}
        return format_html("{} <span class='muted'>({})</span>", text, more)
    return text


@register.filter
def event_text(text):
    """The description as sanitised HTML (simple Markdown, like practice descriptions)."""
    return render(text)


@register.filter
def local_date(moment, fmt="j F Y"):
    return formats.date_format(_local(moment), fmt) if moment else ""
