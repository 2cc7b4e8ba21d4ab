"""A dossier shows the next few approved upcoming events with its theme ("upcoming trainings on
the theme") and links to the agenda filtered on that theme; nothing that is not public or past."""

import pytest

from events.tests.conftest import make_event, soon
from events.workflow import Status

from .conftest import add_dossier

pytestmark = pytest.mark.django_db


def test_a_dossier_lists_upcoming_public_events_on_its_theme(client, index, themes):
    dossier = add_dossier(index, themes["armoede"], "Opvoeden in armoede")
    later = make_event("Studiedag armoede later", sessions=[soon(40)], themes=[themes["armoede"]])
    sooner = make_event("Vorming armoede binnenkort", sessions=[soon(5)], themes=[themes["armoede"]])
    make_event("Voorbije vorming mrkpastqz", sessions=[soon(-5)], themes=[themes["armoede"]])
    make_event("Voorstel mrkproposedqz", status=Status.PROPOSED, themes=[themes["armoede"]])
    make_event("Geweigerd mrkdeclinedqz", status=Status.DECLINED, themes=[themes["armoede"]])
    make_event("Ander thema mrkotherqz", themes=[themes["tieners"]])
    for n in range(4):
        make_event(f"Reeks {n}", sessions=[soon(60 + n)], themes=[themes["armoede"]])

    response = client.get(dossier.url)
    page = response.content.decode()
    assert response.status_code == 200
    assert [e.title for e in response.context["upcoming_events"]] == [
        "Vorming armoede binnenkort",
        "Studiedag armoede later",
        "Reeks 0",
        "Reeks 1",
    ]
    assert page.index(sooner.get_absolute_url()) < page.index(later.get_absolute_url())
    for marker in ("mrkpastqz", "mrkproposedqz", "mrkdeclinedqz", "mrkotherqz"):
        assert marker not in page
    assert '/agenda/?thema=armoede"' in page


def test_a_dossier_without_upcoming_events_leaves_the_block_out(client, index, themes):
    dossier = add_dossier(index, themes["vaders"], "Vaders")
    page = client.get(dossier.url).content.decode()
    assert 'id="events-heading"' not in page
    assert '/agenda/?thema=vaders"' in page  # the aside still links to the agenda
