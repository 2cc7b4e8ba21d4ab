"""notify(): one call records a notification per person and sends the e-mail once the change is saved."""

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import translation

from core.factories import AccountRequestFactory, InvitationFactory, UserFactory
from notifications.models import Notification
from notifications.service import notify

pytestmark = pytest.mark.django_db

SUBJECT = "We received your account request"


@pytest.fixture
def account_request():
    return AccountRequestFactory(first_name="Lotte", organisation__name="Huis van het Kind Gent")


def send(account_request, recipients, **kwargs):
    notify(
        "account_request.received",
        recipients=recipients,
        template="account_request_received",
        context={"account_request": account_request},
        url="/account/",
        **kwargs,
    )


def test_each_person_gets_a_notification_on_their_dashboard(account_request, dutch):
    anna, bram = UserFactory(), UserFactory()

    send(account_request, [anna, bram, "los.adres@voorbeeld.be"])

    rows = Notification.objects.order_by("recipient__email")
    assert [row.recipient for row in rows] == sorted([anna, bram], key=lambda u: u.email)
    for row in rows:
        assert row.verb == "account_request.received"
        assert row.subject == dutch(SUBJECT, html=False)
        assert "Huis van het Kind Gent" in row.body
        assert row.url == "/account/"
        assert row.read_at is None


def test_e_mail_leaves_only_after_the_transaction_commits(account_request, mailoutbox, django_capture_on_commit_callbacks):
    anna = UserFactory(email="anna@voorbeeld.be")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        send(account_request, [anna, "los.adres@voorbeeld.be"])
        assert mailoutbox == []
        assert Notification.objects.filter(recipient=anna).exists()

    assert len(callbacks) == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@voorbeeld.be", "los.adres@voorbeeld.be"]
    message = mailoutbox[0]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert "Lotte" in message.body


def test_a_rolled_back_change_sends_nothing_and_records_nothing(account_request, mailoutbox, django_capture_on_commit_callbacks):
    anna = UserFactory()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        send(account_request, [anna, "los.adres@voorbeeld.be"])
        raise RuntimeError("the action failed halfway")

    assert mailoutbox == []
    assert not Notification.objects.exists()


def test_a_notification_can_skip_the_e_mail(account_request, mailoutbox, django_capture_on_commit_callbacks):
    anna = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        send(account_request, [anna], email=False)

    assert Notification.objects.filter(recipient=anna).count() == 1
    assert mailoutbox == []


def test_links_in_the_e_mail_are_absolute(mailoutbox, django_capture_on_commit_callbacks, organisation):
    invitation = InvitationFactory(organisation=organisation)

    with django_capture_on_commit_callbacks(execute=True):
        notify(
            "invitation.created",
            recipients=[invitation.email],
            template="invitation",
            context={"invitation": invitation},
            url="/x/",
        )

    assert f"{settings.BASE_URL}/x/" in mailoutbox[0].body


def test_e_mail_is_written_in_dutch_even_when_triggered_from_an_english_page(
    account_request, mailoutbox, django_capture_on_commit_callbacks, dutch
):
    anna = UserFactory()

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        send(account_request, [anna])

    assert mailoutbox[0].subject == dutch(SUBJECT, html=False)
    assert Notification.objects.get().subject == dutch(SUBJECT, html=False)


def test_the_subject_is_one_line(account_request, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            "account_request.created",
            recipients=[UserFactory()],
            template="account_request_created",
            context={"account_request": account_request},
        )

    assert "\n" not in mailoutbox[0].subject
    assert "  " not in mailoutbox[0].subject
    assert "Lotte" in mailoutbox[0].subject


def test_the_dashboard_shows_a_persons_notifications(client, account_request):
    anna = UserFactory()
    send(account_request, [anna])
    client.force_login(anna)

    page = client.get("/account/").content.decode()

    assert Notification.objects.get(recipient=anna).subject in page
