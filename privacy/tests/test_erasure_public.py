"""After erasure the person's name and e-mail address are gone from every public door: pages,
site search, API, feeds, calendars and CSV exports; their organisation's published practice stays."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from core.factories import PASSWORD

from .conftest import EMAIL, NAME

pytestmark = pytest.mark.django_db


def public_doors(scene) -> dict[str, str]:
    practice, event, org = scene["practice"], scene["event"], scene["org"]
    return {
        "practice page": reverse("practices:detail", args=[practice.slug]),
        "practice print": reverse("practices:print", args=[practice.slug]),
        "databank": reverse("practices:databank"),
        "databank csv": reverse("practices:databank_csv"),
        "practice feed": reverse("practices:feed"),
        "practice api": reverse("api_practice", args=[practice.slug]),
        "practice api list": reverse("api_practices"),
        "event page": reverse("events:detail", args=[event.slug]),
        "event ics": reverse("events:ics", args=[event.slug]),
        "agenda ics": reverse("events:ical"),
        "agenda feed": reverse("events:feed"),
        "organisation page": reverse("organisations:detail", args=[org.slug]),
        "organisation csv": reverse("organisations:csv"),
        "organisation api": reverse("api_organisation", args=[org.slug]),
        "search for the name": f"{reverse('search')}?q=Wannes+Vermeulen",
        "search for the surname": f"{reverse('search')}?q=Vermeulen",
        "search for the practice": f"{reverse('search')}?q=samen+aan+tafel",
    }


NAME_QUERIES = {"search for the name", "search for the surname"}


def traces(body: str) -> list[str]:
    needles = [NAME, EMAIL, escape(NAME), "Vermeulen", "wannes.vermeulen", "0470 12 34 56"]
    return [n for n in needles if n.casefold() in body.casefold()]


def read_all(scene) -> dict[str, str]:
    visitor = Client()
    pages = {}
    for door, url in public_doors(scene).items():
        response = visitor.get(url)
        assert response.status_code == 200, (door, response.status_code)
        if door in NAME_QUERIES:
            # The page repeats the query itself: read the results it found.
            hits = response.context["results"].hits
            pages[door] = " ".join(f"{hit.title} {hit.snippet} {hit.url}" for hit in hits)
            continue
        content = b"".join(response.streaming_content) if response.streaming else response.content
        pages[door] = content.decode()
    return pages


def test_the_name_and_address_are_gone_from_every_public_door_and_the_practice_stays(scene, dutch):
    before = read_all(scene)
    showing = {door for door, body in before.items() if traces(body)}
    # The test can fail: before erasure the person is shown as contact in these places.
    assert {"practice page", "practice api", "event page", "event ics", "organisation page", "organisation csv"} <= showing

    client = Client()
    client.force_login(scene["person"])
    assert client.post(reverse("privacy:erase"), {"password": PASSWORD, "confirm": "on"}).status_code == 302

    after = read_all(scene)
    assert {door: traces(body) for door, body in after.items() if traces(body)} == {}
    # The published practice is still public, with its organisation as contact.
    assert "Samen aan tafel" in after["practice page"]
    assert "Huis van het Kind Gent" in after["practice page"]
    assert "info@hvhk-gent.be" in after["practice page"]
    assert reverse("practices:detail", args=[scene["practice"].slug]) in after["search for the practice"]
    assert "Studiedag samen aan tafel" in after["event page"]
