"""Every login event reaches the "expoo.security" logger with structured fields, and never the
e-mail address, the password, a code or the client address in clear."""

import pytest
from django.urls import reverse

from accounts import roles
from accounts.testing import current_code, give_authenticator
from core.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SECRET_BITS = ("gert.wouters", "voorbeeld.be", PASSWORD, "Iets-anders-123", "127.0.0.1")


def _events(caplog):
    return [r for r in caplog.records if r.name == "expoo.security"]


def _assert_nothing_personal(records, *extra):
    for record in records:
        text = f"{record.getMessage()} {record.__dict__}"
        for bit in (*SECRET_BITS, *extra):
            assert bit not in text, f"{bit!r} in {record.event}"


def test_success_failure_and_logout_are_logged_with_the_user_id(client, caplog):
    user = UserFactory(email="gert.wouters@voorbeeld.be")
    client.post(reverse("accounts:login"), {"username": user.email, "password": "Iets-anders-123"})
    client.post(reverse("accounts:login"), {"username": "niemand@voorbeeld.be", "password": "Iets-anders-123"})
    client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    client.post(reverse("accounts:logout"))

    records = _events(caplog)
    assert [(r.event, r.user_id) for r in records] == [
        ("login.failed", user.pk),
        ("login.failed", None),
        ("login.succeeded", user.pk),
        ("logout", user.pk),
    ]
    assert records[0].levelname == "WARNING"
    assert records[0].client == records[2].client and len(records[0].client) == 20  # keyed hash, correlatable
    _assert_nothing_personal(records)


def test_the_second_step_logs_its_failure_and_its_success(client, caplog, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp would hold the right code back for a second
    user = UserFactory(email="gert.wouters@voorbeeld.be", groups=[roles.COMMISSION_MEMBER])
    give_authenticator(user)
    client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    code = current_code(user)
    client.post(reverse("accounts:two_factor"), {"code": "999999" if code != "999999" else "888888"})
    client.post(reverse("accounts:two_factor"), {"code": code})

    records = _events(caplog)
    assert [(r.event, r.user_id) for r in records] == [("login.2fa_failed", user.pk), ("login.succeeded", user.pk)]
    assert records[1].method == "totp"
    _assert_nothing_personal(records, code)
