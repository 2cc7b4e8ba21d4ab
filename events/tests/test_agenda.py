"""The public agenda: upcoming by default, combinable filters with counts in the URL, a month view
as a table, the archive newest first, and an event's page with its schema.org data."""

import datetime
import json
import re

import pytest
from django.utils import translation

from core.factories import OrganisationFactory, municipality
from core.models import TargetGroup
from events.models import EVENT_TZ

from .conftest import brussels, make_event, soon, titles

pytestmark = pytest.mark.django_db


def facet(response, param):
    return {o["value"]: o["count"] for f in response.context["facets"] if f.param == param for o in f.options}


@pytest.fixture
def agenda(people):
    parents = TargetGroup.objects.create(name="Ouders", slug="ouders")
    leuven = OrganisationFactory(name="Opvoedingswinkel Leuven", municipality=municipality("Leuven"))
    return {
        "gent": make_event("Vorming in Gent", sessions=[soon(3)], themes=[people["theme"]], organisers=[people["org"]]),
        "webinar": make_event(
            "Webinar thuis", sessions=[soon(20)], attendance="online", is_free=False, price=15, target_groups=[parents]
        ),
        "leuven": make_event(
            "Studiedag in Leuven",
            kind="study_day",
            sessions=[soon(60)],
            municipality=municipality("Leuven"),
            organisers=[leuven],
            themes=[people["theme"]],
            is_expoo=True,
        ),
        "hybrid": make_event(
            "Congres hybride", kind="congress", sessions=[soon(120)], attendance="hybrid", municipality=municipality("Brugge")
        ),
        "past": make_event("Voorbij", sessions=[soon(-10)]),
        "parents": parents,
    }


def test_upcoming_by_default_soonest_first(client, agenda):
    assert titles(client.get("/agenda/")) == ["Vorming in Gent", "Webinar thuis", "Studiedag in Leuven", "Congres hybride"]


def test_a_series_shows_at_its_next_session(client, people):
    make_event("Reeks", sessions=[soon(-7), soon(30)])
    make_event("Eenmalig", sessions=[soon(10)])
    assert titles(client.get("/agenda/")) == ["Eenmalig", "Reeks"]


def test_filters_combine_and_facets_count_the_other_filters(client, agenda, people):
    response = client.get("/agenda/", {"thema": people["theme"].slug})
    assert titles(response) == ["Vorming in Gent", "Studiedag in Leuven"]
    assert facet(response, "thema")[people["theme"].slug] == 2
    assert facet(response, "provincie") == {**facet(response, "provincie"), "oost-vlaanderen": 1, "vlaams-brabant": 1}
    response = client.get("/agenda/", {"thema": people["theme"].slug, "provincie": "vlaams-brabant"})
    assert titles(response) == ["Studiedag in Leuven"]
    assert facet(response, "provincie")["oost-vlaanderen"] == 1  # counted without its own filter
    assert facet(response, "soort") == {**facet(response, "soort"), "study_day": 1, "training": 0}


def test_online_on_site_free_organiser_kind_audience(client, agenda, people):
    assert titles(client.get("/agenda/", {"vorm": "online"})) == ["Webinar thuis", "Congres hybride"]
    assert titles(client.get("/agenda/", {"vorm": "ter-plaatse"})) == [
        "Vorming in Gent",
        "Studiedag in Leuven",
        "Congres hybride",
    ]
    assert "Webinar thuis" not in titles(client.get("/agenda/", {"gratis": "1"}))
    assert titles(client.get("/agenda/", {"organisator": people["org"].slug})) == ["Vorming in Gent"]
    assert titles(client.get("/agenda/", {"organisator": "expoo"})) == ["Studiedag in Leuven"]
    assert titles(client.get("/agenda/", {"soort": "congress"})) == ["Congres hybride"]
    assert titles(client.get("/agenda/", {"doelgroep": "ouders"})) == ["Webinar thuis"]
    counts = facet(client.get("/agenda/"), "vorm")
    assert counts == {"online": 2, "ter-plaatse": 3}


def test_periods_and_a_date_range(client, agenda):
    three_months = titles(client.get("/agenda/", {"periode": "3-maanden"}))
    assert "Congres hybride" not in three_months and "Studiedag in Leuven" in three_months
    day = (datetime.datetime.now(EVENT_TZ) + datetime.timedelta(days=20)).date()
    assert titles(client.get("/agenda/", {"van": day.isoformat(), "tot": day.isoformat()})) == ["Webinar thuis"]
    # The other way round is understood too.
    later = day + datetime.timedelta(days=50)
    assert titles(client.get("/agenda/", {"van": later.strftime("%d/%m/%Y"), "tot": day.isoformat()})) == [
        "Webinar thuis",
        "Studiedag in Leuven",
    ]


def test_a_wrong_date_gets_a_message_and_a_400(client, agenda):
    response = client.get("/agenda/", {"van": "morgen"})
    assert response.status_code == 400
    with translation.override("nl-be"):
        message = translation.gettext("The start date is not a date. Use the form day/month/year, for example 31/12/2026.")
    assert message in response.content.decode()


def test_filters_work_without_javascript_as_links(client, agenda, people):
    page = client.get("/agenda/", {"vorm": "ter-plaatse"}).content.decode()
    assert f'href="?vorm=ter-plaatse&amp;thema={people["theme"].slug}"' in page
    assert '<a href="?" aria-current="true" class="facet__option facet__option--selected">' in page


def test_the_month_view_is_a_table_with_links_and_neighbours(client, people):
    event = make_event("Decembervorming", sessions=[(brussels(2026, 12, 8, 10), brussels(2026, 12, 8, 12))])
    make_event("Tweedaagse", sessions=[(brussels(2026, 12, 30, 9), brussels(2027, 1, 1, 16))])
    response = client.get("/agenda/maand/2026/12/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<table" in page and '<th scope="col">' in page
    cell = re.search(
        r'<td class="month-grid__day[^"]*">\s*<span class="month-grid__number" aria-hidden="true">8</span>(.*?)</td>', page, re.S
    )
    assert cell and event.get_absolute_url() in cell.group(1) and "10:00–12:00" in cell.group(1)
    assert page.count("Tweedaagse") == 2  # on the 30th and the 31st of December
    assert 'href="/agenda/maand/2026/11/' in page and 'href="/agenda/maand/2027/1/' in page
    january = client.get("/agenda/maand/2027/1/").content.decode()
    assert january.count("Tweedaagse") == 1
    assert client.get("/agenda/maand/2026/13/").status_code == 404


def test_the_month_view_by_query_string_keeps_the_filters(client, people):
    response = client.get("/agenda/", {"weergave": "maand", "maand": "2026-12", "thema": "ouderparticipatie"})
    assert response.status_code == 302 and response["Location"] == "/agenda/maand/2026/12/?thema=ouderparticipatie"


def test_the_archive_is_newest_first_and_paginated(client, people):
    for days in range(1, 34):
        make_event(f"Voorbij {days:02d}", sessions=[soon(-days)])
    make_event("Nog te komen", sessions=[soon(5)])
    response = client.get("/agenda/archief/")
    assert titles(response)[:2] == ["Voorbij 01", "Voorbij 02"] and len(titles(response)) == 30
    assert "Nog te komen" not in titles(response)
    assert titles(client.get("/agenda/archief/", {"page": 2})) == ["Voorbij 31", "Voorbij 32", "Voorbij 33"]


def test_the_event_page_in_dutch_with_schema_org(client, people):
    event = make_event(
        "Congres Opgroeien 2027",
        kind="congress",
        attendance="hybrid",
        online_url="https://stream.example.org/congres",
        venue_name="ICC Gent",
        street="Van Rysselberghedreef 2",
        postcode="9000",
        is_free=False,
        price=95,
        organisers=[people["org"]],
        is_expoo=True,
        description="### Programma\n\n- 9:30 onthaal\n- 10:00 lezing\n\n<script>alert(1)</script>",
        sessions=[(brussels(2027, 3, 29, 9, 30), brussels(2027, 3, 29, 17))],
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert "maandag 29 maart 2027" in page and "09:30" in page and "17:00" in page
    assert "<script>alert(1)</script>" not in page and "<h3>Programma</h3>" in page
    assert f'href="{people["org"].get_absolute_url()}"' in page
    assert f'href="{event.get_ical_url()}"' in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["@type"] == "Event" and data["name"] == "Congres Opgroeien 2027"
    assert data["startDate"] == "2027-03-29T09:30:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert [loc["@type"] for loc in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][0]["address"]["addressLocality"] == "Gent"
    assert data["offers"]["price"] == "95.00" and data["offers"]["priceCurrency"] == "EUR"
    assert [o["name"] for o in data["organizer"]] == ["EXPOO", people["org"].name]


def test_a_free_online_event_offers_zero(client):
    event = make_event("Webinar", attendance="online", online_url="https://meet.example.org/w")
    page = client.get(event.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["offers"]["price"] == "0" and data["isAccessibleForFree"] is True
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/w"}


def test_the_atom_feed_lists_newly_approved_events_first(client):
    older = make_event("Eerder goedgekeurd", approved_at=datetime.datetime(2026, 10, 1, tzinfo=datetime.UTC))
    newer = make_event("Net goedgekeurd", approved_at=datetime.datetime(2026, 11, 30, tzinfo=datetime.UTC))
    response = client.get("/agenda/feed/")
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert body.index(newer.get_absolute_url()) < body.index(older.get_absolute_url())


def test_the_event_page_shows_its_terms_in_order_and_follows_a_renamed_term(
    client, people, settings, django_assert_max_num_queries
):
    from core.factories import ThemeFactory

    settings.EXPOO_PAGE_CACHE_SECONDS = 0  # every request renders the page

    later = ThemeFactory(name="Taal", slug="taal", sort_order=5)
    first = ThemeFactory(name="Armoede", slug="armoede", sort_order=1)
    group = TargetGroup.objects.create(name="Grootouders", slug="grootouders")
    event = make_event("Infoavond slapen", themes=[later, first], target_groups=[group])
    url = event.get_absolute_url()
    client.get(url)  # the menu, the footer and the table of terms are kept from here on
    # The stamps, the event, its sessions, its organisers and its terms (one query for the four).
    with django_assert_max_num_queries(5):
        page = client.get(url).content.decode()
    facts = page[page.index('id="facts-heading"') :]
    assert facts.index("Armoede") < facts.index("Taal") and "Grootouders" in facts

    first.name = "Armoede en kansen"
    first.save()
    assert "Armoede en kansen" in client.get(url).content.decode()
