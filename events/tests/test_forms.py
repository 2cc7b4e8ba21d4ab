"""The proposal form: bad input gets a message and a 4xx, with nothing half-stored; times are typed
in Brussels time; a series repeats the first session weekly at the same local time."""

import datetime

import pytest
from django.utils import translation

from events.models import EVENT_TZ, Event, EventSession

from .conftest import post_data

pytestmark = pytest.mark.django_db


def nl(msgid):
    with translation.override("nl-be"):
        return translation.gettext(msgid)


@pytest.fixture
def member_client(client, people):
    client.force_login(people["member"])
    return client


def test_a_valid_proposal_is_stored_with_its_sessions(member_client, people):
    response = member_client.post("/agenda/voorstellen/", post_data(people["org"]))
    assert response.status_code == 302
    event = Event.objects.get()
    session = event.sessions.get()
    assert session.start == datetime.datetime(2027, 3, 29, 8, 0, tzinfo=datetime.UTC)
    assert session.local_start.hour == 10
    assert event.proposed_by == people["member"]


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"title": ""}, "title", "This field is required."),
        ({"sessie-0-end_time": "09:00"}, None, "The end must come after the start."),
        (
            {"sessie-0-day": "", "sessie-0-start_time": "", "sessie-0-end_time": ""},
            None,
            "Give at least one date with a start and an end time.",
        ),
        ({"sessie-0-day": "31/02/2027"}, None, "Enter a valid date."),
        ({"municipality": ""}, "municipality", "Give the municipality where the event takes place."),
        ({"is_free": None}, "price", "Give the price, or tick 'free'."),
        ({"organisers": []}, "organisers", "Choose at least one organiser."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_stored(member_client, people, overrides, field, message):
    response = member_client.post("/agenda/voorstellen/", post_data(people["org"], **overrides))
    assert response.status_code == 400
    assert nl(message) in response.content.decode().replace("&#x27;", "'")
    assert not Event.objects.exists() and not EventSession.objects.exists()


def test_a_time_skipped_by_summer_time_is_refused(member_client, people):
    response = member_client.post(
        "/agenda/voorstellen/", post_data(people["org"], sessions=[("2027-03-28", "02:30", "04:00", "")])
    )
    assert response.status_code == 400
    assert not Event.objects.exists()


def test_an_organisation_of_someone_else_cannot_be_chosen(member_client, people):
    response = member_client.post("/agenda/voorstellen/", post_data(people["org"], organisers=[str(people["other_org"].pk)]))
    assert response.status_code == 400
    assert not Event.objects.exists()


def test_only_members_of_an_organisation_may_propose(client, people):
    assert client.get("/agenda/voorstellen/").status_code == 302  # log in first
    client.force_login(people["loner"])
    assert client.get("/agenda/voorstellen/").status_code == 403
    client.force_login(people["member"])
    assert client.get("/agenda/voorstellen/").status_code == 200


def test_a_weekly_series_keeps_its_local_time_across_summer_time(member_client, people):
    data = post_data(people["org"], sessions=[("2027-03-15", "19:00", "21:00", "")], repeat_weekly="3")
    assert member_client.post("/agenda/voorstellen/", data).status_code == 302
    sessions = Event.objects.get().ordered_sessions()
    assert [s.start.astimezone(EVENT_TZ).strftime("%Y-%m-%d %H:%M") for s in sessions] == [
        "2027-03-15 19:00",
        "2027-03-22 19:00",
        "2027-03-29 19:00",
        "2027-04-05 19:00",
    ]
    assert [s.start.astimezone(datetime.UTC).hour for s in sessions] == [18, 18, 17, 17]


def test_a_session_over_two_days(member_client, people):
    data = post_data(people["org"], sessions=[("2027-05-10", "09:30", "16:00", "2027-05-11")])
    assert member_client.post("/agenda/voorstellen/", data).status_code == 302
    session = Event.objects.get().sessions.get()
    assert (session.local_start.day, session.local_end.day) == (10, 11)
