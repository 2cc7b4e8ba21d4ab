"""Nothing acknowledged is lost and nothing is stored halfway.

- The real server (gunicorn, 2 workers) on a SQLite file in WAL mode with synchronous=FULL takes
  practice registrations and account requests from parallel clients and is killed with SIGKILL in
  the middle: every submission that was answered with its success redirect is in the database,
  and every practice there has all the rows its registration writes in one transaction.
- Every state-changing action runs in one transaction: a failure in its middle leaves nothing
  behind (on SQLite and PostgreSQL alike, as the suite runs on both).
"""

import ast
import http.client
import inspect
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts import actions as account_actions
from accounts import roles
from accounts.models import AccountRequest
from core.factories import MembershipFactory, OrganisationFactory, ThemeFactory, UserFactory
from core.models import TargetGroup
from events import actions as event_actions
from events.models import Event, EventSession
from notifications.models import Notification
from organisations.models import Organisation
from practices import actions as practice_actions
from practices.models import Practice, PracticeOrganisation

BASE_DIR = Path(settings.BASE_DIR)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="the crash test is about the embedded SQLite file")

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def workspace_url(pk) -> str:
    """The practice's dossier, where a registration redirects (with `pk` as given, e.g. a pattern)."""
    return reverse("practices:workspace", kwargs={"pk": 999999}).replace("999999", str(pk))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """A minimal HTTP client: one connection per request (gunicorn's sync workers close them), cookies kept."""

    def __init__(self, port: int, cookies: dict | None = None):
        self.port = port
        self.cookies = dict(cookies or {})

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, dict, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for cookie in response.msg.get_all("Set-Cookie") or []:
                name, _, rest = cookie.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, dict(response.getheaders()), text
        finally:
            conn.close()

    def csrf_token(self, path: str) -> str:
        status, headers, text = self.request("GET", path)
        assert status == 200, (path, status, headers.get("Location"), sorted(self.cookies))
        return CSRF_FIELD.search(text).group(1)


def copy_test_database(target: Path) -> None:
    """The migrated test database (reference data and this test's rows) into a file the server opens.

    The test's transaction is still open, which blocks SQLite's backup API; a dump read through the
    same connection sees it."""
    connection.ensure_connection()
    source = connection.connection
    # A full-text (virtual) table's rows live in its shadow tables, which the dump copies as they are.
    virtual = [name for (name,) in source.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")]
    skipped = tuple(f'INSERT INTO "{name}" VALUES' for name in virtual)
    destination = sqlite3.connect(target)
    try:
        destination.executescript("\n".join(line for line in source.iterdump() if not line.startswith(skipped)))
    finally:
        destination.close()


def server_environment(var_dir: Path) -> dict:
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="core.tests.crash_settings",
        EXPOO_VAR_DIR=str(var_dir),
        SECRET_KEY=settings.SECRET_KEY,
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def start_server(var_dir: Path, port: int, log_path: Path) -> subprocess.Popen:
    env = server_environment(var_dir)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    log = log_path.open("wb")
    return subprocess.Popen(
        [str(gunicorn), "expoo.wsgi:application", "--workers", "2", "--bind", f"127.0.0.1:{port}", "--timeout", "60"],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: one SIGKILL reaches the master and the workers
    )


def wait_until_ready(port: int, server: subprocess.Popen, log_path: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, log_path.read_text()
        try:
            status, _, _ = Browser(port).request("GET", "/health/ready")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"the server did not become ready:\n{log_path.read_text()}")


@sqlite_only
def test_every_acknowledged_write_survives_a_sigkill_and_no_practice_is_half_written(db, tmp_path):
    organisation = OrganisationFactory(name="Huis van het Kind Crashstad").pk
    UserFactory(email="team@expoo.example", groups=[roles.EXPOO_TEAM])  # receives every notification
    theme = ThemeFactory(name="Ouderparticipatie", slug="ouderparticipatie").pk
    target = TargetGroup.objects.create(name="Ouders van jonge kinderen", slug="ouders-jonge-kinderen").pk
    sessions = []
    for n in range(4):
        member = MembershipFactory(organisation_id=organisation, user__email=f"schrijver{n}@crashstad.example").user
        client = Client()
        client.force_login(member)
        sessions.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    practice_type = ContentType.objects.get_for_model(Practice).pk
    request_type = ContentType.objects.get_for_model(AccountRequest).pk

    var_dir = tmp_path / "var"
    var_dir.mkdir()
    database = var_dir / "expoo.sqlite3"
    copy_test_database(database)
    port, log_path = free_port(), tmp_path / "server.log"
    server = start_server(var_dir, port, log_path)

    acknowledged_practices: dict[str, int] = {}
    acknowledged_requests: set[str] = set()
    answered = threading.Semaphore(0)
    errors: list[str] = []
    stop = threading.Event()
    lock = threading.Lock()

    def register_practices(n: int, session_key: str) -> None:
        browser = Browser(port, {settings.SESSION_COOKIE_NAME: session_key})
        path = "/werkruimte/praktijk-aanmelden/"
        token = browser.csrf_token(path)
        i = 0
        while not stop.is_set():
            title = f"Crashpraktijk {n}-{i}"
            form = {
                "csrfmiddlewaretoken": token,
                "organisation": organisation,
                "title": title,
                "summary": "Ouders en kinderen lezen samen voor.",
                "target_groups": target,
                "themes": theme,
                "contact_name": "Sam Schrijver",
                "contact_email": "sam@crashstad.example",
            }
            try:
                status, headers, _ = browser.request("POST", path, form)
            except OSError:
                return  # the server is gone: this one was never acknowledged
            match = re.fullmatch(workspace_url("(\\d+)"), headers.get("Location", ""))
            if status == 302 and match:
                with lock:
                    acknowledged_practices[title] = int(match.group(1))
                answered.release()

            i += 1

    def request_accounts(n: int) -> None:
        browser = Browser(port)
        path = "/account/aanvragen/"
        token = browser.csrf_token(path)
        i = 0
        while not stop.is_set():
            email = f"aanvraag{n}-{i}@crashstad.example"
            form = {
                "csrfmiddlewaretoken": token,
                "first_name": "Robin",
                "last_name": "Aanvrager",
                "email": email,
                "organisation": organisation,
                "motivation": "Ik werk mee aan de praktijken van ons huis.",
            }
            try:
                status, headers, _ = browser.request("POST", path, form)
            except OSError:
                return
            if status == 302 and headers.get("Location") == "/account/aanvragen/verstuurd/":
                with lock:
                    acknowledged_requests.add(email)
                answered.release()
            i += 1

    def reporting(client):
        def run(*args):
            try:
                client(*args)
            except Exception as error:  # noqa: BLE001 - reported by the test below
                errors.append(f"{client.__name__}{args}: {error!r}")
                answered.release()

        return run

    threads = [threading.Thread(target=reporting(register_practices), args=(n, key)) for n, key in enumerate(sessions)]
    threads += [threading.Thread(target=reporting(request_accounts), args=(n,)) for n in range(2)]
    try:
        wait_until_ready(port, server, log_path)
        for thread in threads:
            thread.start()
        # Kill in the middle: after a good number of acknowledged writes, while the clients keep sending.
        deadline = time.monotonic() + 15
        for _ in range(30):
            assert answered.acquire(timeout=max(0.1, deadline - time.monotonic())), log_path.read_text()
            assert not errors, (errors, log_path.read_text()[-4000:])  # the server's side of a refusal
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    finally:
        stop.set()
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        for thread in threads:
            if thread.ident is not None:
                thread.join(timeout=30)

    assert not errors, errors
    assert server.returncode == -signal.SIGKILL
    assert acknowledged_practices and acknowledged_requests

    db_file = sqlite3.connect(database)
    try:
        assert db_file.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db_file.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

        def rows(sql, *params):
            return db_file.execute(sql, params).fetchall()

        # Every acknowledged practice is there, under the id its redirect named.
        stored = dict(rows(f"SELECT title, id FROM {Practice._meta.db_table}"))  # noqa: S608
        for title, pk in acknowledged_practices.items():
            assert stored.get(title) == pk, f"acknowledged practice {title!r} is missing"

        # No half-written practice: each has every row register_practice writes in its transaction.
        links = PracticeOrganisation._meta.db_table
        themes = Practice.themes.through._meta.db_table
        targets = Practice.target_groups.through._meta.db_table
        notifications = Notification._meta.db_table
        for title, pk in stored.items():
            assert rows(f"SELECT organisation_id, role FROM {links} WHERE practice_id = ?", pk) == [  # noqa: S608
                (organisation, "submitter")
            ], title
            assert rows(f"SELECT theme_id FROM {themes} WHERE practice_id = ?", pk) == [(theme,)], title  # noqa: S608
            assert rows(f"SELECT targetgroup_id FROM {targets} WHERE practice_id = ?", pk) == [(target,)], title  # noqa: S608
            assert rows(
                "SELECT COUNT(*) FROM wagtailcore_modellogentry WHERE content_type_id = ? AND object_id = ? AND action = ?",
                practice_type,
                str(pk),
                "expoo.practice.register",
            ) == [(1,)], title
            assert rows(
                f"SELECT COUNT(*) FROM {notifications} WHERE verb = 'practice.registered' AND url = ?",  # noqa: S608
                workspace_url(pk),
            ) == [(1,)], title

        # Every acknowledged account request is there, each with its audit entry and its notification.
        requests = dict(rows(f"SELECT email, id FROM {AccountRequest._meta.db_table}"))  # noqa: S608
        assert acknowledged_requests <= set(requests)
        for email, pk in requests.items():
            assert rows(
                "SELECT COUNT(*) FROM wagtailcore_modellogentry WHERE content_type_id = ? AND object_id = ? AND action = ?",
                request_type,
                str(pk),
                "expoo.account_request.create",
            ) == [(1,)], email
        created = rows(f"SELECT COUNT(*) FROM {notifications} WHERE verb = 'account_request.created'")[0][0]  # noqa: S608
        assert created == len(requests)
    finally:
        db_file.close()


@sqlite_only
def test_a_sqlite_file_opened_with_the_site_settings_syncs_every_commit(tmp_path, django_db_blocker):
    from django.db.backends.sqlite3.base import DatabaseWrapper

    wrapper = DatabaseWrapper({**connection.settings_dict, "NAME": str(tmp_path / "expoo.sqlite3")}, alias="sync_check")
    try:
        with django_db_blocker.unblock(), wrapper.cursor() as cursor:
            pragmas = {
                name: cursor.execute(f"PRAGMA {name}").fetchone()[0] for name in ("journal_mode", "synchronous", "foreign_keys")
            }
    finally:
        wrapper.close()

    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}  # 2 is FULL


# Every action is one transaction --------------------------------------------------------------

ACTION_MODULES = [practice_actions, account_actions, event_actions]
WRITES = {"create", "save", "delete", "update", "bulk_create", "bulk_update", "get_or_create", "update_or_create", "set", "add"}
WRITES |= {"remove", "clear"}


def _is_atomic(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute | ast.Call) and "atomic" in ast.unparse(node)


def _writes(function: ast.FunctionDef) -> bool:
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES
        for node in ast.walk(function)
    )


def _runs_in_transaction(function: ast.FunctionDef) -> bool:
    if any(_is_atomic(decorator) for decorator in function.decorator_list):
        return True
    blocks = [
        node for node in ast.walk(function) if isinstance(node, ast.With) and any(_is_atomic(i.context_expr) for i in node.items)
    ]
    if not blocks:
        return False
    # Every write sits inside one of the atomic blocks.
    inside = {id(n) for block in blocks for n in ast.walk(block)}
    return all(
        id(node) in inside
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES
    )


@pytest.mark.parametrize("module", ACTION_MODULES, ids=lambda m: m.__name__)
def test_every_public_action_that_writes_runs_in_a_transaction(module):
    tree = ast.parse(inspect.getsource(module))
    unguarded = [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and not node.name.startswith("_")
        and _writes(node)
        and not _runs_in_transaction(node)
    ]
    assert unguarded == [], f"{module.__name__}: these write outside a transaction"


def _fail(*args, **kwargs):
    raise RuntimeError("the disk is full")


def test_a_failure_in_the_middle_of_a_practice_registration_leaves_nothing_behind(db, monkeypatch):
    organisation = OrganisationFactory(name="Huis van het Kind Halfweg")
    writer = MembershipFactory(organisation=organisation, user__email="schrijver@halfweg.example").user
    UserFactory(email="team@expoo.example", groups=[roles.EXPOO_TEAM])
    theme = ThemeFactory(name="Taal", slug="taal")
    # The practice, its organisation link and its themes are written; then the audit entry fails.
    monkeypatch.setattr(practice_actions, "_audit", _fail)

    with pytest.raises(RuntimeError):
        practice_actions.register_practice(
            by=writer,
            organisation=organisation,
            title="Voorleesmoment",
            summary="Samen lezen.",
            contact_name="Sam",
            contact_email="sam@halfweg.example",
            themes=[theme],
        )

    assert not Practice.objects.exists()
    assert not PracticeOrganisation.objects.exists()
    assert not Practice.themes.through.objects.exists()
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_a_failure_in_the_middle_of_an_account_request_leaves_no_organisation_behind(db, monkeypatch):
    UserFactory(email="team@expoo.example", groups=[roles.EXPOO_TEAM])
    organisations_before = Organisation.objects.count()
    calls = []

    def notify_then_fail(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:  # the team was told; telling the requester fails
            raise RuntimeError("the mail queue is gone")

    monkeypatch.setattr(account_actions, "notify", notify_then_fail)
    from core.factories import municipality

    with pytest.raises(RuntimeError):
        account_actions.request_account(
            first_name="Robin",
            last_name="Nieuw",
            email="robin@nieuw.example",
            new_organisation={"name": "Opvoedingswinkel Nieuw", "kind": "other", "municipality": municipality("Gent")},
        )

    assert len(calls) == 2
    assert Organisation.objects.count() == organisations_before
    assert not AccountRequest.objects.exists()


def test_a_failure_in_the_middle_of_an_event_proposal_leaves_nothing_behind(db, monkeypatch):
    from events.tests.conftest import proposal_data, soon

    organisation = OrganisationFactory(name="Huis van het Kind Agenda")
    member = MembershipFactory(organisation=organisation, user__email="lid@agenda.example").user
    monkeypatch.setattr(event_actions, "_audit", _fail)
    start, end = soon()

    with pytest.raises(RuntimeError):
        event_actions.propose_event(by=member, data=proposal_data(organisation), sessions=[(start, end, "")])

    assert not Event.objects.exists()
    assert not EventSession.objects.exists()
