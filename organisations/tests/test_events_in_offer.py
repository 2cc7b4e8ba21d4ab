"""Upcoming events on the regional offer and the organisation page. They come from the calendar app
(events.models.Event: public().upcoming(), `organisers`); these tests run only where it is installed."""

import datetime

import pytest
from django.apps import apps
from django.urls import reverse

pytest.importorskip("events.models")
if not apps.is_installed("events"):
    pytest.skip("the events app is not installed", allow_module_level=True)

from events.tests.conftest import make_event, soon  # noqa: E402
from events.workflow import Status  # noqa: E402

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(region):
    genk, centre, brussels = region["genk"], region["centre"], region["brussels"]
    past_start = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=30)
    return {
        "upcoming": make_event("Voorleesuur in Genk", organisers=[genk], sessions=[soon(days=5)]),
        "later": make_event("Studiedag Limburg", organisers=[centre], sessions=[soon(days=40)]),
        "past": make_event(
            "Vorig voorleesuur", organisers=[genk], sessions=[(past_start, past_start + datetime.timedelta(hours=2))]
        ),
        "proposed": make_event("Voorgesteld uur", organisers=[genk], status=Status.PROPOSED),
        "declined": make_event("Afgewezen vorming", organisers=[genk], status=Status.DECLINED),
        "elsewhere": make_event("Koffieklets Molenbeek", organisers=[brussels]),
    }


def test_the_regional_offer_shows_upcoming_public_events_of_the_organisations_serving_it(client, events):
    response = client.get(reverse("region:offer"), {"gemeente": "Genk"})

    offer = response.context["offer"]
    assert offer.events_available
    assert [e.title for e in offer.events] == ["Voorleesuur in Genk", "Studiedag Limburg"]  # the soonest first
    page = response.content.decode()
    assert events["upcoming"].get_absolute_url() in page
    for key in ("past", "proposed", "declined", "elsewhere"):
        assert events[key].title not in page, key


def test_the_organisation_page_shows_its_upcoming_public_events(client, region, events):
    response = client.get(region["genk"].get_absolute_url())

    assert [e.title for e in response.context["events"]] == ["Voorleesuur in Genk"]
    page = response.content.decode()
    assert events["upcoming"].get_absolute_url() in page
    for key in ("past", "proposed", "declined", "later"):
        assert events[key].title not in page, key
