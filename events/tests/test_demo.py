"""The agenda's demo data: at least 60 events over a year around today, every kind, several
organisers, a congress with its programme, a multi-day event, a series, online and hybrid, free and
paid, a moderation queue; and a second load that creates nothing."""

import datetime

import pytest

from core.demo.events import load_events
from core.demo.organisations import load_organisations
from core.demo.taxonomy import load_taxonomy
from core.demo.users import load_users
from core.demo.util import Stats
from events.models import Event, EventKind
from events.workflow import Status

pytestmark = pytest.mark.django_db


def test_the_demo_agenda_covers_the_calendar_and_loads_once():
    stats = Stats()
    load_taxonomy(stats)
    load_organisations(stats)
    load_users(stats)
    load_events(stats)
    public = Event.objects.public()
    assert Event.objects.count() >= 60 and public.count() >= 60
    assert set(public.values_list("kind", flat=True)) == set(EventKind.values)
    assert {Status.PROPOSED, Status.CHANGES_REQUESTED, Status.DECLINED} <= set(Event.objects.values_list("status", flat=True))
    assert public.filter(is_expoo=True).exists() and public.values("organisers").distinct().count() >= 15
    assert public.filter(attendance="online").exists() and public.filter(attendance="hybrid").exists()
    assert public.filter(is_free=True).exists() and public.filter(is_free=False, price__gt=0).exists()
    congress = public.get(slug="expoo-congres-2027-samen-sterk-voor-gezinnen")
    assert "### Programma" in congress.description
    assert public.upcoming().count() >= 25 and public.past().count() >= 15
    dates = public.with_dates()
    assert max(e.starts_at for e in dates) - min(e.starts_at for e in dates) > datetime.timedelta(days=300)
    assert any(len(e.sessions.all()) >= 4 for e in public)  # a series
    assert any(s.local_start.date() != s.local_end.date() for e in public for s in e.sessions.all())  # over two days
    assert all(s.end > s.start for e in Event.objects.all() for s in e.sessions.all())

    again = Stats()
    load_events(again)
    assert not any(label.startswith("events") for label in again.created)
