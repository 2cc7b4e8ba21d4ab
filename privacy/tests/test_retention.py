"""Retention with a frozen clock: contact messages and inactive accounts go after their periods."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from wagtail.contrib.forms.models import FormSubmission

from accounts import roles
from core.factories import MembershipFactory, OrganisationFactory, UserFactory
from pages.models import ContactPage
from privacy.models import ErasureRequest, ErasureStatus, InactivityWarning
from privacy.retention import purge
from privacy.tasks import next_run, purge_personal_data

from .conftest import contact_message, contact_page

pytestmark = pytest.mark.django_db
User = get_user_model()
DAY0 = datetime.datetime(2027, 1, 4, 12, 0, tzinfo=datetime.UTC)
LIMIT = settings.EXPOO_RETENTION_INACTIVE_ACCOUNT_DAYS
NOTICE = settings.EXPOO_RETENTION_WARNING_DAYS


def on(day: int):
    """The clock stands still on DAY0 + `day` days."""
    return time_machine.travel(DAY0 + datetime.timedelta(days=day), tick=False)


def test_the_defaults_are_a_year_for_messages_and_three_years_for_accounts():
    assert settings.EXPOO_RETENTION_CONTACT_MESSAGES_DAYS == 365
    assert LIMIT == 3 * 365
    assert NOTICE == 30


def test_a_contact_message_one_day_younger_than_the_limit_stays_one_day_older_goes(db):
    keep = settings.EXPOO_RETENTION_CONTACT_MESSAGES_DAYS
    with on(0):
        page = contact_page()
        old = contact_message(page, name="An Oud", email="oud@voorbeeld.be", question="Een oude vraag.")
    with on(2):
        young = contact_message(page, name="Bo Jong", email="jong@voorbeeld.be", question="Een jongere vraag.")
    with on(keep + 1):  # `old` is a day past the limit, `young` a day short of it
        report = purge()
    assert report["contact_messages"] == 1
    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [young.pk]
    assert not FormSubmission.objects.filter(pk=old.pk).exists()


@pytest.fixture
def people(db):
    """Registered on DAY0: an inactive member, an active member, a team member; an organisation
    whose only administrator is inactive too."""
    with on(0):
        org = OrganisationFactory(name="Opvoedingswinkel Stil")
        colleague = MembershipFactory(organisation=org, admin=True, user__email="actief-beheer@stil.be").user
        inactive = MembershipFactory(organisation=org, user__email="slaper@stil.be", user__first_name="Sam").user
        active = MembershipFactory(organisation=org, user__email="actief@stil.be").user
        staff = UserFactory(email="redactie@expoo.be", groups=[roles.EXPOO_TEAM], is_staff=True)
        lone_org = OrganisationFactory(name="Huis van het Kind Alleen")
        last_admin = MembershipFactory(organisation=lone_org, admin=True, user__email="enige-beheerder@alleen.be").user
        for user in (colleague, inactive, active, staff, last_admin):
            user.last_login = DAY0
            user.save(update_fields=["last_login"])
    return {"inactive": inactive, "active": active, "staff": staff, "last_admin": last_admin, "colleague": colleague}


def _log_in(user):
    """What a login does to the account: Django records the time."""
    from django.utils import timezone

    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])


def _mails_to(address):
    return [m for m in mail.outbox if address in m.to]


def test_an_inactive_account_is_warned_then_erased_and_an_active_one_is_untouched(people, dutch):
    inactive, active = people["inactive"], people["active"]
    with on(LIMIT - NOTICE - 1):
        _log_in(active)
        _log_in(people["colleague"])
        purge()
    assert mail.outbox == []  # a day before the warning is due

    with on(LIMIT - NOTICE + 1):
        report = purge()
        assert report["warned"] >= 1
        [warning] = _mails_to("slaper@stil.be")
        assert warning.subject == dutch("Your EXPOO account will be erased unless you log in", html=False)
        # The period ends on day LIMIT, but the notice is a full NOTICE days from today's warning.
        assert "op 4 januari 2030." in warning.body
        purge()  # the same day again: no second e-mail
        assert len(_mails_to("slaper@stil.be")) == 1

    with on(LIMIT - 1):
        purge()  # the period has not passed yet
    assert User.objects.get(pk=inactive.pk).email == "slaper@stil.be"

    with on(LIMIT + 1):
        report = purge()
    inactive.refresh_from_db()
    assert inactive.email.endswith("@gewist.invalid") and not inactive.is_active
    assert ErasureRequest.objects.get(user=inactive).status == ErasureStatus.DONE
    assert _mails_to("slaper@stil.be")[-1].subject == dutch("Your account was erased", html=False)
    active.refresh_from_db()
    assert active.email == "actief@stil.be" and active.is_active
    assert _mails_to("actief@stil.be") == []


def test_logging_in_after_the_warning_keeps_the_account(people):
    inactive = people["inactive"]
    with on(LIMIT - NOTICE + 1):
        purge()
    assert InactivityWarning.objects.filter(user=inactive).exists()
    with on(LIMIT - 5):
        _log_in(inactive)
    with on(LIMIT + 1):
        purge()
    inactive.refresh_from_db()
    assert inactive.email == "slaper@stil.be" and inactive.is_active
    assert not InactivityWarning.objects.filter(user=inactive).exists()


def test_a_staff_account_is_never_erased_silently_the_team_is_told_once(people, dutch):
    staff = people["staff"]
    with on(LIMIT - NOTICE + 1):
        purge()
    assert _mails_to("redactie@expoo.be") == []  # staff are not warned: they are not erased
    with on(LIMIT + 1):
        purge()
    with on(LIMIT + 40):
        purge()
    staff.refresh_from_db()
    assert staff.email == "redactie@expoo.be" and staff.is_active
    told = [m for m in _mails_to(settings.EXPOO_TEAM_EMAIL) if "redactie@expoo.be" in m.body]
    assert len(told) == 1
    assert told[0].subject == dutch("A staff account has not been used for a long time", html=False)


def test_an_inactive_last_administrator_waits_for_an_administrator(people):
    last_admin = people["last_admin"]
    with on(LIMIT - NOTICE - 1):
        _log_in(people["colleague"])  # the other organisation's administrator is still around
    with on(LIMIT - NOTICE + 1):
        purge()
    with on(LIMIT + 1):
        report = purge()
        purge()
    assert report["waiting"] == 1
    [waiting] = ErasureRequest.objects.filter(user=last_admin)
    assert waiting.status == ErasureStatus.WAITING
    assert last_admin.__class__.objects.get(pk=last_admin.pk).email == "enige-beheerder@alleen.be"
    told = [m for m in _mails_to(settings.EXPOO_TEAM_EMAIL) if "enige-beheerder@alleen.be" in m.body]
    assert len(told) == 1


def test_the_command_and_the_daily_task_purge(db, capsys):
    with on(0):
        contact_message(contact_page(), name="An Oud", email="oud@voorbeeld.be", question="Vraag.")
    with on(400):
        call_command("purge_personal_data")
    assert "Contact messages older than 365 days deleted: 1" in capsys.readouterr().out
    with on(800):
        contact_message(ContactPage.objects.get(), name="Xavier Yilmaz", email="x@y.be", question="Nog een vraag.")
    with on(800 + 366):
        result = purge_personal_data.enqueue(reschedule=False)
    assert result.return_value["contact_messages"] == 1
    assert not FormSubmission.objects.exists()


def test_the_daily_task_is_queued_once_for_three_at_night(db):
    from django_tasks_db.models import DBTaskResult

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}):
        call_command("schedule_privacy_purge")
        call_command("schedule_privacy_purge")
    [queued] = DBTaskResult.objects.filter(task_path="privacy.tasks.purge_personal_data")
    assert queued.status == "READY"
    from django.utils import timezone

    assert timezone.localtime(queued.run_after).hour == 3
    assert next_run(datetime.datetime(2027, 1, 4, 1, 0, tzinfo=datetime.UTC)).date() == datetime.date(2027, 1, 4)


def test_declined_account_requests_and_expired_invitations_go_after_a_year(db):
    from accounts.models import AccountRequest, Invitation, RequestStatus

    keep = settings.EXPOO_RETENTION_CLOSED_REQUESTS_DAYS
    org = OrganisationFactory(name="Huis van het Kind Oud")
    with on(0):
        old = AccountRequest.objects.create(
            first_name="Oud", last_name="Verzoek", email="oud@verzoek.be", organisation=org, status=RequestStatus.DECLINED
        )
        old.decided_at = DAY0
        old.save()
        pending = AccountRequest.objects.create(first_name="Nog", last_name="Open", email="open@verzoek.be", organisation=org)
        expired = Invitation.objects.create(email="nooit@uitgenodigd.be", organisation=org)  # valid 14 days
        accepted = Invitation.objects.create(email="wel@uitgenodigd.be", organisation=org, accepted_at=DAY0)
    with on(2):
        young = AccountRequest.objects.create(
            first_name="Jong", last_name="Verzoek", email="jong@verzoek.be", organisation=org, status=RequestStatus.DECLINED
        )
        young.decided_at = DAY0 + datetime.timedelta(days=2)
        young.save()
    with on(keep + 1):
        report = purge()
    assert report["closed_requests"] == 1  # the invitation expired on day 14: still within the year
    assert set(AccountRequest.objects.values_list("pk", flat=True)) == {pending.pk, young.pk}
    with on(14 + keep + 1):
        purge()
    assert list(Invitation.objects.values_list("pk", flat=True)) == [accepted.pk]
    assert not Invitation.objects.filter(pk=expired.pk).exists()
