"""Builders for events: straight into the database for visibility and listing tests, through the
actions (as the people involved would) for the workflow."""

import datetime
import html
import re

import pytest

from core.factories import MembershipFactory, OrganisationFactory, ThemeFactory, UserFactory, municipality
from events.models import EVENT_TZ, Attendance, Event, EventKind, EventSession
from events.workflow import Status

RESULT_TITLE = re.compile(r'<h3 class="result__title"><a href="[^"]*">([^<]*)</a></h3>')


def titles(response):
    """The titles of a listing's results as the page shows them, in order."""
    assert response.status_code == 200
    return [html.unescape(t) for t in RESULT_TITLE.findall(response.content.decode())]


def brussels(year, month, day, hour=10, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=EVENT_TZ)


def soon(days=10, hour=10, hours=3):
    """A (start, end) pair `days` from today at `hour` Brussels time."""
    day = datetime.datetime.now(EVENT_TZ).date() + datetime.timedelta(days=days)
    start = datetime.datetime.combine(day, datetime.time(hour)).replace(tzinfo=EVENT_TZ)
    return start, start + datetime.timedelta(hours=hours)


def make_event(title, *, status=Status.APPROVED, sessions=None, organisers=(), themes=(), target_groups=(), **fields):
    """An event as the database holds it, approved unless `status` says otherwise."""
    fields.setdefault("kind", EventKind.TRAINING)
    fields.setdefault("summary", f"Samenvatting van {title}.")
    fields.setdefault("description", f"Beschrijving van {title}.")
    fields.setdefault("attendance", Attendance.ON_SITE)
    if fields["attendance"] != Attendance.ONLINE:
        fields.setdefault("municipality", municipality("Gent"))
    fields.setdefault("is_free", True)
    if status == Status.APPROVED:
        fields.setdefault("approved_at", datetime.datetime.now(datetime.UTC))
    from django.utils.text import slugify

    event = Event.objects.create(title=title, slug=fields.pop("slug", slugify(title)), status=status, **fields)
    event.organisers.set(organisers)
    event.themes.set(themes)
    event.target_groups.set(target_groups)
    event.save()
    for i, (start, end) in enumerate(sessions or [soon()]):
        EventSession.objects.create(event=event, start=start, end=end, sort_order=i)
    return event


@pytest.fixture
def people(db):
    """A member of an organisation, a member of another one, someone with no organisation, the team."""
    org = OrganisationFactory(name="Huis van het Kind Teststad")
    other_org = OrganisationFactory(name="Opvoedingswinkel Elders")
    member = UserFactory(email="lid@teststad.example", first_name="Sam", last_name="Peeters")
    MembershipFactory(user=member, organisation=org)
    colleague = UserFactory(email="collega@teststad.example")
    MembershipFactory(user=colleague, organisation=org)
    outsider = UserFactory(email="buiten@elders.example")
    MembershipFactory(user=outsider, organisation=other_org)
    loner = UserFactory(email="zonder@organisatie.example")
    from accounts import roles

    team = UserFactory(email="agenda@expoo.example", groups=[roles.EXPOO_TEAM])
    theme = ThemeFactory(name="Ouderparticipatie", slug="ouderparticipatie")
    return {
        "org": org,
        "other_org": other_org,
        "member": member,
        "colleague": colleague,
        "outsider": outsider,
        "loner": loner,
        "team": team,
        "theme": theme,
    }


def proposal_data(organisation, **overrides) -> dict:
    data = {
        "title": "Studiedag ouderbetrokkenheid",
        "kind": EventKind.STUDY_DAY,
        "summary": "Een dag over ouders als partners.",
        "description": "We starten met een lezing en werken daarna in groepen.",
        "audience": "Medewerkers van Huizen van het Kind",
        "attendance": Attendance.ON_SITE,
        "venue_name": "Zaal De Kring",
        "street": "Kerkstraat 1",
        "postcode": "9000",
        "municipality": municipality("Gent"),
        "online_url": "",
        "is_free": True,
        "price": None,
        "organisers": [organisation],
        "contact_name": "Sam Peeters",
        "contact_email": "sam@teststad.example",
    }
    data.update(overrides)
    return data


def post_data(organisation, sessions=(("2027-03-29", "10:00", "16:00", ""),), **overrides) -> dict:
    """The proposal form as a browser posts it."""
    data = {
        "title": "Vorming luisteren naar ouders",
        "kind": "training",
        "organisers": [str(organisation.pk)],
        "summary": "Een vorming over actief luisteren.",
        "description": "Drie uur oefenen met gesprekstechnieken.",
        "audience": "Gezinsondersteuners",
        "attendance": "on_site",
        "venue_name": "Ontmoetingscentrum",
        "street": "Dorpsstraat 5",
        "postcode": "9000",
        "municipality": str(municipality("Gent").pk),
        "is_free": "on",
        "contact_name": "Sam Peeters",
        "contact_email": "sam@teststad.example",
        "sessie-TOTAL_FORMS": "3",
        "sessie-INITIAL_FORMS": "0",
        "sessie-MIN_NUM_FORMS": "0",
        "sessie-MAX_NUM_FORMS": "60",
    }
    for i, (day, start, end, end_day) in enumerate(sessions):
        data.update(
            {f"sessie-{i}-day": day, f"sessie-{i}-start_time": start, f"sessie-{i}-end_time": end, f"sessie-{i}-end_day": end_day}
        )
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture(autouse=True)
def _mail_at_once(monkeypatch):
    """E-mails are queued after the transaction commits; a test's transaction never does, so send at once."""
    from notifications import service

    monkeypatch.setattr(service.transaction, "on_commit", lambda func, *args, **kwargs: func())
