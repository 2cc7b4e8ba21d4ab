"""The moderation as its people meet it: a member proposes for their own organisation, the team
approves, asks for changes (the proposer reads the message, edits and sends again) or declines with
a reason; every step checks who acts, writes the audit log and sends its e-mail."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from events import actions
from events import permissions as perms
from events.models import Event
from events.workflow import PUBLIC_STATUSES, STATUSES, TRANSITIONS, Status

from .conftest import brussels, post_data, proposal_data

pytestmark = pytest.mark.django_db
SESSIONS = [(brussels(2027, 3, 29, 10), brussels(2027, 3, 29, 16), "")]


def propose(people, **overrides):
    return actions.propose_event(by=people["member"], data=proposal_data(people["org"], **overrides), sessions=SESSIONS)


def log_actions(event):
    return list(ModelLogEntry.objects.for_instance(event).order_by("timestamp").values_list("action", flat=True))


def test_the_table_says_only_approved_events_are_public():
    assert PUBLIC_STATUSES == (Status.APPROVED,)
    assert set(STATUSES) == set(Status)
    assert {t.name for t in TRANSITIONS} <= set(dir(actions))


def test_a_member_proposes_and_the_team_hears_of_it(people):
    event = propose(people)
    assert event.status == Status.PROPOSED and not event.is_public
    assert list(event.organisers.all()) == [people["org"]]
    assert [s.start for s in event.sessions.all()] == [SESSIONS[0][0]]
    assert log_actions(event) == ["expoo.event.propose"]
    assert [m.to for m in mail.outbox] == [[people["team"].email]]
    assert event.get_moderation_url() in mail.outbox[0].body


def test_nobody_proposes_for_an_organisation_they_do_not_belong_to(people):
    with pytest.raises(PermissionDenied):
        actions.propose_event(by=people["outsider"], data=proposal_data(people["org"]), sessions=SESSIONS)
    with pytest.raises(PermissionDenied):
        actions.propose_event(by=people["loner"], data=proposal_data(people["org"]), sessions=SESSIONS)
    assert not Event.objects.exists() and not mail.outbox


def test_the_team_approves_and_the_proposer_gets_the_public_link(people):
    event = propose(people)
    mail.outbox.clear()
    actions.approve_event(event, by=people["team"])
    event.refresh_from_db()
    assert event.status == Status.APPROVED and event.approved_at
    assert [m.to for m in mail.outbox] == [[people["member"].email]]
    assert event.get_absolute_url() in mail.outbox[0].body
    assert log_actions(event) == ["expoo.event.propose", "expoo.event.approve"]


def test_only_the_team_moderates(people, client):
    event = propose(people)
    for who in ("member", "colleague", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.approve_event(event, by=people[who])
        assert perms.can_transition(people[who], event, "decline_event")[0] is False
    client.force_login(people["member"])
    assert client.post(event.get_moderation_url(), {"step": "approve"}).status_code == 403
    assert client.get("/agenda/moderatie/").status_code == 403
    event.refresh_from_db()
    assert event.status == Status.PROPOSED


def test_changes_requested_then_edited_and_sent_again(people, client):
    event = propose(people)
    client.force_login(people["team"])
    response = client.post(event.get_moderation_url(), {"step": "changes", "message": "Vermeld ook het adres van de zaal."})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Status.CHANGES_REQUESTED
    assert "Vermeld ook het adres van de zaal." in mail.outbox[-1].body
    assert mail.outbox[-1].to == [people["member"].email]

    # A colleague of the same organisation reads the message and edits the event.
    client.force_login(people["colleague"])
    page = client.get(event.get_proposal_url())
    assert "Vermeld ook het adres van de zaal." in page.content.decode()
    data = post_data(people["org"], title="Vorming luisteren, met adres", street="Dorpsstraat 7")
    mail.outbox.clear()
    assert client.post(event.get_proposal_url(), data).status_code == 302
    event.refresh_from_db()
    assert event.status == Status.PROPOSED
    assert (event.title, event.street) == ("Vorming luisteren, met adres", "Dorpsstraat 7")
    assert [m.to for m in mail.outbox] == [[people["team"].email]]
    assert log_actions(event)[-3:] == ["expoo.event.request_changes", "expoo.event.edit", "expoo.event.resubmit"]


def test_declined_with_a_reason_the_proposer_reads(people, client):
    event = propose(people)
    with pytest.raises(ValidationError):
        actions.decline_event(event, by=people["team"], reason="  ")
    client.force_login(people["team"])
    assert client.post(event.get_moderation_url(), {"step": "decline", "reason": ""}).status_code == 400
    event.refresh_from_db()
    assert event.status == Status.PROPOSED
    client.post(event.get_moderation_url(), {"step": "decline", "reason": "Dit is een commerciële cursus."})
    event.refresh_from_db()
    assert event.status == Status.DECLINED
    assert "Dit is een commerciële cursus." in mail.outbox[-1].body
    client.force_login(people["member"])
    page = client.get(event.get_proposal_url()).content.decode()
    assert "Dit is een commerciële cursus." in page
    # Declined: no more editing.
    assert client.post(event.get_proposal_url(), post_data(people["org"])).status_code == 403


def test_a_proposal_is_hidden_from_others(people, client):
    event = propose(people)
    client.force_login(people["outsider"])
    assert client.get(event.get_proposal_url()).status_code == 404
    client.logout()
    assert client.get(event.get_proposal_url()).status_code == 302  # to the login page


def test_the_team_adds_its_own_event_published_at_once(people, client):
    client.force_login(people["team"])
    data = post_data(people["org"], organisers=[], is_expoo="on", title="EXPOO-congres 2027")
    response = client.post("/agenda/moderatie/nieuw/", data)
    assert response.status_code == 302
    event = Event.objects.get(title="EXPOO-congres 2027")
    assert event.status == Status.APPROVED and event.is_expoo and event.approved_at
    assert client.get(event.get_absolute_url()).status_code == 200
    client.force_login(people["member"])
    assert client.get("/agenda/moderatie/nieuw/").status_code == 403


def test_the_dashboard_shows_my_events_and_the_teams_queue(people, client):
    event = propose(people)
    client.force_login(people["colleague"])
    page = client.get("/account/").content.decode()
    assert event.get_proposal_url() in page
    client.force_login(people["team"])
    page = client.get("/account/").content.decode()
    assert event.get_moderation_url() in page
    client.force_login(people["outsider"])
    assert event.title not in client.get("/account/").content.decode()
