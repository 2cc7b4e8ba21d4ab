"""Brute force and abuse: logins, password resets and account requests are limited per account and
per client address, with a Dutch message and status 429, and without telling whether an account exists."""

import pytest
from django.urls import reverse

from accounts.models import AccountRequest
from core.factories import PASSWORD, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = reverse("accounts:login")
RESET_URL = reverse("accounts:password_reset")
TOO_MANY = "Too many attempts in a short time. For your safety, try again after %(time)s."
TOO_OFTEN = "This form was sent too often in a short time. Try again after %(time)s."


def _start_of(dutch, msgid):
    """The Dutch message up to its time, which depends on the clock."""
    return dutch(msgid).split("%(time)s")[0]


WRONG_PASSWORD = "Iets-anders-123"


def _login(client, email, password=WRONG_PASSWORD, **extra):
    return client.post(LOGIN_URL, {"username": email, "password": password}, **extra)


def test_after_too_many_wrong_passwords_even_the_right_one_is_refused_for_a_while(client, settings, dutch):
    UserFactory(email="anna.claes@voorbeeld.be")
    allowed = settings.EXPOO_RATE_LIMITS["login"]["account"][0]
    for _attempt in range(allowed):
        assert _login(client, "anna.claes@voorbeeld.be").status_code == 200

    refused = _login(client, "Anna.Claes@voorbeeld.be", PASSWORD)

    assert refused.status_code == 429
    page = refused.content.decode()
    assert _start_of(dutch, TOO_MANY) in page and 'role="alert"' in page
    assert 'value="Anna.Claes@voorbeeld.be"' in page  # the form is shown again
    assert client.session.get("_auth_user_id") is None
    # Another person logging in from the same address is not locked out by it.
    UserFactory(email="bram.janssens@voorbeeld.be")
    assert _login(client, "bram.janssens@voorbeeld.be", PASSWORD).status_code == 302


def test_a_refused_login_looks_the_same_for_an_unknown_address(client, settings, without_csrf):
    settings.EXPOO_RATE_LIMITS = {**settings.EXPOO_RATE_LIMITS, "login": {"account": (2, 900), "address": (100, 900)}}
    UserFactory(email="chloe.maes@voorbeeld.be")
    pages = {}
    for email in ("chloe.maes@voorbeeld.be", "dries.niemand@voorbeeld.be"):
        _login(client, email)
        _login(client, email)
        pages[email] = _login(client, email)

    known, unknown = pages.values()
    assert known.status_code == unknown.status_code == 429
    assert without_csrf(known).replace("chloe.maes", "dries.niemand") == without_csrf(unknown)


def test_many_addresses_tried_from_one_client_are_limited_per_address(client, settings, dutch):
    settings.EXPOO_RATE_LIMITS = {**settings.EXPOO_RATE_LIMITS, "login": {"account": (10, 900), "address": (3, 900)}}
    for n in range(3):
        _login(client, f"persoon{n}@voorbeeld.be")

    refused = _login(client, "nog.iemand@voorbeeld.be")

    assert refused.status_code == 429
    assert _start_of(dutch, TOO_MANY) in refused.content.decode()
    # A client elsewhere is not affected.
    assert _login(client, "nog.iemand@voorbeeld.be", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_behind_a_trusted_proxy_clients_are_told_apart_by_the_forwarded_address(client, settings):
    settings.EXPOO_RATE_LIMITS = {**settings.EXPOO_RATE_LIMITS, "login": {"account": (10, 900), "address": (2, 900)}}
    settings.EXPOO_TRUSTED_PROXIES = 1
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.9", "REMOTE_ADDR": "10.0.0.1"}
    for n in range(2):
        _login(client, f"persoon{n}@voorbeeld.be", **attacker)

    assert _login(client, "x@voorbeeld.be", **attacker).status_code == 429
    # A forged entry in front of the one the proxy wrote changes nothing.
    assert (
        _login(client, "x@voorbeeld.be", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9", REMOTE_ADDR="10.0.0.1").status_code == 429
    )
    assert _login(client, "x@voorbeeld.be", HTTP_X_FORWARDED_FOR="198.51.100.20", REMOTE_ADDR="10.0.0.1").status_code == 200


def test_without_a_trusted_proxy_a_forged_forwarded_header_does_not_escape_the_limit(client, settings):
    settings.EXPOO_RATE_LIMITS = {**settings.EXPOO_RATE_LIMITS, "login": {"account": (10, 900), "address": (2, 900)}}
    for n in range(2):
        _login(client, f"persoon{n}@voorbeeld.be", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")

    assert _login(client, "x@voorbeeld.be", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_password_reset_is_limited_and_looks_the_same_for_an_unknown_address(client, settings, mailoutbox, dutch, without_csrf):
    allowed = settings.EXPOO_RATE_LIMITS["password_reset"]["account"][0]
    UserFactory(email="els.goossens@voorbeeld.be")
    answers = {}
    for email in ("els.goossens@voorbeeld.be", "niemand@voorbeeld.be"):
        for _attempt in range(allowed):
            assert client.post(RESET_URL, {"email": email})["Location"] == reverse("accounts:password_reset_done")
        answers[email] = client.post(RESET_URL, {"email": email})

    known, unknown = answers.values()
    assert known.status_code == unknown.status_code == 429
    assert _start_of(dutch, TOO_MANY) in known.content.decode()
    assert without_csrf(known).replace("els.goossens", "niemand") == without_csrf(unknown)
    assert len(mailoutbox) == allowed  # the refused request sent nothing
    assert {tuple(m.to) for m in mailoutbox} == {("els.goossens@voorbeeld.be",)}


def test_the_account_request_form_is_limited_and_stores_nothing_once_refused(client, settings, dutch):
    settings.EXPOO_RATE_LIMITS = {**settings.EXPOO_RATE_LIMITS, "account_request": {"account": (1, 3600), "address": (10, 3600)}}
    organisation = OrganisationFactory()
    data = {"first_name": "Amira", "last_name": "Benali", "email": "amira@ouderpunt.example.org", "organisation": organisation.pk}
    assert client.post(reverse("accounts:request"), data).status_code == 302

    refused = client.post(reverse("accounts:request"), {**data, "email": "AMIRA@ouderpunt.example.org"})

    assert refused.status_code == 429
    assert _start_of(dutch, TOO_OFTEN) in refused.content.decode()
    assert 'value="Amira"' in refused.content.decode()
    assert AccountRequest.objects.count() == 1


def test_a_rate_limit_hit_is_logged_without_the_address_or_e_mail(client, settings, caplog):
    settings.EXPOO_RATE_LIMITS = {**settings.EXPOO_RATE_LIMITS, "login": {"account": (1, 900), "address": (10, 900)}}
    _login(client, "fatima@voorbeeld.be")
    _login(client, "fatima@voorbeeld.be")

    (record,) = [r for r in caplog.records if getattr(r, "event", None) == "ratelimit.exceeded"]
    assert (record.scope, record.limit) == ("login", "account")
    assert "fatima" not in str(record.__dict__) and "127.0.0.1" not in str(record.__dict__)
