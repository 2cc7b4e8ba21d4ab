"""Proposing events is limited per member and per client address: over the limit the form comes
back with a Dutch message and status 429, and no event is stored."""

import pytest

from events.models import Event

from .conftest import post_data

pytestmark = pytest.mark.django_db

TOO_OFTEN = "This form was sent too often in a short time. Try again after %(time)s."


def test_a_member_who_proposes_too_often_is_refused_and_nothing_is_stored(client, people, settings, dutch):
    settings.EXPOO_RATE_LIMITS = {**settings.EXPOO_RATE_LIMITS, "event_proposal": {"account": (2, 3600), "address": (30, 3600)}}
    client.force_login(people["member"])
    for n in range(2):
        assert client.post("/agenda/voorstellen/", post_data(people["org"], title=f"Vorming {n}")).status_code == 302

    refused = client.post("/agenda/voorstellen/", post_data(people["org"], title="Vorming drie"))

    assert refused.status_code == 429
    assert dutch(TOO_OFTEN).split("%(time)s")[0] in refused.content.decode()
    assert 'value="Vorming drie"' in refused.content.decode()
    assert Event.objects.count() == 2
    # A colleague is not held back by it.
    client.force_login(people["colleague"])
    assert client.post("/agenda/voorstellen/", post_data(people["org"], title="Vorming vier")).status_code == 302
