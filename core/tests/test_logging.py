"""Structured logs: one JSON object per line in production, every access-denied event recorded on
"expoo.security", and never a password, token, session id or e-mail address in the output."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from core.logging import JsonFormatter, PlainFormatter, RequestIdMiddleware, ScrubFilter, current_request_id

BASE_DIR = Path(settings.BASE_DIR)
EMAIL = "jan.peeters@hvhk-gent.be"
PASSWORD = "Geheim-wachtwoord-2026"


def emit(formatter, msg, *args, level=logging.WARNING, name="expoo.security", exc_info=None, **extra) -> str:
    """One record through the scrub filter and `formatter`, as the configured handler does it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    handler.addFilter(ScrubFilter())
    logger = logging.getLogger(f"test.{name}")
    logger.propagate = False
    logger.handlers = [handler]
    logger.setLevel(logging.DEBUG)
    try:
        logger.log(level, msg, *args, extra=extra, exc_info=exc_info)
    finally:
        logger.handlers = []
    return stream.getvalue()


def test_a_record_is_one_json_line_with_time_level_logger_message_and_extra_fields():
    output = emit(JsonFormatter(), "login failed (%s)", "wrong password", event="login.failed", user_id=42, attempts=3)

    assert output.count("\n") == 1
    entry = json.loads(output)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "test.expoo.security"
    assert entry["message"] == "login failed (wrong password)"
    assert entry["event"] == "login.failed" and entry["user_id"] == 42 and entry["attempts"] == 3
    assert entry["time"].endswith("+00:00") and "T" in entry["time"]


def test_login_events_with_personal_data_in_extra_fields_are_rendered_without_it():
    """How the login events of accounts/ look: their `extra` fields are kept, secrets and addresses are not."""
    output = emit(
        JsonFormatter(),
        "login failed for %s",
        EMAIL,
        event="login.failed",
        email=EMAIL,
        password=PASSWORD,
        username=EMAIL,
        user_id=7,
        session_key="abcdef0123456789abcdef0123456789",
        headers={"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.secret", "Cookie": "sessionid=abc123; csrftoken=def456"},
        next="/account/wachtwoord-kiezen/MQ/c5k1-3b2f6e1a9d8c7b6a/?x=1",
    )

    entry = json.loads(output)
    assert EMAIL not in output and PASSWORD not in output
    for secret in ("abcdef0123456789abcdef0123456789", "eyJhbGciOiJIUzI1NiJ9", "abc123", "def456", "c5k1-3b2f6e1a9d8c7b6a"):
        assert secret not in output
    assert entry["event"] == "login.failed" and entry["user_id"] == 7
    assert entry["message"] == "login failed for [email]"
    assert entry["email"] == entry["password"] == entry["session_key"] == "[redacted]"
    assert entry["headers"] == {"Authorization": "[redacted]", "Cookie": "[redacted]"}
    assert entry["next"] == "/account/wachtwoord-kiezen/[redacted]"


@pytest.mark.parametrize(
    "formatter", [JsonFormatter(), PlainFormatter("%(levelname)s %(name)s %(message)s")], ids=["json", "plain"]
)
def test_secrets_and_addresses_are_scrubbed_from_messages_and_exceptions(formatter):
    try:
        raise ValueError(f"could not save {EMAIL} with password={PASSWORD}")
    except ValueError:
        exc_info = sys.exc_info()
    output = emit(
        formatter,
        "POST %s failed: %s",
        "/account/uitnodiging/7b1c8f0e-1234-4bcd-8123-1234567890ab/?token=abc",
        f"password={PASSWORD}&csrfmiddlewaretoken=Zm9vYmFy&email={EMAIL}",
        level=logging.ERROR,
        exc_info=exc_info,
        dsn="postgres://expoo:" + PASSWORD + "@db.internal:5432/expoo",
    )

    assert EMAIL not in output
    assert PASSWORD not in output
    assert "Zm9vYmFy" not in output and "7b1c8f0e-1234" not in output
    assert "ValueError" in output  # the exception is still there, scrubbed


def test_plain_text_in_development_json_in_production(tmp_path):
    assert settings.LOG_FORMAT == "plain"
    assert settings.LOGGING["handlers"]["console"]["filters"] == ["scrub"]
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="expoo.settings.production",
        SECRET_KEY="x" * 60,
        EXPOO_VAR_DIR=str(tmp_path),
        PYTHONDONTWRITEBYTECODE="1",
    )
    code = (
        "import django, logging; django.setup();"
        f"logging.getLogger('expoo.security').warning('login failed for %s', {EMAIL!r}, "
        f"extra={{'event': 'login.failed', 'email': {EMAIL!r}, 'password': {PASSWORD!r}, 'user_id': 5}})"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    entry = json.loads(lines[-1])
    assert entry["event"] == "login.failed" and entry["user_id"] == 5 and entry["logger"] == "expoo.security"
    assert EMAIL not in result.stderr and PASSWORD not in result.stderr


def test_every_record_of_a_request_carries_its_id(rf):
    seen = {}

    def view(request):
        seen["id"] = current_request_id()
        seen["line"] = emit(JsonFormatter(), "inside the request")
        from django.http import HttpResponse

        return HttpResponse("ok")

    response = RequestIdMiddleware(view)(rf.get("/", HTTP_X_REQUEST_ID="proxy-1234abcd"))

    assert response["X-Request-ID"] == "proxy-1234abcd" == seen["id"]
    assert json.loads(seen["line"])["request_id"] == "proxy-1234abcd"
    assert current_request_id() is None  # nothing leaks into the next request

    forged = RequestIdMiddleware(view)(rf.get("/", HTTP_X_REQUEST_ID="<script>"))
    assert forged["X-Request-ID"] != "<script>" and len(forged["X-Request-ID"]) == 32


# Access denied ---------------------------------------------------------------------------------


def _denied(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "expoo.security" and getattr(r, "event", None) == "access.denied"]


def test_a_permission_denied_of_a_view_is_logged_with_path_method_and_user_id(client, member, caplog):
    """A member who is not in the EXPOO team asks for the team's account requests: PermissionDenied → 403."""
    client.force_login(member)
    with caplog.at_level(logging.WARNING, logger="expoo.security"):
        response = client.get(reverse("accounts:requests"))

    assert response.status_code == 403
    [record] = _denied(caplog)
    assert record.path == reverse("accounts:requests") and record.method == "GET" and record.user_id == member.pk
    assert member.email not in JsonFormatter().format(record)


def test_a_denied_anonymous_request_is_logged_without_a_user(client, db, caplog):
    from django.core.exceptions import PermissionDenied

    from core.views import permission_denied

    request = Client().get("/").wsgi_request
    with caplog.at_level(logging.WARNING, logger="expoo.security"):
        response = permission_denied(request, PermissionDenied("nee"))

    assert response.status_code == 403
    [record] = _denied(caplog)
    assert record.user_id is None and record.reason == "permission_denied"


def test_a_csrf_failure_is_logged(db, member, caplog):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    with caplog.at_level(logging.WARNING, logger="expoo.security"):
        response = client.post(reverse("accounts:follow_themes"), {"themes": []})

    assert response.status_code == 403
    [record] = _denied(caplog)
    assert record.method == "POST" and record.user_id == member.pk and record.reason.startswith("csrf")
    assert record.path == reverse("accounts:follow_themes")


def test_the_login_events_of_accounts_are_rendered_with_their_fields(rf, member):
    from accounts import security_log

    request = rf.post("/account/inloggen/", {"username": member.email, "password": PASSWORD})
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ScrubFilter())
    logger = logging.getLogger("expoo.security")
    logger.addHandler(handler)
    try:
        security_log.log_event(security_log.LOGIN_FAILED, request, user_id=member.pk, reason="bad_password")
    finally:
        logger.removeHandler(handler)

    entry = json.loads(stream.getvalue())
    assert entry["event"] == "login.failed" and entry["user_id"] == member.pk and entry["reason"] == "bad_password"
    assert entry["logger"] == "expoo.security" and entry["level"] == "WARNING" and entry["client"]
    assert member.email not in stream.getvalue() and PASSWORD not in stream.getvalue()
