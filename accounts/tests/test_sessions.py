"""Sessions: a new key at login, a logout that ends the session on the server, shorter sessions for
the team, commission and administrators, and cookies the browser keeps to itself."""

import os
import re
import secrets
import subprocess
import sys
import time
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts import roles
from accounts.middleware import LAST_SEEN, STRICT_SINCE
from core.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SessionStore = import_module(settings.SESSION_ENGINE).SessionStore  # the site's engine, whichever it is

LOGIN_URL = reverse("accounts:login")
IDLE = "You have been logged out because you were inactive for a while. Log in again to continue."
ABSOLUTE = "You have been logged in for the maximum time. For your safety, log in again to continue."


def _session_key(client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _shift(client, **seconds_ago):
    """Move the session's clocks back: STRICT_SINCE / LAST_SEEN as if that many seconds ago."""
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[{"since": STRICT_SINCE, "seen": LAST_SEEN}[key]] = now - ago
    session.save()


def test_logging_in_gives_a_new_session_key_and_forgets_the_old_one(client):
    UserFactory(email="anna.claes@voorbeeld.be")
    before = client.session
    before["visited"] = True  # an anonymous session someone may have planted
    before.save()
    old_key = _session_key(client)

    response = client.post(LOGIN_URL, {"username": "anna.claes@voorbeeld.be", "password": PASSWORD})

    assert response.status_code == 302
    assert _session_key(client) != old_key
    assert not SessionStore().exists(old_key)
    assert client.session.get("_auth_user_id")


def test_logging_out_removes_the_session_from_the_server(client):
    client.force_login(UserFactory())
    key = _session_key(client)
    assert SessionStore().exists(key)

    client.post(reverse("accounts:logout"))

    assert not SessionStore().exists(key)
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_every_logout_in_the_templates_is_a_post_form():
    roots = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("*/templates")]
    found = 0
    for path in [p for root in roots for p in root.rglob("*.html")]:
        text = path.read_text()
        for match in re.finditer(r"url '(?:accounts:logout|wagtailadmin_logout)'", text):
            found += 1
            tag_start = text.rfind("<", 0, match.start())
            assert re.match(r'<form method="post"', text[tag_start:]), f"{path}: a logout that is not a POST form"
            assert "{% csrf_token %}" in text[match.end() : text.find("</form>", match.end())]
    assert found >= 1  # the header's


def test_a_staff_session_ends_after_idle_time_with_a_dutch_message_and_the_way_back(client, dutch, caplog):
    team = UserFactory(groups=[roles.EXPOO_TEAM])
    client.force_login(team)
    _shift(client, seen=settings.EXPOO_STRICT_SESSION_IDLE_SECONDS + 5)

    response = client.get("/werkruimte/team/?tab=intake")

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN_URL}?next=/werkruimte/team/%3Ftab%3Dintake"
    login_page = client.get(response["Location"])
    assert dutch(IDLE) in login_page.content.decode()
    assert login_page.context["next"] == "/werkruimte/team/?tab=intake"
    assert client.session.get("_auth_user_id") is None
    expired = [r for r in caplog.records if getattr(r, "event", None) == "session.expired"]
    assert [(r.user_id, r.reason) for r in expired] == [(team.pk, "idle")]


def test_a_staff_session_ends_after_the_absolute_limit_even_when_active(client, dutch):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    _shift(client, since=settings.EXPOO_STRICT_SESSION_ABSOLUTE_SECONDS + 5, seen=10)

    response = client.get(reverse("accounts:dashboard"), follow=True)

    assert response.redirect_chain[0][0].startswith(LOGIN_URL)
    assert dutch(ABSOLUTE) in response.content.decode()
    assert client.session.get("_auth_user_id") is None


def test_an_active_staff_session_goes_on_and_its_idle_clock_moves(client):
    client.force_login(UserFactory(groups=[roles.COMMISSION_MEMBER]))
    _shift(client, since=3 * 60 * 60, seen=settings.EXPOO_STRICT_SESSION_IDLE_SECONDS - 60)

    assert client.get(reverse("accounts:dashboard")).status_code == 200

    assert time.time() - client.session[LAST_SEEN] < 5


def test_a_staff_session_is_kept_no_longer_than_its_limits_and_a_member_keeps_the_normal_age(client):
    client.force_login(UserFactory(groups=[roles.COMMISSION_CHAIR]))
    staff_age = client.session.get_expiry_age()
    client.post(reverse("accounts:logout"))
    client.force_login(UserFactory())
    member_age = client.session.get_expiry_age()

    assert staff_age <= settings.EXPOO_STRICT_SESSION_ABSOLUTE_SECONDS + settings.EXPOO_STRICT_SESSION_IDLE_SECONDS
    assert member_age == settings.SESSION_COOKIE_AGE


def test_a_member_given_a_commission_role_mid_session_logs_in_again_with_the_second_step(client, dutch, caplog):
    member = UserFactory()
    client.force_login(member)
    assert client.get(reverse("accounts:dashboard")).status_code == 200

    member.groups.add(Group.objects.get(name=roles.COMMISSION_MEMBER))
    response = client.get("/werkruimte/beoordelen/", follow=True)

    assert response.redirect_chain[0][0] == f"{LOGIN_URL}?next=/werkruimte/beoordelen/"
    assert dutch("Your role on the platform has changed. Log in again to continue, with the second step.") in (
        response.content.decode()
    )
    assert client.session.get("_auth_user_id") is None
    expired = [r for r in caplog.records if getattr(r, "event", None) == "session.expired"]
    assert [(r.user_id, r.reason) for r in expired] == [(member.pk, "role_changed")]
    # The password alone now leads to the second step, not into the workspace.
    login = client.post(LOGIN_URL, {"username": member.email, "password": PASSWORD})
    assert login.status_code == 302 and login["Location"] == reverse("accounts:two_factor_enrol")


def test_a_member_idle_for_hours_stays_logged_in(client):
    client.force_login(UserFactory())
    _shift(client, seen=5 * 60 * 60)

    assert client.get(reverse("accounts:dashboard")).status_code == 200


def test_the_session_and_csrf_cookies_are_http_only_and_same_site(client):
    UserFactory(email="anna.claes@voorbeeld.be")
    client.get(LOGIN_URL)
    client.post(LOGIN_URL, {"username": "anna.claes@voorbeeld.be", "password": PASSWORD})

    session_cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    csrf_cookie = client.cookies[settings.CSRF_COOKIE_NAME]
    assert session_cookie["httponly"] and session_cookie["samesite"] == "Lax"
    assert csrf_cookie["httponly"] and csrf_cookie["samesite"] == "Lax"


def test_production_cookies_are_secure_http_only_and_same_site(tmp_path):
    # Read the production module in a clean process, as a server would with HTTPS on (the default).
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(SECRET_KEY=secrets.token_urlsafe(50), EXPOO_VAR_DIR=str(tmp_path / "var"), PYTHONDONTWRITEBYTECODE="1")
    names = [
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SAMESITE",
    ]
    code = f"import expoo.settings.production as s; print(*[getattr(s, n) for n in {names!r}])"

    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "Lax", "True", "True", "Lax"]


def test_logging_out_of_the_wagtail_admin_ends_the_session_and_leads_to_the_site_login(client):
    editor = UserFactory(groups=[roles.EXPOO_TEAM], is_staff=True)
    client.force_login(editor)
    key = _session_key(client)

    response = client.post("/beheer/logout/")

    assert response.status_code == 302 and response["Location"] == LOGIN_URL
    assert not SessionStore().exists(key)
    client.force_login(editor)
    key = _session_key(client)
    assert client.get("/beheer/logout/").status_code == 405  # a link cannot log anyone out
    assert SessionStore(key).get("_auth_user_id") == str(editor.pk)
