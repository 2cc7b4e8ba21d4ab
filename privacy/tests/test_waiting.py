"""An erasure waits when the person is the last administrator of an organisation or has an open
review: the team is told, and an administrator runs it (admin or `manage.py erase_person`)."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import Membership, MembershipRole
from core.factories import PASSWORD, MembershipFactory, UserFactory
from privacy import actions
from privacy.models import ErasureRequest, ErasureSource, ErasureStatus

from .conftest import OTHER_EMAIL, OTHER_NAME

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def administrator(db):
    return UserFactory(email="beheerder@expoo.be", is_superuser=True, is_staff=True)


def _ask(client, user):
    client.force_login(user)
    return client.post(reverse("privacy:erase"), {"password": PASSWORD, "confirm": "on"})


def test_the_last_administrator_of_an_organisation_waits_and_the_team_is_told(client, scene, dutch):
    griet = scene["other"]  # the only administrator of Huis van het Kind Gent
    response = _ask(client, griet)
    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:overview")

    griet.refresh_from_db()
    assert (griet.email, griet.is_active) == (OTHER_EMAIL, True)
    [waiting] = ErasureRequest.objects.all()
    assert waiting.status == ErasureStatus.WAITING
    assert waiting.blockers == [{"code": "last_admin", "subject": "Huis van het Kind Gent"}]

    [to_team] = mail.outbox
    assert to_team.to == [settings.EXPOO_TEAM_EMAIL]
    assert to_team.subject == dutch("An erasure request waits for an administrator", html=False)
    assert OTHER_EMAIL in to_team.body
    assert dutch("Only administrator of %(subject)s", html=False, subject="Huis van het Kind Gent") in to_team.body
    assert f"manage.py erase_person {OTHER_EMAIL}" in to_team.body

    page = client.get(reverse("privacy:overview")).content.decode()
    assert dutch("Your request was recorded. The EXPOO team will contact you before your account is erased.") in page
    assert dutch("Only administrator of %(subject)s", subject="Huis van het Kind Gent") in page
    assert dutch("Erase my account") not in page  # no second request

    # Asking again records nothing new and tells nobody again.
    actions.request_erasure(griet, source=ErasureSource.SELF, by=griet)
    assert ErasureRequest.objects.count() == 1 and len(mail.outbox) == 1


def test_an_open_review_makes_the_erasure_wait(scene):
    from practices import actions as practice_actions
    from practices.tests.conftest import register, submit_for_review

    reviewer, team = scene["reviewer"], scene["team"]
    practice = register(scene["person"], scene["org"], "Tweede praktijk")
    practice_actions.accept_registration(practice, by=team)
    submit_for_review(practice, writer=scene["person"], team=team)
    practice_actions.assign_reviewers(practice, by=team, reviewers=[reviewer], due_date=datetime.date.today())

    erasure_request = actions.request_erasure(reviewer, source=ErasureSource.SELF, by=reviewer)
    assert erasure_request.status == ErasureStatus.WAITING
    assert erasure_request.blockers == [{"code": "open_review", "subject": "Tweede praktijk"}]
    assert User.objects.get(pk=reviewer.pk).is_active


def test_an_administrator_runs_a_waiting_erasure_in_the_admin(client, scene, administrator, dutch):
    griet = scene["other"]
    waiting = actions.request_erasure(griet, source=ErasureSource.SELF, by=griet)
    client.force_login(administrator)
    listing = client.get(reverse("privacy_admin_requests"))
    assert listing.status_code == 200
    assert OTHER_EMAIL in listing.content.decode()
    confirm = client.get(reverse("privacy_admin_run", args=[waiting.pk]))
    assert dutch("Erase anyway") in confirm.content.decode()

    response = client.post(reverse("privacy_admin_run", args=[waiting.pk]))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert (waiting.status, waiting.completed_by) == (ErasureStatus.DONE, administrator)
    griet.refresh_from_db()
    assert not griet.is_active and OTHER_NAME not in griet.get_full_name()
    # The organisation keeps its other member; its administrator is gone.
    assert not Membership.objects.filter(organisation=scene["org"], role=MembershipRole.ADMIN).exists()
    assert OTHER_EMAIL not in client.get(reverse("privacy_admin_requests")).content.decode()


def test_only_administrators_see_and_run_erasure_requests(client, scene):
    griet = scene["other"]
    waiting = actions.request_erasure(griet, source=ErasureSource.SELF, by=griet)
    client.force_login(scene["team"])
    assert client.get(reverse("privacy_admin_requests")).status_code in (302, 403)
    assert client.post(reverse("privacy_admin_run", args=[waiting.pk])).status_code in (302, 403)
    waiting.refresh_from_db()
    assert waiting.status == ErasureStatus.WAITING


def test_erase_person_refuses_while_something_blocks_unless_forced(scene):
    griet = scene["other"]
    with pytest.raises(CommandError, match="Huis van het Kind Gent"):
        call_command("erase_person", OTHER_EMAIL, "--noinput")
    assert User.objects.get(pk=griet.pk).email == OTHER_EMAIL

    # The team appoints another administrator; then the erasure runs.
    MembershipFactory(organisation=scene["org"], admin=True, user__email="nieuwe.beheerder@hvhk-gent.be")
    call_command("erase_person", OTHER_EMAIL.upper(), "--noinput")
    griet.refresh_from_db()
    assert griet.email.endswith("@gewist.invalid")
    assert ErasureRequest.objects.get().source == ErasureSource.ADMINISTRATOR


def test_erase_person_with_force_and_an_unknown_address(scene):
    call_command("erase_person", OTHER_EMAIL, "--noinput", "--force")
    assert not User.objects.filter(email=OTHER_EMAIL).exists()
    with pytest.raises(CommandError, match="No account"):
        call_command("erase_person", OTHER_EMAIL, "--noinput")
