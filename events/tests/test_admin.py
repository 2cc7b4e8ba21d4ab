"""The team keeps events in the Wagtail admin too: the listing and the add form open for the team."""

import pytest

from .conftest import make_event

pytestmark = pytest.mark.django_db


def test_the_team_sees_events_in_the_admin(client, people):
    make_event("Vorming in de beheeromgeving")
    people["team"].is_staff = True
    people["team"].save()
    client.force_login(people["team"])
    listing = client.get("/beheer/snippets/events/event/")
    assert listing.status_code == 200 and "Vorming in de beheeromgeving" in listing.content.decode()
    assert client.get("/beheer/snippets/events/event/add/").status_code == 200
    client.force_login(people["member"])
    assert client.get("/beheer/snippets/events/event/").status_code in (302, 403)
