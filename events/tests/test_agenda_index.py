"""The agenda's in-memory index (events.facets.EventIndex): the same results and order as the
database gives, few queries per page, and every change visible at once (the index follows the
"events" and "organisations" stamps; the clock is applied per request)."""

import datetime

import pytest
import time_machine
from django.http import QueryDict

from core.factories import OrganisationFactory, ThemeFactory, municipality
from events.facets import EventIndex
from events.models import Event, EventSession
from events.search import Between, EventSearch, Past, Upcoming
from events.workflow import Status

from .conftest import brussels, make_event, soon, titles

pytestmark = pytest.mark.django_db


def facet(response, param):
    return {o["value"]: (o["label"], o["count"]) for f in response.context["facets"] if f.param == param for o in f.options}


def month_titles(response):
    assert response.status_code == 200
    return {item["event"].title for week in response.context["weeks"] for day in week for item in day["items"]}


@pytest.fixture
def mixed(people):
    """Events of every shape the scopes tell apart: a series under way, one over, one without
    sessions, one not public, two with the same start, one over days."""
    start = soon(5)[0]
    return {
        "series": make_event("Reeks onderweg", sessions=[soon(-3), soon(40), soon(12)], organisers=[people["org"]]),
        "over": make_event("Afgelopen", sessions=[soon(-30), soon(-20)]),
        "over_later": make_event("Net voorbij", sessions=[soon(-2)]),
        "twin_a": make_event("Tweeling B", sessions=[(start, start + datetime.timedelta(hours=2))]),
        "twin_b": make_event("Tweeling A", sessions=[(start, start + datetime.timedelta(hours=1))]),
        "long": make_event("Campagneweek", sessions=[(soon(-1)[0], soon(6)[1])], themes=[people["theme"]]),
        "empty": make_event("Zonder sessies", sessions=[]),
        "proposed": make_event("Voorstel", status=Status.PROPOSED, sessions=[soon(2)]),
    }


def test_scopes_give_what_the_database_gives_in_its_order(mixed):
    """Upcoming, past and a period: the same events in the same order as the querysets."""
    for now in (soon(0)[0], soon(-2, hour=12)[0], soon(13)[0]):
        expected = list(Event.objects.public().upcoming(now).values_list("pk", flat=True))
        assert EventSearch(QueryDict(), Upcoming(now), now=now).run() == expected
        assert EventSearch(QueryDict(), Upcoming(now), now=now).results()[0:2] == expected[:2]
        expected = list(Event.objects.public().past(now).values_list("pk", flat=True))
        assert EventSearch(QueryDict(), Past(now), now=now, with_period=False).run() == expected
    for start, end in ((soon(-25)[0], soon(0)[0]), (soon(5)[0], soon(6)[0]), (soon(-1)[1], soon(-1)[1])):
        expected = list(Event.objects.public().between(start, end).values_list("pk", flat=True))
        assert EventSearch(QueryDict(), Between(start, end), with_period=False).run() == expected


def test_a_page_of_the_agenda_takes_few_queries(client, mixed, django_assert_max_num_queries):
    client.get("/agenda/")  # the index is built once per process and change
    with django_assert_max_num_queries(6):
        response = client.get("/agenda/?soort=training&gratis=1")
    assert "Reeks onderweg" in titles(response)
    with django_assert_max_num_queries(4):
        response = client.get(f"/agenda/maand/{soon(5)[0].year}/{soon(5)[0].month}/?vorm=ter-plaatse")
    assert "Tweeling A" in month_titles(response)
    EventIndex.forget()
    with django_assert_max_num_queries(13):  # a cold process: the index's few flat queries on top
        assert titles(client.get("/agenda/?thema=ouderparticipatie&page=1")) == ["Campagneweek"]


def test_a_newly_approved_event_shows_at_once(client, people):
    event = make_event("Nieuwe vorming", status=Status.PROPOSED, themes=[people["theme"]])
    response = client.get("/agenda/")
    assert titles(response) == []
    assert facet(response, "thema")["ouderparticipatie"][1] == 0
    event.status = Status.APPROVED
    event.save()
    response = client.get("/agenda/")
    assert titles(response) == ["Nieuwe vorming"]
    assert facet(response, "thema")["ouderparticipatie"][1] == 1
    assert client.get(f"/agenda/maand/{soon()[0].year}/{soon()[0].month}/").content.count(b"Nieuwe vorming") == 1


def test_a_withdrawn_event_leaves_at_once(client, people):
    event = make_event("Teruggetrokken", organisers=[people["org"]])
    response = client.get("/agenda/")
    assert titles(response) == ["Teruggetrokken"]
    event.status = Status.CHANGES_REQUESTED
    event.save()
    response = client.get("/agenda/")
    assert titles(response) == []
    assert people["org"].slug not in facet(response, "organisator")
    assert b"Teruggetrokken" not in client.get(f"/agenda/maand/{soon()[0].year}/{soon()[0].month}/").content


def test_a_moved_session_moves_the_event_at_once(client, people):
    event = make_event("Verplaatst", sessions=[(brussels(2031, 6, 10), brussels(2031, 6, 10, 16))])
    assert month_titles(client.get("/agenda/maand/2031/6/")) == {"Verplaatst"}
    assert month_titles(client.get("/agenda/maand/2031/7/")) == set()
    EventSession.objects.filter(event=event).update(start=brussels(2031, 7, 2), end=brussels(2031, 7, 2, 16))
    EventSession.objects.get(event=event).save()  # update() sends no signal; the form saves
    assert month_titles(client.get("/agenda/maand/2031/6/")) == set()
    assert month_titles(client.get("/agenda/maand/2031/7/")) == {"Verplaatst"}
    session = EventSession.objects.get(event=event)
    session.start, session.end = soon(-3)
    session.save()  # into the past: out of the agenda, into the archive
    assert titles(client.get("/agenda/")) == []
    assert titles(client.get("/agenda/archief/")) == ["Verplaatst"]


def test_a_new_theme_link_counts_at_once(client, people):
    event = make_event("Met thema later")
    other = ThemeFactory(name="Armoede", slug="armoede")
    assert titles(client.get("/agenda/?thema=armoede")) == []
    event.themes.add(other)
    event.save()  # a ParentalManyToManyField stores its links when the event is saved
    response = client.get("/agenda/?thema=armoede")
    assert titles(response) == ["Met thema later"]
    assert facet(response, "thema")["armoede"][1] == 1


def test_a_renamed_organisation_shows_its_new_name_at_once(client, people):
    org = OrganisationFactory(name="Oude Naam vzw", municipality=municipality("Gent"))
    make_event("Vorming van de vzw", organisers=[org])
    assert facet(client.get("/agenda/"), "organisator")[org.slug][0] == "Oude Naam vzw"
    org.name = "Nieuwe Naam vzw"
    org.save()
    assert facet(client.get("/agenda/"), "organisator")[org.slug][0] == "Nieuwe Naam vzw"


def test_the_clock_not_a_stamp_takes_an_ended_event_out_of_the_agenda(client, people):
    start = brussels(2031, 3, 10, 10)
    make_event("Ochtendsessie", sessions=[(start, start + datetime.timedelta(hours=2))])
    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        assert titles(client.get("/agenda/")) == ["Ochtendsessie"]
        index = EventIndex.current()
    with time_machine.travel(start + datetime.timedelta(hours=2, minutes=1), tick=False):
        assert titles(client.get("/agenda/")) == []
        assert titles(client.get("/agenda/archief/")) == ["Ochtendsessie"]
        assert EventIndex.current() is index  # nothing was rebuilt: no stamp moved


def _card(response, title):
    page = response.content.decode()
    start = page.index(f">{title}</a></h3>")
    return page[start : page.index("</li>", start)]


def test_a_cached_result_names_the_next_session_as_the_clock_moves(client, people):
    first = brussels(2031, 3, 10, 10)
    second = brussels(2031, 3, 17, 10)
    make_event(
        "Reeks in twee delen",
        sessions=[(first, first + datetime.timedelta(hours=2)), (second, second + datetime.timedelta(hours=2))],
    )
    # Ten minutes apart: well within the cards' time in the cache.
    with time_machine.travel(first + datetime.timedelta(hours=1, minutes=50), tick=False):
        card = _card(client.get("/agenda/"), "Reeks in twee delen")
        assert "10 maart 2031" in card and "17 maart 2031" not in card
        assert "en nog 1 sessie" in card
    with time_machine.travel(first + datetime.timedelta(hours=2, minutes=1), tick=False):  # the first session is over
        card = _card(client.get("/agenda/"), "Reeks in twee delen")
        assert "17 maart 2031" in card and "10 maart 2031" not in card
        assert "en nog 1 sessie" in card
    with time_machine.travel(second + datetime.timedelta(hours=3), tick=False):  # all over: the archive shows the first
        card = _card(client.get("/agenda/archief/"), "Reeks in twee delen")
        assert "10 maart 2031" in card


def test_a_warm_agenda_page_reads_no_event_rows(client, mixed, django_assert_max_num_queries):
    client.get("/agenda/")  # builds the index and keeps the cards of the first page
    with django_assert_max_num_queries(3) as queries:
        response = client.get("/agenda/?nc=1")
    assert titles(response)
    assert not [q for q in queries.captured_queries if '"events_event"' in q["sql"]]
